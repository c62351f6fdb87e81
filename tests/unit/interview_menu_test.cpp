// The menu of `procedura run`: entries wrapped at the terminal width with a hanging indent,
// numbers that stay while filtering, and a search over title and id without Polish letters.
#include <doctest/doctest.h>

#include <algorithm>

#include "engine_test_support.h"
#include "interview/interview.h"
#include "interview/menu.h"
#include "util/utf8.h"

namespace procedura::interview {
namespace {

std::string procedure(const std::string& id, const std::string& title_pl,
                      const std::string& title_en) {
  return "format: 1\nid: " + id + "\nversion: 1.0.0\nlanguages: [pl, en]\ntitle: {pl: \"" +
         title_pl + "\", en: \"" + title_en +
         "\"}\naudience: [nauczyciel]\nstart: koniec\nnodes:\n  koniec:\n    outcome: {pl: "
         "\"Koniec.\", en: \"The end.\"}\n";
}

Catalog menu_catalog() {
  Catalog catalog = testing::load_yaml(
      {{"a.yaml", procedure("m-a-pobicie", "Pobicie ucznia na przerwie", "A pupil beaten up")},
       {"b.yaml", procedure("m-b-rozboj",
                            "Zabór telefonu z użyciem przemocy wobec ucznia, zgłoszony przez "
                            "rodzica lub świadka zdarzenia",
                            "A phone taken from a pupil by force")},
       {"c.yaml", procedure("m-c-pijany", "Nietrzeźwy opiekun przy dziecku",
                            "A drunk guardian with a child")}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  return catalog;
}

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("menu entries wrap at a space under the title, not mid-word") {
  Catalog catalog = menu_catalog();
  FakeTerminal terminal({"q"}, 60);
  CHECK(choose_procedure(catalog.runnable(), terminal, "pl").procedure == nullptr);
  const std::string& out = terminal.output();
  CHECK(has(out, "   1) Pobicie ucznia na przerwie — dla: nauczyciel\n"));
  CHECK(has(out,
            "   2) Zabór telefonu z użyciem przemocy wobec ucznia,\n"
            "      zgłoszony przez rodzica lub świadka zdarzenia — dla:\n"
            "      nauczyciel\n"));
  for (size_t start = 0, end; (end = out.find('\n', start)) != std::string::npos; start = end + 1)
    CHECK(utf8::display_width(out.substr(start, end - start)) <= 60);
}

TEST_CASE("numbers stay the same while the menu is filtered") {
  Catalog catalog = menu_catalog();
  FakeTerminal terminal({"ucznia", "2"});
  const Procedure* chosen = choose_procedure(catalog.runnable(), terminal, "pl").procedure;
  REQUIRE(chosen != nullptr);
  CHECK(chosen->id == "m-b-rozboj");
  std::string filtered = terminal.output().substr(terminal.output().find("Pasujące procedury:"));
  CHECK(has(filtered, "   1) Pobicie ucznia"));
  CHECK(has(filtered, "   2) Zabór telefonu"));
  CHECK_FALSE(has(filtered, "3) "));
  // A number of the full menu still picks its procedure while filtered.
  FakeTerminal other({"ucznia", "3"});
  CHECK(choose_procedure(catalog.runnable(), other, "pl").procedure->id == "m-c-pijany");
}

TEST_CASE("the search ignores case and Polish letters and reads the id and every title") {
  Catalog catalog = menu_catalog();
  auto pick = [&](const char* typed, const char* lang = "pl") {
    FakeTerminal terminal({typed, "q"});
    const Procedure* p = choose_procedure(catalog.runnable(), terminal, lang).procedure;
    return p ? p->id : std::string("(none)");
  };
  CHECK(pick("NIETRZEZWY") == "m-c-pijany");
  CHECK(pick("zabór") == "m-b-rozboj");
  CHECK(pick("zabor") == "m-b-rozboj");
  CHECK(pick("drunk") == "m-c-pijany");  // the English title, in a Polish menu
  CHECK(pick("m-a") == "m-a-pobicie");   // the id
  CHECK(pick("xyz") == "(none)");
  CHECK(menu_matches(*catalog.find("m-a-pobicie"), "ucznia PRZERWIE", "pl"));
  CHECK_FALSE(menu_matches(*catalog.find("m-a-pobicie"), "ucznia telefonu", "pl"));
}

std::string with_area(const std::string& id, const std::string& title, const std::string& area,
                      const std::string& keywords) {
  return "format: 1.1\nid: " + id + "\nversion: 1.0.0\nlanguages: [pl, en]\ntitle: {pl: \"" +
         title + "\", en: \"" + title + "\"}\narea: " + area + "\nkeywords: " + keywords +
         "\nstart: koniec\nnodes:\n  koniec:\n    outcome: {pl: \"Koniec.\", en: \"The end.\"}\n";
}

Catalog area_catalog() {
  Catalog catalog = testing::load_yaml(
      {{"a.yaml", with_area("m-szkola-alkohol", "Uczeń pod wpływem alkoholu",
                            "{pl: \"Szkoła — demoralizacja\", en: \"School — demoralisation\"}",
                            "{pl: [pijany, alkohol], en: [drunk]}")},
       {"b.yaml", with_area("m-policja", "Zatrzymanie opiekuna", "{pl: Policja, en: Police}",
                            "{pl: [zatrzymanie, areszt], en: [arrest]}")},
       {"c.yaml", with_area("m-szkola-bojka", "Uczeń sprawcą czynu karalnego",
                            "{pl: \"Szkoła — demoralizacja\", en: \"School — demoralisation\"}",
                            "{pl: [bójka, pobicie, rozbój], en: [fight, robbery]}")},
       {"d.yaml", procedure("m-bez-obszaru", "Procedura bez obszaru", "No area")}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  return catalog;
}

TEST_CASE("the menu groups procedures under their area, those without one last") {
  Catalog catalog = area_catalog();
  std::vector<MenuGroup> groups = menu_groups(catalog.runnable(), "pl");
  REQUIRE(groups.size() == 3);
  auto group = [&](std::string_view heading) -> const MenuGroup* {
    for (const MenuGroup& g : groups)
      if (g.heading == heading) return &g;
    return nullptr;
  };
  REQUIRE(group("Szkoła — demoralizacja") != nullptr);
  CHECK(group("Szkoła — demoralizacja")->entries.size() == 2);
  REQUIRE(group("Policja") != nullptr);
  CHECK(group("Policja")->entries.size() == 1);
  // The procedures without an area come last.
  REQUIRE(groups.back().entries.size() == 1);
  CHECK(groups.back().entries[0].procedure->id == "m-bez-obszaru");
  std::vector<MenuGroup> english = menu_groups(catalog.runnable(), "en");
  CHECK(std::any_of(english.begin(), english.end(),
                    [](const MenuGroup& g) { return g.heading == "Police"; }));
  FakeTerminal terminal({"q"});
  choose_procedure(catalog.runnable(), terminal, "pl");
  const std::string& out = terminal.output();
  REQUIRE(has(out, "Szkoła — demoralizacja"));
  CHECK(out.find("Szkoła — demoralizacja") < out.find("Uczeń pod wpływem alkoholu"));
  CHECK(out.find("Policja") < out.find("Zatrzymanie opiekuna"));
}

TEST_CASE("the search reads keywords in every language and the area") {
  Catalog catalog = area_catalog();
  const Procedure& fight = *catalog.find("m-szkola-bojka");
  CHECK(menu_matches(fight, "pobicie", "pl"));
  CHECK(menu_matches(fight, "ROZBOJ", "pl"));         // case and Polish letters ignored
  CHECK(menu_matches(fight, "robbery", "pl"));        // English keywords in a Polish menu
  CHECK(menu_matches(fight, "demoralizacja", "pl"));  // the area
  CHECK_FALSE(menu_matches(fight, "pijany", "pl"));
  CHECK(menu_matches(*catalog.find("m-szkola-alkohol"), "pijany", "pl"));
  CHECK(menu_matches(*catalog.find("m-policja"), "areszt", "en"));
}

}  // namespace
}  // namespace procedura::interview
