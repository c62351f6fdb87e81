#pragma once
// Helpers shared by the expr_*_test.cpp files.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "expr/evaluate.h"
#include "expr/parser.h"

namespace procedura::expr::testing {

// The tree with every node in prefix form, e.g. "(or (and (not a) b) c)".
inline std::string shape(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Literal:
    case Expr::Kind::List:
      return to_string(e);
    case Expr::Kind::Variable:
      return std::string(e.name());
    case Expr::Kind::Not:
      return "(not " + shape(*e.lhs) + ")";
    case Expr::Kind::Binary:
      return "(" + std::string(op_spelling(e.op)) + " " + shape(*e.lhs) + " " + shape(*e.rhs) + ")";
  }
  return "?";
}

// Parses input that must be valid.
inline ExprPtr parse_ok(std::string_view source) {
  std::vector<ExprError> errors;
  auto tree = parse(source, errors);
  if (!errors.empty()) {
    INFO("unexpected error: " << errors.front().message);
    CHECK(errors.empty());
  }
  REQUIRE(tree != nullptr);
  return tree;
}

// Parses input that must fail with exactly one error.
inline ExprError parse_error(std::string_view source, ParseLimits limits = {}) {
  std::vector<ExprError> errors;
  auto tree = parse(source, errors, limits);
  CHECK(tree == nullptr);
  REQUIRE(errors.size() == 1);
  return errors.front();
}

}  // namespace procedura::expr::testing
