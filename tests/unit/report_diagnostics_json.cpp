#include <doctest/doctest.h>

#include <yaml-cpp/yaml.h>
#include <sstream>

#include "model/source_file.h"
#include "report/diagnostics_json.h"

using namespace procedura;

TEST_SUITE("report json") {
  TEST_CASE("an array of objects with required and optional keys, in a stable order") {
    SourceFile file("procedures/szkoła.yaml", "a: 1\nb: 2\n");
    Diagnostic plain{
        Rule::UnknownKey, Severity::Error, {&file, 1, 1}, "unknown key \"a\"", {}, 0, 0};
    Diagnostic spanned{Rule::DanglingRef, Severity::Error, {&file, 2, 4}, "no node `x`", {}, 2, 5};
    spanned.notes.push_back({{&file, 1, 1}, "similar id here"});
    spanned.notes.push_back({{}, "check the spelling"});
    Diagnostic nowhere{Rule::LimitExceeded, Severity::Warning, {}, "x", {}, 0, 0};

    std::ostringstream out;
    render_diagnostics_json({plain, spanned, nowhere}, out);
    std::string text = out.str();

    // Key order is part of the format: scripts and diffs rely on it.
    CHECK(text.find("\"file\"") < text.find("\"line\""));
    CHECK(text.find("\"line\"") < text.find("\"column\""));
    CHECK(text.find("\"column\"") < text.find("\"severity\""));
    CHECK(text.find("\"severity\"") < text.find("\"rule\""));
    CHECK(text.find("\"rule\"") < text.find("\"message\""));
    CHECK(text.substr(0, 6) == "[\n  {\n");

    YAML::Node root = YAML::Load(text);
    REQUIRE(root.IsSequence());
    REQUIRE(root.size() == 3);
    CHECK(root[0]["file"].as<std::string>() == "procedures/szkoła.yaml");
    CHECK(root[0]["line"].as<int>() == 1);
    CHECK(root[0]["column"].as<int>() == 1);
    CHECK(root[0]["severity"].as<std::string>() == "error");
    CHECK(root[0]["rule"].as<std::string>() == "unknown-key");
    CHECK(root[0]["message"].as<std::string>() == "unknown key \"a\"");
    CHECK_FALSE(root[0]["end_line"]);
    CHECK_FALSE(root[0]["notes"]);

    CHECK(root[1]["end_line"].as<int>() == 2);
    CHECK(root[1]["end_column"].as<int>() == 5);
    REQUIRE(root[1]["notes"].size() == 2);
    CHECK(root[1]["notes"][0]["file"].as<std::string>() == "procedures/szkoła.yaml");
    CHECK(root[1]["notes"][0]["line"].as<int>() == 1);
    CHECK(root[1]["notes"][0]["message"].as<std::string>() == "similar id here");
    CHECK(root[1]["notes"][1]["file"].IsNull());
    CHECK(root[1]["notes"][1]["line"].as<int>() == 0);

    CHECK(root[2]["file"].IsNull());
    CHECK(root[2]["severity"].as<std::string>() == "warning");
  }

  TEST_CASE("no diagnostics: an empty array") {
    std::ostringstream out;
    render_diagnostics_json({}, out);
    CHECK(out.str() == "[]\n");
  }
}
