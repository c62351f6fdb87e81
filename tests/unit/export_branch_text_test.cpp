#include <doctest/doctest.h>

#include "export/branch_text.h"
#include "trainer_support.h"

using namespace procedura;
using namespace procedura::trainer_testing;

namespace {

// A procedure whose branches test a choice, a yes_no, a number and a multi question.
const char* kProcedure = R"yaml(format: 1
id: galezie
version: 1.0.0
languages: [pl, en]
title: {pl: Gałęzie, en: Branches}
start: zagrozenie
nodes:
  zagrozenie:
    ask: {pl: "Zagrożenie dobra dziecka?", en: "Child's welfare at risk?"}
    type: choice
    options:
      - {value: tak, label: {pl: Tak, en: "Yes"}, next: wiek}
      - {value: nie, label: {pl: Nie, en: "No"}, next: wiek}
      - {value: nie_wiem, label: {pl: Nie wiem, en: "Don't know"}, next: wiek}
  wiek:
    ask: {pl: "Ile lat ma dziecko?", en: "How old is the child?"}
    type: number
    unit: {pl: lat, en: years}
    next: ranny
  ranny:
    ask: {pl: "Czy dziecko jest ranne?", en: "Is the child injured?"}
    type: yes_no
    options:
      - {value: "yes", next: objawy}
      - {value: "no", next: objawy}
  objawy:
    ask: {pl: "Objawy", en: "Signs"}
    type: multi
    options:
      - {value: zapach, label: {pl: Zapach alkoholu, en: Smell of alcohol}}
      - {value: chwiejny, label: {pl: Chwiejny chód, en: Unsteady gait}}
    next: jedno
  jedno:
    branch:
      - {when: 'zagrozenie != "nie"', next: dwa}
      - {when: 'zagrozenie in ["nie"]', next: dwa}
    otherwise: dwa
  dwa:
    branch:
      - {when: 'wiek < 13 and ranny == true', next: koniec}
      - {when: 'objawy contains "zapach" or wiek >= 18', next: koniec}
    otherwise: koniec
  koniec:
    outcome: {pl: Koniec, en: End}
)yaml";

}  // namespace

TEST_SUITE("export branch text") {
  TEST_CASE("one question: the branch shows it, its cases the answers they take") {
    TempDir dir;
    auto catalog = load_ok({dir.write("galezie.yaml", kProcedure)});
    const Procedure& p = procedure(*catalog, "galezie");
    const Node& jedno = *p.node("jedno");
    CHECK(flow::branch_question(p, jedno, "pl") == "Zagrożenie dobra dziecka?");
    // != names every other answer, in the options' order and labels.
    CHECK(flow::case_text(p, jedno, 0, "pl") == "Tak / Nie wiem");
    CHECK(flow::case_text(p, jedno, 1, "pl") == "Nie");
    CHECK(flow::case_text(p, jedno, 0, "en") == "Yes / Don't know");
  }

  TEST_CASE("several questions: each answer says its question; numbers carry the unit") {
    TempDir dir;
    auto catalog = load_ok({dir.write("galezie.yaml", kProcedure)});
    const Procedure& p = procedure(*catalog, "galezie");
    const Node& dwa = *p.node("dwa");
    CHECK(flow::branch_question(p, dwa, "pl") ==
          "Ile lat ma dziecko?\nCzy dziecko jest ranne?\nObjawy");
    CHECK(flow::case_text(p, dwa, 0, "pl") ==
          "Ile lat ma dziecko: < 13 lat i Czy dziecko jest ranne: tak");
    CHECK(flow::case_text(p, dwa, 1, "en") ==
          "Signs: Smell of alcohol or How old is the child: >= 18 years");
  }
}
