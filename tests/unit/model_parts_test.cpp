// The model's compact parts: a node's id lookup, kind parts read as empty, copies deep.
#include <doctest/doctest.h>

#include <span>
#include <stdexcept>
#include <utility>
#include <vector>

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

TEST_CASE("a node holds one kind's part: others read empty, and writing one throws") {
  Node call;
  call.kind = NodeKind::Call;
  call.call().callee.id = "s07";
  const Node& reading = call;
  CHECK(reading.ask().options.empty());
  CHECK(reading.branch().cases.empty());
  CHECK(reading.call().callee.id == "s07");
  CHECK_THROWS_AS(call.branch(), std::logic_error);

  Node copy = call;
  call.call().callee.id = "s08";
  CHECK(std::as_const(copy).call().callee.id == "s07");  // deep, not shared
  Node moved = std::move(copy);
  CHECK(std::as_const(moved).call().callee.id == "s07");

  Node branch;
  branch.branch().cases.push_back(Case{});
  branch = call;  // assignment replaces the part, of whatever kind
  CHECK(std::as_const(branch).branch().cases.empty());
  CHECK(std::as_const(branch).call().callee.id == "s08");
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
  expr::ExprTree tree(3, 16, 2);
  const expr::Expr* name = tree.add_variable("wiek", 0, 4);
  CHECK(name->name() == "wiek");
  CHECK(name->items().empty());
  CHECK(name->literal() == Value{});

  const expr::Expr* list = tree.add_list({Value::of_string("a"), Value::of_string("b")}, 5, 10);
  CHECK(list->items().size() == 2);
  CHECK(list->items()[1] == Value::of_string("b"));
  CHECK(list->name().empty());

  const expr::Expr* text = tree.add_literal(Value::of_string("tak"), 16, 5);
  CHECK(text->literal() == Value::of_string("tak"));
  CHECK(name->name() == "wiek");  // the text kept for a later leaf did not move an earlier one
}

TEST_CASE("an expression tree refuses what it was not sized for, instead of moving nodes") {
  expr::ExprTree tree(1, 4, 0);
  tree.add_variable("wiek", 0, 4);
  CHECK_THROWS_AS(tree.add(expr::Expr::Kind::Not, 0, 1), std::logic_error);
  // Text beyond what was reserved (a string holds 15 bytes in place at least).
  expr::ExprTree small_text(2, 2, 0);
  CHECK_THROWS_AS(small_text.add_variable("wiek_sprawcy_czynu_karalnego", 0, 28), std::logic_error);
  expr::ExprTree no_lists(2, 0, 0);
  CHECK_THROWS_AS(no_lists.add_list({Value::of_number(1)}, 0, 3), std::logic_error);
}

TEST_CASE("a sparse list holds nothing until written, and copies what it holds") {
  SparseList<int> list;
  CHECK(list.empty());
  CHECK(list.begin() == list.end());
  list = std::vector<int>{};
  CHECK(list.empty());
  list.push_back(3);
  list.emplace_back(4);
  REQUIRE(list.size() == 2);
  CHECK(list.front() == 3);
  CHECK(list.back() == 4);
  SparseList<int> copy = list;
  copy[0] = 5;
  CHECK(list[0] == 3);  // a copy, not a shared list
  std::span<const int> view = copy;
  CHECK(view.size() == 2);
  CHECK(view[0] == 5);
  int sum = 0;
  for (int v : list) sum += v;
  CHECK(sum == 7);
}
