#include "expr/ast.h"

#include <stdexcept>

namespace procedura::expr {

Value Expr::literal() const {
  if (kind != Kind::Literal) return Value{};
  switch (literal_type_) {
    case ValueType::Boolean:
      return Value::of_bool(payload_.boolean);
    case ValueType::Number:
      return Value::of_number(payload_.number);
    case ValueType::String:
      return Value::of_string(std::string(payload_.text));
    case ValueType::List:
      break;
  }
  return Value{};
}

ExprTree::ExprTree(size_t nodes, size_t text_bytes, size_t list_items) {
  nodes_.reserve(nodes);
  text_.reserve(text_bytes);
  list_items_.reserve(list_items);
}

Expr* ExprTree::add(Expr::Kind kind, uint32_t offset, uint32_t length) {
  // Past the reserved size a node would move, and the pointers to it with it.
  if (nodes_.size() == nodes_.capacity()) throw std::logic_error("expression tree full");
  Expr& node = nodes_.emplace_back();
  node.kind = kind;
  node.offset = offset;
  node.length = length;
  return &node;
}

std::string_view ExprTree::keep(std::string_view text) {
  if (text_.capacity() - text_.size() < text.size()) throw std::logic_error("expression text full");
  const size_t at = text_.size();
  text_ += text;
  return std::string_view(text_).substr(at);
}

Expr* ExprTree::add_literal(Value value, uint32_t offset, uint32_t length) {
  Expr* node = add(Expr::Kind::Literal, offset, length);
  node->type = node->literal_type_ = value.type;
  if (value.type == ValueType::Number) node->payload_.number = value.number;
  if (value.type == ValueType::Boolean) node->payload_.boolean = value.boolean;
  if (value.type == ValueType::String) node->payload_.text = keep(value.string);
  return node;
}

Expr* ExprTree::add_variable(std::string_view name, uint32_t offset, uint32_t length) {
  Expr* node = add(Expr::Kind::Variable, offset, length);
  node->payload_.text = keep(name);
  return node;
}

Expr* ExprTree::add_list(std::vector<Value> items, uint32_t offset, uint32_t length) {
  if (list_items_.capacity() - list_items_.size() < items.size())
    throw std::logic_error("expression list items full");
  Expr* node = add(Expr::Kind::List, offset, length);
  node->type = ValueType::List;
  const size_t at = list_items_.size();
  for (Value& item : items) list_items_.push_back(std::move(item));
  node->payload_.items = std::span<const Value>(list_items_).subspan(at);
  return node;
}

std::string_view op_spelling(Op op) {
  switch (op) {
    case Op::Or:
      return "or";
    case Op::And:
      return "and";
    case Op::Not:
      return "not";
    case Op::Eq:
      return "==";
    case Op::Ne:
      return "!=";
    case Op::Lt:
      return "<";
    case Op::Le:
      return "<=";
    case Op::Gt:
      return ">";
    case Op::Ge:
      return ">=";
    case Op::In:
      return "in";
    case Op::Contains:
      return "contains";
  }
  return "?";
}

}  // namespace procedura::expr
