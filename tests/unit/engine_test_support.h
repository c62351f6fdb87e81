#pragma once
// Loading procedures for engine and interview tests: the fixtures under tests/fixtures/run,
// or YAML written by a test into a fresh temporary directory.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "load/catalog.h"

namespace procedura::testing {

inline std::string run_fixtures() {
  return std::string(PROCEDURA_TEST_DATA) + "/fixtures/run";
}

inline Catalog load_run_fixtures() {
  Catalog catalog = load_catalog({run_fixtures() + "/procedures"});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  return catalog;
}

// Writes each name → YAML text into a new temporary directory and loads it.
inline Catalog load_yaml(const std::map<std::string, std::string>& files) {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "procedura-engine-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  for (const auto& [name, text] : files) std::ofstream(pattern + "/" + name) << text;
  Catalog catalog = load_catalog({pattern});
  std::filesystem::remove_all(pattern);
  return catalog;
}

}  // namespace procedura::testing
