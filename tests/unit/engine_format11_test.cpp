// The session and format 1.1: cautions collected in path order with where they came from,
// `about` labels of the calls an action was collected in, urgency, and yes_no questions
// written with `next` answering exactly like those written with options.
#include <doctest/doctest.h>

#include "engine/session.h"
#include "engine_test_support.h"
#include "interview/interview.h"
#include "interview/terminal.h"

namespace procedura::engine {
namespace {

using testing::load_yaml;

void answer_ok(Session& s, const Value& v) {
  auto error = s.answer(v);
  REQUIRE_FALSE(error.has_value());
}

std::vector<std::string> caution_texts(const Session& s) {
  std::vector<std::string> out;
  for (const CollectedCaution& c : s.cautions()) out.push_back(c.caution->text.in(""));
  return out;
}

const char* kCaller = R"(format: 1.1
id: glowna
version: 1.0.0
title: Main
cautions:
  nie_przesluchuj: {text: Do not question}
actions:
  dzwon_112: {text: Call 112, deadline: immediately}
  notatka: {text: Write a note, deadline: 3d}
start: pytanie
nodes:
  pytanie:
    ask: Hurt?
    type: yes_no
    cautions: [nie_przesluchuj]
    options:
      - value: yes
        next: ofiara
        actions: [dzwon_112]
        cautions: [{text: Do not move the child}]
      - value: no
        next: rozstaj
  rozstaj:
    branch:
      - when: pytanie == false
        next: ofiara
        cautions: [{text: Do not leave alone}]
    otherwise: ofiara
  ofiara:
    call: rodzic
    about: victim
    next: koniec
  koniec:
    outcome: Done
    actions: [notatka]
    cautions: [nie_przesluchuj]
)";

const char* kCallee = R"(format: 1.1
id: rodzic
version: 1.0.0
title: Parent
start: w
nodes:
  w:
    call: sprawca
    next: k
  k:
    outcome: Parent done
    actions: [{text: Inform the parents}]
    cautions: [{text: Do not hand over}]
)";

const char* kNested = R"(format: 1.1
id: sprawca
version: 1.0.0
title: Suspect
start: k
nodes:
  k:
    outcome: Suspect done
    actions: [{text: Check the suspect, deadline: immediately}]
)";

