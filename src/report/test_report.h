#pragma once
// Renderers of a `procedura test` run (report/test_results.h): text (a line per test,
// failures with the path), JSON and JUnit XML, one file each.
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"
#include "report/test_results.h"

namespace procedura {

void render_tests_text(const TestSuite& suite, bool coverage, std::ostream& out);
void render_tests_json(const TestSuite& suite, bool coverage, std::ostream& out);
void render_tests_junit(const TestSuite& suite, std::ostream& out);

// When the procedures do not load: each error becomes a failed test, so a CI report still
// parses and shows what to fix. No errors (an unreadable input) gives one failed test.
void render_load_errors_json(const std::vector<Diagnostic>& errors, std::ostream& out);
void render_load_errors_junit(const std::vector<Diagnostic>& errors, std::ostream& out);

// A coverage summary line: "s01: nodes 42/42 (100%), options 57/60 (95.0%), ...".
std::string coverage_line(const ProcedureCoverage& coverage);

// "a = no → b [wiek < 17] → c → wynik"; the pending question as "q = ?", the node a run
// failed at as "b (stops here)".
std::string path_text(const std::vector<PathEntry>& path);

// Text escaped for XML character data and attribute values (quotes too); characters XML
// 1.0 does not allow become U+FFFD. Kept apart from html_escape (export/handbook.h) on
// purpose: a JUnit reader must get a failure's line breaks back as written, where the
// handbook turns them into <br>.
std::string xml_escape(std::string_view text);

// Pieces the renderers share (report/test_report_common.cpp).

// "file:line: message", or the message alone when the place is unknown.
std::string failure_line(const TestFailure& failure);

// A load error as a failed test.
struct LoadFailure {
  std::string name;     // the file and position
  std::string message;  // the error with its rule
};
std::vector<LoadFailure> load_failures(const std::vector<Diagnostic>& errors);

}  // namespace procedura
