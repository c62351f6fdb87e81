#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>
#include <sstream>

#include "model/source_file.h"
#include "report/diagnostics_sarif.h"
#include "report/uri.h"

using namespace procedura;

namespace {

YAML::Node render(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  render_diagnostics_sarif(diagnostics, out, SarifOptions{"1.2.3", ""});
  return YAML::Load(out.str());
}

}  // namespace

TEST_SUITE("report sarif") {
  TEST_CASE("log, run and driver carry the required fields") {
    YAML::Node log = render({});
    CHECK(log["$schema"].as<std::string>() == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(log["version"].as<std::string>() == "2.1.0");
    REQUIRE(log["runs"].size() == 1);
    YAML::Node run = log["runs"][0];
    CHECK(run["columnKind"].as<std::string>() == "unicodeCodePoints");
    CHECK(run["results"].IsSequence());
    CHECK(run["results"].size() == 0);
    YAML::Node driver = run["tool"]["driver"];
    CHECK(driver["name"].as<std::string>() == "procedura");
    CHECK(driver["version"].as<std::string>() == "1.2.3");
    CHECK_FALSE(driver["informationUri"]);
  }

  TEST_CASE("every rule of the table is described, in table order") {
    YAML::Node rules = render({})["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == all_rules().size());
    for (size_t i = 0; i < all_rules().size(); ++i) {
      const RuleInfo& info = all_rules()[i];
      CAPTURE(info.id);
      YAML::Node rule = rules[i];
      CHECK(rule["id"].as<std::string>() == info.id);
      CHECK(rule["name"].as<std::string>() == pascal_case(info.id));
      CHECK(rule["shortDescription"]["text"].as<std::string>() == info.summary);
      std::string full = rule["fullDescription"]["text"].as<std::string>();
      CHECK(full.size() > info.summary.size());     // the doc page's "What it checks"
      CHECK(full.find('\n') == std::string::npos);  // hard wraps joined for viewers
      CHECK(rule["help"]["text"].as<std::string>().find(info.id) != std::string::npos);
      CHECK(rule["help"]["markdown"].as<std::string>().find(info.id) != std::string::npos);
      CHECK(rule["defaultConfiguration"]["level"].as<std::string>() ==
            (info.default_severity == Severity::Error ? "error" : "warning"));
    }
    CHECK(pascal_case("maybe-unset-variable") == "MaybeUnsetVariable");
  }

  TEST_CASE("results: rule, level, message, location, region and related locations") {
    SourceFile file("procedures/szkoła 1.yaml", "a: 1\nb: 2\n");
    Diagnostic d{Rule::DanglingRef, Severity::Error, {&file, 2, 4}, "no node `x`", {}, 2, 7};
    d.notes.push_back({{&file, 1, 1}, "similar id here"});
    d.notes.push_back({{}, "check the spelling"});
    Diagnostic whole{Rule::ReviewOverdue, Severity::Warning, {&file, 0, 0}, "overdue", {}, 0, 0};
    YAML::Node results = render({d, whole})["runs"][0]["results"];
    REQUIRE(results.size() == 2);

    YAML::Node r = results[0];
    CHECK(r["ruleId"].as<std::string>() == "dangling-ref");
    CHECK(r["ruleIndex"].as<size_t>() == static_cast<size_t>(Rule::DanglingRef));
    CHECK(r["level"].as<std::string>() == "error");
    CHECK(r["message"]["text"].as<std::string>() == "no node `x`\nnote: check the spelling");
    YAML::Node location = r["locations"][0]["physicalLocation"];
    CHECK(location["artifactLocation"]["uri"].as<std::string>() ==
          "procedures/szko%C5%82a%201.yaml");
    CHECK(location["region"]["startLine"].as<int>() == 2);
    CHECK(location["region"]["startColumn"].as<int>() == 4);
    CHECK(location["region"]["endLine"].as<int>() == 2);
    CHECK(location["region"]["endColumn"].as<int>() == 7);
    REQUIRE(r["relatedLocations"].size() == 1);
    CHECK(r["relatedLocations"][0]["message"]["text"].as<std::string>() == "similar id here");
    CHECK(r["relatedLocations"][0]["physicalLocation"]["region"]["startLine"].as<int>() == 1);

    YAML::Node w = results[1];
    CHECK(w["level"].as<std::string>() == "warning");
    YAML::Node region = w["locations"][0]["physicalLocation"]["region"];
    CHECK(region["startLine"].as<int>() == 1);  // SARIF regions need a line
    CHECK_FALSE(region["startColumn"]);
    CHECK_FALSE(w["relatedLocations"]);
  }

  TEST_CASE("a diagnostic without a file has no locations") {
    Diagnostic d{Rule::LimitExceeded, Severity::Error, {}, "too many files", {}, 0, 0};
    YAML::Node r = render({d})["runs"][0]["results"][0];
    CHECK_FALSE(r["locations"]);
  }

  TEST_CASE("paths become URI references") {
    CHECK(path_to_uri("procedures/a.yaml") == "procedures/a.yaml");
    CHECK(path_to_uri("./procedures/a b.yaml") == "procedures/a%20b.yaml");
    // A backslash is part of a POSIX file name: encoded, never turned into a separator.
    CHECK(path_to_uri("dir\\file#1.yaml") == "dir%5Cfile%231.yaml");
    CHECK(path_to_uri("/srv/p/100%.yaml") == "file:///srv/p/100%25.yaml");
    CHECK(path_to_uri("żółw.yaml") == "%C5%BC%C3%B3%C5%82w.yaml");
  }
}
