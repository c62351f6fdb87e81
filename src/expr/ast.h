#pragma once
// The syntax tree of a `when` expression. Other modules (the verifier, the exporters) walk it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
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
  std::unique_ptr<Expr> lhs, rhs;  // Not uses lhs only

  // A leaf's payload, empty for a node of another kind: a Literal's value, a Variable's
  // name (`var` or `callee-id.var`), a List's items (all strings or all numbers).
  const Value& literal() const { return leaf<Value>(); }
  const std::string& name() const { return leaf<std::string>(); }
  const std::vector<Value>& items() const { return leaf<std::vector<Value>>(); }
  void set_literal(Value value) { leaf_ = std::move(value); }
  void set_name(std::string name) { leaf_ = std::move(name); }
  void set_items(std::vector<Value> items) { leaf_ = std::move(items); }

 private:
  template <class T>
  const T& leaf() const {
    static const T empty;
    const T* held = std::get_if<T>(&leaf_);
    return held ? *held : empty;
  }

  // One leaf kind at a time: a node is never both a literal and a name.
  std::variant<std::monostate, Value, std::string, std::vector<Value>> leaf_;
};

// The operator as written in source: "and", "==", "contains", ...
std::string_view op_spelling(Op op);

}  // namespace procedura::expr
