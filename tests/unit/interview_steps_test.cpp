// Steps through the prompt: a step is an instruction, shown when passed (also before the first
// question) with its legal basis; its help, having no prompt of its own, is shown by `?` at
// the next question, headed by the step.
#include <doctest/doctest.h>

#include "engine_test_support.h"
#include "interview/interview.h"

namespace procedura::interview {
namespace {

const char* kKroki = R"yaml(format: 1
id: kroki
version: 1.0.0
title: Kroki
legal_basis:
  ust-1: {cite: "art. 1 ust. 1", text: "Przepis o pierwszym kroku."}
  ust-2: {cite: "art. 2"}
start: pierwszy
nodes:
  pierwszy:
    step: Rozdziel uczestników zdarzenia.
    help: Zadbaj najpierw o własne bezpieczeństwo.
    basis: [ust-1]
    next: drugi
  drugi:
    step: Sprawdź, czy w pobliżu są dzieci.
    next: pytanie
  pytanie:
    ask: Czy ktoś jest ranny?
    type: yes_no
    help: Liczy się każdy uraz.
    next: trzeci
  trzeci:
    step: Zapisz godzinę.
    basis: [ust-2]
    actions: [{kind: do, text: "Zadzwoń po pomoc.", deadline: immediately}]
    next: bez_pomocy
  bez_pomocy:
    ask: Czy wezwano pomoc?
    type: yes_no
    next: koniec
  koniec:
    outcome: Koniec.
)yaml";

struct Steps {
  Catalog catalog = testing::load_yaml({{"kroki.yaml", kKroki}});
  engine::Session session{*catalog.find("kroki")};
  InterviewOptions options;
};

bool has(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("the steps before the first question are shown in order, with their legal basis") {
  Steps s;
  FakeTerminal terminal({"tak", "nie"});
  REQUIRE(run_interview(s.session, terminal, s.options).end == InterviewResult::End::Completed);
  const std::string& out = terminal.output();
  size_t first = out.find("Krok: Rozdziel uczestników zdarzenia.");
  size_t basis = out.find("Podstawa prawna: art. 1 ust. 1");
  size_t second = out.find("Krok: Sprawdź, czy w pobliżu są dzieci.");
  size_t question = out.find("Pytanie 1");
  REQUIRE(first != std::string::npos);
  REQUIRE(basis != std::string::npos);
  REQUIRE(second != std::string::npos);
  REQUIRE(question != std::string::npos);
  CHECK(first < basis);
  CHECK(basis < second);
  CHECK(second < question);
  // A step after an answer shows its basis too.
  CHECK(has(out, "Krok: Zapisz godzinę.\nPodstawa prawna: art. 2\n"));
}

TEST_CASE("? at the next question shows a step's help, headed by the step") {
  Steps s;
  FakeTerminal terminal({"?", "tak", "?", "nie"});
  REQUIRE(run_interview(s.session, terminal, s.options).end == InterviewResult::End::Completed);
  const std::string& out = terminal.output();
  // The question's help first, then the step's, each headed so that neither is read as
  // the other's.
  CHECK(has(out, "Czy ktoś jest ranny?\n  1) tak\n  2) nie\n(? pomoc, b wstecz, q zakończ)"));
  CHECK(has(out,
            "Pomoc:\n  Pytanie 1\n    Liczy się każdy uraz.\n"
            "  Krok: Rozdziel uczestników zdarzenia.\n"
            "    Zadbaj najpierw o własne bezpieczeństwo.\n"
            "    art. 1 ust. 1: Przepis o pierwszym kroku.\n"));
  // After the answer, the second question's steps (a basis without text or address) have
  // nothing to explain: no hint, and `?` says there is no help.
  CHECK(has(out, "Czy wezwano pomoc?\n  1) tak\n  2) nie\n(b wstecz, q zakończ)"));
  CHECK(has(out, "Do tego pytania nie ma dodatkowej pomocy."));
}

TEST_CASE("a step's help alone makes `?` offered at a question that has none") {
  std::string text = kKroki;
  text.replace(text.find("    help: Liczy się każdy uraz.\n"),
               std::string("    help: Liczy się każdy uraz.\n").size(), "");
  Catalog catalog = testing::load_yaml({{"kroki.yaml", text}});
  engine::Session session{*catalog.find("kroki")};
  FakeTerminal terminal({"?", "tak", "nie"});
  InterviewOptions options;
  REQUIRE(run_interview(session, terminal, options).end == InterviewResult::End::Completed);
  const std::string& out = terminal.output();
  CHECK(has(out, "Czy ktoś jest ranny?\n  1) tak\n  2) nie\n(? pomoc, b wstecz, q zakończ)"));
  CHECK(has(out,
            "Pomoc:\n  Krok: Rozdziel uczestników zdarzenia.\n"
            "    Zadbaj najpierw o własne bezpieczeństwo.\n"));
}

TEST_CASE("an answers file that stops before a question: its urgent actions, then its steps") {
  // The file answers the first question; the operator takes over at the second. What the
  // file's answer reached is shown in the usual order: the urgent block, then the step.
  std::vector<Answer> answers = {{"pytanie", {}, false, {"yes"}, {}}};
  Steps s;
  s.options.scripted = &answers;
  FakeTerminal terminal({"nie"});
  REQUIRE(run_interview(s.session, terminal, s.options).end == InterviewResult::End::Completed);
  const std::string& out = terminal.output();
  size_t urgent = out.find("TERAZ: Zadzwoń po pomoc.");
  size_t step = out.find("Krok: Zapisz godzinę.");
  size_t question = out.find("Czy wezwano pomoc?");
  REQUIRE(urgent != std::string::npos);
  REQUIRE(step != std::string::npos);
  REQUIRE(question != std::string::npos);
  CHECK(urgent < step);
  CHECK(step < question);
}

}  // namespace
}  // namespace procedura::interview
