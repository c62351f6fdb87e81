// The compact YAML tree: scalars read as the file wrote them (views where the bytes are the
// value, copies where escapes or folding changed them), children in file order, duplicate
// keys found in small and large maps alike, and views that outlive a move of the document.
#include <doctest/doctest.h>

#include <string>

#include "load/yaml_tree.h"
#include "model/source_file.h"
#include "util/arena.h"

using namespace procedura;

namespace {

const YamlNode* value_of(const YamlNode* map, std::string_view key) {
  for (const YamlNode::Entry& entry : map->entries())
    if (entry.key.scalar() == key) return &entry.value;
  return nullptr;
}

bool inside(std::string_view view, const SourceFile& file) {
  const char* begin = file.content().data();
  return view.data() >= begin && view.data() + view.size() <= begin + file.content().size();
}

}  // namespace

TEST_CASE("scalars keep their values; only those escapes or folding changed are copies") {
  SourceFile file("s.yaml",
                  "plain: Wezwij pogotowie\n"
                  "quoted: \"Nie wydawaj ucznia\"\n"
                  "escaped: \"linia\\nnastępna \\u0105\"\n"
                  "single: 'to ''cytat'''\n"
                  "folded: >-\n  jedna\n  linia\n"
                  "list: [a, \"b c\", 12]\n");
  Diagnostics diagnostics;
  YamlDocument doc = parse_yaml(file, Limits{}, diagnostics);
  REQUIRE(doc.ok());
  const YamlNode* root = doc.root();
  REQUIRE(root->is_map());
  CHECK(root->entries().size() == 6);
  CHECK(value_of(root, "plain")->scalar() == "Wezwij pogotowie");
  CHECK(inside(value_of(root, "plain")->scalar(), file));
  CHECK(value_of(root, "quoted")->scalar() == "Nie wydawaj ucznia");
  CHECK(value_of(root, "quoted")->quoted());
  CHECK(inside(value_of(root, "quoted")->scalar(), file));
  CHECK(value_of(root, "escaped")->scalar() == "linia\nnastępna ą");
  CHECK_FALSE(inside(value_of(root, "escaped")->scalar(), file));
  CHECK(value_of(root, "single")->scalar() == "to 'cytat'");
  CHECK(value_of(root, "folded")->scalar() == "jedna linia");
  const YamlNode* list = value_of(root, "list");
  REQUIRE(list->is_sequence());
  REQUIRE(list->items().size() == 3);
  CHECK(list->items()[0]->scalar() == "a");
  CHECK(list->items()[1]->scalar() == "b c");
  CHECK(list->items()[2]->scalar() == "12");
}

TEST_CASE("escapes the parser writes as one byte become their code points, not invalid text") {
  // yaml-cpp writes \_ as the byte A0, \N as 85 and \xE9 as E9: U+00A0, U+0085, U+00E9.
  SourceFile file("e.yaml", "a: \"x\\_y\"\nb: \"caf\\xe9\"\nc: \"\\N\"\n");
  Diagnostics diagnostics;
  YamlDocument doc = parse_yaml(file, Limits{}, diagnostics);
  REQUIRE(doc.ok());
  CHECK(value_of(doc.root(), "a")->scalar() == "x\u00A0y");
  CHECK(value_of(doc.root(), "b")->scalar() == "caf\u00E9");
  CHECK(value_of(doc.root(), "c")->scalar() == "\u0085");
}

TEST_CASE("a duplicate key is found in a large map as in a small one, the first one kept") {
  for (int keys : {3, 40}) {
    CAPTURE(keys);
    std::string text;
    for (int i = 0; i < keys; ++i)
      text += "k" + std::to_string(i) + ": " + std::to_string(i) + "\n";
    text += "k1: again\n";
    SourceFile file("d.yaml", text);
    Diagnostics diagnostics;
    YamlDocument doc = parse_yaml(file, Limits{}, diagnostics);
    REQUIRE(doc.ok());
    CHECK(doc.root()->entries().size() == static_cast<size_t>(keys));
    CHECK(value_of(doc.root(), "k1")->scalar() == "1");
    REQUIRE(diagnostics.items().size() == 1);
    const Diagnostic& d = diagnostics.items()[0];
    CHECK(d.rule == Rule::DuplicateKey);
    CHECK(d.location.line == static_cast<uint32_t>(keys + 1));
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].location.line == 2);
  }
}

