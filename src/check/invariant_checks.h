#pragma once
// invariant-violated: every `if`/`require`/`forbid` rule over all paths from start to an
// outcome, through calls, without enumerating paths. The search runs over pairs (node,
// which of the invariant's actions were collected so far): at most 2 + 16 bits, so the
// product graph is at most the procedure times the few masks that actually occur. A called
// procedure is summarised once per invariant by the masks its paths can add, each with one
// witness path. A violating path found this way may be infeasible (branch conditions are
// not tracked in the search), so candidates are turned into concrete answers and replayed;
// the first that really breaks the invariant is the counterexample.
#include <optional>
#include <string>
#include <vector>

#include "check/replay.h"
#include "load/catalog.h"

namespace procedura {

inline constexpr size_t kMaxRequiredActions = 16;

struct Counterexample {
  std::vector<AnsweredQuestion> answers;  // in the order asked
  std::string outcome;                    // node id of the outcome reached
  std::vector<std::string> triggers;      // `if` actions collected
  std::vector<std::string> missing;       // `require` actions not collected
  std::vector<std::string> forbidden;     // `forbid` actions collected
  bool confirmed = false;                 // replayed to the violation
  std::vector<std::string> path;          // node ids, when no concrete answers were found
};

// One counterexample, or std::nullopt when every path keeps the invariant (or the invariant
// requires more than kMaxRequiredActions actions).
std::optional<Counterexample> find_violation(const Procedure& procedure,
                                             const Invariant& invariant);

// The counterexample's answers as an answers map, to replay.
AnswerMap answer_map(const Counterexample& counterexample);

// Does a path collecting `actions` (ids) break the invariant?
bool violates(const Invariant& invariant, const std::vector<std::string>& actions);

// "wiek = 9, rodzice_osiagalni = no -> outcome 'placowka'"
std::string describe(const Counterexample& counterexample);

void check_invariants(Catalog& catalog);

}  // namespace procedura
