#pragma once
// `procedura paths --list`: the scenarios of a procedure, one per distinct path from start
// to an outcome, each with the answers that take it, the outcome and the actions a run
// with those answers collects (replayed by the engine, so they are exactly a run's).
//
// Answers tried at each question: yes and no; each choice option; for multi, every subset
// of up to 4 options, else none, each option alone and all; for number, one value per
// interval the procedures' `when` expressions tell apart (sample_domains); for text, each
// string it is compared with and one other. Answers that take the same route and collect
// the same actions are one scenario (the first found is shown). A question is not asked
// twice on one path: routes that loop back to an answered question are not followed.
#include <string>
#include <utility>
#include <vector>

#include "engine/session.h"
#include "load/catalog.h"
#include "model/procedure.h"

namespace procedura {

struct ListedPath {
  std::vector<std::pair<std::string, std::string>> answers;  // key, answer as written
  const Node* outcome = nullptr;
  std::vector<engine::CollectedAction> actions;
};

struct PathList {
  std::vector<ListedPath> paths;
  bool stopped_at_limit = false;
  bool stopped_at_budget = false;  // too many answer combinations to try, or a path too long
  size_t loops_cut = 0;            // routes not followed because a question came back
  size_t errors = 0;               // combinations whose run stops with an error
};

PathList list_paths(const Procedure& procedure, size_t limit, size_t budget = 200000);

}  // namespace procedura
