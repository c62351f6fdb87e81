// The interview at the moment it matters: input that cannot pick the wrong option, the
// chosen label echoed, urgent actions shown at once (at the start, after an answer, after a
// step and inside a called procedure), and the small things an operator reads: going back,
// the help hint, the multi prompt and the quit question.
#include <doctest/doctest.h>

#include <sstream>

#include "engine_test_support.h"
#include "interview/input.h"
#include "interview/interview.h"
#include "util/utf8.h"

namespace procedura::interview {
namespace {

using End = InterviewResult::End;

const char* kWypadek = R"yaml(format: 1
id: wypadek
version: 1.0.0
languages: [pl, en]
title: {pl: "Wypadek ucznia", en: "A pupil's accident"}
recipients:
  pogotowie:
    name: {pl: "Pogotowie ratunkowe", en: "Ambulance service"}
  rodzice:
    name: {pl: "Rodzice", en: "Parents"}
actions:
  zabezpiecz_miejsce:
    kind: do
    text: {pl: "Zabezpiecz miejsce wypadku", en: "Secure the place of the accident"}
    deadline: immediately
  wezwij_112:
    kind: notify
    to: pogotowie
    text: {pl: "Wezwij pogotowie (112)", en: "Call an ambulance (112)"}
    deadline: immediately
    channel: phone
  powiadom_rodzicow:
    kind: notify
    to: rodzice
    text: {pl: "Powiadom rodziców", en: "Inform the parents"}
    deadline: 24h
  notatka:
    kind: document
    text: {pl: "Sporządź notatkę", en: "Write a note"}
    deadline: 3d
start: poczatek
nodes:
  poczatek:
    step: {pl: "Podejdź do ucznia.", en: "Go to the pupil."}
    actions: [zabezpiecz_miejsce]
    next: rodzaj
  rodzaj:
    ask: {pl: "Jaki to wypadek?", en: "What kind of accident is it?"}
    type: choice
    help: {pl: "Oceń uraz.", en: "Judge the injury."}
    options:
      - value: lekki
        label: {pl: "Lekki uraz", en: "A light injury"}
        next: zatrucie
      - value: ciezki
        label: {pl: "Ciężki uraz (złamanie, utrata przytomności)", en: "A serious injury (fracture, unconsciousness)"}
        actions: [wezwij_112]
        next: zatrucie
      - value: nie_wiem
        label: {pl: "Nie wiem, czy uraz jest ciężki", en: "I don't know whether the injury is serious"}
        actions: [wezwij_112]
        next: zatrucie
      - value: nietrzezwy_opiekun
        label: {pl: "Opiekun odbierający ucznia jest nietrzeźwy", en: "The guardian collecting the pupil is drunk"}
        next: zatrucie
      - value: lekarz
        label: {pl: "Uraz wymaga lekarza", en: "The injury needs a doctor"}
        next: zatrucie
  zatrucie:
    ask: {pl: "Czy to może być zatrucie?", en: "Could it be poisoning?"}
    type: yes_no
    next: objawy
  objawy:
    ask: {pl: "Jakie objawy widać?", en: "Which signs do you see?"}
    type: multi
    min: 1
    options:
      - value: wymioty
        label: {pl: "Wymioty", en: "Vomiting"}
      - value: krwawienie
        label: {pl: "Krwawienie", en: "Bleeding"}
    next: rodzice_call
  rodzice_call:
    call: rodzice-wezwanie
    next: koniec
  koniec:
    outcome: {pl: "Uczeń pod opieką.", en: "The pupil is cared for."}
    actions: [notatka]
)yaml";

const char* kRodzice = R"yaml(format: 1
id: rodzice-wezwanie
version: 1.0.0
languages: [pl, en]
title: {pl: "Wezwanie rodziców", en: "Calling the parents"}
recipients:
  rodzice2:
    name: {pl: "Rodzice", en: "Parents"}
start: dotarli
nodes:
  dotarli:
    ask: {pl: "Czy rodzice są osiągalni?", en: "Can the parents be reached?"}
    type: yes_no
    options:
      - value: yes
        next: koniec
      - value: no
        actions:
          - kind: notify
            to: rodzice2
            text: {pl: "Dzwoń do rodziców do skutku", en: "Keep calling the parents"}
            deadline: immediately
        next: koniec
  koniec:
    outcome: {pl: "Rodzice wezwani.", en: "Parents called."}
)yaml";

