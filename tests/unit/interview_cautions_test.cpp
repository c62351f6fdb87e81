// Cautions (format 1.1) reach the operator at once, in a block of their own ("NIE WOLNO" /
// "DO NOT"), and the reports list them apart from the actions; `about` labels on a call say
// whom the callee's actions and cautions concern.
#include <doctest/doctest.h>

#include <sstream>

#include "engine_test_support.h"
#include "interview/interview.h"
#include "report/run_report.h"

namespace procedura::interview {
namespace {

const char* kSprawca = R"yaml(format: 1.1
id: sprawca
version: 1.0.0
languages: [pl, en]
title: {pl: "Uczeń sprawcą", en: "A pupil as perpetrator"}
cautions:
  nie_przeszukuj:
    text: {pl: "Nie przeszukuj plecaka ucznia", en: "Do not search the pupil's bag"}
start: obrazenia
nodes:
  obrazenia:
    ask: {pl: "Czy ktoś jest ranny?", en: "Is anyone injured?"}
    type: yes_no
    cautions: [nie_przeszukuj]
    options:
      - value: yes
        next: ofiara
      - value: no
        next: koniec
  ofiara:
    call: ofiara
    about: {pl: "pokrzywdzony", en: "victim"}
    next: koniec
  koniec:
    outcome: {pl: "Sprawa przekazana.", en: "The case is handed over."}
)yaml";

const char* kOfiara = R"yaml(format: 1.1
id: ofiara
version: 1.0.0
languages: [pl, en]
title: {pl: "Uczeń ofiarą", en: "A pupil as victim"}
start: rozmowa
nodes:
  rozmowa:
    ask: {pl: "Czy dziecko samo mówi o zdarzeniu?", en: "Does the child talk about it?"}
    type: yes_no
    options:
      - value: yes
        cautions:
          - text: {pl: "Nie wypytuj dziecka o szczegóły", en: "Do not question the child in detail"}
        actions:
          - kind: do
            text: {pl: "Wysłuchaj dziecka", en: "Listen to the child"}
        next: koniec
      - value: no
        next: koniec
  koniec:
    outcome: {pl: "Wsparcie udzielone.", en: "Support given."}
)yaml";

struct Perpetrator {
  Catalog catalog = testing::load_yaml({{"sprawca.yaml", kSprawca}, {"ofiara.yaml", kOfiara}});
  const Procedure& procedure() {
    REQUIRE_FALSE(catalog.diagnostics.has_errors());
    return *catalog.find("sprawca");
  }
};

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("a caution is shown at once, before the question it belongs to is answered") {
  Perpetrator p;
  engine::Session session(p.procedure());
  FakeTerminal terminal({"tak", "tak"});
  InterviewOptions options;
  REQUIRE(run_interview(session, terminal, options).end == InterviewResult::End::Completed);
  const std::string& out = terminal.output();
  size_t first = out.find("NIE WOLNO: Nie przeszukuj plecaka ucznia");
  REQUIRE(first != std::string::npos);
  CHECK(first < out.find("Czy ktoś jest ranny?"));
  // Reached by an answer inside the call: shown before the next screen, with whom it concerns.
  size_t inner = out.find("NIE WOLNO: Nie wypytuj dziecka o szczegóły (pokrzywdzony)");
  REQUIRE(inner != std::string::npos);
  CHECK(inner > out.find("Czy dziecko samo mówi o zdarzeniu?"));
  // Each caution is shown once.
  CHECK(out.find("Nie przeszukuj plecaka", first + 20) == std::string::npos);
}

TEST_CASE("in English the block is headed DO NOT") {
  Perpetrator p;
  engine::Session session(p.procedure());
  FakeTerminal terminal({"no"});
  InterviewOptions options;
  options.lang = "en";
  REQUIRE(run_interview(session, terminal, options).end == InterviewResult::End::Completed);
  CHECK(has(terminal.output(), "DO NOT: Do not search the pupil's bag"));
}

TEST_CASE("the reports list cautions apart from the actions, under their about label") {
  Perpetrator p;
  engine::Session session(p.procedure());
  REQUIRE_FALSE(session.answer(Value::of_bool(true)));
  REQUIRE_FALSE(session.answer(Value::of_bool(true)));
  REQUIRE(session.state() == engine::Session::State::Finished);
  RunReportOptions options;
  std::ostringstream text, json, markdown;
  render_run_report_text(session, options, text);
  render_run_report_json(session, options, json);
  render_run_report_markdown(session, options, markdown);
  std::string t = text.str();
  size_t heading = t.find("NIE WOLNO");
  REQUIRE(heading != std::string::npos);
  // The procedure's own cautions first; a call's `about` label heads its cautions once.
  const std::string cautions = t.substr(heading);
  CHECK(has(cautions, "NIE WOLNO\n  - Nie przeszukuj plecaka ucznia"));
  CHECK(has(cautions, "\n  pokrzywdzony:\n  - Nie wypytuj dziecka o szczegóły\n"));
  CHECK_FALSE(has(cautions, "szczegóły (pokrzywdzony)"));
  // An action is listed under its call's `about` label too, not with the label beside it.
  CHECK(has(t, "\n  pokrzywdzony:\n  1. [ ] Wysłuchaj dziecka\n"));
  CHECK_FALSE(has(t, "Wysłuchaj dziecka (pokrzywdzony)"));
  std::string compact;  // the JSON without the writer's spacing
  for (char c : json.str())
    if (c != ' ' && c != '\n') compact += c;
  CHECK(has(compact, "\"cautions\":[{\"id\":\"nie_przeszukuj\""));
  CHECK(has(compact, "\"about\":\"pokrzywdzony\""));
  CHECK(has(markdown.str(), "## NIE WOLNO"));
  CHECK(has(markdown.str(), "Nie wypytuj dziecka o szczegóły (pokrzywdzony)"));
}

}  // namespace
}  // namespace procedura::interview
