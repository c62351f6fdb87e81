#include "load/variables.h"

#include <algorithm>
#include <unordered_set>
#include <vector>

namespace procedura {

expr::VariableInfo variable_info(const Node& question) {
  expr::VariableInfo info;
  switch (question.ask().type) {
    case AnswerType::YesNo:
      info.type = ValueType::Boolean;
      break;
    case AnswerType::Number:
      info.type = ValueType::Number;
      break;
    case AnswerType::Text:
    case AnswerType::Choice:
      info.type = ValueType::String;
      break;
    case AnswerType::Multi:
      info.type = ValueType::List;
      info.is_multi = true;
      break;
  }
  if (question.ask().type == AnswerType::Choice || question.ask().type == AnswerType::Multi) {
    for (const Option& o : question.ask().options) info.domain.push_back(o.value);
  }
  return info;
}

namespace {
// Two questions may share a `var` (of one type): the variable can hold an option of either,
// so its domain is the union of their options, first question's first (unknown when one of
// them is a text question).
void add_own(VariableTable& table, const Procedure& proc, const std::string& prefix) {
  for (const Node& node : proc.nodes) {
    if (node.kind != NodeKind::Ask || node.ask().var.empty()) continue;
    const expr::VariableInfo other = variable_info(node);
    auto [it, added] =
        table.emplace(prefix + node.ask().var, VariableDefinition{other, &node, &proc, {}});
    it->second.questions.push_back(&node);
    if (added || it->second.info.type != other.type) continue;
    std::vector<std::string>& domain = it->second.info.domain;
    if (domain.empty() || other.domain.empty()) {
      domain.clear();  // a text question shares it: any string, the domain is unknown
      continue;
    }
    for (const std::string& value : other.domain)
      if (std::find(domain.begin(), domain.end(), value) == domain.end()) domain.push_back(value);
  }
}
}  // namespace

VariableTable variable_table(const Procedure& procedure) {
  VariableTable table;
  add_own(table, procedure, "");
  // Every procedure reachable through calls, nested ones too: a called procedure's
  // questions are named `its-id.var` however deep the call.
  std::vector<const Procedure*> work{&procedure};
  std::unordered_set<const Procedure*> seen{&procedure};
  while (!work.empty()) {
    const Procedure* p = work.back();
    work.pop_back();
    for (const Node& node : p->nodes) {
      if (node.kind != NodeKind::Call || !node.call().callee_procedure) continue;
      if (!seen.insert(node.call().callee_procedure).second) continue;
      add_own(table, *node.call().callee_procedure, node.call().callee_procedure->id + ".");
      work.push_back(node.call().callee_procedure);
    }
  }
  return table;
}

}  // namespace procedura
