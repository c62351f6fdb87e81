// Columns from the line table (ASCII fast path, code points elsewhere) and the id, import
// and call hints that let `procedura run ID` load only what it needs.
#include <doctest/doctest.h>

#include <string>

#include <memory>
#include <utility>
#include <vector>

#include "load/procedure_hints.h"
#include "load/scalar_position.h"
#include "model/source_file.h"

using namespace procedura;

namespace {
// Columns as they have always been counted: code points (every byte but a UTF-8
// continuation byte) from the line's start.
uint32_t naive_column(const std::string& text, size_t offset) {
  size_t begin = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  begin = begin == std::string::npos || begin >= offset ? 0 : begin + 1;
  uint32_t column = 1;
  for (size_t i = begin; i < offset; ++i)
    column += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return column;
}
// Offsets as they have always been found: step over code points from the line's start.
size_t naive_offset(const SourceFile& file, uint32_t line, uint32_t column) {
  std::string_view text = file.line_text(line);
  size_t begin = static_cast<size_t>(text.data() - file.content().data());
  uint32_t current = 1;
  size_t i = 0;
  while (i < text.size() && current < column) {
    ++i;
    while (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
    ++current;
  }
  return begin + i;
}
}  // namespace

TEST_CASE("columns match a count of code points from the line's start at every offset") {
  std::string long_line = "k: ";
  for (int i = 0; i < 700; ++i) long_line += i % 7 ? "ab " : "żółw ";  // past a block, non-ASCII
  std::string text = "format: 1\ntitle: Zgłoszenie \xC4\x85x\r\n\n  id: a\xF0\x9F\x98\x80z\n" +
                     long_line + "\nend: \xC4";  // a lone lead byte at the end
  SourceFile file("f.yaml", text);
  for (size_t offset = 0; offset <= text.size(); ++offset) {
    INFO("offset " << offset);
    REQUIRE(file.column_of(offset) == naive_column(text, offset));
    REQUIRE(file.position_of(offset).line == file.line_of(offset));
  }
  for (uint32_t line = 1; line <= file.line_count(); ++line) {
    for (uint32_t column = 0; column < 2200; ++column) {
      INFO("line " << line << " column " << column);
      REQUIRE(file.offset_of(line, column) == naive_offset(file, line, column));
    }
  }
  CHECK(file.column_of(text.size() + 10) == naive_column(text, text.size()));
  SourceFile ascii("a.yaml", std::string(3'000'000, 'x'));  // one line, megabytes long
  CHECK(ascii.column_of(2'999'999) == 3'000'000);
  CHECK(SourceFile("e.yaml", "").column_of(0) == 1);
}

TEST_CASE("hints: the top-level id, imports and calls") {
  ProcedureHints h = scan_procedure_hints(
      "# comment\n---\nformat: 1.1\nid: p02-x   # the id\ntitle:\n  pl: \"a: b\"\n"
      "imports:\n  - ../biblioteka/a.yaml\n  - 'b.yaml'\nnodes:\n  n1:\n    call: s05-y\n"
      "  n2:\n    call: s06-z  # note\n");
  CHECK(h.id_known);
  CHECK(h.id == "p02-x");
  CHECK(h.imports == std::vector<std::string>{"../biblioteka/a.yaml", "b.yaml"});
  CHECK(h.calls == std::vector<std::string>{"s05-y", "s06-z"});
  CHECK(scan_procedure_hints("id: \"q\"\r\nimports: [a.yaml, b.yaml]\r\n").imports.size() == 2);
  CHECK(scan_procedure_hints("id: 'q'\n").id == "q");
}

TEST_CASE("hints: each top-level key's block, for the menu's header read") {
  std::string text = "# c\nid: a\ntitle:\n  pl: T\n\n# x\naudience: [b]";
  ProcedureHints h = scan_procedure_hints(text);
  REQUIRE(h.blocks.size() == 3);
  CHECK(h.blocks[0].key == "id");
  CHECK(text.substr(h.blocks[0].begin, h.blocks[0].end - h.blocks[0].begin) == "id: a\n");
  CHECK(text.substr(h.blocks[1].begin, h.blocks[1].end - h.blocks[1].begin) ==
        "title:\n  pl: T\n\n# x\n");
  CHECK(text.substr(h.blocks[2].begin) == "audience: [b]");
  CHECK(h.blocks[2].end == text.size());
}

TEST_CASE("hints: any doubt about the id leaves it unknown") {
  for (const char* text : {
           "format: 1\n",                     // no id
           "id: a\nid: b\n",                  // twice
           "{id: a}\n",                       // flow map
           "title: \"x\nid: a\"\n",           // inside a quoted scalar
           "keywords: [a,\nid: b]\nid: c\n",  // inside a flow list
           "id: &x a\n",                      // anchored
           "id: Bad_Id\n",                    // not an id a procedure may have
           "\xEF\xBB\xBFid: a\n",             // byte order mark
           "id: a\n---\nid: b\n",             // a second document
           "%YAML 1.2\n---\nid: a\n",         // a directive
           "\tid: a\n",                       // tab
       }) {
    INFO(text);
    CHECK_FALSE(scan_procedure_hints(text).id_known);
  }
}

TEST_CASE("a position inside a scalar spanning lines follows YAML's folding") {
  auto at = [](const std::string& text, uint32_t line, uint32_t column, size_t offset) {
    static std::vector<std::unique_ptr<SourceFile>> files;  // outlive the returned locations
    files.push_back(std::make_unique<SourceFile>("t.yaml", text));
    Location found = position_in_scalar(Location{files.back().get(), line, column}, offset);
    return std::pair{found.line, found.column};
  };
  using P = std::pair<uint32_t, uint32_t>;
  // "q and zzz": zzz is decoded offset 6. Block scalars start one past their indicator.
  CHECK(at("- when: >-\n    q and\n    zzz\n", 1, 10, 6) == P{3, 5});
  CHECK(at("- when: |-\n    q and\n    zzz\n", 1, 10, 6) == P{3, 5});
  CHECK(at("- when: >\n\n    q and\n\n    zzz\n", 1, 10, 7) == P{5, 5});  // "\nq and\nzzz"
  CHECK(at("- when: \"q and\n    zzz\"\n", 1, 10, 6) == P{2, 5});
  CHECK(at("- when: 'q and\n\n    zzz'\n", 1, 10, 6) == P{3, 5});  // an empty line is "\n"
  CHECK(at("- when: q and   \n    zzz\n", 1, 9, 6) == P{2, 5});    // trailing blanks dropped
  CHECK(at("- when: \"q \\\"a\\\" and\\\n    zzz\"\n", 1, 10, 9) == P{2, 5});  // escaped break
  // An error at the end of a block ("q ==" needs an operand) is at its last line's end,
  // whatever line follows; an indentation indicator is not followed, the start line kept.
  CHECK(at("- when: |\n    q and\n    q ==\n  next: e\n", 1, 10, 11) == P{3, 9});
  CHECK(at("- when: |2\n      q and\n", 1, 10, 30) == P{1, 11});
  // One line, as before: escapes and '' take two columns, letters one.
  CHECK(at("w: \"\\\"ż\\\" == x\"\n", 1, 5, 7) == P{1, 14});
  CHECK(at("w: 'it''s x'\n", 1, 5, 5) == P{1, 11});
  CHECK(at("w: a or zzz\n", 1, 4, 5) == P{1, 9});
}
