#pragma once
// Helpers shared by the export_*_test.cpp and trainer_*_test.cpp files: loading the
// fixtures under tests/fixtures/trainer/ and small procedure files written on the fly.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "load/catalog.h"
#include "report/diagnostics_text.h"

namespace procedura::trainer_testing {

inline std::string fixture(const std::string& relative) {
  return std::string(PROCEDURA_TEST_DATA) + "/fixtures/trainer/" + relative;
}

// Loads files or directories that must load without errors.
inline std::unique_ptr<Catalog> load_ok(const std::vector<std::string>& paths) {
  auto catalog = std::make_unique<Catalog>(load_catalog(paths));
  if (catalog->diagnostics.has_errors()) {
    std::ostringstream text;
    render_diagnostics_text(catalog->diagnostics.items(), text);
    INFO(text.str());
    CHECK_FALSE(catalog->diagnostics.has_errors());
  }
  return catalog;
}

inline const Procedure& procedure(const Catalog& catalog, std::string_view id) {
  const Procedure* p = catalog.find(id);
  REQUIRE_MESSAGE(p != nullptr, "no procedure " << id);
  return *p;
}

// A directory removed at the end of the test, holding files written by the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "procedura-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string write(const std::string& name, const std::string& content) const {
    std::string file = path_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(file).parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace procedura::trainer_testing
