// Canonical rendering of expressions, for messages and graphs.
#include <charconv>
#include <cmath>

#include "expr/evaluate.h"

namespace procedura::expr {
namespace {

// Binding strength, loosest first, as the parser reads it.
int precedence(const Expr& e) {
  switch (e.kind) {
    case Expr::Kind::Not:
      return 3;
    case Expr::Kind::Binary:
      if (e.op == Op::Or) return 1;
      if (e.op == Op::And) return 2;
      return 4;
    default:
      return 5;
  }
}

std::string number_text(double value) {
  // Fixed notation: the lexer reads no exponents. 512 bytes hold any finite double.
  char buffer[512];
  const auto result =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (result.ec != std::errc()) return "0";
  return std::string(buffer, result.ptr);
}

std::string string_text(const std::string& value) {
  std::string out = "\"";
  for (const char c : value) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string value_text(const Value& value) {
  switch (value.type) {
    case ValueType::Boolean:
      return value.boolean ? "true" : "false";
    case ValueType::Number:
      return number_text(value.number);
    case ValueType::String:
      return string_text(value.string);
    case ValueType::List: {
      std::string out = "[";
      for (size_t i = 0; i < value.list.size(); ++i) {
        if (i > 0) out += ", ";
        out += string_text(value.list[i]);
      }
      return out + "]";
    }
  }
  return "";
}

void render(const Expr& e, std::string& out);

void render_operand(const Expr& e, bool parenthesize, std::string& out) {
  if (parenthesize) out += '(';
  render(e, out);
  if (parenthesize) out += ')';
}

void render(const Expr& e, std::string& out) {
  switch (e.kind) {
    case Expr::Kind::Literal:
      out += value_text(e.literal());
      return;
    case Expr::Kind::Variable:
      out += e.name();
      return;
    case Expr::Kind::List:
      out += '[';
      for (size_t i = 0; i < e.items().size(); ++i) {
        if (i > 0) out += ", ";
        out += value_text(e.items()[i]);
      }
      out += ']';
      return;
    case Expr::Kind::Not:
      out += "not ";
      if (e.lhs) render_operand(*e.lhs, precedence(*e.lhs) < 3, out);
      return;
    case Expr::Kind::Binary: {
      if (!e.lhs || !e.rhs) return;
      const int own = precedence(e);
      // `and`/`or` group to the left; comparisons take only plain operands.
      const bool chain = own < 4;
      render_operand(*e.lhs, chain ? precedence(*e.lhs) < own : precedence(*e.lhs) < 5, out);
      out += ' ';
      out += op_spelling(e.op);
      out += ' ';
      render_operand(*e.rhs, chain ? precedence(*e.rhs) <= own : precedence(*e.rhs) < 5, out);
      return;
    }
  }
}

}  // namespace

std::string to_string(const Expr& root) {
  std::string out;
  render(root, out);
  return out;
}

}  // namespace procedura::expr
