// The tree cache of `run`: an entry gives back the very tree a parse gives, for that exact
// content only, and a damaged entry is a miss, never a crash or a different tree.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "load/yaml_tree.h"
#include "load/yaml_tree_cache.h"

namespace procedura {
namespace {
namespace fs = std::filesystem;

const char* kYaml = R"yaml(id: drzewo
title: "Tytuł z \"cudzysłowem\" i ucieczką \u0105"
folded: >
  dwie
  linie
list: [a, b, {c: d}]
nested:
  - key: value
    other: ~
empty: {}
)yaml";

struct Scratch {
  fs::path dir = fs::temp_directory_path() /
                 ("procedura-tree-cache-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
  Scratch() { fs::create_directories(dir); }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path only_entry() const {
    fs::path found;
    for (const auto& e : fs::directory_iterator(dir)) found = e.path();
    return found;
  }
};

void check_same(const YamlNode* a, const YamlNode* b) {
  REQUIRE(a != nullptr);
  REQUIRE(b != nullptr);
  CHECK(a->kind() == b->kind());
  CHECK(a->quoted() == b->quoted());
  CHECK(a->scalar() == b->scalar());
  CHECK(a->offset() == b->offset());
  REQUIRE(a->items().size() == b->items().size());
  for (size_t i = 0; i < a->items().size(); ++i) check_same(a->items()[i], b->items()[i]);
  REQUIRE(a->entries().size() == b->entries().size());
  for (size_t i = 0; i < a->entries().size(); ++i) {
    check_same(&a->entries()[i].key, &b->entries()[i].key);
    check_same(&a->entries()[i].value, &b->entries()[i].value);
  }
}

// kYaml parsed, and an empty cache directory.
struct Parsed {
  Scratch scratch;
  SourceFile file{"drzewo.yaml", kYaml};
  Limits limits;
  Diagnostics diagnostics;
  YamlDocument parsed = parse_yaml(file, limits, diagnostics);
};

// Walks the whole tree, so that a dangling view or pointer shows under the sanitizers.
size_t weigh(const YamlNode* node) {
  size_t total = node->scalar().size() + 1;
  for (const YamlNode* item : node->items()) total += weigh(item);
  for (const YamlNode::Entry& e : node->entries()) total += weigh(&e.key) + weigh(&e.value);
  return total;
}

TEST_CASE("a cached tree is the parsed tree: kinds, scalars (escaped ones too), positions") {
  Parsed fixture;
  auto& [scratch, file, limits, diagnostics, parsed] = fixture;
  REQUIRE(parsed.ok());
  REQUIRE(diagnostics.items().empty());
  CHECK_FALSE(read_cached_tree(scratch.dir.string(), file, limits).has_value());
  write_cached_tree(scratch.dir.string(), file, limits, parsed);
  std::optional<YamlDocument> cached = read_cached_tree(scratch.dir.string(), file, limits);
  REQUIRE(cached.has_value());
  check_same(parsed.root(), cached->root());
  // The entry is private to its user.
  CHECK((fs::status(scratch.only_entry()).permissions() & fs::perms::all) ==
        (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("an entry serves only the content it was made from, and the limits it was made under") {
  Parsed fixture;
  auto& [scratch, file, limits, diagnostics, parsed] = fixture;
  write_cached_tree(scratch.dir.string(), file, limits, parsed);
  // Same length, one byte changed, and the entry found under the edited content's name (a
  // collision of names): the stored bytes do not match, so it is not used.
  const fs::path entry = scratch.only_entry();
  std::string edited = kYaml;
  edited[edited.find("drzewo")] = 'D';
  SourceFile other("drzewo.yaml", edited);
  Diagnostics other_diagnostics;
  write_cached_tree(scratch.dir.string(), other, limits,
                    parse_yaml(other, limits, other_diagnostics));
  for (const auto& e : fs::directory_iterator(scratch.dir))
    if (e.path() != entry) fs::copy_file(entry, e.path(), fs::copy_options::overwrite_existing);
  CHECK_FALSE(read_cached_tree(scratch.dir.string(), other, limits).has_value());
  CHECK(read_cached_tree(scratch.dir.string(), file, limits).has_value());
  Limits stricter = limits;
  stricter.max_depth = 2;
  CHECK_FALSE(read_cached_tree(scratch.dir.string(), file, stricter).has_value());
}

TEST_CASE("parse_yaml_checked stores only trees that parsed and checked without a diagnostic") {
  Scratch scratch;
  SourceFile bad("zly.yaml", "a: 1\na: 2\n");  // a duplicate key is a diagnostic
  Limits limits;
  Diagnostics diagnostics;
  YamlDocument first = parse_yaml_checked(bad, limits, scratch.dir.string(), diagnostics);
  CHECK_FALSE(diagnostics.items().empty());
  CHECK(fs::is_empty(scratch.dir));
  Diagnostics again;
  YamlDocument second = parse_yaml_checked(bad, limits, scratch.dir.string(), again);
  CHECK(again.items().size() == diagnostics.items().size());

  // A control character in a scalar is a diagnostic of the checks after the parse: the
  // tree is not kept either, so a warm run still reports it.
  SourceFile control("sterujacy.yaml", "a: \"x\\u0007y\"\n");
  Diagnostics bell;
  parse_yaml_checked(control, limits, scratch.dir.string(), bell);
  REQUIRE_FALSE(bell.items().empty());
  CHECK(fs::is_empty(scratch.dir));
  Diagnostics bell_again;
  parse_yaml_checked(control, limits, scratch.dir.string(), bell_again);
  CHECK(bell_again.items().size() == bell.items().size());

  SourceFile good("dobry.yaml", kYaml);
  Diagnostics clean;
  YamlDocument cold = parse_yaml_checked(good, limits, scratch.dir.string(), clean);
  YamlDocument warm = parse_yaml_checked(good, limits, scratch.dir.string(), clean);
  CHECK(clean.items().empty());
  check_same(cold.root(), warm.root());
}

TEST_CASE(
    "a damaged entry is a miss or a whole tree, never a crash: every byte flipped, every length "
    "cut") {
  Parsed fixture;
  auto& [scratch, file, limits, diagnostics, parsed] = fixture;
  write_cached_tree(scratch.dir.string(), file, limits, parsed);
  const fs::path entry = scratch.only_entry();
  std::string bytes;
  {
    std::ifstream in(entry, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  auto write = [&](const std::string& content) {
    std::ofstream out(entry, std::ios::binary | std::ios::trunc);
    out << content;
  };
  size_t hits = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    std::string damaged = bytes;
    damaged[i] = static_cast<char>(damaged[i] ^ 0xA5);
    write(damaged);
    if (std::optional<YamlDocument> doc = read_cached_tree(scratch.dir.string(), file, limits)) {
      ++hits;
      REQUIRE(doc->root() != nullptr);
      CHECK(weigh(doc->root()) > 0);
    }
  }
  // Most bytes are checked (header, the stored file, indices); a flipped line number or
  // scalar byte of the escaped strings still gives a well-formed tree.
  CHECK(hits < bytes.size() / 2);
  for (size_t size = 0; size < bytes.size(); size += 7) {
    write(bytes.substr(0, size));
    CHECK_FALSE(read_cached_tree(scratch.dir.string(), file, limits).has_value());
  }
  write(bytes);
  CHECK(read_cached_tree(scratch.dir.string(), file, limits).has_value());
}

}  // namespace
}  // namespace procedura
