#include "commands/paths/path_walk.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/answer_value.h"
#include "model/source_file.h"

namespace procedura {

std::vector<NodeEdge> node_out_edges(const Node& node) {
  std::vector<NodeEdge> out;
  auto next_location = [&] { return node.next.present() ? node.next.location : node.location; };
  switch (node.kind) {
    case NodeKind::Ask:
      if (node.ask().type == AnswerType::YesNo) {
        for (std::string_view value : {"yes", "no"}) {
          auto it = std::find_if(node.ask().options.begin(), node.ask().options.end(),
                                 [&](const Option& o) { return o.value == value; });
          out.push_back({fmt::format("answer '{}'", value),
                         it != node.ask().options.end() ? it->location : next_location()});
        }
      } else if (node.ask().type == AnswerType::Choice || node.ask().type == AnswerType::Multi) {
        for (const Option& o : node.ask().options)
          out.push_back({fmt::format("option '{}'", o.value), o.location});
      } else {
        out.push_back({"next", next_location()});
      }
      break;
    case NodeKind::Step:
    case NodeKind::Call:
      out.push_back({"next", next_location()});
      break;
    case NodeKind::Branch:
      for (size_t i = 0; i < node.branch().cases.size(); ++i) {
        out.push_back({fmt::format("case {} ({})", i + 1, node.branch().cases[i].when),
                       node.branch().cases[i].location});
      }
      if (node.branch().otherwise.present())
        out.push_back({"otherwise", node.branch().otherwise.location});
      break;
    case NodeKind::Outcome:
      break;
  }
  return out;
}

namespace {

void add_uses(std::vector<const ActionUse*>& into, const ActionUses& uses) {
  for (const ActionUse& use : uses) into.push_back(&use);
}

// The answer step of a question: which edges the answer took and which option actions it
// passed, as Session::answer collects them.
void answer_edges(WalkStep& step) {
  const Node& node = *step.node;
  const Value& value = step.answer->value;
  add_uses(step.uses, node.actions);
  if (node.ask().type == AnswerType::YesNo) {
    step.edges.push_back(value.boolean ? 0 : 1);
  } else if (node.ask().type == AnswerType::Choice || node.ask().type == AnswerType::Multi) {
    for (size_t i = 0; i < node.ask().options.size(); ++i) {
      const Option& o = node.ask().options[i];
      bool chosen =
          node.ask().type == AnswerType::Choice
              ? value.string == o.value
              : std::find(value.list.begin(), value.list.end(), o.value) != value.list.end();
      if (!chosen) continue;
      step.edges.push_back(i);
      add_uses(step.uses, o.actions);
    }
    return;
  } else {
    step.edges.push_back(0);
    return;
  }
  if (const Option* o = engine::chosen_option(node, value)) add_uses(step.uses, o->actions);
}

}  // namespace

std::vector<WalkStep> walk_path(const engine::Session& session) {
  using Edge = engine::PathStep::Edge;
  std::vector<WalkStep> out;
  size_t next_answer = 0;
  for (const engine::PathStep& move : session.path()) {
    WalkStep step;
    step.procedure = move.place.procedure;
    step.node = move.place.node;
    step.calls = move.place.calls;
    const Node& node = *step.node;
    switch (node.kind) {
      case NodeKind::Ask:
        if (next_answer < session.answers().size()) {
          step.answer = &session.answers()[next_answer++];
          answer_edges(step);
        }
        break;
      case NodeKind::Step:
        add_uses(step.uses, node.actions);
        step.edges.push_back(0);
        break;
      case NodeKind::Branch:
        add_uses(step.uses, node.actions);
        if (move.edge == Edge::Case) {
          size_t index = std::stoul(move.detail);
          add_uses(step.uses, node.branch().cases[index].actions);
          step.edges.push_back(index);
          step.branch = node.branch().cases[index].when;
        } else {
          step.edges.push_back(node.branch().cases.size());
          step.branch = "otherwise";
        }
        break;
      case NodeKind::Call:
        add_uses(step.uses, node.actions);
        break;
      case NodeKind::Outcome:
        add_uses(step.uses, node.actions);
        break;
    }
    out.push_back(std::move(step));
    if (move.edge == Edge::Return && !move.place.calls.empty()) {
      // Back in the caller: the call node's `next` is taken.
      WalkStep back;
      back.node = move.place.calls.back();
      back.calls.assign(move.place.calls.begin(), move.place.calls.end() - 1);
      back.procedure =
          back.calls.empty() ? &session.procedure() : back.calls.back()->call().callee_procedure;
      back.edges.push_back(0);
      back.call_return = true;
      out.push_back(std::move(back));
    }
  }
  return out;
}

std::string qualified_node(const WalkStep& step) {
  if (step.calls.empty() || !step.procedure) return step.node->id;
  return step.procedure->id + "." + step.node->id;
}

}  // namespace procedura
