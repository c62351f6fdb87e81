// The handbook and the graph show what format 1.1 adds: area and keywords in the header,
// cautions where they are reached (apart from the actions), urgent actions marked, `about`
// beside a call, and a yes_no question written with `next` drawn like one with options.
#include <doctest/doctest.h>

#include <sstream>

#include "engine_test_support.h"
#include "export/graph.h"
#include "export/handbook.h"
#include "export/handbook_facts.h"

namespace procedura {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

const char* kMain = R"(format: 1.1
id: glowna
version: 1.0.0
languages: [pl, en]
title: {pl: Uczeń pod wpływem, en: A pupil under the influence}
area: {pl: Szkoła — opieka, en: School — care}
keywords: {pl: [pijany, alkohol], en: [drunk, alcohol]}
cautions:
  nie_przesluchuj:
    text: {pl: Nie przesłuchuj ucznia., en: Do not question the pupil.}
actions:
  dzwon_112:
    text: {pl: Zadzwoń pod 112., en: Call 112.}
    deadline: immediately
  notatka:
    text: {pl: Sporządź notatkę., en: Write a note.}
    deadline: 3d
start: przytomny
nodes:
  przytomny:
    ask: {pl: "Czy uczeń jest przytomny?", en: "Is the pupil conscious?"}
    type: yes_no
    cautions: [nie_przesluchuj]
    next: stan
  stan:
    ask: {pl: "Jaki jest stan?", en: "What state?"}
    type: choice
    options:
      - value: zly
        label: {pl: Zły, en: Bad}
        next: rodzice
        actions: [dzwon_112]
        cautions:
          - text: {pl: Nie podawaj leków., en: Do not give medicine.}
      - value: dobry
        label: {pl: Dobry, en: Good}
        next: rodzice
  rodzice:
    call: inna
    about: {pl: rodzice ucznia, en: the pupil's parents}
    next: koniec
  koniec:
    outcome: {pl: Uczeń pod opieką., en: The pupil is cared for.}
    actions: [notatka]
)";

const char* kOther = R"(format: 1
id: inna
version: 1.0.0
languages: [pl, en]
title: {pl: Kontakt z rodzicami, en: Contacting the parents}
start: k
nodes:
  k:
    outcome: {pl: Rodzice wiedzą., en: The parents know.}
    cautions: [{text: {pl: Nie oddawaj ucznia nietrzeźwemu., en: Do not hand over to a drunk.}}]
)";

