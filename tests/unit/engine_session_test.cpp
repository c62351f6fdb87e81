#include <doctest/doctest.h>

#include "engine/scripted.h"
#include "engine/session.h"
#include "engine_test_support.h"

namespace procedura::engine {
namespace {

using testing::load_run_fixtures;
using testing::load_yaml;

std::vector<std::string> action_addresses(const Session& s) {
  std::vector<std::string> out;
  for (const CollectedAction& a : s.actions()) out.push_back(a.address);
  return out;
}

std::string pending(const Session& s) {
  return s.question() ? s.question()->key : "<none>";
}

void answer_ok(Session& s, const Value& v) {
  auto error = s.answer(v);
  REQUIRE_FALSE(error.has_value());
}

// Answers the fixture up to the question `sprawca` (age 14, both signs, parents reached).
void answer_to_sprawca(Session& s) {
  answer_ok(s, Value::of_bool(false));
  answer_ok(s, Value::of_number(14));
  answer_ok(s, Value::of_string("Jan"));
  answer_ok(s, Value::of_list({"zapach", "chwiejny"}));
  answer_ok(s, Value::of_bool(true));
}

TEST_CASE("a session starts at the first question and numbers the questions") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  REQUIRE(s.state() == Session::State::Question);
  CHECK(s.question()->key == "zagrozenie");
  CHECK(s.question()->number == 1);
  CHECK(s.question()->place.calls.empty());
  answer_ok(s, Value::of_bool(true));
  CHECK(s.question()->key == "wiek");
  CHECK(s.question()->number == 2);
}

TEST_CASE("invalid answers are refused with a reason and leave the session unchanged") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  CHECK(s.answer(Value::of_string("yes"))->kind == AnswerError::Kind::NotYesNo);
  answer_ok(s, Value::of_bool(false));
  auto low = s.answer(Value::of_number(5));
  REQUIRE(low);
  CHECK(low->kind == AnswerError::Kind::BelowMin);
  CHECK(low->limit == 6);
  CHECK(s.answer(Value::of_number(22))->kind == AnswerError::Kind::AboveMax);
  CHECK(s.answer_written({"dwanaście"}, false)->kind == AnswerError::Kind::NotANumber);
  CHECK(pending(s) == "wiek");
  CHECK(s.answers().size() == 1);
  CHECK_FALSE(s.answer_written({"12,5"}, false));  // Polish decimal comma
  CHECK(s.variables().at("wiek").number == 12.5);
  CHECK(s.answer(Value::of_string("   "))->kind == AnswerError::Kind::Empty);
  // A pasted file is refused: the transcript must stay readable by verify and --resume.
  const size_t answered = s.answers().size();
  std::string polish_page;
  for (size_t i = 0; i <= AnswerError::kMaxTextAnswer; ++i) polish_page += "ż";
  auto pasted = s.answer(Value::of_string(polish_page));
  REQUIRE(pasted);
  CHECK(pasted->kind == AnswerError::Kind::TooLong);
  CHECK(pasted->limit == AnswerError::kMaxTextAnswer);
  polish_page.resize(polish_page.size() - 2);  // counted in characters, not bytes
  CHECK(s.answers().size() == answered);
  answer_ok(s, Value::of_string(polish_page));
  s.back();
  answer_ok(s, Value::of_string("Jan"));
  CHECK(s.answer(Value::of_list({"zapach", "piwo"}))->kind == AnswerError::Kind::NotAnOption);
  CHECK(s.answer(Value::of_list({"zapach", "zapach"}))->kind == AnswerError::Kind::DuplicateOption);
  CHECK_FALSE(s.answer(Value::of_list({})));  // multi may be empty without min
}

TEST_CASE("actions are collected in path order, each once, the outcome's last") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  answer_to_sprawca(s);
  answer_ok(s, Value::of_string("dorosly"));
  REQUIRE(s.state() == Session::State::Finished);
  CHECK(s.outcome()->id == "koniec_szkola");
  std::vector<std::string> addresses = action_addresses(s);
  REQUIRE(addresses.size() == 5);
  CHECK(addresses[0] == "powiadom_dyrektora");  // node action of the first question
  CHECK(addresses[1] == "sporzadz_notatke");    // option of `objawy`; the outcome's is a repeat
  CHECK(addresses[2].find("incydent.yaml:") != std::string::npos);  // inline case action
  CHECK(addresses[3].find("wezwanie.yaml:") !=
        std::string::npos);                   // the callee outcome's inline action
  CHECK(addresses[4] == "zawiadom_policje");  // `powiadom_dyrektora` again is not repeated
}

