#include <doctest/doctest.h>

#include <random>
#include <string>

#include "expr/lexer.h"
#include "expr_test_support.h"

using namespace procedura;
using namespace procedura::expr;
using namespace procedura::expr::testing;

namespace {

std::string shape_of(std::string_view source) {
  return shape(*parse_ok(source));
}

void check_error(std::string_view source, ExprError::Kind kind, size_t offset, size_t length,
                 std::string_view message) {
  INFO("source: " << source);
  const ExprError error = parse_error(source);
  CHECK(error.kind == kind);
  CHECK(error.offset == offset);
  CHECK(error.length == length);
  CHECK(error.message == message);
}

void check_syntax(std::string_view source, size_t offset, size_t length, std::string_view message) {
  check_error(source, ExprError::Kind::Syntax, offset, length, message);
}

}  // namespace

TEST_SUITE("expr parser") {
  TEST_CASE("precedence: or is loosest, then and, then not, then comparisons") {
    CHECK(shape_of("not a and b or c") == "(or (and (not a) b) c)");
    CHECK(shape_of("a or b and c") == "(or a (and b c))");
    CHECK(shape_of("a or not b and c") == "(or a (and (not b) c))");
    CHECK(shape_of("not a == b") == "(not (== a b))");
    CHECK(shape_of("not not a") == "(not (not a))");
    CHECK(shape_of("a == 1 and b in [\"x\"]") == "(and (== a 1) (in b [\"x\"]))");
    CHECK(shape_of("(a or b) and c") == "(and (or a b) c)");
  }

  TEST_CASE("and/or group to the left") {
    CHECK(shape_of("a and b and c") == "(and (and a b) c)");
    CHECK(shape_of("a or b or c") == "(or (or a b) c)");
  }

  TEST_CASE("every comparison operator") {
    CHECK(shape_of("a == 1") == "(== a 1)");
    CHECK(shape_of("a != 1") == "(!= a 1)");
    CHECK(shape_of("a < 1") == "(< a 1)");
    CHECK(shape_of("a <= 1") == "(<= a 1)");
    CHECK(shape_of("a > 1") == "(> a 1)");
    CHECK(shape_of("a >= 1") == "(>= a 1)");
    CHECK(shape_of("a in b") == "(in a b)");
    CHECK(shape_of("a contains \"x\"") == "(contains a \"x\")");
    CHECK(shape_of("a>=1") == "(>= a 1)");
  }

  TEST_CASE("literals") {
    auto number = parse_ok("13");
    CHECK(number->kind == Expr::Kind::Literal);
    CHECK(number->literal() == Value::of_number(13));
    CHECK(parse_ok("0.5")->literal() == Value::of_number(0.5));
    CHECK(parse_ok("-1")->literal() == Value::of_number(-1));
    CHECK(parse_ok("-2.25")->literal() == Value::of_number(-2.25));
    CHECK(parse_ok("true")->literal() == Value::of_bool(true));
    CHECK(parse_ok("false")->literal() == Value::of_bool(false));
    CHECK(parse_ok(R"("a\"b\\c")")->literal() == Value::of_string("a\"b\\c"));
    CHECK(parse_ok(R"('it\'s')")->literal() == Value::of_string("it's"));
    CHECK(parse_ok(R"('say "hi"')")->literal() == Value::of_string("say \"hi\""));
    CHECK(parse_ok(R"("zażółć")")->literal() == Value::of_string("zażółć"));
  }

  TEST_CASE("list literals") {
    auto list = parse_ok(R"(["a", 'b'])");
    CHECK(list->kind == Expr::Kind::List);
    REQUIRE(list->items().size() == 2);
    CHECK(list->items()[0] == Value::of_string("a"));
    CHECK(list->items()[1] == Value::of_string("b"));
    auto numbers = parse_ok("[1, -2.5]");
    REQUIRE(numbers->items().size() == 2);
    CHECK(numbers->items()[1] == Value::of_number(-2.5));
    CHECK(parse_ok("[]")->items().empty());
    CHECK(parse_ok("[1, \"a\"]")->items().size() == 2);  // mixing is the type checker's finding
  }

  TEST_CASE("names") {
    CHECK(parse_ok("wiek-ucznia")->name() == "wiek-ucznia");
    CHECK(parse_ok("callee-id.var")->name() == "callee-id.var");
    CHECK(parse_ok("zażółć_gęślą")->name() == "zażółć_gęślą");
    CHECK(parse_ok("a-1")->name() == "a-1");
    CHECK(parse_ok("_x9")->name() == "_x9");
    CHECK(parse_ok("and-or")->name() == "and-or");  // keywords only as whole words
    CHECK(parse_ok("notify")->name() == "notify");
    CHECK(parse_ok("ünïcode.żółw")->name() == "ünïcode.żółw");
    CHECK(parse_ok("a\u00a0and b")->kind == Expr::Kind::Binary);  // NBSP separates
  }

  TEST_CASE("positions count code points and span whole nodes") {
    auto tree = parse_ok("wiek >= 13");
    CHECK(tree->offset == 0);
    CHECK(tree->length == 10);
    CHECK(tree->lhs->length == 4);
    CHECK(tree->rhs->offset == 8);
    CHECK(tree->rhs->length == 2);

    auto polish = parse_ok("płeć == \"żółw\"");
    CHECK(polish->lhs->length == 4);
    CHECK(polish->rhs->offset == 8);
    CHECK(polish->rhs->length == 6);
    CHECK(polish->length == 14);

    auto grouped = parse_ok("not (a or b)");
    CHECK(grouped->lhs->offset == 4);  // includes the parentheses
    CHECK(grouped->lhs->length == 8);
    CHECK(grouped->length == 12);

    auto list = parse_ok("x in [\"ą\", \"b\"]");
    CHECK(list->rhs->offset == 5);
    CHECK(list->rhs->length == 10);
  }

  TEST_CASE("syntax errors name the token and point at it") {
    check_syntax("a and", 5, 0, "expected an operand after 'and'");
    check_syntax("a and )", 6, 1, "expected an operand after 'and', found ')'");
    check_syntax("not", 3, 0, "expected an operand after 'not'");
    check_syntax("a ==", 4, 0, "expected an operand after '=='");
    check_syntax("a == not b", 5, 3,
                 "expected an operand after '==', found 'not'; put 'not ...' in parentheses");
    check_syntax(")", 0, 1, "expected a condition, found ')'");
    check_syntax("a)", 1, 1, "unexpected ')' without a matching '('");
    check_syntax("(a", 0, 1, "unclosed '(': expected ')' before the end of the expression");
    check_syntax("(a b)", 3, 1, "expected ')' or an operator, found 'b'");
    check_syntax("a b", 2, 1,
                 "unexpected 'b' after 'a'; expected an operator such as 'and', 'or' or '=='");
    check_syntax("a -1", 2, 2,
                 "unexpected '-1' after 'a'; expected an operator such as 'and', 'or' or '=='");
    check_syntax("a < b < c", 6, 1,
                 "comparisons cannot be chained: '<' follows another comparison; join them with "
                 "'and' or use parentheses");
    check_syntax("a == b in c", 7, 2,
                 "comparisons cannot be chained: 'in' follows another comparison; join them with "
                 "'and' or use parentheses");
    check_syntax("", 0, 0, "empty expression");
    check_syntax("   ", 0, 0, "empty expression");
    check_syntax("()", 1, 1, "expected an operand after '(', found ')'");
  }

  TEST_CASE("lexical errors") {
    check_syntax("x == \"abc", 5, 4, "unterminated string (missing closing \")");
    check_syntax("x == 'abc", 5, 4, "unterminated string (missing closing ')");
    check_syntax(R"(x == "a\nb")", 7, 2,
                 R"(unknown escape '\n' in string; only \" and \\ are allowed)");
    check_syntax(R"(x == "a\)", 7, 1, R"(unterminated string (it ends with '\'))");
    check_syntax("a = b", 2, 1, "'=' is not an operator; use '==' to compare");
    check_syntax("!a", 0, 1, "'!' is not an operator; use 'not' or '!='");
    check_syntax("a && b", 2, 2, "use 'and' instead of '&&'");
    check_syntax("a || b", 2, 2, "use 'or' instead of '||'");
    check_syntax("-x", 0, 1, "a name cannot start with '-', and there is no arithmetic");
    check_syntax("12abc == 1", 0, 5,
                 "'12abc' is not a number, and a name cannot start with a digit");
    check_syntax("1. == 1", 0, 2, "expected digits after '.' in number '1.'");
    check_syntax("1" + std::string(400, '0'), 0, 401,
                 "number '1" + std::string(400, '0') + "' is out of range");
    check_syntax("a.b.c", 0, 4, "a name may contain only one '.' (callee-id.variable), in 'a.b.'");
    check_syntax("a. == 1", 1, 1, "expected a variable name after '.' in 'a.'");
    check_syntax("x == „tak”", 5, 1,
                 "typographic quote '„' cannot delimit a string; use straight quotes \"...\"");
    check_syntax("a $ b", 2, 1, "unexpected character '$'");
    check_syntax("a\x01", 1, 1, "unexpected control character in expression");
    check_syntax("a == \xff", 5, 1, "invalid UTF-8 byte in expression");
    check_syntax("\"\xc5\"", 1, 1, "invalid UTF-8 byte in expression");
  }

  TEST_CASE("list errors") {
    check_syntax("x in [1, y]", 9, 1,
                 "expected a list item (a \"string\" or a number) after ',', found 'y'");
    check_syntax("x in [\"a\",]", 10, 1,
                 "expected a list item (a \"string\" or a number) after ',', found ']'");
    check_syntax("x in [true]", 6, 4,
                 "expected a list item (a \"string\" or a number) after '[', found 'true'");
    check_syntax("x in [\"a\" \"b\"]", 10, 3,
                 "expected ',' or ']' in the list, found the string \"b\"");
    check_syntax("x in [\"a\"", 5, 1,
                 "unclosed '[': expected ']' before the end of the expression");
    check_syntax("x in [", 5, 1, "unclosed '[': expected ']' before the end of the expression");
  }

  TEST_CASE("error offsets count Polish letters as one column each") {
    check_syntax("źródło == \"x\" and", 17, 0, "expected an operand after 'and'");
    check_syntax("zażółć & b", 7, 1, "use 'and' instead of '&&'");
    check_syntax("gęś == \"ą", 7, 2, "unterminated string (missing closing \")");
    check_syntax("żółw < ź < 3", 9, 1,
                 "comparisons cannot be chained: '<' follows another comparison; join them with "
                 "'and' or use parentheses");
  }

  TEST_CASE("nesting is limited without deep recursion") {
    ParseLimits roomy;
    roomy.max_chars = 100000;
    const std::string parens = std::string(10000, '(') + "a" + std::string(10000, ')');
    const ExprError deep = parse_error(parens, roomy);
    CHECK(deep.kind == ExprError::Kind::TooComplex);
    CHECK(deep.offset == 64);
    CHECK(deep.message ==
          "expression nests too deeply (more than 64 levels); split it into simpler conditions");

    std::string nots;
    for (int i = 0; i < 10000; ++i) nots += "not ";
    const ExprError negations = parse_error(nots + "a", roomy);
    CHECK(negations.kind == ExprError::Kind::TooComplex);
    CHECK(negations.offset == 64 * 4);

    // A long flat chain is as deep a tree as nested parentheses.
    std::string chain = "a";
    for (int i = 0; i < 100; ++i) chain += " or a";
    CHECK(parse_error(chain).kind == ExprError::Kind::TooComplex);

    // Exactly at the limit is fine.
    parse_ok(std::string(64, '(') + "a" + std::string(64, ')'));
    CHECK(parse_error(std::string(65, '(') + "a" + std::string(65, ')')).kind ==
          ExprError::Kind::TooComplex);
  }

  TEST_CASE("length is limited in code points") {
    const ExprError long_one = parse_error("a" + std::string(2000, 'b'));
    CHECK(long_one.kind == ExprError::Kind::TooComplex);
    CHECK(long_one.offset == 0);
    CHECK(long_one.length == 2001);
    CHECK(long_one.message == "expression is too long (2001 characters; the limit is 2000)");
    parse_ok(std::string(2000, 'b'));
    std::string polish;
    for (int i = 0; i < 2000; ++i) polish += "ż";  // 4000 bytes, 2000 characters
    parse_ok(polish);
    ParseLimits tight;
    tight.max_chars = 5;
    CHECK(parse_error("a == 1", tight).kind == ExprError::Kind::TooComplex);
  }

  TEST_CASE("random bytes never crash the parser") {
    std::mt19937 random(12345);
    std::uniform_int_distribution<int> byte(0, 255);
    std::uniform_int_distribution<int> size(0, 60);
    for (int round = 0; round < 5000; ++round) {
      std::string input;
      const int n = size(random);
      for (int i = 0; i < n; ++i) input += static_cast<char>(byte(random));
      std::vector<ExprError> errors;
      auto tree = parse(input, errors);
      CHECK((tree != nullptr) == errors.empty());
      CHECK(errors.size() <= 1);
      for (const auto& error : errors) CHECK(error.offset <= input.size());
    }
  }

  TEST_CASE("random token soups never crash and round-trip when valid") {
    const std::vector<std::string> pieces = {
        "a",     "b",   "wiek", "płeć",  "x.y", "and", "or", "not", "in", "contains", "==", "!=",
        "<",     "<=",  ">",    ">=",    "(",   ")",   "[",  "]",   ",",  "1",        "-2", "0.5",
        "\"s\"", "'t'", "true", "false", "\"",  "=",   "-",  ".",   "\\", "„"};
    std::mt19937 random(777);
    std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1);
    std::uniform_int_distribution<int> size(1, 14);
    size_t valid = 0;
    for (int round = 0; round < 20000; ++round) {
      std::string input;
      const int n = size(random);
      for (int i = 0; i < n; ++i) input += pieces[pick(random)] + (random() % 4 ? " " : "");
      std::vector<ExprError> errors;
      auto tree = parse(input, errors);
      CHECK((tree != nullptr) == errors.empty());
      if (!tree) continue;
      ++valid;
      const std::string canonical = to_string(*tree);
      std::vector<ExprError> again_errors;
      auto again = parse(canonical, again_errors);
      INFO("input: " << input << "  canonical: " << canonical);
      REQUIRE(again != nullptr);
      CHECK(shape(*again) == shape(*tree));
      CHECK(to_string(*again) == canonical);
    }
    CHECK(valid > 100);  // the soup does produce valid expressions to round-trip
  }
}

TEST_SUITE("expr parser") {
  TEST_CASE("keywords are reserved, whole words only") {
    for (const char* word : {"and", "or", "not", "in", "contains", "true", "false"}) {
      CHECK(is_keyword(word));
    }
    CHECK_FALSE(is_keyword("And"));
    CHECK_FALSE(is_keyword("and-or"));
    CHECK_FALSE(is_keyword("yes"));
  }
}
