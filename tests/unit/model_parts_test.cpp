// The model's compact parts: a node's id lookup, kind parts read as empty, copies deep.
#include <doctest/doctest.h>

#include "expr/ast.h"
#include "model/procedure.h"

using namespace procedura;

TEST_CASE("a node is found by id through the sorted index, the first of a repeated id") {
  Procedure p;
  for (const char* id : {"start", "middle", "end", "middle"}) {
    Node node;
    node.id = id;
    p.nodes.push_back(node);
  }
  p.index_nodes();
  CHECK(p.index_of("start") == 0);
  CHECK(p.index_of("end") == 2);
  CHECK(p.index_of("middle") == 1);  // not 3: the first written wins
  CHECK(p.index_of("absent") == -1);
  CHECK(p.index_of("") == -1);
  REQUIRE(p.node("end") != nullptr);
  CHECK(p.node("end")->id == "end");
  CHECK(p.node("zzz") == nullptr);
}

TEST_CASE("a node's optional parts read as empty until written, and copy with the node") {
  Node step;
  CHECK_FALSE(step.has_notes());
  CHECK_FALSE(step.help().present);
  CHECK(step.cautions().empty());
  CHECK(step.ask().options.empty());
  CHECK_FALSE(step.has_notes());  // reading made nothing

  Node question = step;
  question.notes().help.present = true;
  question.notes().help.plain = "Pomoc";
  question.ask().options.push_back(Option{});
  Node copy = question;
  question.notes().help.plain = "Zmieniona";
  CHECK(copy.help().plain == "Pomoc");  // a deep copy, not a shared part
  CHECK(copy.ask().options.size() == 1);
}

TEST_CASE("a text keeps its translations apart and reads them by language") {
  Text plain;
  plain.present = true;
  plain.plain = "Tekst";
  CHECK(plain.in("en") == "Tekst");
  CHECK(plain.translations().empty());

  Text localized;
  localized.present = localized.localized = true;
  localized.add_translation("pl", "Tak");
  localized.add_translation("en", "Yes");
  CHECK(localized.in("en") == "Yes");
  CHECK(localized.in("de") == "Tak");  // the first translation when the language is missing
  CHECK(localized.has("pl"));
  CHECK_FALSE(localized.has("de"));
  Text copy = localized;
  CHECK(copy.translations().size() == 2);
}

TEST_CASE("an expression node holds only its own kind's leaf") {
  expr::Expr name;
  name.kind = expr::Expr::Kind::Variable;
  name.set_name("wiek");
  CHECK(name.name() == "wiek");
  CHECK(name.items().empty());
  CHECK(name.literal() == Value{});

  expr::Expr list;
  list.kind = expr::Expr::Kind::List;
  list.set_items({Value::of_string("a"), Value::of_string("b")});
  CHECK(list.items().size() == 2);
  CHECK(list.name().empty());
}
