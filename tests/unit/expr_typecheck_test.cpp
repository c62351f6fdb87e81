#include <doctest/doctest.h>

#include <map>
#include <string>

#include "expr/typecheck.h"
#include "expr_test_support.h"

using namespace procedura;
using namespace procedura::expr;
using namespace procedura::expr::testing;

namespace {

VariableInfo choice(std::vector<std::string> options) {
  return VariableInfo{ValueType::String, false, std::move(options)};
}

const std::map<std::string, VariableInfo, std::less<>>& variables() {
  static const std::map<std::string, VariableInfo, std::less<>> vars = {
      {"wiek", VariableInfo{ValueType::Number, false, {}}},
      {"plec", choice({"chlopiec", "dziewczynka"})},
      {"rodzice", VariableInfo{ValueType::Boolean, false, {}}},
      {"objawy", VariableInfo{ValueType::List, true, {"wymioty", "drgawki"}}},
      {"notatki", VariableInfo{ValueType::List, true, {}}},
      {"imie", VariableInfo{ValueType::String, false, {}}},
      {"zażółć", VariableInfo{ValueType::String, false, {}}},
      {"badanie.wynik", choice({"dodatni", "ujemny"})},
  };
  return vars;
}

std::optional<VariableInfo> lookup(std::string_view name) {
  const auto found = variables().find(name);
  if (found == variables().end()) return std::nullopt;
  return found->second;
}

std::vector<ExprError> check(std::string_view source) {
  auto tree = parse_ok(source);
  std::vector<ExprError> errors;
  const bool ok = typecheck(*tree, lookup, errors);
  CHECK(ok == errors.empty());
  return errors;
}

void check_clean(std::string_view source) {
  INFO("source: " << source);
  const auto errors = check(source);
  for (const auto& error : errors) INFO("error: " << error.message);
  CHECK(errors.empty());
}

void check_one(std::string_view source, ExprError::Kind kind, size_t offset, size_t length,
               std::string_view message) {
  INFO("source: " << source);
  const auto errors = check(source);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].kind == kind);
  CHECK(errors[0].offset == offset);
  CHECK(errors[0].length == length);
  CHECK(errors[0].message == message);
}

void check_mismatch(std::string_view source, size_t offset, size_t length,
                    std::string_view message) {
  check_one(source, ExprError::Kind::TypeMismatch, offset, length, message);
}

}  // namespace

