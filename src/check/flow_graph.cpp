#include "check/flow_graph.h"

#include <algorithm>
#include <deque>
#include <ranges>
#include <string_view>

namespace procedura {

namespace {

// Calls `visit` with every edge leaving `node`, in the order node_edges() documents. Both
// node_edges() and successors() are built on it, so successors() allocates only its result:
// the checks ask for them node by node, pass after pass.
template <class Visit>
void for_each_edge(const Node& node, Visit&& visit) {
  switch (node.kind) {
    case NodeKind::Ask:
      if (node.ask().type == AnswerType::YesNo) {
        for (bool yes : {true, false}) {
          std::string_view value = yes ? "yes" : "no";
          auto it = std::find_if(node.ask().options.begin(), node.ask().options.end(),
                                 [&](const Option& o) { return o.value == value; });
          Edge e;
          e.yes = yes;
          if (it != node.ask().options.end()) {
            e.option = &*it;
            e.target = it->next_index;
          } else {
            e.target = node.next_index;
          }
          visit(e);
        }
      } else if (node.ask().type == AnswerType::Choice) {
        for (const Option& o : node.ask().options)
          visit(Edge{o.next_index, &o, nullptr, false, false});
      } else {
        visit(Edge{node.next_index});
      }
      break;
    case NodeKind::Step:
    case NodeKind::Call:
      visit(Edge{node.next_index});
      break;
    case NodeKind::Branch:
      for (const Case& c : node.branch().cases)
        visit(Edge{c.next_index, nullptr, &c, false, false});
      if (node.branch().otherwise.present())
        visit(Edge{node.branch().otherwise_index, nullptr, nullptr, false, true});
      break;
    case NodeKind::Outcome:
      break;
  }
}

}  // namespace

std::vector<Edge> node_edges(const Node& node) {
  std::vector<Edge> out;
  for_each_edge(node, [&](const Edge& e) { out.push_back(e); });
  return out;
}

std::vector<int> successors(const Node& node) {
  std::vector<int> out;
  out.reserve(4);  // one allocation for nearly every node
  for_each_edge(node, [&](const Edge& e) {
    if (e.target >= 0 && std::find(out.begin(), out.end(), e.target) == out.end())
      out.push_back(e.target);
  });
  return out;
}

Adjacency Adjacency::from_pairs(size_t count, const std::vector<std::pair<int, int>>& pairs) {
  Adjacency out;
  out.begin_.assign(count + 1, 0);
  for (const auto& [from, to] : pairs) ++out.begin_[static_cast<size_t>(from) + 1];
  for (size_t v = 0; v < count; ++v) out.begin_[v + 1] += out.begin_[v];
  out.targets_.resize(pairs.size());
  std::vector<int> next(out.begin_.begin(), out.begin_.end() - 1);
  for (const auto& [from, to] : pairs) out.targets_[next[from]++] = to;
  return out;
}

Adjacency Adjacency::reversed() const {
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(targets_.size());
  for (size_t v = 0; v < size(); ++v)
    for (int w : (*this)[v]) pairs.push_back({w, static_cast<int>(v)});
  return from_pairs(size(), pairs);
}

Adjacency successor_lists(const Procedure& procedure) {
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(procedure.nodes.size() * 2);
  for (size_t v = 0; v < procedure.nodes.size(); ++v) {
    const size_t first = pairs.size();
    for_each_edge(procedure.nodes[v], [&](const Edge& e) {
      if (e.target < 0) return;
      for (size_t i = first; i < pairs.size(); ++i)
        if (pairs[i].second == e.target) return;
      pairs.push_back({static_cast<int>(v), e.target});
    });
  }
  return Adjacency::from_pairs(procedure.nodes.size(), pairs);
}

Components strongly_connected_components(const Adjacency& adjacency) {
  const int n = static_cast<int>(adjacency.size());
  std::vector<int> index(n, -1), low(n, 0);
  std::vector<char> on_stack(n, 0);
  std::vector<int> stack;
  Components components;
  int counter = 0;
  // Explicit call stack of (node, next edge position).
  std::vector<std::pair<int, size_t>> calls;
  for (int root = 0; root < n; ++root) {
    if (index[root] >= 0) continue;
    calls.push_back({root, 0});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    on_stack[root] = 1;
    while (!calls.empty()) {
      auto& [v, pos] = calls.back();
      if (pos < adjacency[v].size()) {
        int w = adjacency[v][pos++];
        if (w < 0 || w >= n) continue;
        if (index[w] < 0) {
          index[w] = low[w] = counter++;
          stack.push_back(w);
          on_stack[w] = 1;
          calls.push_back({w, 0});
        } else if (on_stack[w]) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      int finished = v;
      calls.pop_back();
      if (!calls.empty())
        low[calls.back().first] = std::min(low[calls.back().first], low[finished]);
      if (low[finished] == index[finished]) {
        // The component is the top of the stack down to `finished`, listed top first.
        auto bottom = std::find(stack.rbegin(), stack.rend(), finished).base() - 1;
        for (auto it = bottom; it != stack.end(); ++it) on_stack[*it] = 0;
        components.add(std::ranges::reverse_view(std::ranges::subrange(bottom, stack.end())));
        stack.erase(bottom, stack.end());
      }
    }
  }
  return components;
}

bool is_loop(std::span<const int> component, const Adjacency& adjacency) {
  if (component.size() > 1) return true;
  const auto out = adjacency[component.front()];
  return std::find(out.begin(), out.end(), component.front()) != out.end();
}

std::vector<int> loop_through(int from, const Adjacency& adjacency,
                              const std::vector<char>& member) {
  std::vector<int> parent(adjacency.size(), -2);
  std::deque<int> queue{from};
  int last = -1;
  while (!queue.empty() && last < 0) {
    int v = queue.front();
    queue.pop_front();
    for (int w : adjacency[v]) {
      if (w < 0 || !member[w]) continue;
      if (w == from) {
        last = v;
        break;
      }
      if (parent[w] != -2) continue;
      parent[w] = v;
      queue.push_back(w);
    }
  }
  std::vector<int> path{from};
  for (int v = last; v >= 0 && v != from; v = parent[v]) path.push_back(v);
  path.push_back(from);
  std::reverse(path.begin() + 1, path.end() - 1);
  return path;
}

CatalogGraph::CatalogGraph(const Catalog& catalog) {
  std::vector<const Procedure*> procs = catalog.runnable();
  std::unordered_map<const Procedure*, int> id;
  for (size_t i = 0; i < procs.size(); ++i) id[procs[i]] = static_cast<int>(i);
  std::vector<std::pair<int, int>> call_pairs;
  for (size_t i = 0; i < procs.size(); ++i) {
    for (const Node& node : procs[i]->nodes) {
      if (node.kind != NodeKind::Call || !node.call().callee_procedure) continue;
      auto it = id.find(node.call().callee_procedure);
      if (it != id.end()) call_pairs.push_back({static_cast<int>(i), it->second});
    }
  }
  const Adjacency calls = Adjacency::from_pairs(procs.size(), call_pairs);
  for (const auto component : strongly_connected_components(calls)) {
    bool loop = is_loop(component, calls);
    for (int member : component) {
      order_.push_back(procs[member]);
      if (loop) recursive_[procs[member]] = 1;
    }
  }
  // Callees come first, so their `finishes` is known when a caller is analysed.
  for (const Procedure* proc : order_) facts_[proc] = analyze(*proc);
}

bool CatalogGraph::call_finishes(const Node& call) const {
  const Procedure* callee = call.call().callee_procedure;
  if (!callee || recursive(*callee)) return true;
  auto it = facts_.find(callee);
  return it == facts_.end() || it->second.finishes;
}

ProcedureFacts CatalogGraph::analyze(const Procedure& proc) const {
  const size_t n = proc.nodes.size();
  ProcedureFacts facts;
  facts.reachable.assign(n, 0);
  facts.live.assign(n, 0);
  const Adjacency successors_of = successor_lists(proc);
  const Adjacency predecessors = successors_of.reversed();
  if (proc.start_index >= 0) {
    std::vector<int> work{proc.start_index};
    facts.reachable[proc.start_index] = 1;
    while (!work.empty()) {
      int v = work.back();
      work.pop_back();
      for (int w : successors_of[v]) {
        if (!facts.reachable[w]) {
          facts.reachable[w] = 1;
          work.push_back(w);
        }
      }
    }
  }
  // Backwards from the outcomes. A node with a missing or dangling target counts as live:
  // that problem is already reported and a dead-end on top would only repeat it.
  std::vector<int> work;
  for (size_t v = 0; v < n; ++v) {
    const Node& node = proc.nodes[v];
    bool seed = node.kind == NodeKind::Outcome;
    for (const Edge& e : node_edges(node)) seed = seed || e.target < 0;
    if (node.kind == NodeKind::Call && !call_finishes(node)) seed = false;
    if (seed) {
      facts.live[v] = 1;
      work.push_back(static_cast<int>(v));
    }
  }
  while (!work.empty()) {
    int w = work.back();
    work.pop_back();
    for (int v : predecessors[w]) {
      if (facts.live[v]) continue;
      const Node& node = proc.nodes[v];
      if (node.kind == NodeKind::Call && !call_finishes(node)) continue;
      facts.live[v] = 1;
      work.push_back(v);
    }
  }
  facts.finishes = proc.start_index < 0 || facts.live[proc.start_index];
  return facts;
}

}  // namespace procedura
