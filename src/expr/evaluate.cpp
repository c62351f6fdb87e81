#include "expr/evaluate.h"

#include <algorithm>

namespace procedura::expr {
namespace {

class Evaluator {
 public:
  explicit Evaluator(const ValueLookup& lookup) : lookup_(lookup) {}

  std::optional<Value> value(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::Literal:
        return e.literal();
      case Expr::Kind::Variable: {
        const Value* found = lookup_ ? lookup_(e.name()) : nullptr;
        if (found == nullptr) return std::nullopt;
        return *found;
      }
      case Expr::Kind::List:
        return std::nullopt;  // only read through elements()
      case Expr::Kind::Not: {
        const auto operand = boolean(e.lhs);
        if (!operand) return std::nullopt;
        return Value::of_bool(!*operand);
      }
      case Expr::Kind::Binary: {
        const auto result = binary(e);
        if (!result) return std::nullopt;
        return Value::of_bool(*result);
      }
    }
    return std::nullopt;
  }

 private:
  std::optional<bool> boolean(const Expr* e) {
    if (e == nullptr) return std::nullopt;
    const auto v = value(*e);
    if (!v || v->type != ValueType::Boolean) return std::nullopt;
    return v->boolean;
  }

  std::optional<double> number(const Expr& e) {
    const auto v = value(e);
    if (!v || v->type != ValueType::Number) return std::nullopt;
    return v->number;
  }

  // The members of a list literal or of a multi variable's answer.
  std::optional<std::vector<Value>> elements(const Expr& e) {
    if (e.kind == Expr::Kind::List) return std::vector<Value>(e.items().begin(), e.items().end());
    const auto v = value(e);
    if (!v || v->type != ValueType::List) return std::nullopt;
    std::vector<Value> out;
    out.reserve(v->list.size());
    for (const auto& item : v->list) out.push_back(Value::of_string(item));
    return out;
  }

  static std::optional<bool> equal(const Value& a, const Value& b) {
    if (a.type != b.type) return std::nullopt;
    switch (a.type) {
      case ValueType::Boolean:
        return a.boolean == b.boolean;
      case ValueType::Number:
        return a.number == b.number;
      case ValueType::String:
        return a.string == b.string;
      case ValueType::List:
        return a.list == b.list;
    }
    return std::nullopt;
  }

  static std::optional<bool> member(const Value& needle, const std::vector<Value>& haystack) {
    // An empty list holds nothing, whatever type the needle is.
    for (const auto& item : haystack) {
      const auto same = equal(needle, item);
      if (!same) return std::nullopt;
      if (*same) return true;
    }
    return false;
  }

  std::optional<bool> binary(const Expr& e) {
    if (!e.lhs || !e.rhs) return std::nullopt;
    switch (e.op) {
      case Op::Or:
      case Op::And: {
        const auto left = boolean(e.lhs);
        if (!left) return std::nullopt;
        if (e.op == Op::Or && *left) return true;
        if (e.op == Op::And && !*left) return false;
        return boolean(e.rhs);
      }
      case Op::Eq:
      case Op::Ne: {
        const auto a = value(*e.lhs), b = value(*e.rhs);
        if (!a || !b) return std::nullopt;
        const auto same = equal(*a, *b);
        if (!same) return std::nullopt;
        return e.op == Op::Eq ? *same : !*same;
      }
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge: {
        const auto a = number(*e.lhs), b = number(*e.rhs);
        if (!a || !b) return std::nullopt;
        if (e.op == Op::Lt) return *a < *b;
        if (e.op == Op::Le) return *a <= *b;
        if (e.op == Op::Gt) return *a > *b;
        return *a >= *b;
      }
      case Op::In: {
        const auto needle = value(*e.lhs);
        const auto list = elements(*e.rhs);
        if (!needle || !list) return std::nullopt;
        return member(*needle, *list);
      }
      case Op::Contains: {
        const auto list = elements(*e.lhs);
        const auto needle = value(*e.rhs);
        if (!needle || !list) return std::nullopt;
        return member(*needle, *list);
      }
      case Op::Not:
        return std::nullopt;  // Not is its own node kind
    }
    return std::nullopt;
  }

  const ValueLookup& lookup_;
};

void collect(const Expr& e, std::vector<std::string>& names) {
  if (e.kind == Expr::Kind::Variable &&
      std::find(names.begin(), names.end(), e.name()) == names.end()) {
    names.emplace_back(e.name());
  }
  if (e.lhs) collect(*e.lhs, names);
  if (e.rhs) collect(*e.rhs, names);
}

}  // namespace

std::optional<bool> evaluate(const Expr& root, const ValueLookup& lookup) {
  const auto result = Evaluator(lookup).value(root);
  if (!result || result->type != ValueType::Boolean) return std::nullopt;
  return result->boolean;
}

std::vector<std::string> variables_read(const Expr& root) {
  std::vector<std::string> names;
  collect(root, names);
  return names;
}

}  // namespace procedura::expr
