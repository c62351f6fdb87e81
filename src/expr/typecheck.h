#pragma once
// The type checker of `when` expressions: run once when a file is loaded.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "expr/parser.h"
#include "model/value.h"

namespace procedura::expr {

struct VariableInfo {
  ValueType type = ValueType::Boolean;
  bool is_multi = false;            // a multi-choice answer: a list of strings
  std::vector<std::string> domain;  // option values of choice/multi; empty = unknown
};

using VariableLookup = std::function<std::optional<VariableInfo>(std::string_view name)>;

// Fills Expr::type on every node. Appends TypeMismatch and UnknownVariable errors; an error
// in an operand is not reported again by the operators above it. Returns true when clean.
bool typecheck(Expr& root, const VariableLookup& lookup, std::vector<ExprError>& errors);

}  // namespace procedura::expr
