#include "check/sample_domains.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <set>

#include "engine/answer_value.h"
#include "expr/evaluate.h"

namespace procedura {
namespace {

void add_literal(ComparedConstants& out, const std::string& var, const Value& v) {
  if (v.type == ValueType::Number) out.numbers[var].push_back(v.number);
  if (v.type == ValueType::String) out.strings[var].insert(v.string);
}

void collect(const expr::Expr& e, const std::string& prefix, ComparedConstants& out) {
  using Kind = expr::Expr::Kind;
  if (e.kind == Kind::Binary && e.op != expr::Op::And && e.op != expr::Op::Or) {
    const expr::Expr& l = *e.lhs;
    const expr::Expr& r = *e.rhs;
    if (l.kind == Kind::Variable && r.kind == Kind::Variable) out.decidable = false;
    const expr::Expr* var = l.kind == Kind::Variable ? &l : r.kind == Kind::Variable ? &r : nullptr;
    const expr::Expr* other = var == &l ? &r : &l;
    if (!var) return;
    std::string name = var->name().find('.') == std::string_view::npos
                           ? prefix + std::string(var->name())
                           : std::string(var->name());
    if (other->kind == Kind::Literal) add_literal(out, name, other->literal());
    if (other->kind == Kind::List) {
      for (const Value& item : other->items()) add_literal(out, name, item);
    }
    return;
  }
  if (e.lhs) collect(*e.lhs, prefix, out);
  if (e.rhs) collect(*e.rhs, prefix, out);
}

bool is_whole(double x) {
  return std::floor(x) == x;
}

}  // namespace

void collect_constants(const expr::Expr& expression, const std::string& prefix,
                       ComparedConstants& out) {
  collect(expression, prefix, out);
}

std::vector<Value> number_samples(const std::vector<double>& constants, std::optional<double> min,
                                  std::optional<double> max) {
  std::vector<double> points;
  for (double c : constants) {
    if ((!min || c >= *min) && (!max || c <= *max)) points.push_back(c);
  }
  if (min) points.push_back(*min);
  if (max) points.push_back(*max);
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  std::vector<double> samples = points;
  if (points.empty()) samples.push_back(0);
  for (size_t i = 0; i + 1 < points.size(); ++i) {
    // A whole number strictly between neighbours reads better than a midpoint.
    double low = points[i], high = points[i + 1];
    double whole = std::floor(low) + 1;
    samples.push_back(whole < high ? whole : (low + high) / 2);
  }
  if (!points.empty() && !min) samples.push_back(std::floor(points.front()) - 1);
  if (!points.empty() && !max) samples.push_back(std::floor(points.back()) + 1);
  // Whole numbers first, so a reported gap names the plainest value in it.
  std::stable_sort(samples.begin(), samples.end(), [](double a, double b) {
    if (is_whole(a) != is_whole(b)) return is_whole(a);
    return a < b;
  });
  samples.erase(std::unique(samples.begin(), samples.end()), samples.end());
  std::vector<Value> out;
  for (double s : samples) out.push_back(Value::of_number(s));
  return out;
}

namespace {
// The range a number variable can take over every question that sets it: a bound only
// where every one of them has it.
std::pair<std::optional<double>, std::optional<double>> shared_range(
    const std::vector<const Node*>& questions) {
  std::optional<double> lowest = questions.front()->ask().min,
                        highest = questions.front()->ask().max;
  for (const Node* q : questions) {
    lowest =
        lowest && q->ask().min ? std::optional(std::min(*lowest, *q->ask().min)) : std::nullopt;
    highest =
        highest && q->ask().max ? std::optional(std::max(*highest, *q->ask().max)) : std::nullopt;
  }
  return {lowest, highest};
}
}  // namespace

std::optional<std::vector<SampleDomain>> sample_domains(
    const std::vector<const expr::Expr*>& expressions, const VariableTable& table,
    size_t max_multi_options) {
  ComparedConstants constants;
  std::vector<std::string> names;
  for (const expr::Expr* e : expressions) {
    collect(*e, "", constants);
    for (std::string& name : expr::variables_read(*e)) {
      if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(std::move(name));
    }
  }
  if (!constants.decidable) return std::nullopt;
  std::vector<SampleDomain> out;
  for (const std::string& name : names) {
    auto it = table.find(name);
    if (it == table.end() || !it->second.question) return std::nullopt;
    const VariableDefinition& variable = it->second;
    // Questions sharing a `var` pool their options (variable_table) and their ranges.
    const std::vector<std::string>& options = variable.info.domain;
    AnswerType type = variable.question->ask().type;
    if (type == AnswerType::Choice && options.empty()) type = AnswerType::Text;
    SampleDomain d{name, {}};
    switch (type) {
      case AnswerType::YesNo:
        d.values = {Value::of_bool(true), Value::of_bool(false)};
        break;
      case AnswerType::Choice:
        for (const std::string& o : options) d.values.push_back(Value::of_string(o));
        break;
      case AnswerType::Multi: {
        if (options.size() > max_multi_options) return std::nullopt;
        for (size_t subset = 0; subset < (size_t{1} << options.size()); ++subset) {
          std::vector<std::string> chosen;
          for (size_t i = 0; i < options.size(); ++i) {
            if (subset & (size_t{1} << i)) chosen.push_back(options[i]);
          }
          d.values.push_back(Value::of_list(std::move(chosen)));
        }
        break;
      }
      case AnswerType::Number: {
        auto [lowest, highest] = shared_range(variable.questions);
        d.values = number_samples(constants.numbers[name], lowest, highest);
        break;
      }
      case AnswerType::Text: {
        const auto& strings = constants.strings[name];
        for (const std::string& s : strings) d.values.push_back(Value::of_string(s));
        std::string other = "other text";
        while (strings.count(other)) other += "!";
        d.values.push_back(Value::of_string(other));
        break;
      }
    }
    if (d.values.empty()) return std::nullopt;
    out.push_back(std::move(d));
  }
  return out;
}

std::string answer_text(const Value& value) {
  std::string text = engine::value_to_text(value);
  return value.type == ValueType::List ? "[" + text + "]" : text;
}

bool for_each_combination(const std::vector<SampleDomain>& domains, size_t limit,
                          const std::function<void(const std::vector<const Value*>&)>& visit) {
  size_t total = 1;
  for (const SampleDomain& d : domains) {
    if (d.values.empty()) return false;
    total *= d.values.size();
    if (total > limit) return false;
  }
  std::vector<size_t> digit(domains.size(), 0);
  std::vector<const Value*> current(domains.size());
  for (size_t k = 0; k < total; ++k) {
    for (size_t i = 0; i < domains.size(); ++i) current[i] = &domains[i].values[digit[i]];
    visit(current);
    for (size_t i = domains.size(); i-- > 0;) {
      if (++digit[i] < domains[i].values.size()) break;
      digit[i] = 0;
    }
  }
  return true;
}

}  // namespace procedura
