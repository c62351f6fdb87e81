#include "expr/ast.h"

namespace procedura::expr {

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
