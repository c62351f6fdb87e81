#pragma once
// Running one test scenario (FORMAT.md `tests:`): feed its answers to a session, then
// check the expectations. Every way a test can fail becomes a TestFailure naming the node,
// answer or expectation concerned, with where it is written.
#include <string>
#include <vector>

#include "commands/test/test_coverage.h"
#include "load/catalog.h"
#include "model/procedure.h"
#include "report/test_results.h"

namespace procedura {

// Runs `test` of `procedure`; records what the run reaches into `coverage` when given.
TestResult run_test(const Procedure& procedure, const TestCase& test, const Catalog& catalog,
                    Coverage* coverage = nullptr);

}  // namespace procedura
