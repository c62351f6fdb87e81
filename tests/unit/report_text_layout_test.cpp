// The text report's layout at 80 columns: long recipient names wrap inside their column of
// the notifications table, a detail joins its action's last line when it fits, and the
// "now" group does not repeat "immediately" under its own heading.
#include <doctest/doctest.h>

#include <algorithm>
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

}  // namespace
}  // namespace procedura
