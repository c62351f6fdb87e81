#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include "model/diagnostic.h"
#include "report/rule_docs.h"

using namespace procedura;

TEST_SUITE("rule docs") {
  TEST_CASE("every rule has an embedded page that names it and has every section") {
    for (const RuleInfo& info : all_rules()) {
      CAPTURE(info.id);
      std::optional<std::string_view> page = rule_doc(info.id);
      REQUIRE(page.has_value());
      CHECK(page->starts_with("# " + std::string(info.id)));
      CHECK_FALSE(rule_doc_section(*page, "What it checks").empty());
      CHECK_FALSE(rule_doc_section(*page, "Why it matters").empty());
      CHECK_FALSE(rule_doc_section(*page, "Example").empty());
      CHECK_FALSE(rule_doc_section(*page, "How to suppress").empty());
      std::string severity = info.default_severity == Severity::Error ? "**Severity:** error"
                                                                      : "**Severity:** warning";
      CHECK(page->find(severity) != std::string_view::npos);
    }
  }

  TEST_CASE("every page on disk belongs to a rule") {
    std::set<std::string> ids;
    for (const RuleInfo& info : all_rules()) ids.insert(std::string(info.id));
    namespace fs = std::filesystem;
    fs::path dir = fs::path(PROCEDURA_REPO_ROOT) / "docs" / "rules";
    size_t pages = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".md") continue;
      CAPTURE(entry.path().string());
      CHECK(ids.count(entry.path().stem().string()) == 1);
      ++pages;
    }
    CHECK(pages == all_rules().size());
  }

  TEST_CASE("unknown ids have no page") {
    CHECK_FALSE(rule_doc("no-such-rule").has_value());
    CHECK_FALSE(rule_doc("").has_value());
  }

  TEST_CASE("sections are cut at the next heading") {
    std::string_view page = "# x\n\n## A\n\ntext a\n\n## B\nb\n";
    CHECK(rule_doc_section(page, "A") == "text a");
    CHECK(rule_doc_section(page, "B") == "b");
    CHECK(rule_doc_section(page, "C").empty());
    CHECK(rule_doc_section("## A\nfirst\n", "A") == "first");
  }
}
