#pragma once
// The answers worth trying at a question: one per thing the procedure can tell apart. Shared
// by `paths --list` (every candidate, depth first) and `drill` (a random one), so both see
// the same answers. yes_no: both; choice: every option; multi: every subset while there are
// at most `all_subsets_up_to` options, else none, each one alone, and all; number: one value
// per region its comparisons separate (sample_domains.h); text: every string it is compared
// with plus `other_text`, made different from them. Only answers the engine accepts are
// returned (type, min/max, multi limits).
#include <set>
#include <string>
#include <vector>

#include "check/sample_domains.h"
#include "model/procedure.h"
#include "model/value.h"

namespace procedura {

struct CandidateLimits {
  size_t all_subsets_up_to = 4;
  std::string other_text = "other text";
};

// The constants every variable is compared with in `procedure` and the procedures it calls
// (transitively), keyed like the questions: `var`, or `callee-id.var`.
ComparedConstants constants_by_answer_key(const Procedure& procedure);

// `key` is the question's answers-map key (`var` or `callee-id.var`).
std::vector<Value> answer_candidates(const Node& question, const std::string& key,
                                     const ComparedConstants& constants,
                                     const CandidateLimits& limits = {});

}  // namespace procedura