TEST_CASE("nested collections keep their children apart, and views survive moving the document") {
  SourceFile file("n.yaml", "a:\n  b: [1, [2, 3], {c: 4}]\n  d: 5\ne: [6]\n");
  Diagnostics diagnostics;
  YamlDocument first = parse_yaml(file, Limits{}, diagnostics);
  YamlDocument doc = std::move(first);
  REQUIRE(doc.ok());
  const YamlNode* a = value_of(doc.root(), "a");
  REQUIRE(a->entries().size() == 2);
  const YamlNode* b = value_of(a, "b");
  REQUIRE(b->items().size() == 3);
  CHECK(b->items()[1]->items().size() == 2);
  CHECK(b->items()[1]->items()[1]->scalar() == "3");
  CHECK(value_of(b->items()[2], "c")->scalar() == "4");
  CHECK(value_of(a, "d")->scalar() == "5");
  CHECK(value_of(doc.root(), "e")->items()[0]->scalar() == "6");
}

TEST_CASE("the arena keeps what it copied where it put it, large items included") {
  Arena arena;
  std::string_view small = arena.copy(std::string_view("abc"));
  std::string big(200 * 1024, 'x');
  std::string_view large = arena.copy(std::string_view(big));
  const int numbers[] = {1, 2, 3};
  std::span<const int> copied = arena.copy(std::span<const int>(numbers));
  Arena moved = std::move(arena);
  CHECK(small == "abc");
  CHECK(large.size() == big.size());
  CHECK(large == big);
  CHECK(reinterpret_cast<uintptr_t>(copied.data()) % alignof(int) == 0);
  CHECK(copied[2] == 3);
  CHECK(arena.copy(std::string_view()).empty());
}

TEST_CASE("a node's position is its line and column in code points, found from its offset") {
  SourceFile file("p.yaml",
                  "start: s1\n"
                  "nodes:\n"
                  "  łódź: {step: \"Zadzwoń\", next:}\n"
                  "  s2: &kopia [a, b]\n"
                  "  s3: *kopia\n");
  Diagnostics diagnostics;
  YamlDocument doc = parse_yaml(file, Limits{}, diagnostics);
  REQUIRE(doc.ok());
  auto position = [&](const YamlNode* node) {
    Location at = doc.location_of(node);
    CHECK(at.file == &file);
    return std::pair(at.line, at.column);
  };
  CHECK(position(value_of(doc.root(), "start")) == std::pair(1u, 8u));
  const YamlNode* nodes = value_of(doc.root(), "nodes");
  CHECK(position(&nodes->entries()[0].key) == std::pair(3u, 3u));
  const YamlNode* step = value_of(nodes, "łódź");
  CHECK(position(step) == std::pair(3u, 9u));  // after "łódź: ", counted in code points
  CHECK(position(value_of(step, "step")) == std::pair(3u, 16u));  // at the quote
  CHECK(value_of(step, "step")->quoted());
  // An empty value sits just after its key's colon, not at the next token.
  CHECK(position(value_of(step, "next")) == std::pair(3u, 32u));
  // A node an alias copies keeps the anchor's position and children.
  const YamlNode* copy = value_of(nodes, "s3");
  CHECK(position(copy->items()[1]) == std::pair(4u, 18u));
  CHECK(copy->same_as(*value_of(nodes, "s2")));
  CHECK(!copy->same_as(*value_of(nodes, "łódź")));
  CHECK(doc.shares_nodes());
}
