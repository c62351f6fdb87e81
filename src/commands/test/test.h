#pragma once
// `procedura test`: run every test scenario of the procedures named (or of the search
// path), report each as text, JSON or JUnit XML, optionally with coverage.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "commands/test/test_coverage.h"
#include "commands/test/test_runner.h"
#include "load/catalog.h"
#include "report/test_results.h"

namespace procedura {

enum class TestFormat { Text, Json, Junit };

struct TestOptions {
  std::vector<std::string> paths;           // files or directories; empty: the search path
  std::vector<std::string> procedure_dirs;  // --procedures: called procedures (and the search path)
  TestFormat format = TestFormat::Text;
  bool coverage = false;
  std::optional<double> min_coverage;  // percent; implies coverage
};

// Runs the tests of `selected` (procedures of `catalog`).
TestSuite run_test_suite(const Catalog& catalog, const std::vector<const Procedure*>& selected,
                         bool coverage);

// The measures of `coverage` below `percent`, e.g. {"options 85.0%"}.
std::vector<std::string> below_minimum(const ProcedureCoverage& coverage, double percent);

// Exit status: 0 all passed, 1 a test failed or coverage is below the minimum, 2 usage or
// input that does not load.
int run_tests(const TestOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