TEST_CASE("a call runs the callee, prefixes its questions and exposes its variables") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  answer_ok(s, Value::of_bool(false));
  answer_ok(s, Value::of_number(10));
  answer_ok(s, Value::of_string("Jan"));
  answer_ok(s, Value::of_list({}));
  REQUIRE(s.question());
  CHECK(s.question()->key == "wezwanie-rodzicow.rodzice_osiagalni");
  REQUIRE(s.question()->place.calls.size() == 1);
  CHECK(s.question()->place.calls[0]->id == "wezwanie");
  CHECK(s.question()->place.procedure->id == "wezwanie-rodzicow");
  answer_ok(s, Value::of_bool(true));
  CHECK(pending(s) == "sprawca");
  CHECK(s.variables().at("wezwanie-rodzicow.rodzice_osiagalni") == Value::of_bool(true));
  bool saw_call = false, saw_return = false;
  for (const PathStep& step : s.path()) {
    saw_call |= step.edge == PathStep::Edge::Call && step.detail == "wezwanie-rodzicow";
    saw_return |= step.edge == PathStep::Edge::Return && step.place.node->id == "przyjada";
  }
  CHECK(saw_call);
  CHECK(saw_return);
}

TEST_CASE("a nested call keys questions and variables by the procedure that asks them") {
  const char* head = "format: 1\nversion: 1.0.0\ntitle: T\n";
  Catalog catalog = load_yaml({
      {"a.yaml", std::string(head) +
                     "id: a\nstart: c\nnodes:\n"
                     "  c: {call: b, next: check}\n"
                     "  check:\n    branch:\n      - when: c.wiek < 13\n        next: young\n"
                     "    otherwise: old\n"
                     "  young: {outcome: Young}\n  old: {outcome: Old}\n"},
      {"b.yaml", std::string(head) + "id: b\nstart: c\nnodes:\n"
                                     "  c: {call: c, next: done}\n  done: {outcome: B}\n"},
      {"c.yaml", std::string(head) + "id: c\nstart: q\nnodes:\n"
                                     "  q: {ask: Age, type: number, var: wiek, next: done}\n"
                                     "  done: {outcome: C}\n"},
  });
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  Session s(*catalog.find("a"));
  REQUIRE(s.question());
  CHECK(s.question()->key == "c.wiek");
  CHECK(s.question()->place.calls.size() == 2);
  answer_ok(s, Value::of_number(9));
  REQUIRE(s.state() == Session::State::Finished);
  CHECK(s.outcome()->id == "young");
  CHECK(s.variables().at("c.wiek") == Value::of_number(9));
}

TEST_CASE("a loop through a question may be retried interactively") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  answer_ok(s, Value::of_bool(false));
  answer_ok(s, Value::of_number(14));
  answer_ok(s, Value::of_string("Jan"));
  answer_ok(s, Value::of_list({}));
  answer_ok(s, Value::of_bool(false));
  CHECK(pending(s) == "wezwanie-rodzicow.rodzice_osiagalni");
  answer_ok(s, Value::of_bool(false));
  answer_ok(s, Value::of_bool(true));
  CHECK(pending(s) == "sprawca");
  CHECK(s.answers().size() == 7);
}

TEST_CASE("written yes/no answers accept Polish and English words in any case") {
  Catalog catalog = load_run_fixtures();
  for (const char* word : {"tak", "Tak", "yes", "TRUE"}) {
    Session s(*catalog.find("incydent"));
    CHECK_FALSE(s.answer_written({word}, false));
    CHECK(s.answers().back().value == Value::of_bool(true));
  }
  for (const char* word : {"nie", "NIE", "no", "false"}) {
    Session s(*catalog.find("incydent"));
    CHECK_FALSE(s.answer_written({word}, false));
    CHECK(s.answers().back().value == Value::of_bool(false));
  }
  Session s(*catalog.find("incydent"));
  CHECK(s.answer_written({"może"}, false)->kind == AnswerError::Kind::NotYesNo);
}

TEST_CASE("back undoes the last answer and everything it caused") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  answer_to_sprawca(s);
  size_t actions_before = s.actions().size();
  std::vector<GivenAnswer> dropped = s.back();
  REQUIRE(dropped.size() == 1);
  CHECK(dropped[0].key == "wezwanie-rodzicow.rodzice_osiagalni");
  CHECK(pending(s) == "wezwanie-rodzicow.rodzice_osiagalni");
  CHECK(s.actions().size() < actions_before);  // the callee outcome's action is gone
  CHECK(s.variables().count("wezwanie-rodzicow.rodzice_osiagalni") == 0);

  dropped = s.truncate(1);  // back to `wiek`: age, name and signs no longer apply
  REQUIRE(dropped.size() == 3);
  CHECK(dropped[0].key == "wiek");
  CHECK(dropped[2].key == "objawy");
  CHECK(pending(s) == "wiek");
  CHECK(s.question()->number == 2);
  answer_ok(s, Value::of_number(19));  // now an adult: a different route
  answer_ok(s, Value::of_string("Jan"));
  answer_ok(s, Value::of_list({}));
  REQUIRE(s.state() == Session::State::Finished);
  CHECK(s.outcome()->id == "koniec_pelnoletni");
  CHECK(action_addresses(s) == std::vector<std::string>{"powiadom_dyrektora", "zawiadom_policje"});
  while (s.can_go_back()) s.back();
  CHECK(pending(s) == "zagrozenie");
  CHECK(s.back().empty());
}

