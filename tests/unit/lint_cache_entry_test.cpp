#include <doctest/doctest.h>

#include "commands/lint/lint_cache_entry.h"
#include "util/sha256.h"

using namespace procedura;

namespace {
CacheEntry sample() {
  CacheEntry e;
  e.key = std::string(64, 'f');
  e.source = std::string(64, 'e');
  e.links = FileLinks{true, "proc-a", false, {"lib/x.yaml"}, {"proc-b", "proc-c"}};
  e.files = {{"a.yaml", false}, {"a.test.yaml", true}};
  CachedDiagnostic d{
      "dangling-ref", Severity::Error, 0, 3, 5, 3, 9, "line one\nline two: 7:\x01", {}};
  d.notes.push_back({1, 1, 2, "first defined here"});
  d.notes.push_back({-1, 0, 0, "no file"});
  e.diagnostics.push_back(d);
  e.diagnostics.push_back({"review-overdue", Severity::Warning, -1, 0, 0, 0, 0, "", {}});
  return e;
}
}  // namespace

TEST_CASE("lint cache entry: round trip") {
  std::optional<CacheEntry> back = parse_cache_entry(serialize_cache_entry(sample()));
  REQUIRE(back);
  CHECK(back->key == std::string(64, 'f'));
  CHECK(back->source == std::string(64, 'e'));
  CHECK(back->links.id == "proc-a");
  CHECK(back->links.calls == std::vector<std::string>{"proc-b", "proc-c"});
  CHECK(back->links.imports == std::vector<std::string>{"lib/x.yaml"});
  REQUIRE(back->files.size() == 2);
  CHECK(back->files[1].empty);
  REQUIRE(back->diagnostics.size() == 2);
  CHECK(back->diagnostics[0].message == "line one\nline two: 7:\x01");
  CHECK(back->diagnostics[0].end_column == 9);
  REQUIRE(back->diagnostics[0].notes.size() == 2);
  CHECK(back->diagnostics[0].notes[0].file == 1);
  CHECK(back->diagnostics[0].notes[1].file == -1);
  CHECK(back->diagnostics[1].severity == Severity::Warning);
  CHECK(back->diagnostics[1].file == -1);
}

TEST_CASE("lint cache entry: anything but an intact entry is refused") {
  std::string bytes = serialize_cache_entry(sample());
  CHECK_FALSE(parse_cache_entry(""));
  CHECK_FALSE(parse_cache_entry("garbage"));
  for (size_t cut : {size_t{10}, bytes.size() / 2, bytes.size() - 1}) {
    CHECK_FALSE(parse_cache_entry(bytes.substr(0, cut)));
  }
  for (size_t at = 0; at < bytes.size(); at += 7) {
    std::string flipped = bytes;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x20);
    CHECK_FALSE(parse_cache_entry(flipped));
  }
  bytes.push_back('x');  // trailing bytes after the checksum
  CHECK_FALSE(parse_cache_entry(bytes));
}

// The checksum is public: anyone who can write the cache can recompute it. What the reader
// still refuses is an entry whose content cannot be what lint wrote.
namespace {
std::string sealed(std::string body) {
  return body + sha256_hex(body);
}
}  // namespace

TEST_CASE("lint cache entry: a forged entry cannot turn an error into a warning") {
  CacheEntry e = sample();
  e.diagnostics[0].severity = Severity::Warning;  // dangling-ref is an error
  CHECK_FALSE(parse_cache_entry(serialize_cache_entry(e)));
}

TEST_CASE("lint cache entry: forged counts are refused before anything is allocated") {
  // A few hundred bytes claiming 16 million imports, files or diagnostics.
  std::string head = "procedura-lint-cache 2\n64:" + std::string(64, 'f') +
                     "64:" + std::string(64, 'e') + "1;6:proc-a0;";
  CHECK_FALSE(parse_cache_entry(sealed(head + "16777215;")));
  CHECK_FALSE(parse_cache_entry(sealed(head + "0;0;16777215;")));
  CHECK_FALSE(parse_cache_entry(sealed(head + "0;0;0;16777215;")));
  CHECK_FALSE(parse_cache_entry(sealed(head + "0;0;0;1;13:dangling-ref0;0;1;1;1;1;0:99999999;")));
  // The same shape with honest counts is read.
  CHECK(parse_cache_entry(sealed(head + "0;0;0;0;")));
}
