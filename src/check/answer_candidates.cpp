#include "check/answer_candidates.h"

#include "engine/answer_value.h"

namespace procedura {
namespace {

void gather_constants(const Procedure& procedure, bool root, std::set<const Procedure*>& seen,
                      ComparedConstants& out) {
  if (!seen.insert(&procedure).second) return;
  const std::string prefix = root ? "" : procedure.id + ".";
  for (const Node& node : procedure.nodes) {
    for (const Case& c : node.branch().cases) {
      if (c.condition) collect_constants(*c.condition, prefix, out);
    }
    if (node.kind == NodeKind::Call && node.call().callee_procedure)
      gather_constants(*node.call().callee_procedure, false, seen, out);
  }
}

std::vector<Value> multi_candidates(const Node& question, size_t all_subsets_up_to) {
  const size_t n = question.ask().options.size();
  auto subset = [&](auto pick) {
    std::vector<std::string> chosen;
    for (size_t i = 0; i < n; ++i) {
      if (pick(i)) chosen.push_back(question.ask().options[i].value);
    }
    return Value::of_list(std::move(chosen));
  };
  std::vector<Value> out;
  if (n <= all_subsets_up_to) {
    for (size_t bits = 0; bits < (size_t{1} << n); ++bits)
      out.push_back(subset([&](size_t i) { return (bits >> i) & 1; }));
    return out;
  }
  out.push_back(subset([](size_t) { return false; }));
  for (size_t j = 0; j < n; ++j) out.push_back(subset([&](size_t i) { return i == j; }));
  out.push_back(subset([](size_t) { return true; }));
  return out;
}

}  // namespace

ComparedConstants constants_by_answer_key(const Procedure& procedure) {
  ComparedConstants out;
  std::set<const Procedure*> seen;
  gather_constants(procedure, true, seen, out);
  return out;
}

std::vector<Value> answer_candidates(const Node& question, const std::string& key,
                                     const ComparedConstants& constants,
                                     const CandidateLimits& limits) {
  std::vector<Value> values;
  switch (question.ask().type) {
    case AnswerType::YesNo:
      values = {Value::of_bool(true), Value::of_bool(false)};
      break;
    case AnswerType::Choice:
      for (const Option& o : question.ask().options) values.push_back(Value::of_string(o.value));
      break;
    case AnswerType::Multi:
      values = multi_candidates(question, limits.all_subsets_up_to);
      break;
    case AnswerType::Number: {
      auto it = constants.numbers.find(key);
      values = number_samples(it == constants.numbers.end() ? std::vector<double>{} : it->second,
                              question.ask().min, question.ask().max);
      break;
    }
    case AnswerType::Text: {
      static const std::set<std::string> none;
      auto it = constants.strings.find(key);
      const std::set<std::string>& compared = it == constants.strings.end() ? none : it->second;
      for (const std::string& s : compared) values.push_back(Value::of_string(s));
      std::string other = limits.other_text;
      while (compared.count(other)) other += "!";
      values.push_back(Value::of_string(other));
      break;
    }
  }
  std::vector<Value> accepted;
  for (Value& v : values) {
    if (!engine::validate_answer(question, v)) accepted.push_back(std::move(v));
  }
  return accepted;
}

}  // namespace procedura
