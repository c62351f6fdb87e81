// Loading the keys format 1.1 adds: area, keywords, cautions (definitions and uses on
// nodes, options and cases), `about` on calls, and yes_no questions written with `next`.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine_test_support.h"
#include "report/rule_docs.h"

namespace procedura {
namespace {

using testing::load_yaml;

std::vector<std::string> rule_ids(const Catalog& catalog) {
  std::vector<std::string> out;
  for (const Diagnostic& d : catalog.diagnostics.items())
    out.push_back(std::string(rule_info(d.rule).id));
  return out;
}

const char* kBilingual = R"(format: 1.1
id: nowe
version: 1.0.0
languages: [pl, en]
title: {pl: Nowe klucze, en: New keys}
area: {pl: Szkoła — opieka, en: School — care}
keywords: {pl: [pijany, bójka], en: [drunk, fight]}
legal_basis:
  upo: {cite: art. 1}
cautions:
  nie_przesluchuj:
    text: {pl: Nie przesłuchuj dziecka., en: Do not question the child.}
    basis: [upo]
start: pytanie
nodes:
  pytanie:
    ask: {pl: "Czy?", en: "Is it?"}
    type: yes_no
    cautions: [nie_przesluchuj]
    next: wybor
  wybor:
    ask: {pl: "Który?", en: "Which?"}
    type: choice
    options:
      - value: a
        label: {pl: A, en: A}
        next: rozgalezienie
        cautions:
          - text: {pl: Nie zostawiaj go samego., en: Do not leave him alone.}
  rozgalezienie:
    branch:
      - when: pytanie == true
        next: wezwij
        cautions: [nie_przesluchuj]
    otherwise: wezwij
  wezwij:
    call: inna
    about: {pl: pokrzywdzony, en: victim}
    next: koniec
  koniec:
    outcome: {pl: Koniec, en: The end}
)";

const char* kCallee = R"(format: 1
id: inna
version: 1.0.0
languages: [pl, en]
title: {pl: Inna, en: Other}
start: koniec
nodes:
  koniec: {outcome: {pl: Koniec, en: The end}}
)";

TEST_CASE("format 1.1 keys load with their languages and positions") {
  Catalog catalog = load_yaml({{"nowe.yaml", kBilingual}, {"inna.yaml", kCallee}});
  CHECK(rule_ids(catalog).empty());
  const Procedure& p = *catalog.find("nowe");
  CHECK(p.area.in("pl") == "Szkoła — opieka");
  CHECK(p.area.in("en") == "School — care");
  CHECK(p.area.location.line == 6);
  CHECK(p.keywords.in("pl") == std::vector<std::string>{"pijany", "bójka"});
  CHECK(p.keywords.in("en") == std::vector<std::string>{"drunk", "fight"});
  CHECK(p.keywords.all().size() == 4);
  REQUIRE(p.cautions.size() == 1);
  const Caution& defined = *p.cautions[0];
  CHECK(defined.id == "nie_przesluchuj");
  CHECK(defined.location.line == 11);
  CHECK(defined.text.in("en") == "Do not question the child.");
  REQUIRE(defined.bases.size() == 1);
  CHECK(defined.bases[0]->cite == "art. 1");

  const Node& question = *p.node("pytanie");
  REQUIRE(question.cautions().size() == 1);
  CHECK(question.cautions()[0].caution == &defined);
  CHECK(question.cautions()[0].location.line == 19);

  const Option& option = p.node("wybor")->ask().options.at(0);
  REQUIRE(option.cautions.size() == 1);
  REQUIRE(option.cautions[0].caution != nullptr);
  CHECK(option.cautions[0].caution->is_inline());
  CHECK(option.cautions[0].caution->text.in("pl") == "Nie zostawiaj go samego.");

  const Case& c = p.node("rozgalezienie")->branch().cases.at(0);
  REQUIRE(c.cautions.size() == 1);
  CHECK(c.cautions[0].caution == &defined);

  const Node& call = *p.node("wezwij");
  CHECK(call.call().about.in("pl") == "pokrzywdzony");
  CHECK(call.call().about.in("en") == "victim");
}

TEST_CASE("keywords may be a plain list when the file has one language or none") {
  Catalog catalog = load_yaml({{"p.yaml",
                                "format: 1\nid: p\nversion: 1.0.0\ntitle: T\n"
                                "area: Policja\nkeywords: [rozbój, pobicie]\n"
                                "start: k\nnodes:\n  k: {outcome: K}\n"}});
  CHECK(rule_ids(catalog).empty());  // the new keys are no error under format 1
  const Procedure& p = *catalog.find("p");
  CHECK(p.area.in("") == "Policja");
  CHECK(p.keywords.in("pl") == std::vector<std::string>{"rozbój", "pobicie"});
}

TEST_CASE("formats other than 1 and 1.1 are refused naming both") {
  Catalog catalog = load_yaml({{"p.yaml",
                                "format: 1.2\nid: p\nversion: 1.0.0\ntitle: T\n"
                                "start: k\nnodes:\n  k: {outcome: K}\n"}});
  REQUIRE(catalog.diagnostics.items().size() == 1);
  const Diagnostic& d = catalog.diagnostics.items()[0];
  CHECK(d.rule == Rule::UnsupportedFormat);
  CHECK(d.message.find("1 and 1.1") != std::string::npos);
}

TEST_CASE("a yes_no question without options and without next is still refused") {
  Catalog catalog = load_yaml({{"p.yaml",
                                "format: 1.1\nid: p\nversion: 1.0.0\ntitle: T\n"
                                "start: q\nnodes:\n  q: {ask: Q, type: yes_no}\n"
                                "  k: {outcome: K}\n"}});
  std::vector<std::string> rules = rule_ids(catalog);
  CHECK(std::find(rules.begin(), rules.end(), "missing-key") != rules.end());
  CHECK(catalog.find("p")->node("q")->ask().options.empty());
}

}  // namespace
}  // namespace procedura
