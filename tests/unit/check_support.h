#pragma once
// Helpers shared by the check_*.cpp tests: load YAML text or a fixture and run the checks.
#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "check/checks.h"
#include "load/catalog.h"
#include "model/source_file.h"

namespace procedura::testing {

inline std::string fixture_dir() {
  return std::string(PROCEDURA_TEST_DATA) + "/lint";
}

// Writes `yaml` to a fresh temporary file and loads it (no whole-catalog checks yet).
inline Catalog load_text(const std::string& yaml, const std::string& name = "procedure.yaml") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("procedura-check-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  fs::path file = dir / name;
  std::ofstream(file) << yaml;
  return load_catalog({file.string()});
}

inline Catalog checked(const std::string& path_or_yaml, bool is_path) {
  Catalog c = is_path ? load_catalog({path_or_yaml}) : load_text(path_or_yaml);
  run_checks(c, CheckOptions{"2000-01-01"});
  return c;
}

// "LINE:COL rule-id" of every error and warning.
inline std::set<std::string> findings(const Catalog& catalog) {
  std::set<std::string> out;
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    out.insert(std::to_string(d.location.line) + ":" + std::to_string(d.location.column) + " " +
               std::string(rule_info(d.rule).id));
  }
  return out;
}

inline std::set<std::string> rules_found(const Catalog& catalog) {
  std::set<std::string> out;
  for (const Diagnostic& d : catalog.diagnostics.items())
    out.insert(std::string(rule_info(d.rule).id));
  return out;
}

}  // namespace procedura::testing
