// The lint fixtures of the verification rules: every bad fixture's `# expect: LINE:COL RULE`
// lines are exactly its findings, and every good fixture has none.
#include <filesystem>
#include <fstream>
#include <regex>

#include "check_support.h"

namespace procedura {
namespace {
namespace fs = std::filesystem;

const char* const kRules[] = {"unreachable-node",     "dead-end",        "cycle",
                              "recursive-call",       "bad-expression",  "type-mismatch",
                              "maybe-unset-variable", "branch-shadowed", "branch-gap",
                              "invariant-violated"};

std::set<std::string> expectations(const fs::path& fixture) {
  std::vector<fs::path> files;
  if (fs::is_directory(fixture)) {
    for (const auto& entry : fs::directory_iterator(fixture)) files.push_back(entry.path());
  } else {
    files.push_back(fixture);
  }
  std::set<std::string> out;
  std::regex line_re(R"(#\s*expect:\s*(\d+:\d+ [a-z-]+))");
  for (const fs::path& file : files) {
    std::ifstream in(file);
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
      if (std::regex_search(line, m, line_re)) out.insert(m[1]);
    }
  }
  return out;
}

TEST_CASE("verification rule fixtures: bad ones find exactly what they expect, good ones nothing") {
  for (const char* rule : kRules) {
    fs::path dir = fs::path(testing::fixture_dir()) / rule;
    REQUIRE_MESSAGE(fs::is_directory(dir), dir.string());
    bool has_bad = false, has_good = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::string name = entry.path().filename().string();
      CAPTURE(entry.path().string());
      Catalog catalog = testing::checked(entry.path().string(), true);
      if (name.rfind("bad-", 0) == 0) {
        has_bad = true;
        std::set<std::string> expected = expectations(entry.path());
        CHECK(testing::findings(catalog) == expected);
        CHECK(testing::rules_found(catalog).count(rule) == 1);
      } else if (name.rfind("good-", 0) == 0) {
        has_good = true;
        CHECK(testing::findings(catalog).empty());
      }
    }
    CHECK_MESSAGE(has_bad, rule);
    CHECK_MESSAGE(has_good, rule);
  }
}

}  // namespace
}  // namespace procedura
