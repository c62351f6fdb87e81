#include <doctest/doctest.h>

#include <map>
#include <string>

#include "expr/evaluate.h"
#include "expr_test_support.h"

using namespace procedura;
using namespace procedura::expr;
using namespace procedura::expr::testing;

namespace {

using Answers = std::map<std::string, Value, std::less<>>;

std::optional<bool> run(std::string_view source, const Answers& answers = {}) {
  auto tree = parse_ok(source);
  return evaluate(*tree, [&](std::string_view name) -> const Value* {
    const auto found = answers.find(name);
    return found == answers.end() ? nullptr : &found->second;
  });
}

bool truth(std::string_view source, const Answers& answers = {}) {
  INFO("source: " << source);
  const auto result = run(source, answers);
  REQUIRE(result.has_value());
  return *result;
}

}  // namespace

TEST_SUITE("expr evaluate") {
  TEST_CASE("truth tables of and, or, not") {
    for (const bool a : {false, true}) {
      for (const bool b : {false, true}) {
        const Answers answers = {{"a", Value::of_bool(a)}, {"b", Value::of_bool(b)}};
        CHECK(truth("a and b", answers) == (a && b));
        CHECK(truth("a or b", answers) == (a || b));
        CHECK(truth("not a", answers) == !a);
        CHECK(truth("not a and b", answers) == (!a && b));
        CHECK(truth("not (a and b)", answers) == !(a && b));
        CHECK(truth("a == b", answers) == (a == b));
        CHECK(truth("a != b", answers) == (a != b));
      }
    }
    CHECK(truth("true or false and false"));  // and binds tighter
    CHECK_FALSE(truth("not true or false"));
  }

  TEST_CASE("numeric comparisons") {
    const Answers answers = {{"wiek", Value::of_number(14)}};
    CHECK(truth("wiek == 14", answers));
    CHECK(truth("wiek == 14.0", answers));
    CHECK_FALSE(truth("wiek != 14", answers));
    CHECK(truth("wiek < 14.5", answers));
    CHECK_FALSE(truth("wiek < 14", answers));
    CHECK(truth("wiek <= 14", answers));
    CHECK(truth("wiek > -1", answers));
    CHECK_FALSE(truth("wiek > 14", answers));
    CHECK(truth("wiek >= 14", answers));
    CHECK(truth("0.5 < 1"));
    CHECK(truth("-2 < -1"));
  }

  TEST_CASE("strings and booleans compare by value") {
    const Answers answers = {{"plec", Value::of_string("dziewczynka")},
                             {"rodzice", Value::of_bool(true)}};
    CHECK(truth("plec == \"dziewczynka\"", answers));
    CHECK(truth("plec == 'dziewczynka'", answers));
    CHECK_FALSE(truth("plec == \"Dziewczynka\"", answers));
    CHECK(truth("plec != \"chlopiec\"", answers));
    CHECK(truth("rodzice == true", answers));
    CHECK(truth("rodzice", answers));
    CHECK_FALSE(truth("not rodzice", answers));
  }

  TEST_CASE("in and contains") {
    const Answers answers = {{"plec", Value::of_string("chlopiec")},
                             {"wiek", Value::of_number(13)},
                             {"objawy", Value::of_list({"wymioty", "drgawki"})},
                             {"pusty", Value::of_list({})}};
    CHECK(truth("plec in [\"chlopiec\", \"dziewczynka\"]", answers));
    CHECK_FALSE(truth("plec in [\"dziewczynka\"]", answers));
    CHECK_FALSE(truth("plec in []", answers));
    CHECK(truth("wiek in [12, 13]", answers));
    CHECK_FALSE(truth("wiek in [12.5]", answers));
    CHECK(truth("\"drgawki\" in objawy", answers));
    CHECK_FALSE(truth("\"kaszel\" in objawy", answers));
    CHECK(truth("objawy contains \"wymioty\"", answers));
    CHECK_FALSE(truth("objawy contains \"kaszel\"", answers));
    CHECK_FALSE(truth("pusty contains \"kaszel\"", answers));
    CHECK(truth("not (objawy contains \"kaszel\") and plec in [\"chlopiec\"]", answers));
  }

  TEST_CASE("a missing variable yields no answer, unless and/or did not need it") {
    CHECK_FALSE(run("brak").has_value());
    CHECK_FALSE(run("brak == 1").has_value());
    CHECK_FALSE(run("not brak").has_value());
    CHECK_FALSE(run("true and brak").has_value());
    CHECK_FALSE(run("false or brak").has_value());
    CHECK_FALSE(run("brak and false").has_value());
    CHECK(run("false and brak") == false);
    CHECK(run("true or brak") == true);
    CHECK_FALSE(run("\"a\" in brak").has_value());
    CHECK_FALSE(run("brak contains \"a\"").has_value());
    CHECK_FALSE(evaluate(*parse_ok("a"), nullptr).has_value());
  }

  TEST_CASE("a value of the wrong type at run time yields no answer") {
    const Answers answers = {{"wiek", Value::of_string("14")}, {"flaga", Value::of_number(1)}};
    CHECK_FALSE(run("wiek == 14", answers).has_value());
    CHECK_FALSE(run("wiek < 14", answers).has_value());
    CHECK_FALSE(run("flaga", answers).has_value());
    CHECK_FALSE(run("flaga and true", answers).has_value());
    CHECK_FALSE(run("wiek in [14]", answers).has_value());
    CHECK_FALSE(run("wiek contains \"1\"", answers).has_value());
  }

  TEST_CASE("variables_read lists names once, in order of appearance") {
    CHECK(variables_read(*parse_ok("b and a or b == c.d")) ==
          std::vector<std::string>{"b", "a", "c.d"});
    CHECK(variables_read(*parse_ok("not (x in [\"a\"])")) == std::vector<std::string>{"x"});
    CHECK(variables_read(*parse_ok("true")).empty());
  }

  TEST_CASE("to_string renders canonical source") {
    const auto canonical = [](std::string_view source) { return to_string(*parse_ok(source)); };
    CHECK(canonical("not a and b or c") == "not a and b or c");
    CHECK(canonical("a  and(b or c)") == "a and (b or c)");
    CHECK(canonical("(a and b) and c") == "a and b and c");
    CHECK(canonical("a and (b and c)") == "a and (b and c)");
    CHECK(canonical("not (a or b)") == "not (a or b)");
    CHECK(canonical("not(a==b)") == "not a == b");
    CHECK(canonical("(not a) == b") == "(not a) == b");
    CHECK(canonical("(a == b) != (c < 1)") == "(a == b) != (c < 1)");
    CHECK(canonical("'x' == y") == "\"x\" == y");
    CHECK(canonical(R"(x in ['a', "b\"c", 'd\\e'])") == R"(x in ["a", "b\"c", "d\\e"])");
    CHECK(canonical("x in [1,2.50, -3]") == "x in [1, 2.5, -3]");
    CHECK(canonical("x == 13.0") == "x == 13");
    CHECK(canonical("x == 0.1") == "x == 0.1");
    CHECK(canonical("x == 123456789012345678901234567890") ==
          "x == 123456789012345677877719597056");
    CHECK(canonical("x in []") == "x in []");
    CHECK(canonical("żółw.ąę contains \"ł\"") == "żółw.ąę contains \"ł\"");
  }

  TEST_CASE("to_string round-trips to the same tree") {
    for (const char* source :
         {"not a and b or c", "a or (b or c)", "not not a", "(a or b) and not (c and d)",
          "x in [\"a\", \"b\"] or y contains 'q' and z >= -0.25", "((a)) == ((b))",
          "not (not a == b) != c"}) {
      INFO("source: " << source);
      auto tree = parse_ok(source);
      auto again = parse_ok(to_string(*tree));
      CHECK(shape(*again) == shape(*tree));
    }
  }
}