Catalog load() {
  Catalog catalog = testing::load_yaml({{"glowna.yaml", kMain}, {"inna.yaml", kOther}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  return catalog;
}

std::string markdown(const Procedure& p, const std::string& lang) {
  std::ostringstream out;
  HandbookOptions options;
  options.lang = lang;
  options.flow = FlowStyle::Outline;
  CHECK(write_handbook_markdown({&p}, out, options).empty());
  return out.str();
}

TEST_CASE("the handbook header names the area and the keywords") {
  Catalog catalog = load();
  std::string md = markdown(*catalog.find("glowna"), "pl");
  CHECK(contains(md, "· Obszar: Szkoła — opieka"));
  CHECK(contains(md, "*Słowa kluczowe:* pijany, alkohol"));
  std::string en = markdown(*catalog.find("glowna"), "en");
  CHECK(contains(en, "· Area: School — care"));
  CHECK(contains(en, "*Keywords:* drunk, alcohol"));
}

TEST_CASE("the handbook lists cautions apart from actions, and marks urgent actions") {
  Catalog catalog = load();
  std::string md = markdown(*catalog.find("glowna"), "pl");
  // The question's own caution, with the question and in its outline entry.
  CHECK(contains(md, "**NIE WOLNO:**\n\n- ⚠ Nie przesłuchuj ucznia."));
  CHECK(contains(md, "- **NIE WOLNO:** ⚠ Nie przesłuchuj ucznia."));
  // The option's caution under the option that reaches it.
  CHECK(contains(md, "  - **NIE WOLNO:** ⚠ Nie podawaj leków."));
  // The outcome gathers every caution of the paths to it, the callee's included.
  size_t outcome = md.find("Uczeń pod opieką.\n\n");
  REQUIRE(outcome != std::string::npos);
  std::string section = md.substr(outcome);
  CHECK(contains(section, "- ⚠ Nie oddawaj ucznia nietrzeźwemu."));
  CHECK(contains(section, "- ⚠ Nie podawaj leków."));
  CHECK(contains(section, "- [ ] **‼ TERAZ:** Zadzwoń pod 112."));
  CHECK_FALSE(contains(section, "TERAZ:** Sporządź notatkę."));
  // Cautions are never written as checklist items.
  CHECK_FALSE(contains(md, "- [ ] Nie przesłuchuj"));
}

TEST_CASE("the handbook shows whom a call concerns") {
  Catalog catalog = load();
  CHECK(contains(markdown(*catalog.find("glowna"), "pl"),
                 "↪ Procedura: Kontakt z rodzicami — dotyczy: **rodzice ucznia**"));
  CHECK(contains(markdown(*catalog.find("glowna"), "en"), "concerns: **the pupil's parents**"));
}

TEST_CASE("the HTML handbook carries the same facts") {
  Catalog catalog = load();
  std::ostringstream out;
  HandbookOptions options;
  options.flow = FlowStyle::Outline;
  REQUIRE(write_handbook_html({catalog.find("glowna")}, out, options).empty());
  std::string html = out.str();
  CHECK(contains(html, "Obszar: Szkoła — opieka"));
  CHECK(contains(html, "Słowa kluczowe: pijany, alkohol"));
  CHECK(contains(html, "<li>⚠ Nie przesłuchuj ucznia.</li>"));
  CHECK(contains(html, "<strong class=\"urgent\">‼ TERAZ:</strong> Zadzwoń pod 112."));
  CHECK(contains(html, "dotyczy: <strong>rodzice ucznia</strong>"));
}

TEST_CASE("both graphs name the area and the keywords under the title") {
  Catalog catalog = load();
  const Procedure& p = *catalog.find("glowna");
  std::ostringstream dot;
  write_dot(p, dot, GraphOptions{"en"});
  CHECK(contains(
      dot.str(),
      "label=\"A pupil under the influence\\nglowna 1.0.0\\nSchool — care\\ndrunk, alcohol\""));
  std::ostringstream mermaid;
  write_mermaid(p, mermaid, GraphOptions{"pl"});
  CHECK(
      contains(mermaid.str(),
               "title: \"Uczeń pod wpływem (glowna 1.0.0) · Szkoła — opieka · pijany, alkohol\""));
}

TEST_CASE("graphs draw cautions, urgency and `about`; a yes_no with next has two edges") {
  Catalog catalog = load();
  const Procedure& p = *catalog.find("glowna");
  std::ostringstream dot;
  write_dot(p, dot, GraphOptions{"pl"});
  CHECK(contains(dot.str(), "⚠ Nie przesłuchuj ucznia."));
  CHECK(contains(dot.str(), "‼ ▸ Zadzwoń pod 112. (natychmiast)"));
  CHECK(contains(dot.str(), "— dotyczy:"));
  CHECK(contains(dot.str(), "rodzice ucznia"));
  CHECK(contains(dot.str(), "\"przytomny\" -> \"stan\" [label=\"tak\"]"));
  CHECK(contains(dot.str(), "\"przytomny\" -> \"stan\" [label=\"nie\"]"));

  std::ostringstream mermaid;
  write_mermaid(p, mermaid, GraphOptions{"pl"});
  CHECK(contains(mermaid.str(), "⚠ Nie podawaj leków."));
  CHECK(contains(mermaid.str(), "n_przytomny -->|\"tak\"| n_stan"));
  CHECK(contains(mermaid.str(), "n_przytomny -->|\"nie\"| n_stan"));
}

TEST_CASE("an outcome's cautions include its own and those on the way") {
  Catalog catalog = load();
  const Procedure& p = *catalog.find("glowna");
  handbook::OutcomeChecklist list = handbook::OutcomeChecklists(p).of(p.index_of("koniec"));
  std::vector<std::string> texts;
  for (const Caution* c : list.cautions) texts.push_back(c->text.in("en"));
  CHECK(texts == std::vector<std::string>{"Do not question the pupil.", "Do not give medicine.",
                                          "Do not hand over to a drunk."});
}

}  // namespace
}  // namespace procedura