// The accident procedure, checked to load cleanly before any session starts on it.
const Procedure& loaded(const Catalog& catalog) {
  for (const Diagnostic& d : catalog.diagnostics.items())
    if (d.severity == Severity::Error) FAIL_CHECK(d.message);
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  REQUIRE(catalog.find("wypadek") != nullptr);
  return *catalog.find("wypadek");
}

struct Crisis {
  Catalog catalog = testing::load_yaml({{"wypadek.yaml", kWypadek}, {"rodzice.yaml", kRodzice}});
  engine::Session session{loaded(catalog)};
  InterviewOptions options;
  InterviewResult go(FakeTerminal& terminal) { return run_interview(session, terminal, options); }
  const Node& node(const char* id) const { return *catalog.find("wypadek")->node(id); }
};

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

// The text after the last occurrence of `marker` (what the screen shows after it).
std::string after(const std::string& text, std::string_view marker) {
  size_t at = text.rfind(marker);
  return at == std::string::npos ? std::string() : text.substr(at + marker.size());
}

// A procedure of one choice question `q` whose options (YAML flow lines "- {value: ...}",
// one a line) lead to the outcome `koniec`: how typed words pick an option.
Catalog one_choice(const std::string& ask, const std::string& option_lines) {
  std::string yaml = "format: 1\nid: q\nversion: 1.0.0\ntitle: \"Q\"\nstart: q\nnodes:\n  q:\n" +
                     ("    ask: \"" + ask + "\"\n    type: choice\n    options:\n");
  std::istringstream lines(option_lines);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) yaml += "      " + line + "\n";
  yaml += "  koniec: {outcome: \"Koniec.\"}\n";
  return testing::load_yaml({{"q.yaml", yaml}});
}

TEST_CASE("yes/no words never pick an option of a choice question") {
  Crisis c;
  const Node& kind = c.node("rodzaj");
  Input nie = interpret_input(kind, "nie", "pl");
  CHECK(nie.kind == Input::Kind::Invalid);
  CHECK(has(nie.reason, "nie jest pytaniem tak/nie"));
  CHECK(interpret_input(kind, "no", "en").kind == Input::Kind::Invalid);
  CHECK(interpret_input(kind, "tak", "pl").kind == Input::Kind::Invalid);
  CHECK(interpret_input(kind, "y", "en").kind == Input::Kind::Invalid);
}

TEST_CASE("the start of a hidden value picks nothing; the start of a word of a label does") {
  Crisis c;
  const Node& kind = c.node("rodzaj");
  CHECK(interpret_input(kind, "nietrzezwy_op", "pl").kind == Input::Kind::Invalid);  // value
  CHECK(interpret_input(kind, "nietrzezwy_opiekun", "pl").value ==
        Value::of_string("nietrzezwy_opiekun"));  // the exact value
  CHECK(interpret_input(kind, "nietrzeźwy", "pl").value ==
        Value::of_string("nietrzezwy_opiekun"));  // a word of its label
  CHECK(interpret_input(kind, "ZŁAM", "pl").value == Value::of_string("ciezki"));
  CHECK(interpret_input(kind, "zlam", "pl").value == Value::of_string("ciezki"));  // no ogonki
  CHECK(interpret_input(kind, "wiem", "pl").value == Value::of_string("nie_wiem"));
  CHECK(interpret_input(kind, "Lekki uraz", "pl").value == Value::of_string("lekki"));
  CHECK(interpret_input(kind, "fracture", "en").value == Value::of_string("ciezki"));
  CHECK(interpret_input(kind, "drunk", "en").value == Value::of_string("nietrzezwy_opiekun"));
  CHECK(interpret_input(kind, "4", "pl").value == Value::of_string("nietrzezwy_opiekun"));
}

TEST_CASE("fewer than 3 letters or an ambiguous start lists nothing or the candidates") {
  Crisis c;
  const Node& kind = c.node("rodzaj");
  Input short_one = interpret_input(kind, "le", "pl");
  CHECK(short_one.kind == Input::Kind::Invalid);
  CHECK(has(short_one.reason, "co najmniej 3 litery"));
  Input both = interpret_input(kind, "ura", "pl");  // "uraz" is in four labels
  CHECK(both.kind == Input::Kind::Invalid);
  CHECK(has(both.reason, "1) Lekki uraz"));
  CHECK(has(both.reason, "3) Nie wiem, czy uraz jest ciężki"));
  CHECK(has(both.reason, "Wpisz numer."));
  Input en = interpret_input(kind, "inj", "en");
  CHECK(has(en.reason, "matches several options: 1) A light injury"));
  CHECK(has(en.reason, "Type the number."));
}

