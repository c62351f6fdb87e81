#include "check/replay.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "engine/answer_value.h"
#include "expr/evaluate.h"

namespace procedura {
namespace {

class Replayer {
 public:
  Replayer(const AnswerMap& answers, size_t max_steps, ReplayResult& result)
      : answers_(answers), steps_left_(max_steps), result_(result) {}

  // Runs `proc` from its start; `values` receives its variables by their local names.
  bool run(const Procedure& proc, bool root, std::map<std::string, Value, std::less<>>& values,
           int depth) {
    if (depth > 64) return fail(fmt::format("calls nest too deeply at '{}'", proc.id));
    std::set<int> asked;
    // Values change only at questions: passing a node twice with no question in between
    // means the run would loop forever.
    std::vector<int> seen_in_stretch(proc.nodes.size(), -1);
    int stretch = 0;
    int at = proc.start_index;
    const std::string prefix = root ? "" : proc.id + ".";
    while (true) {
      if (at < 0) return fail(fmt::format("'{}' has a missing or dangling next node", proc.id));
      if (steps_left_-- == 0) return fail("too many steps (a loop without a question?)");
      if (seen_in_stretch[at] == stretch) {
        return fail(fmt::format("node '{}' is reached again without a question in between (a loop)",
                                proc.nodes[at].id));
      }
      seen_in_stretch[at] = stretch;
      const Node& node = proc.nodes[at];
      collect(node.actions);
      switch (node.kind) {
        case NodeKind::Outcome:
          if (root) result_.outcome = at;
          return true;
        case NodeKind::Step:
          at = node.next_index;
          break;
        case NodeKind::Ask: {
          if (!asked.insert(at).second) {
            return fail(
                fmt::format("question '{}' would be asked again with the same answer", node.id));
          }
          std::string key = prefix + node.var;
          auto it = answers_.find(key);
          if (it == answers_.end())
            return fail(fmt::format("no answer for '{}' (question '{}')", key, node.id));
          const Value& v = it->second;
          auto next = answer(node, v);
          if (!next) return fail(fmt::format("answer {} does not fit question '{}'", key, node.id));
          values[node.var] = v;
          ++stretch;
          result_.answered.push_back({key, v});
          at = *next;
          break;
        }
        case NodeKind::Branch: {
          auto lookup = [&](std::string_view name) -> const Value* {
            auto found = values.find(name);
            return found == values.end() ? nullptr : &found->second;
          };
          int taken = -2;
          for (const Case& c : node.cases) {
            if (!c.condition)
              return fail(fmt::format("branch '{}' has an invalid condition", node.id));
            auto holds = expr::evaluate(*c.condition, lookup);
            if (!holds) return fail(fmt::format("branch '{}' reads an unset variable", node.id));
            if (*holds) {
              collect(c.actions);
              taken = c.next_index;
              break;
            }
          }
          if (taken == -2) {
            if (!node.otherwise.present())
              return fail(fmt::format("no case of branch '{}' matches", node.id));
            taken = node.otherwise_index;
          }
          at = taken;
          break;
        }
        case NodeKind::Call: {
          if (node.callee_procedure) {
            std::map<std::string, Value, std::less<>> callee_values;
            if (!run(*node.callee_procedure, false, callee_values, depth + 1)) return false;
            for (auto& [name, v] : callee_values) {
              if (name.find('.') == std::string::npos)
                values[node.callee_procedure->id + "." + name] = v;
            }
          }
          at = node.next_index;
          break;
        }
      }
    }
  }

 private:
  // The next node for an answer, or nullopt when the answer does not fit the question.
  // Whether an answer fits is the engine's rule (type, options, duplicates, min/max), so a
  // counterexample is never one the interview itself would refuse.
  std::optional<int> answer(const Node& node, const Value& v) {
    if (engine::validate_answer(node, v)) return std::nullopt;
    auto option = [&](std::string_view value) -> const Option* {
      auto it = std::find_if(node.options.begin(), node.options.end(),
                             [&](const Option& o) { return o.value == value; });
      return it == node.options.end() ? nullptr : &*it;
    };
    switch (node.type) {
      case AnswerType::YesNo: {
        if (v.type != ValueType::Boolean) return std::nullopt;
        const Option* o = option(v.boolean ? "yes" : "no");
        if (o) collect(o->actions);
        return o ? o->next_index : node.next_index;
      }
      case AnswerType::Choice: {
        const Option* o = v.type == ValueType::String ? option(v.string) : nullptr;
        if (!o) return std::nullopt;
        collect(o->actions);
        return o->next_index;
      }
      case AnswerType::Multi:
        if (v.type != ValueType::List) return std::nullopt;
        for (const std::string& s : v.list) {
          if (!option(s)) return std::nullopt;
        }
        for (const Option& o : node.options) {
          if (std::find(v.list.begin(), v.list.end(), o.value) != v.list.end()) collect(o.actions);
        }
        return node.next_index;
      case AnswerType::Number:
        if (v.type != ValueType::Number || (node.min && v.number < *node.min) ||
            (node.max && v.number > *node.max)) {
          return std::nullopt;
        }
        return node.next_index;
      case AnswerType::Text:
        if (v.type != ValueType::String) return std::nullopt;
        return node.next_index;
    }
    return std::nullopt;
  }

  void collect(const std::vector<ActionUse>& uses) {
    for (const ActionUse& use : uses) {
      const std::string& id = use.action ? use.action->id : use.ref.id;
      if (id.empty() || !seen_.insert(id).second) continue;
      result_.actions.push_back(id);
    }
  }

  bool fail(std::string message) {
    result_.error = std::move(message);
    return false;
  }

  const AnswerMap& answers_;
  size_t steps_left_;
  ReplayResult& result_;
  std::set<std::string> seen_;
};

}  // namespace

ReplayResult replay(const Procedure& procedure, const AnswerMap& answers, size_t max_steps) {
  ReplayResult result;
  std::map<std::string, Value, std::less<>> values;
  Replayer replayer(answers, max_steps, result);
  result.reached = replayer.run(procedure, true, values, 0);
  return result;
}

}  // namespace procedura
