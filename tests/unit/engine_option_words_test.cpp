#include <doctest/doctest.h>

#include "engine/option_words.h"
#include "engine/session.h"
#include "engine_test_support.h"

namespace procedura::engine {
namespace {

const char* kProcedure = R"(format: 1
id: slowa
version: 1.0.0
languages: [pl, en]
title: {pl: Słowa, en: Words}
start: zrodlo
nodes:
  zrodlo:
    ask: {pl: "Skąd alkohol?", en: "Where from?"}
    type: choice
    options:
      - value: tak
        label: {pl: Od dorosłego, en: From an adult}
      - value: nie
        label: {pl: Nie, en: "No"}
      - value: nie_wiem
        label: {pl: Nie wiadomo, en: Unknown}
      - value: w_szkole
        label: {pl: Na terenie szkoły, en: On school premises}
    next: objawy
  objawy:
    ask: {pl: Objawy, en: Signs}
    type: multi
    options:
      - value: zapach
        label: {pl: Zapach alkoholu, en: Smell of alcohol}
      - value: chwiejny_chod
        label: {pl: Chwiejny chód, en: Unsteady gait}
      - value: chwiejna_mowa
        label: {pl: Bełkotliwa mowa, en: Slurred speech}
    next: koniec
  koniec: {outcome: {pl: Koniec, en: End}}
)";

TEST_CASE("a written choice names its option by value, label, either language or plain letters") {
  Catalog catalog = testing::load_yaml({{"slowa.yaml", kProcedure}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  const Node& zrodlo = *catalog.find("slowa")->node("zrodlo");
  const Node& objawy = *catalog.find("slowa")->node("objawy");

  CHECK(option_for_word(zrodlo, "tak") == "tak");  // exact value
  CHECK(option_for_word(zrodlo, "Tak") == "tak");  // case
  CHECK(option_for_word(zrodlo, "yes") == "tak");  // the other language's word
  CHECK(option_for_word(zrodlo, "no") == "nie");
  CHECK(option_for_word(zrodlo, "nie wiadomo") == "nie_wiem");  // the label, spaces
  CHECK(option_for_word(zrodlo, "unknown") == "nie_wiem");      // English label
  CHECK(option_for_word(zrodlo, "Na terenie szkoły") == "w_szkole");
  CHECK(option_for_word(zrodlo, "w-szkole") == "w_szkole");
  CHECK(option_for_word(objawy, "chwiejny chód") == "chwiejny_chod");  // Polish letters folded
  CHECK(option_for_word(objawy, "Bełkotliwa mowa") == "chwiejna_mowa");
  CHECK_FALSE(option_for_word(zrodlo, "może"));  // nothing it could mean
  CHECK_FALSE(option_for_word(objawy, ""));
}

TEST_CASE("scripted choices go through the same words; unknown words are still refused") {
  Catalog catalog = testing::load_yaml({{"slowa.yaml", kProcedure}});
  REQUIRE_FALSE(catalog.diagnostics.has_errors());
  Session s(*catalog.find("slowa"));
  CHECK(s.answer_written({"zupełnie co innego"}, false)->kind == AnswerError::Kind::NotAnOption);
  CHECK_FALSE(s.answer_written({"Nie wiadomo"}, false));
  CHECK(s.variables().at("zrodlo") == Value::of_string("nie_wiem"));
  CHECK_FALSE(s.answer_written({"Zapach alkoholu", "chwiejny chod"}, true));
  CHECK(s.variables().at("objawy") == Value::of_list({"zapach", "chwiejny_chod"}));
  CHECK(s.state() == Session::State::Finished);
}

}  // namespace
}  // namespace procedura::engine
