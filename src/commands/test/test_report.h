#pragma once
// Renderers of a `procedura test` run: text (a line per test, failures with the path),
// JSON and JUnit XML.
#include <iosfwd>
#include <vector>

#include "commands/test/test.h"
#include "model/diagnostic.h"

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

// Text escaped for XML character data and attribute values (quotes too); characters XML
// 1.0 does not allow become U+FFFD. Kept apart from html_escape (export/handbook.h) on
// purpose: a JUnit reader must get a failure's line breaks back as written, where the
// handbook turns them into <br>.
std::string xml_escape(std::string_view text);

}  // namespace procedura