Catalog load_calls() {
  Catalog catalog =
      load_yaml({{"glowna.yaml", kCaller}, {"rodzic.yaml", kCallee}, {"sprawca.yaml", kNested}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  return catalog;
}

TEST_CASE("a question's cautions are collected when it is asked, before any answer") {
  Catalog catalog = load_calls();
  Session s(*catalog.find("glowna"));
  REQUIRE(s.question());
  REQUIRE(s.cautions().size() == 1);
  const CollectedCaution& c = s.cautions()[0];
  CHECK(c.address == "nie_przesluchuj");
  CHECK(c.origin.place.node->id == "pytanie");
  CHECK(c.origin.via == Origin::Via::Node);
  CHECK(c.about() == nullptr);
  CHECK(s.actions().empty());
}

TEST_CASE("cautions follow the path: option, then the callee, each once, apart from actions") {
  Catalog catalog = load_calls();
  Session s(*catalog.find("glowna"));
  size_t actions_before = s.actions().size();
  size_t cautions_before = s.cautions().size();
  answer_ok(s, Value::of_bool(true));
  REQUIRE(s.state() == Session::State::Finished);
  // What the answer newly collected is what lies past the sizes taken before it.
  CHECK(s.actions().size() > actions_before);
  CHECK(s.cautions().size() > cautions_before);
  CHECK(caution_texts(s) ==
        std::vector<std::string>{"Do not question", "Do not move the child", "Do not hand over"});
  const CollectedCaution& from_option = s.cautions()[1];
  CHECK(from_option.origin.via == Origin::Via::Option);
  CHECK(from_option.origin.detail == "yes");
  CHECK(from_option.caution->is_inline());
  CHECK(from_option.address.find("glowna.yaml:20:") != std::string::npos);
  // The outcome repeats `nie_przesluchuj`: kept once, at its first place.
  CHECK(s.cautions()[0].origin.place.node->id == "pytanie");
}

TEST_CASE("a branch case's cautions are collected when the case is taken") {
  Catalog catalog = load_calls();
  Session s(*catalog.find("glowna"));
  answer_ok(s, Value::of_bool(false));
  REQUIRE(s.cautions().size() == 3);
  CHECK(s.cautions()[1].caution->text.in("") == "Do not leave alone");
  CHECK(s.cautions()[1].origin.via == Origin::Via::Case);
  CHECK(s.cautions()[1].origin.detail == "0");
  CHECK(s.cautions()[1].origin.place.node->id == "rozstaj");
}

TEST_CASE("actions and cautions know the `about` of the calls they were collected in") {
  Catalog catalog = load_calls();
  Session s(*catalog.find("glowna"));
  answer_ok(s, Value::of_bool(true));
  REQUIRE(s.actions().size() == 4);
  CHECK(s.actions()[0].address == "dzwon_112");
  CHECK(s.actions()[0].about() == nullptr);  // collected in the started procedure
  // Inside `sprawca`, called by `rodzic` without a label: the outer call's label holds.
  const CollectedAction& nested = s.actions()[1];
  CHECK(nested.action->text.in("") == "Check the suspect");
  REQUIRE(nested.origin.place.calls.size() == 2);
  REQUIRE(nested.about() != nullptr);
  CHECK(nested.about()->in("") == "victim");
  CHECK(about_chain(nested.origin.place.calls).size() == 1);
  CHECK(s.actions()[2].about()->in("") == "victim");
  CHECK(s.actions()[3].address == "notatka");
  CHECK(s.actions()[3].about() == nullptr);
  CHECK(s.cautions()[2].about()->in("") == "victim");
}

TEST_CASE("the innermost labelled call names whom an action concerns; the chain keeps all") {
  Catalog catalog = load_yaml({
      {"a.yaml",
       "format: 1.1\nid: a\nversion: 1.0.0\ntitle: A\nstart: c\nnodes:\n"
       "  c: {call: b, about: victim, next: k}\n  k: {outcome: A}\n"},
      {"b.yaml",
       "format: 1.1\nid: b\nversion: 1.0.0\ntitle: B\nstart: c\nnodes:\n"
       "  c: {call: c, about: parent, next: k}\n  k: {outcome: B}\n"},
      {"c.yaml",
       "format: 1.1\nid: c\nversion: 1.0.0\ntitle: C\nstart: k\nnodes:\n"
       "  k: {outcome: C, actions: [{text: Talk}]}\n"},
  });
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  Session s(*catalog.find("a"));
  REQUIRE(s.state() == Session::State::Finished);
  REQUIRE(s.actions().size() == 1);
  CHECK(s.actions()[0].about()->in("") == "parent");
  std::vector<const Text*> chain = about_chain(s.actions()[0].origin.place.calls);
  REQUIRE(chain.size() == 2);
  CHECK(chain[0]->in("") == "victim");
  CHECK(chain[1]->in("") == "parent");
}

TEST_CASE("deadline immediately makes an action urgent; hours, days and none do not") {
  Catalog catalog = load_calls();
  Session s(*catalog.find("glowna"));
  answer_ok(s, Value::of_bool(true));
  CHECK(s.actions()[0].urgent());        // immediately
  CHECK(s.actions()[1].urgent());        // immediately, in a nested call
  CHECK_FALSE(s.actions()[2].urgent());  // no deadline
  CHECK_FALSE(s.actions()[3].urgent());  // 3d
}

TEST_CASE("going back drops the cautions the dropped answer collected, and only those") {
  Catalog catalog = load_calls();
  Session s(*catalog.find("glowna"));
  answer_ok(s, Value::of_bool(true));
  s.back();
  REQUIRE(s.question());
  CHECK(caution_texts(s) == std::vector<std::string>{"Do not question"});
  CHECK(s.actions().empty());
  answer_ok(s, Value::of_bool(false));
  CHECK(caution_texts(s) ==
        std::vector<std::string>{"Do not question", "Do not leave alone", "Do not hand over"});
}

// Both shapes of a yes_no question, side by side: with options and with `next` alone.
const char* kShapes = R"(format: 1.1
id: ksztalty
version: 1.0.0
languages: [pl, en]
title: {pl: Kształty, en: Shapes}
start: z_opcjami
nodes:
  z_opcjami:
    ask: {pl: "Z opcjami?", en: "With options?"}
    type: yes_no
    options:
      - {value: yes, next: z_next}
      - {value: no, next: z_next}
  z_next:
    ask: {pl: "Tylko next?", en: "Only next?"}
    type: yes_no
    next: czesciowo
  czesciowo:
    ask: {pl: "Częściowo?", en: "Partly?"}
    type: yes_no
    options:
      - {value: no, next: inny_koniec}
    next: koniec
  koniec: {outcome: {pl: Koniec, en: End}}
  inny_koniec: {outcome: {pl: Inny, en: Other}}
)";

TEST_CASE("a yes_no question with `next` has a yes and a no option, both going there") {
  Catalog catalog = load_yaml({{"k.yaml", kShapes}});
  std::string found;
  for (const Diagnostic& d : catalog.diagnostics.items())
    found += std::to_string(d.location.line) + ": " + d.message + "\n";
  CAPTURE(found);
  REQUIRE(found.empty());
  const Procedure& p = *catalog.find("ksztalty");
  const Node& only_next = *p.node("z_next");
  REQUIRE(only_next.ask().options.size() == 2);
  CHECK(only_next.ask().options[0].value == "yes");
  CHECK(only_next.ask().options[1].value == "no");
  for (const Option& o : only_next.ask().options) {
    CHECK(o.implied);
    CHECK(o.next_index == p.index_of("czesciowo"));
  }
  // Options and `next` together keep their meaning: the written `no` goes its own way,
  // the unwritten `yes` follows `next`, listed first as everywhere.
  const Node& partly = *p.node("czesciowo");
  REQUIRE(partly.ask().options.size() == 2);
  CHECK(partly.ask().options[0].value == "yes");
  CHECK(partly.ask().options[0].implied);
  CHECK(partly.ask().options[0].next_index == p.index_of("koniec"));
  CHECK_FALSE(partly.ask().options[1].implied);
  CHECK(partly.ask().options[1].next_index == p.index_of("inny_koniec"));
}

TEST_CASE("both yes_no shapes accept the same written answers and route alike") {
  Catalog catalog = load_yaml({{"k.yaml", kShapes}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  for (const char* word : {"tak", "yes", "Tak", "true"}) {
    Session s(*catalog.find("ksztalty"));
    CHECK_FALSE(s.answer_written({word}, false));
    CHECK_FALSE(s.answer_written({word}, false));
    CHECK_FALSE(s.answer_written({word}, false));
    REQUIRE(s.outcome());
    CHECK(s.outcome()->id == "koniec");
  }
  for (const char* word : {"nie", "no", "NIE", "false"}) {
    Session s(*catalog.find("ksztalty"));
    CHECK_FALSE(s.answer_written({word}, false));
    CHECK_FALSE(s.answer_written({word}, false));
    CHECK_FALSE(s.answer_written({word}, false));
    REQUIRE(s.outcome());
    CHECK(s.outcome()->id == "inny_koniec");
  }
}

TEST_CASE("the prompt accepts tak, nie, yes, no and numbers at a yes_no question with `next`") {
  Catalog catalog = load_yaml({{"k.yaml", kShapes}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  for (std::vector<std::string> typed :
       {std::vector<std::string>{"tak", "tak", "tak"}, {"t", "y", "yes"}, {"1", "1", "1"}}) {
    Session s(*catalog.find("ksztalty"));
    interview::FakeTerminal terminal(typed);
    interview::InterviewOptions options;
    interview::InterviewResult result = interview::run_interview(s, terminal, options);
    CHECK(result.end == interview::InterviewResult::End::Completed);
    REQUIRE(s.outcome());
    CHECK(s.outcome()->id == "koniec");
    CHECK(terminal.output().find("Spróbuj jeszcze raz") == std::string::npos);
  }
  Session s(*catalog.find("ksztalty"));
  interview::FakeTerminal terminal({"nie", "nie", "2"});
  interview::InterviewOptions options;
  options.lang = "en";
  CHECK(interview::run_interview(s, terminal, options).end ==
        interview::InterviewResult::End::Completed);
  REQUIRE(s.outcome());
  CHECK(s.outcome()->id == "inny_koniec");
}

}  // namespace
}  // namespace procedura::engine
