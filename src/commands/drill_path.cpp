#include "commands/drill_path.h"

#include <set>

#include "check/sample_domains.h"
#include "engine/answer_value.h"
#include "expr/ast.h"

namespace procedura {
namespace {

// The constants every variable is compared with, across the procedure and its callees,
// keyed like the questions: `var`, or `callee-id.var` in a called procedure.
void gather_constants(const Procedure& procedure, bool root, std::set<const Procedure*>& seen,
                      ComparedConstants& out) {
  if (!seen.insert(&procedure).second) return;
  const std::string prefix = root ? "" : procedure.id + ".";
  for (const Node& node : procedure.nodes) {
    for (const Case& c : node.cases) {
      if (c.condition) collect_constants(*c.condition, prefix, out);
    }
    if (node.kind == NodeKind::Call && node.callee_procedure)
      gather_constants(*node.callee_procedure, false, seen, out);
  }
}

std::vector<Value> candidates(const Node& question, const std::string& key,
                              const ComparedConstants& constants, const std::string& any_text) {
  std::vector<Value> values;
  switch (question.type) {
    case AnswerType::YesNo:
      values = {Value::of_bool(true), Value::of_bool(false)};
      break;
    case AnswerType::Choice:
      for (const Option& o : question.options) values.push_back(Value::of_string(o.value));
      break;
    case AnswerType::Multi: {
      // Every subset while that stays small; beyond, the subsets of the first options.
      size_t n = std::min<size_t>(question.options.size(), 10);
      for (size_t mask = 0; mask < (size_t{1} << n); ++mask) {
        std::vector<std::string> chosen;
        for (size_t i = 0; i < n; ++i) {
          if (mask & (size_t{1} << i)) chosen.push_back(question.options[i].value);
        }
        values.push_back(Value::of_list(std::move(chosen)));
      }
      break;
    }
    case AnswerType::Number: {
      auto it = constants.numbers.find(key);
      values = number_samples(it == constants.numbers.end() ? std::vector<double>{} : it->second,
                              question.min, question.max);
      break;
    }
    case AnswerType::Text: {
      if (auto it = constants.strings.find(key); it != constants.strings.end()) {
        for (const std::string& s : it->second) values.push_back(Value::of_string(s));
      }
      values.push_back(Value::of_string(any_text));
      break;
    }
  }
  std::vector<Value> valid;
  for (Value& v : values) {
    if (!engine::validate_answer(question, v)) valid.push_back(std::move(v));
  }
  return valid;
}

}  // namespace

WalkResult walk_random_path(engine::Session& session, SeededRandom& random,
                            const std::string& any_text) {
  WalkResult result;
  ComparedConstants constants;
  std::set<const Procedure*> seen;
  gather_constants(session.procedure(), true, seen, constants);
  std::set<std::pair<std::string, std::string>> given;  // question key, answer as written
  while (session.state() == engine::Session::State::Question) {
    const engine::Question& question = *session.question();
    std::vector<Value> fresh;
    for (Value& v : candidates(*question.node, question.key, constants, any_text)) {
      if (!given.count({question.key, engine::value_to_text(v)})) fresh.push_back(std::move(v));
    }
    if (fresh.empty()) {
      result.end = WalkResult::End::Exhausted;
      result.node = question.node->id;
      return result;
    }
    const Value& pick = fresh[random.below(fresh.size())];
    given.insert({question.key, engine::value_to_text(pick)});
    session.answer(pick);  // valid: the candidates were checked
  }
  if (session.state() == engine::Session::State::Error) {
    result.end = WalkResult::End::Error;
    result.error = session.error();
  }
  return result;
}

}  // namespace procedura
