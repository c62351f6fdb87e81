#include <doctest/doctest.h>

#include <sstream>

#include "model/source_file.h"
#include "report/diagnostics_text.h"
#include "util/utf8.h"

using namespace procedura;

namespace {

const char* const kSource =
    "nodes:\n"
    "  wezwij_rodzicow:\n"
    "    ask: \"Zażółć gęślą\" nxt: x\n"
    "\tkey: 1\n"
    "  日本: x\n";

std::string render(const std::vector<Diagnostic>& diagnostics, bool color = false) {
  std::ostringstream out;
  render_diagnostics_text(diagnostics, out, TextOptions{color});
  return out.str();
}

Diagnostic make(Rule rule, Location where, std::string message) {
  return Diagnostic{rule, rule_info(rule).default_severity, where, std::move(message), {}, 0, 0};
}

}  // namespace

TEST_SUITE("report text") {
  TEST_CASE("caret after Polish letters counts columns, not bytes") {
    SourceFile file("procedures/szkola.yaml", kSource);
    auto d = make(Rule::UnknownKey, {&file, 3, 25}, "unknown key `nxt`");
    CHECK(render({d}) ==
          "procedures/szkola.yaml:3:25: error: unknown key `nxt` [unknown-key]\n"
          "    ask: \"Zażółć gęślą\" nxt: x\n"
          "                        ^\n");
  }

  TEST_CASE("caret after a tab copies the tab") {
    SourceFile file("p.yaml", kSource);
    auto d = make(Rule::YamlSyntax, {&file, 4, 2}, "tabs are not allowed for indentation");
    CHECK(render({d}) ==
          "p.yaml:4:2: error: tabs are not allowed for indentation [yaml-syntax]\n"
          "\tkey: 1\n"
          "\t^\n");
  }

  TEST_CASE("caret after wide characters moves two columns each") {
    SourceFile file("p.yaml", kSource);
    auto d = make(Rule::BadId, {&file, 5, 5}, "bad id");
    CHECK(render({d}) ==
          "p.yaml:5:5: error: bad id [bad-id]\n"
          "  日本: x\n"
          "      ^\n");
  }

  TEST_CASE("warnings, notes with and without a location") {
    SourceFile file("p.yaml", kSource);
    auto d = make(Rule::UnusedDefinition, {&file, 2, 3}, "action `x` is never used");
    d.notes.push_back({{&file, 3, 5}, "defined here"});
    d.notes.push_back({{}, "remove it or list it in a node's actions"});
    CHECK(render({d}) ==
          "p.yaml:2:3: warning: action `x` is never used [unused-definition]\n"
          "  wezwij_rodzicow:\n"
          "  ^\n"
          "p.yaml:3:5: note: defined here\n"
          "    ask: \"Zażółć gęślą\" nxt: x\n"
          "    ^\n"
          "  note: remove it or list it in a node's actions\n");
  }

  TEST_CASE("a whole-file location has no source line; no file, no location") {
    SourceFile file("missing.yaml", "");
    auto whole = make(Rule::IoError, {&file, 0, 0}, "cannot read the file");
    auto nowhere = make(Rule::LimitExceeded, {}, "too many files");
    CHECK(render({whole, nowhere}) ==
          "missing.yaml: error: cannot read the file [io-error]\n"
          "error: too many files [limit-exceeded]\n");
  }

  TEST_CASE("colour only when asked") {
    SourceFile file("p.yaml", "a: 1\n");
    auto d = make(Rule::UnknownKey, {&file, 1, 1}, "unknown key `a`");
    d.notes.push_back({{}, "hint"});
    CHECK(render({d}).find('\x1b') == std::string::npos);
    CHECK(render({d}, true) ==
          "\x1b[1mp.yaml:1:1:\x1b[0m \x1b[1;31merror:\x1b[0m unknown key `a` [unknown-key]\n"
          "a: 1\n"
          "\x1b[1;32m^\x1b[0m\n"
          "  \x1b[1;36mnote:\x1b[0m hint\n");
    auto w = make(Rule::ReviewOverdue, {&file, 1, 1}, "overdue");
    CHECK(render({w}, true).find("\x1b[1;35mwarning:\x1b[0m") != std::string::npos);
  }

  // In the message as a visible escape, in the source excerpt as U+FFFD.
  TEST_CASE("escape sequences from a file never reach the terminal") {
    SourceFile file("p.yaml", "a: \x1b[2Jb\n");
    auto d = make(Rule::WrongType, {&file, 1, 9}, "bad value \x1b[31m");
    std::string text = render({d});
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text ==
          "p.yaml:1:9: error: bad value \\x1B[31m [wrong-type]\n"
          "a: \xEF\xBF\xBD[2Jb\n"
          "        ^\n");
  }

  TEST_CASE("a column past the end of the line puts the caret after it") {
    auto excerpt = source_excerpt("ab", 3);
    CHECK(excerpt.line == "ab");
    CHECK(excerpt.caret == "  ^");
    CHECK(source_excerpt("ab", 0).caret == "^");
    CHECK(source_excerpt("e\xcc\x81x", 3).caret == " ^");  // combining accent takes no column
  }

  TEST_CASE("a line longer than the excerpt shows the text around the column, cut at …") {
    // 1000 columns of "ą" (two bytes each) then "x": the caret must land on the x.
    std::string line;
    for (int i = 0; i < 1000; ++i) line += "\xC4\x85";
    line += "x";
    for (int i = 0; i < 1000; ++i) line += "b";
    SourceFile file("p.yaml", "a: 1\n" + line + "\n");
    SourceExcerpt shown = source_excerpt_in(file, 2, 1001);
    CHECK(shown.line.size() < kExcerptBytes + 8);
    REQUIRE(shown.line.starts_with("…"));
    REQUIRE(shown.line.ends_with("…"));
    // The caret's column is the x's column in the shown text.
    const size_t caret_column = utf8::display_width(shown.caret) - 1;
    const size_t x_byte = shown.line.find('x');
    REQUIRE(x_byte != std::string::npos);
    CHECK(utf8::display_width(shown.line.substr(0, x_byte)) == caret_column);
    // The first column: no "…" before; a short line is shown whole as before.
    CHECK_FALSE(source_excerpt_in(file, 2, 1).line.starts_with("…"));
    CHECK(source_excerpt_in(file, 1, 4).line == "a: 1");
  }

  TEST_CASE("summary line with singular and plural forms") {
    CHECK(summary_line(1, 0, 1) == "1 error, 0 warnings in 1 file");
    CHECK(summary_line(2, 1, 3) == "2 errors, 1 warning in 3 files");
    CHECK(summary_line(0, 0, 0) == "0 errors, 0 warnings in 0 files");
  }
}