TEST_CASE("a word that two labels lead with is asked again, even when it is one option's value") {
  // As S7 had it: "tak" is the value of the second option, but both labels start "Tak –",
  // and the operator who typed it may have meant the first.
  Catalog catalog = one_choice(
      "Czy to przestępstwo?",
      R"yaml(- {value: wykorzystanie, label: "Tak – podejrzenie wykorzystania seksualnego", next: koniec}
- {value: tak, label: "Tak – np. znęcanie się", next: koniec}
- {value: nie, label: "Nie", next: koniec}
- {value: nie_wiem, label: "Nie wiem", next: koniec}
)yaml");
  const Node& q = *catalog.find("q")->node("q");
  Input tak = interpret_input(q, "tak", "pl");
  CHECK(tak.kind == Input::Kind::Invalid);
  CHECK(has(tak.reason, "1) Tak – podejrzenie wykorzystania seksualnego"));
  CHECK(has(tak.reason, "2) Tak – np. znęcanie się"));
  CHECK(has(tak.reason, "Wpisz numer."));
  CHECK(interpret_input(q, "1", "pl").value == Value::of_string("wykorzystanie"));
  CHECK(interpret_input(q, "znęcanie", "pl").value == Value::of_string("tak"));
  CHECK(interpret_input(q, "Tak – np. znęcanie się", "pl").value == Value::of_string("tak"));
  // "Nie" leads one label only; "Nie wiem" is a label's whole head, not an explanation.
  CHECK(interpret_input(q, "nie", "pl").value == Value::of_string("nie"));
  CHECK(interpret_input(q, "nie wiem", "pl").value == Value::of_string("nie_wiem"));
}

TEST_CASE("the one label that leads with the typed word wins over a hidden value") {
  // As S7's first question has it since 3.3.0: "nie" leads the first label only, while the
  // third keeps the value `nie` under a label that starts "Tak".
  Catalog catalog = one_choice(
      "Czy uczeń jest teraz w szkole?",
      R"yaml(- {value: poza_szkola, label: "Nie – ucznia nie ma teraz w szkole", next: koniec}
- {value: tak, label: "Tak (w szkole) – ma obrażenia", next: koniec}
- {value: nie, label: "Tak (w szkole) – nie potrzebuje pomocy", next: koniec}
- {value: nie_wiem, label: "Tak (w szkole) – nie wiem, czy potrzebuje pomocy", next: koniec}
)yaml");
  const Node& q = *catalog.find("q")->node("q");
  CHECK(interpret_input(q, "nie", "pl").value == Value::of_string("poza_szkola"));
  CHECK(interpret_input(q, "Nie", "pl").value == Value::of_string("poza_szkola"));
  // Three labels lead with "Tak": the number is asked for.
  Input tak = interpret_input(q, "tak", "pl");
  CHECK(tak.kind == Input::Kind::Invalid);
  CHECK(has(tak.reason, "Wpisz numer."));
  // Words no label leads with still find the value or a label's words.
  CHECK(interpret_input(q, "nie wiem", "pl").value == Value::of_string("nie_wiem"));
  CHECK(interpret_input(q, "obrażenia", "pl").value == Value::of_string("tak"));
}

