// The text report's layout at 80 columns: long recipient names wrap inside their column of
// the notifications table, a detail joins its action's last line when it fits, and the
// "now" group does not repeat "immediately" under its own heading.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "engine_test_support.h"
#include "report/run_report.h"
#include "util/utf8.h"

namespace procedura {
namespace {

const char* kPowiadomienia = R"yaml(format: 1
id: powiadomienia
version: 1.0.0
languages: [pl]
title: "Powiadomienia"
recipients:
  dyrektor:
    name: "dyrektor szkoły (lub wicedyrektor / osoba upoważniona w Standardach Ochrony Małoletnich)"
  pogotowie:
    name: "pogotowie ratunkowe (ZRM, tel. 112 / 999)"
actions:
  wezwij_112:
    kind: notify
    to: pogotowie
    text: "Wezwij pogotowie ratunkowe."
    deadline: immediately
    channel: phone
  powiadom_dyrektora:
    kind: notify
    to: dyrektor
    text: "Powiadom dyrektora szkoły o zdarzeniu i o tym, co już zrobiono, a dyrektor zdecyduje o dalszych zawiadomieniach."
    deadline: 24h
    channel: in_person
  izoluj:
    kind: do
    text: "Odizoluj ucznia od innych uczniów, nie pozostawiając go ani na chwilę bez opieki osoby dorosłej."
    deadline: immediately
  notatka:
    kind: document
    text: "Sporządź notatkę służbową."
    deadline: 3d
start: koniec
nodes:
  koniec:
    outcome: "Uczeń pod opieką."
    actions: [wezwij_112, izoluj, powiadom_dyrektora, notatka]
)yaml";

std::string report() {
  Catalog catalog = testing::load_yaml({{"powiadomienia.yaml", kPowiadomienia}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  engine::Session session(*catalog.find("powiadomienia"));
  REQUIRE(session.state() == engine::Session::State::Finished);
  RunReportOptions options;
  std::ostringstream out;
  render_run_report_text(session, options, out);
  return out.str();
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST_CASE("no line of the text report is wider than the screen") {
  for (const std::string& line : lines_of(report())) {
    CAPTURE(line);
    CHECK(utf8::display_width(line) <= 80);
  }
}

TEST_CASE("a long recipient name wraps inside its column; the row keeps its cells") {
  std::string text = report();
  std::vector<std::string> lines = lines_of(text);
  auto row = std::find_if(lines.begin(), lines.end(), [](const std::string& line) {
    return line.rfind("  dyrektor szkoły (lub", 0) == 0;
  });
  REQUIRE(row != lines.end());
  // The first line of the row carries the channel, the deadline and the action number.
  CHECK(row->find("osobiście") != std::string::npos);
  CHECK(row->find("w ciągu 24 h") != std::string::npos);
  CHECK(row->substr(row->size() - 1) == "3");
  // The rest of the name follows in the same column, alone on its lines.
  REQUIRE(row + 1 != lines.end());
  CHECK((row + 1)->rfind("  ", 0) == 0);
  CHECK((row + 1)->find("osobiście") == std::string::npos);
  CHECK(text.find("Małoletnich)") != std::string::npos);
}

TEST_CASE("the now group does not repeat immediately; a short detail joins the text") {
  std::string text = report();
  std::string now = text.substr(0, text.find("W ciągu godzin"));
  CHECK(now.find("natychmiast") == std::string::npos);
  // Recipient and channel do not fit after the text and take the line below;
  // an action with nothing to add under its heading ends with its text.
  CHECK(text.find("  1. [ ] Wezwij pogotowie ratunkowe.\n         pogotowie ratunkowe (ZRM, tel. "
                  "112 / 999) · tel.\n") != std::string::npos);
  CHECK(text.find("bez opieki osoby dorosłej.\n") != std::string::npos);
  // A short detail stays on the action's line.
  CHECK(text.find("  4. [ ] Sporządź notatkę służbową. — w ciągu 3 dni\n") != std::string::npos);
}

const char* kPodstawy = R"yaml(format: 1
id: podstawy
version: 1.0.0
languages: [pl]
title: "Podstawy"
legal_basis:
  kk-240:
    cite: "art. 240 § 1 k.k."
    text: "Ustawa z 6 czerwca 1997 r. – Kodeks karny, stan prawny 2025; katalog z § 1 rozszerzony w 2017 r."
  po-68:
    cite: "art. 68 u.p.o."
    text: "Ustawa z 14 grudnia 2016 r. – Prawo oświatowe"
  kk-200:
    cite: "art. 200 k.k."
    text: "Ustawa z 6 czerwca 1997 r. – Kodeks karny, stan prawny 2025"
  rozp-2:
    cite: "§ 2 rozp. z 2017 r."
    text: "Rozporządzenie MEN z 9 sierpnia 2017 r."
  rozp-5:
    cite: "§ 5 rozp. z 2017 r."
    text: "Rozporządzenie MEN z 9 sierpnia 2017 r."
  statut:
    cite: "statut szkoły"
    text: "Statut szkoły (ustawa z 14 grudnia 2016 r. – Prawo oświatowe, art. 98)"
actions:
  zawiadom:
    kind: do
    text: "Zawiadom prokuratora."
    basis: [kk-240, po-68]
  wysluchaj:
    kind: do
    text: "Wysłuchaj dziecka."
    basis: [kk-200, statut]
  pomoc:
    kind: do
    text: "Objąć pomocą."
    basis: [rozp-2, rozp-5]
start: koniec
nodes:
  koniec:
    outcome: "Koniec."
    actions: [zawiadom, wysluchaj, pomoc]
)yaml";

// The text report of procedure `id`, loaded with `files`, run with no answer to give.
std::string text_report(const std::map<std::string, std::string>& files, const std::string& id,
                        const RunReportOptions& options) {
  Catalog catalog = testing::load_yaml(files);
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  engine::Session session(*catalog.find(id));
  REQUIRE(session.state() == engine::Session::State::Finished);
  std::ostringstream out;
  render_run_report_text(session, options, out);
  return out.str();
}

std::string report_of(const char* yaml, const char* id, bool details) {
  RunReportOptions options;
  options.details = details;
  return text_report({{std::string(id) + ".yaml", yaml}}, id, options);
}

TEST_CASE("the legal bases name each act once, after its provisions, numbered together") {
  std::string text = report_of(kPodstawy, "podstawy", false);
  // Two provisions of the penal code, mentioned first and third, are [1] and [2]; the
  // notes after the act's title ("stan prawny…") belong to one provision and are left out.
  CHECK(text.find("  1. [ ] Zawiadom prokuratora. — [1][3]\n") != std::string::npos);
  CHECK(text.find("  2. [ ] Wysłuchaj dziecka. — [2][4]\n") != std::string::npos);
  // The act's abbreviation ends only the last of its citations, as lawyers write them.
  CHECK(text.find(
            "  [1] art. 240 § 1 · [2] art. 200 k.k. — Ustawa z 6 czerwca 1997 r. – Kodeks…\n") !=
        std::string::npos);
  // "r." of a date is not an act's abbreviation: both citations stay whole.
  CHECK(text.find("  [5] § 2 rozp. z 2017 r. · [6] § 5 rozp. z 2017 r. — Rozporządzenie MEN z 9") !=
        std::string::npos);
  CHECK(text.find("stan prawny") == std::string::npos);
  CHECK(text.find("  [3] art. 68 u.p.o. — Ustawa z 14 grudnia 2016 r. – Prawo oświatowe\n") !=
        std::string::npos);
  // A title that would only repeat the citation keeps its parenthesis.
  CHECK(text.find("  [4] statut szkoły — Statut szkoły (ustawa z 14 grudnia 2016 r. –") !=
        std::string::npos);
  // With the details, every basis keeps its whole text: provisions with different notes
  // are not grouped.
  std::string details = report_of(kPodstawy, "podstawy", true);
  CHECK(details.find("  [1] art. 240 § 1 k.k. — Ustawa z 6 czerwca 1997 r. – Kodeks karny, stan\n"
                     "    prawny 2025; katalog z § 1 rozszerzony w 2017 r.\n") !=
        std::string::npos);
  CHECK(details.find("[2] art. 68 u.p.o.") != std::string::npos);
  CHECK(details.find("[3] art. 200 k.k. — ") != std::string::npos);
}

const char* kJedenOdbiorca = R"yaml(format: 1
id: jeden-odbiorca
version: 1.0.0
languages: [pl]
title: "Jeden odbiorca"
recipients:
  rodzice:
    name: "rodzice"
actions:
  zadzwon:
    kind: notify
    to: rodzice
    text: "Zadzwoń do rodziców."
    deadline: immediately
    channel: phone
  pouczenie:
    kind: notify
    to: rodzice
    text: "Poucz rodziców."
  wezwanie:
    kind: notify
    to: rodzice
    text: "Wezwij rodziców na piśmie."
    deadline: 3d
    channel: written
start: koniec
nodes:
  koniec:
    outcome: "Koniec."
    actions: [pouczenie, wezwanie, zadzwon]
)yaml";

TEST_CASE("the notifications table has one row per recipient") {
  std::string text = report_of(kJedenOdbiorca, "jeden-odbiorca", false);
  // The most pressing deadline (the call, first in the report), every channel used, and
  // the numbers of all three actions; no second or third row for the same people.
  CHECK(text.find("  rodzice        telefonicznie, pisemnie  natychmiast  1, 2, 3\n") !=
        std::string::npos);
  CHECK(text.find("\n  rodzice ", text.find("natychmiast  1, 2, 3")) == std::string::npos);
}

// Two calls with `about` labels between the procedure's own actions, in two deadline groups.
const char* kSprawcaZOfiara = R"yaml(format: 1.1
id: sprawca-z-ofiara
version: 1.0.0
languages: [pl, en]
title: {pl: "Sprawca", en: "Perpetrator"}
actions:
  przerwij: {kind: do, text: {pl: "Przerwij bójkę", en: "Stop the fight"}, deadline: immediately}
  notatka: {kind: document, text: {pl: "Notatka", en: "Note"}}
start: pierwszy
nodes:
  pierwszy:
    step: {pl: "Przerwij.", en: "Stop it."}
    actions: [przerwij]
    next: ofiara
  ofiara:
    call: ofiara
    about: {pl: "pokrzywdzony", en: "victim"}
    next: drugi
  drugi:
    step: {pl: "Policja.", en: "Police."}
    actions:
      - {kind: do, text: {pl: "Zabezpiecz dowody", en: "Secure evidence"}, deadline: immediately}
    next: koniec
  koniec:
    outcome: {pl: "Koniec.", en: "The end."}
    actions: [notatka]
)yaml";

const char* kOfiara = R"yaml(format: 1.1
id: ofiara
version: 1.0.0
languages: [pl, en]
title: {pl: "Ofiara", en: "Victim"}
start: pomoc
nodes:
  pomoc:
    step: {pl: "Pomóż.", en: "Help."}
    actions:
      - {kind: do, text: {pl: "Udziel pierwszej pomocy", en: "Give first aid"}, deadline: immediately}
      - {kind: do, text: {pl: "Wsparcie psychologa", en: "A psychologist's support"}}
    next: koniec
  koniec:
    outcome: {pl: "Pomoc udzielona.", en: "Help given."}
)yaml";

