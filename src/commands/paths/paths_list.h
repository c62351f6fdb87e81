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

// Longer paths are not listed: each question copies the session (its whole path so far)
// and the search recurses, so memory grows with questions × steps. Calls that each call
// the next twice make a path of millions of steps between two questions; these bounds keep
// such a search within tens of megabytes. A real procedure asks a few dozen questions.
inline constexpr size_t kMaxQuestionsOnPath = 250;
inline constexpr size_t kMaxStepsOnPath = 5000;

struct ListedPath {
  std::vector<std::pair<std::string, std::string>> answers;  // key, answer as written
  const Node* outcome = nullptr;
  std::vector<engine::CollectedAction> actions;
};

struct PathList {
  std::vector<ListedPath> paths;
  bool stopped_at_limit = false;
  bool stopped_at_budget = false;  // too many answer combinations to try, or a path too long
  bool path_too_long = false;      // (the budget) a path asks more than kMaxQuestionsOnPath
  size_t loops_cut = 0;            // routes not followed because a question came back
  size_t errors = 0;               // combinations whose run stops with an error
};

PathList list_paths(const Procedure& procedure, size_t limit, size_t budget = 200000);

}  // namespace procedura
