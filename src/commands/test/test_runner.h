#pragma once
// Running one test scenario (FORMAT.md `tests:`): feed its answers to a session, then
// check the expectations. Every way a test can fail becomes a TestFailure naming the node,
// answer or expectation concerned, with where it is written.
#include <string>
#include <vector>

#include "commands/test/test_coverage.h"
#include "load/catalog.h"
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

// Runs `test` of `procedure`; records what the run reaches into `coverage` when given.
TestResult run_test(const Procedure& procedure, const TestCase& test, const Catalog& catalog,
                    Coverage* coverage = nullptr);

// "a = no → b [wiek < 17] → c → wynik"; the pending question as "q = ?", the node a run
// failed at as "b (stops here)".
std::string path_text(const std::vector<PathEntry>& path);

}  // namespace procedura