std::string report_with_call(const std::string& lang) {
  RunReportOptions options;
  options.lang = lang;
  return text_report({{"sprawca-z-ofiara.yaml", kSprawcaZOfiara}, {"ofiara.yaml", kOfiara}},
                     "sprawca-z-ofiara", options);
}

TEST_CASE("a call's about label heads its actions once per group; other marks the way back") {
  std::string text = report_with_call("pl");
  // Under TERAZ: the procedure's own action with no heading, the victim's under the label,
  // then the procedure's own again under "pozostałe". The label restarts in a new group.
  CHECK(text.find("TERAZ\n"
                  "  1. [ ] Przerwij bójkę\n"
                  "  pokrzywdzony:\n"
                  "  2. [ ] Udziel pierwszej pomocy\n"
                  "  pozostałe:\n"
                  "  3. [ ] Zabezpiecz dowody\n"
                  "Bez terminu\n"
                  "  pokrzywdzony:\n"
                  "  4. [ ] Wsparcie psychologa\n"
                  "  pozostałe:\n"
                  "  5. [ ] Notatka\n") != std::string::npos);
  CHECK(text.find("(pokrzywdzony)") == std::string::npos);
  std::string english = report_with_call("en");
  CHECK(english.find("  victim:\n  2. [ ] Give first aid\n  other:\n  3. [ ] Secure evidence\n") !=
        std::string::npos);
}

}  // namespace
}  // namespace procedura
