#pragma once
// invariant-violated: every `if`/`require`/`forbid` rule over all paths from start to an
// outcome, through calls, without enumerating paths. The invariant is split into clauses
// ("an `if` action without require R", one per R, and "an `if` action with a forbidden
// one"), and each clause is searched over pairs (node, two bits: an `if` action collected,
// the clause's action collected), so the product graph is at most four times the procedure
// per clause: linear in the number of required actions, not 2^that. A called
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

// Product states all the searches of one invariant may create (about 150 bytes each);
// beyond it the invariant is reported as invariant-too-complex instead of verified.
inline constexpr size_t kMaxInvariantStates = 1000000;

struct Counterexample {
  std::vector<AnsweredQuestion> answers;  // in the order asked
  std::string outcome;                    // node id of the outcome reached
  std::vector<std::string> triggers;      // `if` actions collected
  std::vector<std::string> missing;       // `require` actions not collected
  std::vector<std::string> forbidden;     // `forbid` actions collected
  bool confirmed = false;                 // replayed to the violation
  std::vector<std::string> path;          // node ids, when no concrete answers were found
};

struct InvariantVerdict {
  std::optional<Counterexample> counterexample;  // none: every path keeps the invariant
  bool too_complex = false;                      // the state budget ran out: not verified
  size_t states = 0;                             // product states the searches created
};

InvariantVerdict verify_invariant(const Procedure& procedure, const Invariant& invariant);

// One counterexample, or std::nullopt when every path keeps the invariant (or it could not
// be verified within the budget).
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
