// Runs every fixture under tests/lint/<rule-id>/: bad-* fixtures must produce exactly
// the diagnostics their `# expect: [FILE:]LINE:COL RULE` comments list, good-* fixtures
// none at all. A meta-test asserts every rule has a doc page and both kinds of fixture.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "check/checks.h"
#include "check/suppression.h"
#include "load/catalog.h"
#include "report/rule_docs.h"

namespace fs = std::filesystem;
using namespace procedura;

namespace {

const fs::path kLintDir = fs::path(PROCEDURA_TEST_DATA) / "lint";

using Finding = std::string;  // "file:line:col rule", file relative to the fixture

std::multiset<Finding> expectations(const fs::path& fixture) {
  std::multiset<Finding> out;
  auto scan = [&](const fs::path& file, const std::string& default_name) {
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      auto at = line.find("# expect: ");
      if (at == std::string::npos) continue;
      std::string spec = line.substr(at + 10);
      while (!spec.empty() && (spec.back() == '\r' || spec.back() == ' ')) spec.pop_back();
      // LINE:COL RULE or FILE:LINE:COL RULE
      std::string position = spec.substr(0, spec.find(' '));
      auto colons = std::count(position.begin(), position.end(), ':');
      out.insert(colons >= 2 ? spec : default_name + ":" + spec);
    }
  };
  if (fs::is_directory(fixture)) {
    for (const auto& entry : fs::recursive_directory_iterator(fixture)) {
      std::string name = entry.path().filename().string();
      if (!entry.is_regular_file()) continue;
      std::string relative = entry.path().lexically_relative(fixture).generic_string();
      if (name == "expect.txt" || name.ends_with(".yaml") || name.ends_with(".yml"))
        scan(entry.path(), relative);
    }
  } else {
    scan(fixture, fixture.filename().string());
  }
  return out;
}

std::multiset<Finding> lint_findings(const fs::path& fixture) {
  Catalog catalog = load_catalog({fixture.string()});
  run_checks(catalog, CheckOptions{"2026-01-01"});
  apply_suppressions(catalog.diagnostics, catalog.files, {});
  std::multiset<Finding> out;
  fs::path base = fs::is_directory(fixture) ? fixture : fixture.parent_path();
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    std::string file =
        d.location.file
            ? fs::path(d.location.file->path()).lexically_relative(base).generic_string()
            : "?";
    out.insert(
        fmt::format("{}:{}:{} {}", file, d.location.line, d.location.column, rule_info(d.rule).id));
  }
  return out;
}

std::string describe(const std::multiset<Finding>& findings) {
  std::string s;
  for (const auto& f : findings) s += "\n  " + f;
  return s.empty() ? " (none)" : s;
}

std::vector<fs::path> fixtures(const fs::path& dir, std::string_view prefix) {
  std::vector<fs::path> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with(prefix)) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("every bad lint fixture reports exactly its expected diagnostics") {
  for (const auto& rule_dir : fs::directory_iterator(kLintDir)) {
    for (const fs::path& fixture : fixtures(rule_dir.path(), "bad-")) {
      CAPTURE(fixture.string());
      std::multiset<Finding> expected = expectations(fixture);
      REQUIRE_MESSAGE(!expected.empty(), "a bad fixture needs `# expect:` lines");
      std::multiset<Finding> actual = lint_findings(fixture);
      INFO("expected:" << describe(expected) << "\nactual:" << describe(actual));
      CHECK(actual == expected);
    }
  }
}

TEST_CASE("every good lint fixture is clean") {
  for (const auto& rule_dir : fs::directory_iterator(kLintDir)) {
    for (const fs::path& fixture : fixtures(rule_dir.path(), "good")) {
      CAPTURE(fixture.string());
      std::multiset<Finding> actual = lint_findings(fixture);
      INFO("actual:" << describe(actual));
      CHECK(actual.empty());
    }
  }
}

TEST_CASE("every rule has a doc page, a fixture that fires and one that does not") {
  for (const RuleInfo& rule : all_rules()) {
    CAPTURE(rule.id);
    CHECK(rule_doc(rule.id).has_value());
    fs::path dir = kLintDir / std::string(rule.id);
    bool fires = false;
    for (const fs::path& fixture : fixtures(dir, "bad-")) {
      for (const Finding& f : expectations(fixture)) {
        if (f.ends_with(" " + std::string(rule.id))) fires = true;
      }
    }
    CHECK_MESSAGE(fires, "no bad-* fixture under tests/lint/" << rule.id << " expects this rule");
    CHECK_MESSAGE(!fixtures(dir, "good").empty(), "no good* fixture under tests/lint/" << rule.id);
  }
}
