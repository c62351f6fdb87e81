// Hostile input at the loader's edges: the safe file reader, positions on very long lines,
// the limit on files found below a directory, and loading from memory.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "load/catalog.h"
#include "load/yaml_tree.h"
#include "model/source_file.h"
#include "util/read_file.h"

using namespace procedura;
namespace fs = std::filesystem;

namespace {

struct ScratchDir {
  fs::path path;
  ScratchDir() {
    std::string pattern = (fs::temp_directory_path() / "procedura-hardening-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~ScratchDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
  std::string write(const std::string& name, const std::string& content) const {
    fs::path p = path / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
};

bool has_rule(const Catalog& catalog, Rule rule) {
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    if (d.rule == rule) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("read_regular_file refuses what is not a small regular file, without blocking") {
  ScratchDir dir;
  std::string file = dir.write("a.yaml", "format: 1\n");
  ReadFileResult ok = read_regular_file(file, 100);
  CHECK(ok.ok());
  CHECK(ok.content == "format: 1\n");

  ReadFileResult big = read_regular_file(file, 5);
  CHECK(big.problem == ReadFileResult::Problem::TooLarge);
  CHECK(big.size == 10);
  CHECK(big.content.empty());

  CHECK(read_regular_file(file, 10).ok());  // exactly at the limit
  CHECK(read_regular_file((dir.path / "none.yaml").string(), 100).problem ==
        ReadFileResult::Problem::Missing);
  CHECK(read_regular_file(dir.path.string(), 100).problem == ReadFileResult::Problem::Directory);

  std::string fifo = (dir.path / "pipe.yaml").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto started = std::chrono::steady_clock::now();
  CHECK(read_regular_file(fifo, 100).problem == ReadFileResult::Problem::NotRegular);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));

  CHECK(read_regular_file("/dev/zero", 100).problem == ReadFileResult::Problem::NotRegular);
  CHECK(read_regular_file(dir.write("empty.yaml", ""), 100).ok());
}

TEST_CASE("columns on a line of megabytes are exact and cheap") {
  std::string line = "a: [";
  for (int i = 0; i < 200000; ++i) line += "\xC4\x85x, ";  // "ąx, ": 5 bytes, 4 code points
  SourceFile file("long.yaml", "format: 1\n" + line + "]\n");
  size_t base = 10 + 4;
  auto started = std::chrono::steady_clock::now();
  for (size_t i = 0; i < 200000; ++i) {
    size_t offset = base + i * 5;
    if (i % 50000 == 0) CHECK(file.column_of(offset) == 5 + i * 4);
    (void)file.column_of(offset);
  }
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(file.column_of(base + 2) == 6);  // after the two bytes of 'ą'
  CHECK(file.line_of(base) == 2);
}

TEST_CASE("a directory with more files than the limit is reported, not silently cut") {
  ScratchDir dir;
  for (int i = 0; i < 8; ++i) dir.write("p/f" + std::to_string(i) + ".yaml", "format: 1\n");
  LoadOptions options;
  options.limits.max_files = 5;
  Catalog catalog = load_catalog({(dir.path / "p").string()}, options);
  CHECK(catalog.files_examined == 5);
  size_t limits = 0;
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    if (d.rule != Rule::LimitExceeded) continue;
    ++limits;
    CHECK(d.message.find("holds more files than the limit of 5") != std::string::npos);
  }
  CHECK(limits == 1);
}

TEST_CASE("load_catalog_from_memory loads the bytes given, and imports do not escape") {
  Catalog catalog =
      load_catalog_from_memory("/nonexistent-dir/x.yaml",
                               "format: 1\nid: mem\nversion: 1.0.0\ntitle: M\nstart: a\n"
                               "imports: [lib.yaml]\nnodes:\n  a:\n    outcome: Done\n");
  REQUIRE(catalog.find("mem") != nullptr);
  CHECK(catalog.files_examined == 1);
  CHECK(has_rule(catalog, Rule::ImportError));

  Catalog deep = load_catalog_from_memory("/nonexistent-dir/y.yaml",
                                          "format: 1\nnodes: " + std::string(5000, '['));
  CHECK(has_rule(deep, Rule::LimitExceeded));
}

TEST_CASE("the YAML node limit counts each node once, and an alias as a copy of what it names") {
  auto parse = [](const std::string& text, size_t max_nodes, Diagnostics& diagnostics) {
    SourceFile file("n.yaml", text);
    Limits limits;
    limits.max_yaml_nodes = max_nodes;
    return parse_yaml(file, limits, diagnostics).ok();
  };
  // map, a, [, 1, 2, 3, b, [, 4, 5: ten nodes, however deep they sit.
  std::string ten = "a: [1, 2, 3]\nb: [4, 5]\n";
  Diagnostics fits, over;
  CHECK(parse(ten, 10, fits));
  CHECK_FALSE(parse(ten, 9, over));
  REQUIRE(over.items().size() == 1);
  CHECK(over.items()[0].rule == Rule::LimitExceeded);

  // map, x, [, 1, 2, y, and *x standing for three: nine.
  std::string alias = "x: &x [1, 2]\ny: *x\n";
  Diagnostics alias_fits, alias_over;
  CHECK(parse(alias, 9, alias_fits));
  CHECK_FALSE(parse(alias, 8, alias_over));
  REQUIRE(alias_over.items().size() == 1);
  CHECK(alias_over.items()[0].location.line == 2);  // reported at the alias
  CHECK(alias_over.items()[0].location.column == 4);
}
