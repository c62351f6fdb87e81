#include "commands/test/test_coverage.h"

#include <fmt/format.h>

#include <algorithm>

#include "commands/paths/path_walk.h"

namespace procedura {

void Coverage::record(const engine::Session& session) {
  procedures_.insert(&session.procedure());
  for (const WalkStep& step : walk_path(session)) {
    if (step.procedure) procedures_.insert(step.procedure);
    nodes_.insert(step.node);
    for (size_t edge : step.edges) edges_.insert({step.node, edge});
    uses_.insert(step.uses.begin(), step.uses.end());
  }
  // Reached but not passed: the question a run stopped at, the node it failed at.
  if (const engine::Question* q = session.question()) {
    nodes_.insert(q->node);
    procedures_.insert(q->place.procedure);
  }
  if (session.state() == engine::Session::State::Error && session.error_place().node) {
    nodes_.insert(session.error_place().node);
    procedures_.insert(session.error_place().procedure);
  }
}

namespace {

std::string node_description(const Node& node) {
  switch (node.kind) {
    case NodeKind::Ask:
      return fmt::format("question '{}'", node.id);
    case NodeKind::Step:
      return fmt::format("step '{}'", node.id);
    case NodeKind::Branch:
      return fmt::format("branch '{}'", node.id);
    case NodeKind::Call:
      return fmt::format("call '{}'", node.id);
    case NodeKind::Outcome:
      return fmt::format("outcome '{}'", node.id);
  }
  return node.id;
}

}  // namespace

ProcedureCoverage Coverage::of(const Procedure& procedure) const {
  ProcedureCoverage out;
  out.procedure = &procedure;
  auto uses_of = [&](const ActionUses& uses, const std::string& where) {
    for (const ActionUse& use : uses) {
      ++out.actions.total;
      if (uses_.count(&use)) {
        ++out.actions.reached;
        continue;
      }
      std::string what =
          use.ref.present() ? fmt::format("action '{}'", use.ref.id) : "inline action";
      out.unreached.push_back({"action", fmt::format("{} of {}", what, where), use.location});
    }
  };
  for (const Node& node : procedure.nodes) {
    bool reached = nodes_.count(&node) > 0;
    ++out.nodes.total;
    if (reached) ++out.nodes.reached;
    if (node.kind == NodeKind::Outcome) {
      ++out.outcomes.total;
      if (reached) ++out.outcomes.reached;
    }
    std::string name = node_description(node);
    if (!reached) {
      out.unreached.push_back(
          {node.kind == NodeKind::Outcome ? "outcome" : "node", name, node.location});
    }
    std::vector<NodeEdge> edges = node_out_edges(node);
    for (size_t i = 0; i < edges.size(); ++i) {
      ++out.options.total;
      if (edges_.count({&node, i})) {
        ++out.options.reached;
      } else if (reached) {
        // An unreached node's edges go without saying.
        out.unreached.push_back(
            {"option", fmt::format("{} of {}", edges[i].label, name), edges[i].location});
      }
    }
    uses_of(node.actions, name);
    for (const Option& o : node.ask().options) {
      uses_of(o.actions, fmt::format("option '{}' of {}", o.value, name));
    }
    for (size_t i = 0; i < node.branch().cases.size(); ++i) {
      uses_of(node.branch().cases[i].actions, fmt::format("case {} of {}", i + 1, name));
    }
  }
  std::stable_sort(out.unreached.begin(), out.unreached.end(), [](const auto& a, const auto& b) {
    return std::pair(a.location.line, a.location.column) <
           std::pair(b.location.line, b.location.column);
  });
  return out;
}

}  // namespace procedura
