#pragma once
// Renderers of a `procedura test` run: text (a line per test, failures with the path),
// JSON and JUnit XML.
#include <iosfwd>

#include "commands/test.h"

namespace procedura {

void render_tests_text(const TestSuite& suite, bool coverage, std::ostream& out);
void render_tests_json(const TestSuite& suite, bool coverage, std::ostream& out);
void render_tests_junit(const TestSuite& suite, std::ostream& out);

// A coverage summary line: "s01: nodes 42/42 (100%), options 57/60 (95.0%), ...".
std::string coverage_line(const ProcedureCoverage& coverage);

// Text escaped for XML character data and attribute values (quotes too); characters XML
// 1.0 does not allow become U+FFFD.
std::string xml_escape(std::string_view text);

}  // namespace procedura