TEST_CASE("personal answers are marked") {
  Catalog catalog = load_run_fixtures();
  Session s(*catalog.find("incydent"));
  answer_to_sprawca(s);
  CHECK(s.answers()[2].key == "imie");
  CHECK(s.answers()[2].personal);
  CHECK_FALSE(s.answers()[1].personal);
}

TEST_CASE("scripted answers run to the end, and stop at a missing or invalid answer") {
  Catalog catalog = load_run_fixtures();
  std::vector<Answer> answers = {
      {"zagrozenie", {}, false, {"yes"}, {}},
      {"wiek", {}, false, {"15"}, {}},
      {"imie", {}, false, {"Ola"}, {}},
      {"objawy", {}, true, {"zapach"}, {}},
      {"wezwanie-rodzicow.rodzice_osiagalni", {}, false, {"true"}, {}},
      {"sprawca", {}, false, {"nieznany"}, {}},
      {"literowka", {}, false, {"x"}, {}},
  };
  Session s(*catalog.find("incydent"));
  ScriptedAnswers script(answers);
  FeedResult result = script.feed(s);
  CHECK(result.stop == FeedResult::Stop::Finished);
  CHECK(s.outcome()->id == "koniec_szkola");
  auto unused = script.unused(s);
  REQUIRE(unused.size() == 1);
  CHECK(unused[0]->var == "literowka");

  answers[1].values = {"200"};
  Session s2(*catalog.find("incydent"));
  result = ScriptedAnswers(answers).feed(s2);
  CHECK(result.stop == FeedResult::Stop::InvalidAnswer);
  CHECK(result.answer->var == "wiek");
  CHECK(result.error->kind == AnswerError::Kind::AboveMax);

  answers.erase(answers.begin() + 1);
  Session s3(*catalog.find("incydent"));
  result = ScriptedAnswers(answers).feed(s3);
  CHECK(result.stop == FeedResult::Stop::Unanswered);
  CHECK(pending(s3) == "wiek");
}

TEST_CASE("a scripted run that would ask the same question with the same answer names the loop") {
  Catalog catalog = load_run_fixtures();
  std::vector<Answer> answers = {
      {"zagrozenie", {}, false, {"no"}, {}},
      {"wiek", {}, false, {"15"}, {}},
      {"imie", {}, false, {"Ola"}, {}},
      {"objawy", {}, true, {}, {}},
      {"wezwanie-rodzicow.rodzice_osiagalni", {}, false, {"no"}, {}},
  };
  Session s(*catalog.find("incydent"));
  FeedResult result = ScriptedAnswers(answers).feed(s);
  REQUIRE(result.stop == FeedResult::Stop::Loop);
  CHECK(result.loop == std::vector<std::string>{"wezwanie-rodzicow.rodzice_osiagalni",
                                                "wezwanie-rodzicow.rodzice_osiagalni"});
}

TEST_CASE("two questions sharing a var take the scripted answer each; no loop is reported") {
  Catalog catalog = load_yaml({{"wspolna.yaml", R"(format: 1
id: wspolna
version: 1.0.0
title: "Shared var"
start: pierwsze
nodes:
  pierwsze:
    ask: "Is the pupil here?"
    type: yes_no
    var: obecny
    next: krok
  krok: {step: "Look again.", next: drugie}
  drugie:
    ask: "Still here?"
    type: yes_no
    var: obecny
    options:
      - {value: yes, next: jest}
      - {value: no, next: nie_ma}
  jest: {outcome: "Here."}
  nie_ma: {outcome: "Gone."}
)"}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  std::vector<Answer> answers = {{"obecny", {}, false, {"yes"}, {}}};
  Session s(*catalog.find("wspolna"));
  FeedResult result = ScriptedAnswers(answers).feed(s);
  CHECK(result.stop == FeedResult::Stop::Finished);
  REQUIRE(s.outcome() != nullptr);
  CHECK(s.outcome()->id == "jest");
  CHECK(s.answers().size() == 2);
}

const char* kBranchOnly = R"(format: 1
id: galaz
version: 1.0.0
title: "Branch"
start: ile
nodes:
  ile:
    ask: "How many?"
    type: number
    next: decyzja
  decyzja:
    branch:
      - when: "ile > 5"
        next: duzo
  duzo:
    outcome: "Many"
)";

TEST_CASE("a branch with no matching case and no otherwise is a runtime error naming the node") {
  Catalog catalog = load_yaml({{"galaz.yaml", kBranchOnly}});
  const Procedure* p = catalog.find("galaz");
  REQUIRE(p);
  Session s(*p);
  answer_ok(s, Value::of_number(7));
  CHECK(s.state() == Session::State::Finished);
  s.back();
  answer_ok(s, Value::of_number(2));
  REQUIRE(s.state() == Session::State::Error);
  CHECK(s.error_kind() == Session::ErrorKind::NoCaseMatched);
  CHECK(s.error().find("node 'decyzja'") != std::string::npos);
  CHECK(s.error_place().node->id == "decyzja");
  s.back();  // an error can be undone like any answer
  CHECK(pending(s) == "ile");
}

}  // namespace
}  // namespace procedura::engine
