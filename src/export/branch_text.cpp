#include "export/branch_text.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "engine/answer_value.h"
#include "export/flow.h"
#include "expr/ast.h"

namespace procedura::flow {
namespace {

using expr::Expr;
using expr::Op;

bool polish(std::string_view lang) {
  return lang == "pl";
}

// The ask node that sets `name` (`var` or `callee-id.var`), looking into called procedures.
const Node* question_of(const Procedure& procedure, std::string_view name) {
  size_t dot = name.find('.');
  if (dot != std::string_view::npos) {
    for (const Node& node : procedure.nodes) {
      if (node.kind == NodeKind::Call && node.call().callee_procedure &&
          node.call().callee_procedure->id == name.substr(0, dot))
        return question_of(*node.call().callee_procedure, name.substr(dot + 1));
    }
    return nullptr;
  }
  for (const Node& node : procedure.nodes) {
    if (node.kind == NodeKind::Ask && node.ask().var == name) return &node;
  }
  return nullptr;
}

void collect_variables(const Expr& e, std::vector<std::string>& out) {
  if (e.kind == Expr::Kind::Variable) {
    if (std::find(out.begin(), out.end(), e.name()) == out.end()) out.emplace_back(e.name());
  }
  if (e.lhs) collect_variables(*e.lhs, out);
  if (e.rhs) collect_variables(*e.rhs, out);
}

std::vector<std::string> branch_variables(const Node& branch) {
  std::vector<std::string> names;
  for (const Case& c : branch.branch().cases) {
    if (c.condition) collect_variables(*c.condition, names);
  }
  return names;
}

std::string question_text(const Node& question, std::string_view lang) {
  return question.text.in(lang);
}

// "Czy…?" → "Czy…" before a colon.
std::string question_prefix(const Node& question, std::string_view lang) {
  std::string text = question_text(question, lang);
  while (!text.empty() && (text.back() == '?' || text.back() == ' ')) text.pop_back();
  return text;
}

// The label of the answer `value` of `question` (an option's label, tak/nie for yes_no).
std::string answer_label(const Node& question, const std::string& value, std::string_view lang) {
  for (const Option& option : question.ask().options) {
    if (option.value == value) return option_label(question, option, lang);
  }
  if (question.ask().type == AnswerType::YesNo) {
    Option synthetic;
    synthetic.value = value == "true" ? "yes" : value == "false" ? "no" : value;
    return option_label(question, synthetic, lang);
  }
  return value;
}

// All answers of a yes_no or choice question, as values.
std::vector<std::string> answer_values(const Node& question) {
  std::vector<std::string> values;
  for (const Option& option : question.ask().options) values.push_back(option.value);
  if (values.empty() && question.ask().type == AnswerType::YesNo) values = {"yes", "no"};
  return values;
}

std::string join_labels(const Node& question, const std::vector<std::string>& values,
                        std::string_view lang) {
  std::string out;
  for (const std::string& value : values) {
    if (!out.empty()) out += " / ";
    out += answer_label(question, value, lang);
  }
  return out;
}

Op mirrored(Op op) {
  switch (op) {
    case Op::Lt:
      return Op::Gt;
    case Op::Le:
      return Op::Ge;
    case Op::Gt:
      return Op::Lt;
    case Op::Ge:
      return Op::Le;
    default:
      return op;
  }
}

struct Describer {
  const Procedure& procedure;
  std::string_view lang;
  bool with_question;

  std::string prefixed(const Node& question, const std::string& answers) const {
    return with_question ? question_prefix(question, lang) + ": " + answers : answers;
  }

  std::optional<std::string> comparison(Op op, const Expr& variable, const Expr& other) const {
    const Node* question = question_of(procedure, variable.name());
    if (!question) return std::nullopt;
    if (other.kind == Expr::Kind::List && op == Op::In) {
      std::vector<std::string> values;
      for (const Value& item : other.items()) values.push_back(engine::value_to_text(item));
      return prefixed(*question, join_labels(*question, values, lang));
    }
    if (other.kind != Expr::Kind::Literal) return std::nullopt;
    std::string value = engine::value_to_text(other.literal());
    switch (op) {
      case Op::Eq:
      case Op::Contains:
        return prefixed(*question, answer_label(*question, value, lang));
      case Op::Ne: {
        std::vector<std::string> rest;
        for (const std::string& v : answer_values(*question)) {
          if (v != value && !(value == "true" && v == "yes") && !(value == "false" && v == "no"))
            rest.push_back(v);
        }
        if (rest.empty()) return std::nullopt;
        return prefixed(*question, join_labels(*question, rest, lang));
      }
      case Op::Lt:
      case Op::Le:
      case Op::Gt:
      case Op::Ge: {
        std::string answer = fmt::format("{} {}", expr::op_spelling(op), value);
        if (question->ask().unit.present) answer += " " + question->ask().unit.in(lang);
        return prefixed(*question, answer);
      }
      default:
        return std::nullopt;
    }
  }

  std::optional<std::string> describe(const Expr& e) const {
    switch (e.kind) {
      case Expr::Kind::Variable: {
        // A yes_no answer used as a condition: "yes".
        const Node* question = question_of(procedure, e.name());
        if (!question) return std::nullopt;
        return prefixed(*question, answer_label(*question, "yes", lang));
      }
      case Expr::Kind::Not: {
        if (e.lhs && e.lhs->kind == Expr::Kind::Variable) {
          const Node* question = question_of(procedure, e.lhs->name());
          if (!question) return std::nullopt;
          return prefixed(*question, answer_label(*question, "no", lang));
        }
        auto inner = e.lhs ? describe(*e.lhs) : std::nullopt;
        if (!inner) return std::nullopt;
        return fmt::format("{} ({})", polish(lang) ? "nie" : "not", *inner);
      }
      case Expr::Kind::Binary: {
        if (!e.lhs || !e.rhs) return std::nullopt;
        if (e.op == Op::And || e.op == Op::Or) {
          auto left = describe(*e.lhs), right = describe(*e.rhs);
          if (!left || !right) return std::nullopt;
          std::string word =
              e.op == Op::And ? (polish(lang) ? "i" : "and") : (polish(lang) ? "lub" : "or");
          return fmt::format("{} {} {}", *left, word, *right);
        }
        if (e.lhs->kind == Expr::Kind::Variable) return comparison(e.op, *e.lhs, *e.rhs);
        if (e.rhs->kind == Expr::Kind::Variable) return comparison(mirrored(e.op), *e.rhs, *e.lhs);
        return std::nullopt;
      }
      default:
        return std::nullopt;
    }
  }
};

}  // namespace

std::string branch_question(const Procedure& procedure, const Node& branch, std::string_view lang) {
  std::string out;
  for (const std::string& name : branch_variables(branch)) {
    const Node* question = question_of(procedure, name);
    if (!question) continue;
    if (!out.empty()) out += '\n';
    out += question_text(*question, lang);
  }
  return out;
}

std::string case_text(const Procedure& procedure, const Node& branch, size_t index,
                      std::string_view lang) {
  const Case& c = branch.branch().cases[index];
  if (!c.condition) return c.when;
  bool one_question = branch_variables(branch).size() == 1;
  Describer describer{procedure, lang, !one_question};
  return describer.describe(*c.condition).value_or(c.when);
}

}  // namespace procedura::flow