TEST_CASE("a number the screen shows in one label picks it; an option's number comes first") {
  // As P1's length of detention and S7's "112 already called" show them.
  Catalog catalog =
      one_choice("Jak długo potrwa zatrzymanie?",
                 R"yaml(- {value: krotko, label: "Krótko – do 12 godzin", next: koniec}
- {value: dlugo, label: "Do 48 godzin, możliwy areszt", next: koniec}
- {value: juz, label: "Pogotowie/112 już wezwane", next: koniec}
- {value: inne, label: "Ponad 48 godzin albo 480 minut", next: koniec}
)yaml");
  const Node& q = *catalog.find("q")->node("q");
  CHECK(interpret_input(q, "2", "pl").value == Value::of_string("dlugo"));  // option 2
  CHECK(interpret_input(q, "12", "pl").value == Value::of_string("krotko"));
  CHECK(interpret_input(q, "112", "pl").value == Value::of_string("juz"));
  // In two labels: asked again, naming both; a part of a word is no match; none: refused.
  Input both = interpret_input(q, "48", "pl");
  CHECK(both.kind == Input::Kind::Invalid);
  CHECK(has(both.reason, "Do 48 godzin"));
  CHECK(has(both.reason, "Ponad 48 godzin"));
  CHECK(interpret_input(q, "80", "pl").kind == Input::Kind::Invalid);
  Input none = interpret_input(q, "7", "pl");
  CHECK(none.kind == Input::Kind::Invalid);
  CHECK(has(none.reason, "„7” nie jest żadną z opcji."));
}

