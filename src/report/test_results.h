#pragma once
// The results of a `procedura test` run: what `commands/test` fills and the renderers
// (report/test_report.h) print. Data only: running the tests and measuring coverage stay in
// commands/test.
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"
#include "model/procedure.h"

namespace procedura {

struct TestFailure {
  enum class Kind {
    Unanswered,           // the answers stop at a question before an outcome
    UnusedAnswer,         // an answer to a question the path never asks
    InvalidAnswer,        // the value does not fit the question
    Loop,                 // a question would be asked again with the same answer
    RuntimeError,         // the run cannot go on (no case holds, a missing callee...)
    WrongOutcome,         // expect.outcome differs
    MissingAction,        // an expected action was not collected
    MissingNotification,  // no notify action to an expected recipient
    ForbiddenAction,      // a not_actions action was collected
    ExactMismatch,        // exact: the named actions differ from the expected list
  };
  Kind kind;
  std::string message;
  Location location;  // the test file position to look at (answer, expectation) or the node
};

std::string_view failure_kind_name(TestFailure::Kind kind);

// One move of the path as shown to the user.
struct PathEntry {
  std::string procedure;  // the procedure the node belongs to
  std::string node;       // "node" or "callee-id.node"
  bool answered = false;  // a question with its answer
  std::string answer;     // the answer as written (yes, 14, [a, b])
  std::string branch;     // branches: the condition taken, or "otherwise"
  bool pending = false;   // the question the run stopped at
  bool stopped = false;   // the node where the run failed
  Location location;
};

struct TestResult {
  const Procedure* procedure = nullptr;
  const TestCase* test = nullptr;
  std::vector<TestFailure> failures;
  std::vector<PathEntry> path;
  double seconds = 0;  // how long the scenario took (JUnit `time`)
  bool passed() const { return failures.empty(); }
};

struct CoverageMeasure {
  size_t reached = 0;
  size_t total = 0;
  double percent() const { return total == 0 ? 100.0 : 100.0 * double(reached) / double(total); }
  bool complete() const { return reached == total; }
};

// "100%" when complete, else one decimal: "95.0%".
std::string format_percent(const CoverageMeasure& measure);

struct UnreachedItem {
  std::string kind;         // node, outcome, option, action
  std::string description;  // "option 'no' of question 'q'"
  Location location;
};

struct ProcedureCoverage {
  const Procedure* procedure = nullptr;
  CoverageMeasure nodes, options, outcomes, actions;
  std::vector<UnreachedItem> unreached;  // in file order
};

// The results of a whole run.
struct TestSuite {
  std::vector<TestResult> results;          // procedure id order, then file order
  std::vector<ProcedureCoverage> coverage;  // when asked: procedures tested or reached
  std::vector<const Procedure*> untested;   // when asked: selected, no test reaches them
  size_t passed() const;
  size_t failed() const { return results.size() - passed(); }
};

}  // namespace procedura
