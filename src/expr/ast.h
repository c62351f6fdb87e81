#pragma once
// The syntax tree of a `when` expression. Other modules (the verifier, the exporters) walk it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace procedura::expr {

enum class Op : uint8_t { Or, And, Not, Eq, Ne, Lt, Le, Gt, Ge, In, Contains };

// The small fields come first and positions are 32-bit (an expression is far shorter than
// 4 GiB): a 100-node procedure compiles about a hundred of these.
struct Expr {
  enum class Kind : uint8_t { Literal, Variable, List, Not, Binary };

  Kind kind = Kind::Literal;
  Op op = Op::Or;                       // meaningful for Binary (and Op::Not for Not)
  ValueType type = ValueType::Boolean;  // filled by the type checker
  // Position in the expression source, in code points (0-based), for diagnostics.
  uint32_t offset = 0, length = 0;
  Value literal;                   // Literal
  std::string name;                // Variable: `var` or `callee-id.var`
  std::vector<Value> items;        // List: the literal's items, all strings or all numbers
  std::unique_ptr<Expr> lhs, rhs;  // Not uses lhs only
};

// The operator as written in source: "and", "==", "contains", ...
std::string_view op_spelling(Op op);

}  // namespace procedura::expr
