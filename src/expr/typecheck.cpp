#include "expr/typecheck.h"

#include <algorithm>
#include <map>

#include "expr/evaluate.h"

namespace procedura::expr {
namespace {

std::string with_article(ValueType type) {
  switch (type) {
    case ValueType::Boolean:
      return "a yes/no value";
    case ValueType::Number:
      return "a number";
    case ValueType::String:
      return "a string";
    case ValueType::List:
      return "a list";
  }
  return "a value";
}

// How an operand is quoted in messages: 'wiek', "chlopiec", '(a and b)'.
std::string quote(const Expr& e) {
  std::string text = to_string(e);
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  if (e.kind == Expr::Kind::Literal && e.literal().type == ValueType::String) return text;
  return "'" + text + "'";
}

std::string quoted_op(Op op) {
  return "'" + std::string(op_spelling(op)) + "'";
}

std::string allowed_values(const std::vector<std::string>& domain) {
  std::string out;
  for (size_t i = 0; i < domain.size(); ++i) {
    if (i > 0) out += ", ";
    out += "\"" + domain[i] + "\"";
  }
  return out;
}

bool is_string_literal(const Expr& e) {
  return e.kind == Expr::Kind::Literal && e.literal().type == ValueType::String;
}

class Checker {
 public:
  Checker(const VariableLookup& lookup, std::vector<ExprError>& errors)
      : lookup_(lookup), errors_(errors) {}

  // Returns false when this subtree holds an error; its type is still set to what the
  // operator yields, so the caller goes on without a cascade of follow-up errors.
  bool check(Expr& e) {
    switch (e.kind) {
      case Expr::Kind::Literal:
        e.type = e.literal().type;
        return true;
      case Expr::Kind::Variable:
        return variable(e);
      case Expr::Kind::List:
        return list(e);
      case Expr::Kind::Not: {
        e.type = ValueType::Boolean;
        if (!e.lhs || !check(*e.lhs)) return false;
        return expect(*e.lhs, ValueType::Boolean,
                      "'not' needs a yes/no condition, but " + quote(*e.lhs) + " is " +
                          with_article(e.lhs->type));
      }
      case Expr::Kind::Binary:
        return binary(e);
    }
    return false;
  }

  void mismatch(const Expr& at, std::string message) {
    errors_.push_back(
        ExprError{ExprError::Kind::TypeMismatch, at.offset, at.length, std::move(message)});
  }

 private:
  const VariableInfo* info(std::string_view name) {
    auto found = cache_.find(name);
    if (found == cache_.end()) {
      found = cache_.emplace(name, lookup_ ? lookup_(name) : std::nullopt).first;
    }
    return found->second ? &*found->second : nullptr;
  }

  // The choice options a variable may hold, when known.
  const std::vector<std::string>* domain_of(const Expr& e) {
    if (e.kind != Expr::Kind::Variable) return nullptr;
    const VariableInfo* var = info(e.name());
    if (var == nullptr || var->domain.empty()) return nullptr;
    return &var->domain;
  }

  bool expect(const Expr& operand, ValueType wanted, std::string message) {
    if (operand.type == wanted) return true;
    mismatch(operand, std::move(message));
    return false;
  }

  bool variable(Expr& e) {
    const VariableInfo* var = info(e.name());
    if (var == nullptr) {
      std::string message = "unknown variable '" + std::string(e.name()) + "'";
      if (e.name() == "yes" || e.name() == "no" || e.name() == "tak" || e.name() == "nie") {
        message += "; use true/false for yes_no answers";
      }
      errors_.push_back(
          ExprError{ExprError::Kind::UnknownVariable, e.offset, e.length, std::move(message)});
      return false;
    }
    e.type = var->is_multi ? ValueType::List : var->type;
    return true;
  }

  bool list(Expr& e) {
    e.type = ValueType::List;
    for (const auto& item : e.items()) {
      if (item.type != e.items().front().type) {
        mismatch(e,
                 "a list must hold only strings or only numbers, but " + quote(e) + " mixes them");
        return false;
      }
    }
    return true;
  }

  // The type of the members of a list operand; nullopt for an empty list literal.
  static std::optional<ValueType> element_type(const Expr& e) {
    if (e.kind == Expr::Kind::List) {
      if (e.items().empty()) return std::nullopt;
      return e.items().front().type;
    }
    return ValueType::String;  // multi answers are lists of option strings
  }

  // `plec == "x"` where "x" is not one of plec's options can never be true: a typo.
  bool check_option(const Expr& variable, const std::string& value, const Expr& at) {
    const auto* domain = domain_of(variable);
    if (domain == nullptr || std::find(domain->begin(), domain->end(), value) != domain->end()) {
      return true;
    }
    mismatch(at, "\"" + value + "\" is not an option of '" + std::string(variable.name()) +
                     "'; allowed values: " + allowed_values(*domain));
    return false;
  }

  bool check_list_options(const Expr& variable, const Expr& list) {
    if (list.kind != Expr::Kind::List) return true;
    bool ok = true;
    for (const auto& item : list.items()) {
      if (item.type == ValueType::String) ok = check_option(variable, item.string, list) && ok;
    }
    return ok;
  }

