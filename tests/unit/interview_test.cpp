// The interview through a fake terminal: prompts, input forms, help, back, quit, end of
// input, Ctrl-C, closed output, scripted answers and replay from a transcript.
#include <doctest/doctest.h>

#include "engine_test_support.h"
#include "interview/input.h"
#include "interview/interview.h"

namespace procedura::interview {
namespace {

using End = InterviewResult::End;

struct Run {
  Catalog catalog = testing::load_run_fixtures();
  engine::Session session{*catalog.find("incydent")};
  InterviewOptions options;
  InterviewResult go(FakeTerminal& terminal) { return run_interview(session, terminal, options); }
};

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("a full interview by numbers, words and prefixes reaches the outcome") {
  Run run;
  FakeTerminal terminal({"2", "14", "Jan", "zap, chw", "TAK", "osoba"});
  InterviewResult result = run.go(terminal);
  CHECK(result.end == End::Completed);
  CHECK(run.session.outcome()->id == "koniec_szkola");
  CHECK(run.session.variables().at("objawy") == Value::of_list({"zapach", "chwiejny"}));
  CHECK(run.session.variables().at("sprawca") == Value::of_string("dorosly"));
  CHECK(has(terminal.output(), "Pytanie 5 (procedura: Wezwanie rodziców)"));
  CHECK(has(terminal.output(), "Podstawa prawna: art. 68 ust. 1 pkt 6 u.p.o."));
}

TEST_CASE("English interview: yes/no words, help, invalid input re-prompts with the reason") {
  Run run;
  run.options.lang = "en";
  FakeTerminal terminal({"?", "perhaps", "yes", "twelve", "12", "<EOF>"});
  InterviewResult result = run.go(terminal);
  CHECK(result.end == End::EndOfInput);
  CHECK(has(result.message, "End of input at the question 'The pupil's full name'"));
  CHECK(has(result.message, "incydent.yaml:49"));
  const std::string& out = terminal.output();
  CHECK(has(out, "Unconsciousness, vomiting, no response."));
  CHECK(has(out, "Answer 'yes' or 'no'. Please try again."));
  CHECK(has(out, "'twelve' is not a number. Please try again."));
  CHECK(has(out, "(personal data: left out of the transcript and the report)"));
  CHECK(run.session.answers().size() == 2);
}

TEST_CASE(
    "back drops the last answer and says which; at the first question it says there is nothing") {
  Run run;
  FakeTerminal terminal({"b", "nie", "14", "b", "15", "<EOF>"});
  run.go(terminal);
  CHECK(has(terminal.output(), "To jest pierwsze pytanie: nie ma dokąd wrócić."));
  CHECK(has(terminal.output(), "Ta odpowiedź przestała obowiązywać: „Ile lat ma uczeń?” — 14 lat"));
  CHECK(run.session.variables().at("wiek").number == 15);
}

TEST_CASE("quit needs confirmation") {
  Run run;
  FakeTerminal terminal({"q", "nie", "q", "tak"});
  InterviewResult result = run.go(terminal);
  CHECK(result.end == End::Quit);
  CHECK(has(terminal.output(), "Kontynuujemy."));
}

TEST_CASE("Ctrl-C and a closed output end the interview") {
  Run run;
  FakeTerminal interrupted({"nie", "<INT>"});
  CHECK(run.go(interrupted).end == End::Interrupted);

  Run run2;
  FakeTerminal closed({"nie"});
  closed.closed = true;
  CHECK(run2.go(closed).end == End::OutputClosed);
}

TEST_CASE(
    "scripted answers: missing ones are asked on a terminal, else the run stops naming the "
    "question") {
  std::vector<Answer> answers = {{"zagrozenie", {}, false, {"no"}, {}},
                                 {"wiek", {}, false, {"14"}, {}}};
  Run run;
  run.options.scripted = &answers;
  run.options.ask_missing = false;
  FakeTerminal none({}, 80, false);
  InterviewResult result = run.go(none);
  CHECK(result.end == End::Unanswered);
  CHECK(has(result.message, "Imię i nazwisko ucznia"));
  CHECK(has(result.message, "`imie`"));

  Run asked;
  asked.options.scripted = &answers;
  FakeTerminal terminal({"Jan", "", "b", "b", "b", "16", "<EOF>"});
  asked.go(terminal);
  CHECK_FALSE(has(terminal.output(), "Pytanie 1\n"));  // answered from the file
  // Going back over a scripted answer lets the operator change it.
  CHECK(asked.session.variables().at("wiek").number == 16);
}

TEST_CASE("replaying a transcript restores answers and asks withheld personal answers again") {
  Run run;
  run.options.replay = {{"zagrozenie", "zagrozenie", false, {"false"}, false},
                        {"wiek", "wiek", false, {"14"}, false},
                        {"imie", "imie", true, {}, false}};
  FakeTerminal terminal({"Ala", "<EOF>"});
  run.go(terminal);
  CHECK(has(terminal.output(), "podaj ją ponownie"));
  CHECK_FALSE(has(terminal.output(), "Pytanie 1\n"));
  CHECK(run.session.answers().size() == 3);

  Run mismatch;
  mismatch.options.replay = {{"wiek", "wiek", false, {"14"}, false}};
  FakeTerminal quiet({});
  CHECK(mismatch.go(quiet).end == End::ReplayMismatch);
}

TEST_CASE("input interpretation") {
  Catalog catalog = testing::load_run_fixtures();
  const Procedure& p = *catalog.find("incydent");
  const Node& yes_no = *p.node("zagrozenie");
  const Node& choice = *p.node("sprawca");
  CHECK(interpret_input(yes_no, " Tak ", "pl").value == Value::of_bool(true));
  CHECK(interpret_input(yes_no, "n", "en").value == Value::of_bool(false));
  CHECK(interpret_input(yes_no, "?", "pl").kind == Input::Kind::Help);
  CHECK(interpret_input(yes_no, "wstecz", "pl").kind == Input::Kind::Back);
  CHECK(interpret_input(yes_no, "back", "pl").kind == Input::Kind::Back);
  CHECK(interpret_input(choice, "3", "pl").kind == Input::Kind::Invalid);
  CHECK(interpret_input(choice, "dorosly", "pl").value == Value::of_string("dorosly"));
  CHECK(interpret_input(choice, "dor", "pl").value == Value::of_string("dorosly"));
  CHECK(interpret_input(choice, "adult", "en").value == Value::of_string("dorosly"));
  CHECK(fold_case("ŻÓŁW Ąę") == "żółw ąę");
}

TEST_CASE("an ambiguous prefix is refused naming the candidates") {
  Catalog catalog = testing::load_run_fixtures();
  const Node& signs = *catalog.find("incydent")->node("objawy");
  Input input = interpret_input(signs, "zap, chw", "pl");
  CHECK(input.value == Value::of_list({"zapach", "chwiejny"}));
  Input none = interpret_input(signs, "", "pl");
  CHECK(none.value == Value::of_list({}));
  Input numbers = interpret_input(signs, "2 1", "pl");
  CHECK(numbers.value == Value::of_list({"chwiejny", "zapach"}));
  Input bad = interpret_input(signs, "xyz", "pl");
  CHECK(bad.kind == Input::Kind::Invalid);
  CHECK(has(bad.reason, "„xyz” nie jest żadną z opcji."));
  Input short_one = interpret_input(signs, "z", "pl");  // a single letter guesses nothing
  CHECK(short_one.kind == Input::Kind::Invalid);
  CHECK(has(short_one.reason, "co najmniej 3 litery"));
}

TEST_CASE("the menu filters by part of a title and picks by number") {
  Catalog catalog = testing::load_run_fixtures();
  std::vector<const Procedure*> all = catalog.runnable();
  FakeTerminal by_number({"2"});
  CHECK(choose_procedure(all, by_number, "pl").procedure->id == "wezwanie-rodzicow");
  CHECK(has(by_number.output(), "1) Uczeń pod wpływem alkoholu — dla: nauczyciel, pedagog"));
  FakeTerminal by_filter({"xyz", "ALKOH"});
  CHECK(choose_procedure(all, by_filter, "pl").procedure->id == "incydent");
  CHECK(has(by_filter.output(), "Żadna procedura nie pasuje do „xyz”."));
  FakeTerminal quit({"q"});
  MenuChoice quitted = choose_procedure(all, quit, "en");
  CHECK(quitted.procedure == nullptr);
  CHECK(quitted.ended == MenuChoice::Ended::Quit);
  // Input that ends at the menu is said so, not taken for a quit.
  FakeTerminal ended({});
  MenuChoice at_end = choose_procedure(all, ended, "en");
  CHECK(at_end.procedure == nullptr);
  CHECK(at_end.ended == MenuChoice::Ended::EndOfInput);
  CHECK(at_end.message == "End of input at the menu: no procedure was chosen.");
  MenuChoice none = choose_procedure({}, ended, "pl");
  CHECK(none.ended == MenuChoice::Ended::NothingToChoose);
  CHECK(has(none.message, "Nie znaleziono żadnej procedury"));
}

}  // namespace
}  // namespace procedura::interview