TEST_SUITE("expr typecheck") {
  TEST_CASE("well-typed conditions") {
    check_clean("wiek >= 13 and rodzice");
    check_clean("rodzice");
    check_clean("not rodzice");
    check_clean("rodzice == true");
    check_clean("rodzice != false");
    check_clean("plec == \"chlopiec\"");
    check_clean("\"dziewczynka\" != plec");
    check_clean("plec in [\"chlopiec\", \"dziewczynka\"]");
    check_clean("\"drgawki\" in objawy");
    check_clean("imie in objawy");
    check_clean("objawy contains \"drgawki\"");
    check_clean("objawy contains imie");
    check_clean("notatki contains \"cokolwiek\"");  // no known options: anything goes
    check_clean("imie == \"Ala\"");
    check_clean("wiek in [13, 14.5]");
    check_clean("wiek in []");
    check_clean("wiek < 18 or (plec == \"chlopiec\" and not rodzice)");
    check_clean("(wiek > 1) == rodzice");
    check_clean("badanie.wynik == \"dodatni\"");
    check_clean("-1 < wiek");
  }

  TEST_CASE("types are filled in on every node") {
    auto tree = parse_ok("wiek >= 13 and objawy contains \"drgawki\"");
    std::vector<ExprError> errors;
    REQUIRE(typecheck(*tree, lookup, errors));
    CHECK(tree->type == ValueType::Boolean);
    CHECK(tree->lhs->type == ValueType::Boolean);
    CHECK(tree->lhs->lhs->type == ValueType::Number);
    CHECK(tree->rhs->lhs->type == ValueType::List);
    CHECK(tree->rhs->rhs->type == ValueType::String);
  }

  TEST_CASE("ordering compares numbers only") {
    check_mismatch("plec < 3", 0, 4, "'<' compares numbers, but 'plec' is a string");
    check_mismatch("wiek >= \"13\"", 8, 4, "'>=' compares numbers, but \"13\" is a string");
    check_mismatch("rodzice > 1", 0, 7, "'>' compares numbers, but 'rodzice' is a yes/no value");
    const auto both = check("rodzice <= imie");
    CHECK(both.size() == 2);
  }

  TEST_CASE("equality needs one type on both sides") {
    check_mismatch("wiek == \"13\"", 0, 12,
                   "'==' compares values of the same type, but 'wiek' is a number and \"13\" is "
                   "a string");
    check_mismatch("objawy == [\"drgawki\"]", 0, 6,
                   "'==' cannot compare lists; use 'in' or 'contains'");
    check_mismatch("rodzice == \"tak\"", 0, 16,
                   "'==' compares values of the same type, but 'rodzice' is a yes/no value and "
                   "\"tak\" is a string; use true/false for yes_no answers");
  }

  TEST_CASE("and, or, not join yes/no conditions") {
    check_mismatch("wiek and rodzice", 0, 4,
                   "'and' joins yes/no conditions, but 'wiek' is a number");
    check_mismatch("rodzice or imie", 11, 4,
                   "'or' joins yes/no conditions, but 'imie' is a string");
    check_mismatch("not wiek", 4, 4, "'not' needs a yes/no condition, but 'wiek' is a number");
    CHECK(check("wiek or imie").size() == 2);
  }

  TEST_CASE("the whole condition must be yes/no") {
    check_mismatch("wiek", 0, 4,
                   "a condition must be yes/no (true or false), but 'wiek' is a number");
    check_mismatch("\"x\"", 0, 3,
                   "a condition must be yes/no (true or false), but \"x\" is a string");
    check_mismatch("objawy", 0, 6,
                   "a condition must be yes/no (true or false), but 'objawy' is a list");
  }

  TEST_CASE("in needs a list of the needle's type") {
    check_mismatch("plec in \"chlopiec\"", 8, 10,
                   "'in' needs a list on its right, such as [\"a\", \"b\"], but \"chlopiec\" is a "
                   "string; use '==' to compare strings");
    check_mismatch("wiek in [\"a\"]", 0, 13,
                   "'in' looks for 'wiek' (a number) in a list of strings");
    check_mismatch("wiek in objawy", 0, 14,
                   "'in' looks for 'wiek' (a number) in a list of strings");
    check_mismatch("rodzice in [1]", 0, 7,
                   "'in' looks for a string or a number, but 'rodzice' is a yes/no value");
    check_mismatch("plec in [1, \"a\"]", 8, 8,
                   "a list must hold only strings or only numbers, but '[1, \"a\"]' mixes them");
  }

  TEST_CASE("contains needs a multi-choice variable and a string") {
    check_mismatch("imie contains \"a\"", 0, 4,
                   "'contains' needs a multi-choice variable on its left, but 'imie' is a string; "
                   "use '==' or 'in' instead");
    check_mismatch("wiek contains 1", 0, 4,
                   "'contains' needs a multi-choice variable on its left, but 'wiek' is a number");
    check_mismatch("objawy contains 3", 0, 17,
                   "'contains' looks for a string in 'objawy', but '3' is a number");
  }

  TEST_CASE("choice values must be among the options") {
    check_mismatch("plec == \"chłopiec\"", 8, 10,
                   "\"chłopiec\" is not an option of 'plec'; allowed values: \"chlopiec\", "
                   "\"dziewczynka\"");
    check_mismatch(
        "\"x\" != plec", 0, 3,
        "\"x\" is not an option of 'plec'; allowed values: \"chlopiec\", \"dziewczynka\"");
    check_mismatch("plec in [\"chlopiec\", \"kot\"]", 8, 19,
                   "\"kot\" is not an option of 'plec'; allowed values: \"chlopiec\", "
                   "\"dziewczynka\"");
    check_mismatch("objawy contains \"kaszel\"", 16, 8,
                   "\"kaszel\" is not an option of 'objawy'; allowed values: \"wymioty\", "
                   "\"drgawki\"");
    check_mismatch("\"kaszel\" in objawy", 0, 8,
                   "\"kaszel\" is not an option of 'objawy'; allowed values: \"wymioty\", "
                   "\"drgawki\"");
    check_mismatch("badanie.wynik == \"?\"", 17, 3,
                   "\"?\" is not an option of 'badanie.wynik'; allowed values: \"dodatni\", "
                   "\"ujemny\"");
  }

  TEST_CASE("unknown variables") {
    check_one("nieznana == 1", ExprError::Kind::UnknownVariable, 0, 8,
              "unknown variable 'nieznana'");
    check_one("rodzice == yes", ExprError::Kind::UnknownVariable, 11, 3,
              "unknown variable 'yes'; use true/false for yes_no answers");
    check_one("rodzice == no", ExprError::Kind::UnknownVariable, 11, 2,
              "unknown variable 'no'; use true/false for yes_no answers");
    // An unknown operand is reported once, not again by the operators above it.
    check_one("nieznana < 3 and rodzice", ExprError::Kind::UnknownVariable, 0, 8,
              "unknown variable 'nieznana'");
    const auto lookup_nothing = [](std::string_view) { return std::optional<VariableInfo>(); };
    auto tree = parse_ok("a and b");
    std::vector<ExprError> errors;
    CHECK_FALSE(typecheck(*tree, lookup_nothing, errors));
    CHECK(errors.size() == 2);
  }

  TEST_CASE("independent faults are all reported") {
    const auto errors = check("plec < 3 or wiek == \"a\"");
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].offset == 0);
    CHECK(errors[1].offset == 12);
    CHECK(check("nieznana < 3 and wiek").size() == 2);
  }

  TEST_CASE("offsets after Polish letters") {
    check_mismatch("wiek > 1 and zażółć < 3", 13, 6,
                   "'<' compares numbers, but 'zażółć' is a string");
    check_one("wiek > 1 and żółw", ExprError::Kind::UnknownVariable, 13, 4,
              "unknown variable 'żółw'");
  }
}
