#include <doctest/doctest.h>

#include <sstream>

#include "model/source_file.h"
#include "report/diagnostics_github.h"

using namespace procedura;

namespace {

std::string render(const std::vector<Diagnostic>& diagnostics) {
  std::ostringstream out;
  render_diagnostics_github(diagnostics, out);
  return out.str();
}

}  // namespace

TEST_SUITE("report github") {
  TEST_CASE("escaping of messages and properties") {
    CHECK(github_escape_data("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b");
    CHECK(github_escape_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A");
  }

  TEST_CASE("errors and warnings with their position and rule as title") {
    SourceFile file("procedures/a,b:c.yaml", "x\n");
    Diagnostic error{
        Rule::UnknownKey, Severity::Error, {&file, 3, 5}, "unknown key `nxt`", {}, 0, 8};
    Diagnostic warning{
        Rule::ReviewOverdue, Severity::Warning, {&file, 0, 0}, "review: 50% late", {}, 0, 0};
    CHECK(render({error, warning}) ==
          "::error file=procedures/a%2Cb%3Ac.yaml,line=3,col=5,endColumn=8,title=unknown-key"
          "::unknown key `nxt`\n"
          "::warning file=procedures/a%2Cb%3Ac.yaml,title=review-overdue::review: 50%25 late\n");
  }

  TEST_CASE("notes follow the message after an escaped newline") {
    SourceFile file("p.yaml", "x\n");
    Diagnostic d{
        Rule::DuplicateId, Severity::Error, {&file, 4, 3}, "id `a` defined twice", {}, 0, 0};
    d.notes.push_back({{&file, 2, 3}, "first defined here"});
    d.notes.push_back({{}, "ids are unique per namespace"});
    CHECK(render({d}) ==
          "::error file=p.yaml,line=4,col=3,title=duplicate-id::id `a` defined twice"
          "%0Ap.yaml:2:3: note: first defined here%0Anote: ids are unique per namespace\n");
  }

  TEST_CASE("a span over several lines gives endLine") {
    SourceFile file("p.yaml", "x\n");
    Diagnostic d{Rule::Cycle, Severity::Error, {&file, 2, 1}, "loop", {}, 5, 3};
    CHECK(render({d}) ==
          "::error file=p.yaml,line=2,col=1,endLine=5,endColumn=3,title=cycle::loop\n");
  }
}