TEST_CASE("a label typed whole wins; a hidden value a label contradicts is asked again") {
  Catalog catalog = testing::load_yaml({{"opiekun.yaml", R"yaml(format: 1
id: opiekun
version: 1.0.0
title: "Opiekun"
start: kto
nodes:
  kto:
    ask: "Kto?"
    type: choice
    options:
      - {value: nieznany, label: "Brak danych o opiekunie", next: koniec}
      - {value: brak, label: "Inny opiekun", next: koniec}
      - {value: inne, label: "Coś innego", next: koniec}
      - {value: x, label: "Inne", next: koniec}
  ktorzy:
    ask: "Którzy?"
    type: multi
    options:
      - {value: oboje, label: "Matka, ojciec"}
      - {value: ojciec, label: "Ojciec"}
    next: koniec
  koniec: {outcome: "Koniec."}
)yaml"}});
  const Procedure& p = *catalog.find("opiekun");
  const Node& kto = *p.node("kto");
  // "Inne" is option 4's label, though "inne" is option 3's value.
  CHECK(interpret_input(kto, "Inne", "pl").value == Value::of_string("x"));
  // "brak" is option 2's value but the first word of option 1's label: both are listed.
  Input brak = interpret_input(kto, "brak", "pl");
  CHECK(brak.kind == Input::Kind::Invalid);
  CHECK(has(brak.reason, "1) Brak danych o opiekunie"));
  CHECK(has(brak.reason, "2) Inny opiekun"));
  CHECK(interpret_input(kto, "nieznany", "pl").value == Value::of_string("nieznany"));
  // A multi label with a comma, typed whole, is one answer.
  const Node& ktorzy = *p.node("ktorzy");
  CHECK(interpret_input(ktorzy, "matka, ojciec", "pl").value == Value::of_list({"oboje"}));
  CHECK(interpret_input(ktorzy, "1, 2", "pl").value == Value::of_list({"oboje", "ojciec"}));
}

TEST_CASE("a yes_no question written with next takes tak/nie, yes/no, t/n, y and 1/2") {
  Crisis c;
  const Node& poison = c.node("zatrucie");
  // Written with `next` only; the loader gives it the two answers a yes_no always has.
  REQUIRE(poison.ask().options.size() == 2);
  for (const char* yes : {"tak", "T", "yes", "y", "1", "Tak"})
    CHECK(interpret_input(poison, yes, "pl").value == Value::of_bool(true));
  for (const char* no : {"nie", "n", "NO", "2"})
    CHECK(interpret_input(poison, no, "en").value == Value::of_bool(false));
  CHECK(interpret_input(poison, "może", "pl").kind == Input::Kind::Invalid);
}

TEST_CASE("a crisis interview through the prompt: urgent first, echoed labels, finished") {
  Crisis c;
  FakeTerminal terminal({"nie", "wiem", "tak", "wymioty", "nie"});
  InterviewResult result = c.go(terminal);
  REQUIRE(result.end == End::Completed);
  const std::string& out = terminal.output();
  // Urgent at the start, before the first question, and before the step's text.
  size_t now = out.find("TERAZ: Zabezpiecz miejsce wypadku");
  REQUIRE(now != std::string::npos);
  // The start step is an instruction like any other: shown, after the urgent block.
  size_t step = out.find("Krok: Podejdź do ucznia.");
  REQUIRE(step != std::string::npos);
  CHECK(now < step);
  CHECK(step < out.find("Pytanie 1"));
  CHECK(now < out.find("Pytanie 1"));
  // "nie" is refused at the choice question; "wiem" picks "Nie wiem…" and says so.
  CHECK(has(out, "„nie”: to pytanie nie jest pytaniem tak/nie"));
  CHECK(has(out, "→ Nie wiem, czy uraz jest ciężki\n"));
  // The ambulance is shown right after the answer, before the next question.
  std::string after_answer = after(out, "→ Nie wiem, czy uraz jest ciężki\n");
  CHECK(after_answer.find("TERAZ: Wezwij pogotowie (112)") < after_answer.find("Pytanie 2"));
  CHECK(has(out, "→ tak\n"));
  CHECK(has(out, "→ Wymioty\n"));
  // Inside the called procedure, an answer's urgent inline action shows at once too.
  std::string in_call = after(out, "→ nie\n");
  CHECK(has(in_call, "TERAZ: Dzwoń do rodziców do skutku"));
  // Nothing collected twice is announced twice.
  CHECK(out.find("Zabezpiecz miejsce wypadku") == out.rfind("Zabezpiecz miejsce wypadku"));
}

TEST_CASE("English: NOW, the phone from the directory, and the echo") {
  Crisis c;
  c.options.lang = "en";
  ContactDirectory directory{{"pogotowie", Contact{"Ambulance", "112", "", "", ""}}};
  c.options.directory = &directory;
  FakeTerminal terminal({"fracture", "<EOF>"});
  c.go(terminal);
  const std::string& out = terminal.output();
  CHECK(has(out, "NOW: Secure the place of the accident"));
  CHECK(has(out, "→ A serious injury (fracture, unconsciousness)\n"));
  CHECK(has(out, "NOW: Call an ambulance (112) (Ambulance, phone 112)"));
}

TEST_CASE("going back names the question and the label, never the variable") {
  Crisis c;
  FakeTerminal terminal({"1", "b", "<EOF>"});
  c.go(terminal);
  CHECK(has(terminal.output(),
            "Cofnięto. Ta odpowiedź przestała obowiązywać: „Jaki to wypadek?” — Lekki uraz"));
  CHECK_FALSE(has(terminal.output(), "rodzaj ="));
  CHECK_FALSE(has(terminal.output(), "lekki\n"));
}

TEST_CASE("the ? hint only where there is help; asking anyway says so without pretending") {
  Crisis c;
  FakeTerminal terminal({"1", "?", "<EOF>"});
  c.go(terminal);
  std::string first = after(terminal.output(), "Pytanie 1");
  CHECK(has(first.substr(0, first.find("Pytanie 2")), "(? pomoc, b wstecz, q zakończ)"));
  std::string second = after(terminal.output(), "Pytanie 2");
  CHECK(has(second, "(b wstecz, q zakończ)"));
  CHECK_FALSE(has(second, "? pomoc"));
  CHECK(has(second, "Do tego pytania nie ma dodatkowej pomocy."));
  CHECK_FALSE(has(second, "Pomoc:"));
}

TEST_CASE("help that exists is shown without a no-help sentence") {
  Crisis c;
  FakeTerminal terminal({"?", "<EOF>"});
  c.go(terminal);
  CHECK(has(terminal.output(), "Oceń uraz."));
  CHECK_FALSE(has(terminal.output(), "nie ma"));
}

TEST_CASE("a multi question with min 1 does not offer an empty line") {
  Crisis c;
  FakeTerminal terminal({"1", "nie", "", "2", "<EOF>"});
  c.go(terminal);
  std::string multi = after(terminal.output(), "Pytanie 3");
  CHECK(has(multi, "Wybierz co najmniej jeden numer"));
  CHECK_FALSE(has(multi, "pusta linia"));
  CHECK(has(multi, "Wybierz co najmniej 1."));  // the empty line is refused
  CHECK(has(multi, "→ Krwawienie"));
}

TEST_CASE("the quit question tells the truth about the transcript") {
  Crisis c;
  FakeTerminal terminal({"q", "tak"}, 200);
  CHECK(c.go(terminal).end == End::Quit);
  CHECK(has(terminal.output(), "Zapis przebiegu jest wyłączony: udzielone odpowiedzi przepadną."));
  CHECK_FALSE(has(terminal.output(), "zostają w zapisie przebiegu"));
}

TEST_CASE("no internal id reaches the screen during an interview") {
  Crisis c;
  FakeTerminal terminal({"ura", "3", "b", "2", "nie", "1,2", "tak"});
  REQUIRE(c.go(terminal).end == End::Completed);
  for (const char* id : {"rodzaj", "zabezpiecz_miejsce", "nie_wiem", "ciezki", "wezwij_112",
                         "rodzice_call", "rodzice-wezwanie", "dotarli", "poczatek"})
    CHECK_MESSAGE(!has(terminal.output(), id), std::string(id));
}

TEST_CASE("long headings and echoes wrap at spaces: no line wider than the terminal") {
  const char* kOwner = R"yaml(format: 1
id: znaleziona
version: 1.0.0
title: "Znaleziona substancja"
start: wlasciciel
nodes:
  wlasciciel:
    ask: "Czy wiadomo, do kogo należy substancja?"
    type: choice
    options:
      - value: tak
        label: "Tak, wiadomo, do kogo należy, bo uczeń sam przyznał się przy wychowawcy i pedagogu"
        next: posiadanie
      - value: nie
        label: "Nie"
        next: koniec
  posiadanie:
    call: posiadanie-substancji
    next: koniec
  koniec:
    outcome: "Przekazano Policji."
)yaml";
  const char* kCallee = R"yaml(format: 1
id: posiadanie-substancji
version: 1.0.0
title: "Podejrzenie, że uczeń ma przy sobie substancję przypominającą narkotyk"
start: pod_wplywem
nodes:
  pod_wplywem:
    ask: "Czy uczeń jest również pod wpływem?"
    type: yes_no
    next: koniec
  koniec:
    outcome: "Koniec."
)yaml";
  Catalog catalog = testing::load_yaml({{"a.yaml", kOwner}, {"b.yaml", kCallee}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  engine::Session session(*catalog.find("znaleziona"));
  FakeTerminal terminal({"1", "nie"}, 80);
  InterviewOptions options;
  REQUIRE(run_interview(session, terminal, options).end == End::Completed);
  const std::string& out = terminal.output();
  size_t start = 0;
  while (start < out.size()) {
    size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string line = out.substr(start, end - start);
    CAPTURE(line);
    CHECK(utf8::display_width(line) <= 80);
    start = end + 1;
  }
  // The heading's title breaks between words; the echo keeps its arrow and indents the rest.
  CHECK(has(out, "\nprzypominającą narkotyk)\n"));
  CHECK(has(
      out,
      "→ Tak, wiadomo, do kogo należy, bo uczeń sam przyznał się przy wychowawcy i\n  pedagogu\n"));
}

TEST_CASE(
    "an answers file that leaves a question to the operator: what it reached is shown first") {
  // The file answers the first question (an ambulance is needed) and stops; the operator
  // takes over at the second and must see the urgent call before it.
  std::vector<Answer> answers = {{"rodzaj", {}, false, {"ciezki"}, {}}};
  Crisis c;
  c.options.scripted = &answers;
  FakeTerminal terminal({"nie", "wymioty", "tak"});
  REQUIRE(c.go(terminal).end == End::Completed);
  const std::string& out = terminal.output();
  size_t urgent = out.find("TERAZ: Wezwij pogotowie (112)");
  size_t asked = out.find("Czy to może być zatrucie?");
  REQUIRE(urgent != std::string::npos);
  REQUIRE(asked != std::string::npos);
  CHECK(urgent < asked);
  // Shown once, with the start's own urgent action.
  CHECK(out.find("TERAZ: Wezwij pogotowie (112)", urgent + 1) == std::string::npos);
  CHECK(has(out, "TERAZ: Zabezpiecz miejsce wypadku"));

  // Answered wholly from the file, the run shows no block: nobody is there to read it.
  std::vector<Answer> all = {{"rodzaj", {}, false, {"ciezki"}, {}},
                             {"zatrucie", {}, false, {"no"}, {}},
                             {"objawy", {}, false, {"wymioty"}, {}},
                             {"rodzice-wezwanie.dotarli", {}, false, {"yes"}, {}}};
  Crisis whole;
  whole.options.scripted = &all;
  whole.options.ask_missing = false;
  FakeTerminal quiet({}, 80, false);
  REQUIRE(whole.go(quiet).end == End::Completed);
  CHECK_FALSE(has(quiet.output(), "TERAZ"));
}

}  // namespace
}  // namespace procedura::interview
