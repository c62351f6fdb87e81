#pragma once
// Evaluating `when` expressions, and the facts about them other modules ask for.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "expr/ast.h"
#include "model/value.h"

namespace procedura::expr {

// The current value of a variable, or nullptr when it is not set.
using ValueLookup = std::function<const Value*(std::string_view name)>;

// Evaluates a type-checked expression. `and`/`or` stop early, as usual, so an operand that
// is not needed is not read. Returns std::nullopt when a variable that is read is missing
// or holds a value of another type than the checker saw; callers report it.
std::optional<bool> evaluate(const Expr& root, const ValueLookup& lookup);

// Names read by the expression, in order of first appearance (for data-flow checks).
std::vector<std::string> variables_read(const Expr& root);

// Renders an expression as canonical source text: parsing it gives back the same tree.
std::string to_string(const Expr& root);

}  // namespace procedura::expr
