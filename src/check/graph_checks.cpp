#include "check/graph_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <functional>
#include <string>
#include <unordered_map>

#include "model/call_depth.h"

namespace procedura {
namespace {

// The edges between nodes other than questions: a loop among them never ends.
Adjacency edges_without_questions(const Procedure& proc) {
  std::vector<std::pair<int, int>> pairs;
  for (size_t v = 0; v < proc.nodes.size(); ++v) {
    if (proc.nodes[v].kind == NodeKind::Ask) continue;
    for (int w : successors(proc.nodes[v])) {
      if (proc.nodes[w].kind != NodeKind::Ask) pairs.push_back({static_cast<int>(v), w});
    }
  }
  return Adjacency::from_pairs(proc.nodes.size(), pairs);
}

std::string join_ids(const Procedure& proc, const std::vector<int>& path) {
  std::string out;
  for (int v : path) out += (out.empty() ? "" : " -> ") + proc.nodes[v].id;
  return out;
}

void check_unreachable(const Procedure& proc, const ProcedureFacts& facts, Diagnostics& diags) {
  if (proc.start_index < 0) return;  // without a start everything would be reported
  for (size_t v = 0; v < proc.nodes.size(); ++v) {
    if (facts.reachable[v]) continue;
    diags.report(Rule::UnreachableNode, proc.nodes[v].location,
                 fmt::format("node '{}' cannot be reached from start '{}'", proc.nodes[v].id,
                             proc.start.id));
  }
}

// Reports where a path enters a region that cannot reach an outcome (the region's other
// nodes are counted, not listed), so one mistake gives one finding.
void check_dead_ends(const Procedure& proc, const ProcedureFacts& facts, const CatalogGraph& graph,
                     Diagnostics& diags) {
  const size_t n = proc.nodes.size();
  std::vector<char> entry(n, 0);
  if (proc.start_index >= 0 && !facts.live[proc.start_index]) entry[proc.start_index] = 1;
  for (size_t v = 0; v < n; ++v) {
    if (!facts.reachable[v] || !facts.live[v]) continue;
    for (int w : successors(proc.nodes[v])) {
      if (!facts.live[w]) entry[w] = 1;
    }
  }
  for (size_t v = 0; v < n; ++v) {
    if (!entry[v]) continue;
    // The dead nodes reachable from this entry.
    std::vector<char> seen(n, 0);
    std::vector<int> work{static_cast<int>(v)};
    seen[v] = 1;
    size_t region = 0;
    while (!work.empty()) {
      int x = work.back();
      work.pop_back();
      ++region;
      for (int w : successors(proc.nodes[x])) {
        if (!seen[w]) {
          seen[w] = 1;
          work.push_back(w);
        }
      }
    }
    const Node& node = proc.nodes[v];
    std::string why;
    if (node.kind == NodeKind::Call && !graph.call_finishes(node)) {
      why = fmt::format(": the called procedure '{}' never reaches an outcome",
                        node.call().callee.id);
    } else if (region > 1) {
      why = fmt::format(" (every path from it stays among {} nodes without an outcome)", region);
    }
    diags.report(Rule::DeadEnd, node.location,
                 fmt::format("no outcome can be reached from node '{}'{}", node.id, why));
  }
}

void check_cycles(const Procedure& proc, Diagnostics& diags) {
  const Adjacency adj = edges_without_questions(proc);
  for (const auto component : strongly_connected_components(adj)) {
    if (!is_loop(component, adj)) continue;
    std::vector<char> member(proc.nodes.size(), 0);
    int first = component.front();
    for (int v : component) {
      member[v] = 1;
      first = std::min(first, v);
    }
    diags.report(Rule::Cycle, proc.nodes[first].location,
                 fmt::format("a loop without a question never ends: {}; let a question decide "
                             "whether to go round again",
                             join_ids(proc, loop_through(first, adj, member))));
  }
}

// Reports every call that leads back to its own procedure, with the chain of calls.
void check_recursion(const Catalog& catalog, const CatalogGraph& graph, Diagnostics& diags) {
  for (const Procedure* proc : catalog.runnable()) {
    if (!graph.recursive(*proc)) continue;
    for (const Node& node : proc->nodes) {
      const Procedure* callee = node.call().callee_procedure;
      if (node.kind != NodeKind::Call || !callee) continue;
      // Breadth-first through the calls from the callee back to this procedure.
      std::unordered_map<const Procedure*, const Procedure*> parent{{callee, nullptr}};
      std::deque<const Procedure*> queue{callee};
      bool back = callee == proc;
      while (!queue.empty() && !back) {
        const Procedure* p = queue.front();
        queue.pop_front();
        for (const Node& n : p->nodes) {
          const Procedure* q = n.kind == NodeKind::Call ? n.call().callee_procedure : nullptr;
          if (!q || parent.count(q)) continue;
          parent[q] = p;
          if (q == proc) {
            back = true;
            break;
          }
          queue.push_back(q);
        }
      }
      if (!back) continue;
      std::vector<std::string> chain;
      for (const Procedure* p = proc; p; p = parent.count(p) ? parent.at(p) : nullptr) {
        chain.push_back(p->id);
        if (p == callee) break;
      }
      std::string text = proc->id;
      for (auto it = chain.rbegin(); it != chain.rend(); ++it) text += " -> " + *it;
      diags.report(
          Rule::RecursiveCall, node.location,
          fmt::format("procedure '{}' calls itself: {}; calls may not recurse", proc->id, text));
    }
  }
}

const Procedure* chainable_callee(const Node& node, const Procedure& caller,
                                  const CatalogGraph& graph) {
  const Procedure* callee = node.kind == NodeKind::Call ? node.call().callee_procedure : nullptr;
  if (!callee || callee == &caller || graph.recursive(*callee)) return nullptr;
  return callee;
}

// The longest chain of procedures active at once when `root` runs first (itself included),
// for it and every procedure it reaches; recursive callees are left out (recursive-call).
// Iterative: a hostile file may chain thousands of calls.
void call_chain_lengths(const Procedure* root, const CatalogGraph& graph,
                        std::unordered_map<const Procedure*, size_t>& memo) {
  std::vector<std::pair<const Procedure*, size_t>> stack{{root, 0}};
  while (!stack.empty()) {
    const Procedure* p = stack.back().first;
    if (memo.count(p)) {
      stack.pop_back();
      continue;
    }
    const Procedure* pending = nullptr;
    while (stack.back().second < p->nodes.size() && !pending) {
      const Procedure* callee = chainable_callee(p->nodes[stack.back().second++], *p, graph);
      if (callee && !memo.count(callee)) pending = callee;
    }
    if (pending) {
      stack.push_back({pending, 0});
      continue;
    }
    size_t longest = 0;
    for (const Node& node : p->nodes) {
      if (const Procedure* callee = chainable_callee(node, *p, graph))
        longest = std::max(longest, memo[callee]);
    }
    memo[p] = longest + 1;
    stack.pop_back();
  }
}

// The call of `proc` that starts its longest chain, or null when it calls nothing.
const Node* deepest_call(const Procedure& proc, const CatalogGraph& graph,
                         std::unordered_map<const Procedure*, size_t>& memo) {
  const Node* deepest = nullptr;
  for (const Node& node : proc.nodes) {
    const Procedure* callee = chainable_callee(node, proc, graph);
    if (callee && (!deepest || memo[callee] > memo[deepest->call().callee_procedure]))
      deepest = &node;
  }
  return deepest;
}

// A run stops at a call nested deeper than the limit: report every procedure whose run would,
// at its call that starts the longest chain.
void check_call_depth(const Catalog& catalog, const CatalogGraph& graph, Diagnostics& diags) {
  const size_t limit = kMaxCallDepth;
  std::unordered_map<const Procedure*, size_t> memo;
  for (const Procedure* proc : catalog.runnable()) {
    if (graph.recursive(*proc)) continue;
    call_chain_lengths(proc, graph, memo);
    if (memo[proc] <= limit) continue;
    const Node* call = deepest_call(*proc, graph, memo);
    std::vector<std::string> chain{proc->id};
    for (const Node* n = call; n; n = deepest_call(*n->call().callee_procedure, graph, memo))
      chain.push_back(n->call().callee_procedure->id);
    diags.report(Rule::LimitExceeded, call->location,
                 fmt::format("calls nested {} procedures deep ({}); a run allows at most {} at "
                             "once",
                             chain.size(), fmt::join(chain, " -> "), limit));
  }
}

}  // namespace

void check_graph(Catalog& catalog, const CatalogGraph& graph) {
  for (const Procedure* proc : catalog.runnable()) {
    const ProcedureFacts& facts = graph.facts(*proc);
    check_unreachable(*proc, facts, catalog.diagnostics);
    if (proc->start_index >= 0) check_dead_ends(*proc, facts, graph, catalog.diagnostics);
    check_cycles(*proc, catalog.diagnostics);
  }
  check_recursion(catalog, graph, catalog.diagnostics);
  check_call_depth(catalog, graph, catalog.diagnostics);
}

}  // namespace procedura
