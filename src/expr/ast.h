#pragma once
// The syntax tree of a `when` expression. Other modules (the verifier, the exporters) walk it.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/value.h"

namespace procedura::expr {

enum class Op : uint8_t { Or, And, Not, Eq, Ne, Lt, Le, Gt, Ge, In, Contains };

// One node of a tree. Nodes are stored together by their tree (ExprTree), which also holds
// the text their leaves view: a 100,000-node procedure compiles about 100,000 nodes, and one
// allocation each, with a 72-byte value in every node, took a fifth of its memory.
struct Expr {
  enum class Kind : uint8_t { Literal, Variable, List, Not, Binary };

  Kind kind = Kind::Literal;
  Op op = Op::Or;                       // meaningful for Binary (and Op::Not for Not)
  ValueType type = ValueType::Boolean;  // filled by the type checker

 private:
  friend class ExprTree;
  // A Literal's own type, whatever `type` says; here it fills the header's spare byte.
  ValueType literal_type_ = ValueType::Boolean;

 public:
  // Position in the expression source, in code points (0-based), for diagnostics.
  uint32_t offset = 0, length = 0;
  // Owned by the tree; Not uses lhs only, leaves neither.
  Expr* lhs = nullptr;
  Expr* rhs = nullptr;

  // A leaf's payload, empty for a node of another kind: a Literal's value, a Variable's
  // name (`var` or `callee-id.var`), a List's items (all strings or all numbers).
  Value literal() const;
  std::string_view name() const { return kind == Kind::Variable ? payload_.text : ""; }
  std::span<const Value> items() const {
    return kind == Kind::List ? payload_.items : std::span<const Value>{};
  }

 private:
  union Payload {
    bool boolean;
    double number;
    std::string_view text;  // a Variable's name, a String literal
    std::span<const Value> items;
  } payload_{.number = 0};
};
static_assert(sizeof(Expr) == 48);

// The nodes of one expression and the text and list items its leaves refer to. Everything
// is sized before the first node is added (from the tokens), so no node or view ever moves.
class ExprTree {
 public:
  ExprTree(size_t nodes, size_t text_bytes, size_t list_items);
  ExprTree(const ExprTree&) = delete;
  ExprTree& operator=(const ExprTree&) = delete;

  Expr* add(Expr::Kind kind, uint32_t offset, uint32_t length);
  Expr* add_literal(Value value, uint32_t offset, uint32_t length);
  Expr* add_variable(std::string_view name, uint32_t offset, uint32_t length);
  Expr* add_list(std::vector<Value> items, uint32_t offset, uint32_t length);

 private:
  std::string_view keep(std::string_view text);

  std::vector<Expr> nodes_;
  std::string text_;
  std::vector<Value> list_items_;
};

// A tree's root, keeping the whole tree alive.
using ExprPtr = std::shared_ptr<Expr>;

// The operator as written in source: "and", "==", "contains", ...
std::string_view op_spelling(Op op);

}  // namespace procedura::expr