  bool binary(Expr& e) {
    e.type = ValueType::Boolean;
    if (!e.lhs || !e.rhs) return false;
    const bool lhs_ok = check(*e.lhs);
    const bool rhs_ok = check(*e.rhs);
    Expr& a = *e.lhs;
    Expr& b = *e.rhs;
    const std::string op = quoted_op(e.op);
    if (e.op == Op::And || e.op == Op::Or) {
      // The two sides are independent conditions: a fault in one says nothing of the other.
      const auto check_side = [&](const Expr& side, bool side_ok) {
        return side_ok && expect(side, ValueType::Boolean,
                                 op + " joins yes/no conditions, but " + quote(side) + " is " +
                                     with_article(side.type));
      };
      const bool left = check_side(a, lhs_ok);
      const bool right = check_side(b, rhs_ok);
      return left && right;
    }
    if (!lhs_ok || !rhs_ok) return false;
    switch (e.op) {
      case Op::And:
      case Op::Or:
        return true;  // handled above
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge: {
        const auto message = [&](const Expr& side) {
          return op + " compares numbers, but " + quote(side) + " is " + with_article(side.type);
        };
        const bool left = expect(a, ValueType::Number, message(a));
        const bool right = expect(b, ValueType::Number, message(b));
        return left && right;
      }
      case Op::Eq:
      case Op::Ne:
        return equality(e, a, b, op);
      case Op::In:
        return membership(e, a, b);
      case Op::Contains:
        return contains(e, a, b);
      case Op::Not:
        return false;  // Not is its own node kind
    }
    return false;
  }

  bool equality(const Expr& e, const Expr& a, const Expr& b, const std::string& op) {
    for (const Expr* side : {&a, &b}) {
      if (side->type == ValueType::List) {
        mismatch(*side, op + " cannot compare lists; use 'in' or 'contains'");
        return false;
      }
    }
    if (a.type != b.type) {
      std::string message = op + " compares values of the same type, but " + quote(a) + " is " +
                            with_article(a.type) + " and " + quote(b) + " is " +
                            with_article(b.type);
      const Expr& text = a.type == ValueType::String ? a : b;
      if ((a.type == ValueType::Boolean || b.type == ValueType::Boolean) &&
          is_string_literal(text)) {
        message += "; use true/false for yes_no answers";
      }
      mismatch(e, std::move(message));
      return false;
    }
    if (is_string_literal(b)) return check_option(a, b.literal().string, b);
    if (is_string_literal(a)) return check_option(b, a.literal().string, a);
    return true;
  }

  bool membership(const Expr& e, const Expr& needle, const Expr& list) {
    if (list.type != ValueType::List) {
      mismatch(list, "'in' needs a list on its right, such as [\"a\", \"b\"], but " + quote(list) +
                         " is " + with_article(list.type) +
                         (list.type == ValueType::String ? "; use '==' to compare strings" : ""));
      return false;
    }
    if (needle.type != ValueType::String && needle.type != ValueType::Number) {
      mismatch(needle, "'in' looks for a string or a number, but " + quote(needle) + " is " +
                           with_article(needle.type));
      return false;
    }
    const auto members = element_type(list);
    if (members && *members != needle.type) {
      mismatch(e, "'in' looks for " + quote(needle) + " (" + with_article(needle.type) +
                      ") in a list of " + std::string(value_type_name(*members)) + "s");
      return false;
    }
    if (needle.kind == Expr::Kind::Variable) return check_list_options(needle, list);
    if (is_string_literal(needle)) return check_option(list, needle.literal().string, needle);
    return true;
  }

  bool contains(const Expr& e, const Expr& list, const Expr& needle) {
    if (list.type != ValueType::List) {
      mismatch(list, "'contains' needs a multi-choice variable on its left, but " + quote(list) +
                         " is " + with_article(list.type) +
                         (list.type == ValueType::String ? "; use '==' or 'in' instead" : ""));
      return false;
    }
    const auto members = element_type(list);
    if (members && *members != needle.type) {
      mismatch(e, "'contains' looks for " + std::string(with_article(*members)) + " in " +
                      quote(list) + ", but " + quote(needle) + " is " + with_article(needle.type));
      return false;
    }
    if (is_string_literal(needle)) return check_option(list, needle.literal().string, needle);
    return true;
  }

  const VariableLookup& lookup_;
  std::vector<ExprError>& errors_;
  std::map<std::string, std::optional<VariableInfo>, std::less<>> cache_;
};

}  // namespace

bool typecheck(Expr& root, const VariableLookup& lookup, std::vector<ExprError>& errors) {
  const size_t before = errors.size();
  Checker checker(lookup, errors);
  if (checker.check(root) && root.type != ValueType::Boolean) {
    checker.mismatch(root, "a condition must be yes/no (true or false), but " + quote(root) +
                               " is " + with_article(root.type));
  }
  return errors.size() == before;
}

}  // namespace procedura::expr
