#pragma once
// The syntax tree of a `when` expression. Other modules (the verifier, the exporters) walk it.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace procedura::expr {

enum class Op { Or, And, Not, Eq, Ne, Lt, Le, Gt, Ge, In, Contains };

struct Expr {
  enum class Kind { Literal, Variable, List, Not, Binary };

  Kind kind = Kind::Literal;
  Op op = Op::Or;                  // meaningful for Binary (and Op::Not for Not)
  Value literal;                   // Literal
  std::string name;                // Variable: `var` or `callee-id.var`
  std::vector<Value> items;        // List: the literal's items, all strings or all numbers
  std::unique_ptr<Expr> lhs, rhs;  // Not uses lhs only
  // Position in the expression source, in code points (0-based), for diagnostics.
  size_t offset = 0, length = 0;
  ValueType type = ValueType::Boolean;  // filled by the type checker
};

// The operator as written in source: "and", "==", "contains", ...
std::string_view op_spelling(Op op);

}  // namespace procedura::expr
