#pragma once
// Parses a `when` expression into a syntax tree (ast.h).
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"

namespace procedura::expr {

struct ExprError {
  enum class Kind { Syntax, TypeMismatch, UnknownVariable, TooComplex };
  Kind kind = Kind::Syntax;
  size_t offset = 0;  // code points from the start of the expression
  size_t length = 0;  // code points; 0 points between two characters (e.g. at the end)
  std::string message;
};

struct ParseLimits {
  size_t max_chars = 2000;  // code points
  size_t max_depth = 64;    // nesting of parentheses and `not`, and height of the tree
};

// Returns the tree, or nullptr after appending an error (the first syntax error found).
// Never throws; recursion is bounded by `limits.max_depth` (deeper input is TooComplex).
ExprPtr parse(std::string_view source, std::vector<ExprError>& errors, ParseLimits limits = {});

}  // namespace procedura::expr
