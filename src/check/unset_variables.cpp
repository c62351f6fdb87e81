// "Definitely set" without per-node bit sets (which grow with nodes x variables): a variable
// is set on every path from start to a node exactly when the nodes that set it cut the node
// off from start. With one setter (the usual case) that is dominance, answered in O(1) from
// the dominator tree; with several, one search from start that avoids the setters. Loops
// need no special care: dominance is about all paths, cyclic or not. A call sets
// `callee.var` when the callee's setters of `var` cut off every outcome it can reach.
#include "check/unset_variables.h"

#include <fmt/format.h>

#include <algorithm>
#include <deque>
#include <map>
#include <set>
#include <string>

#include "expr/ast.h"
#include "load/scalar_position.h"

namespace procedura {
namespace {

// `var == literal` (or a yes/no `var`, `not var`): what must hold for the right side of an
// `and` to be evaluated at all, since `and` does not evaluate its right side when its left
// one is false.
struct Guard {
  std::string var;
  Value value;
};

// A variable read by a case: where, and under which guards.
struct Read {
  std::string name;
  size_t offset = 0;
  std::vector<Guard> guards;
};

void equalities(const expr::Expr& e, std::vector<Guard>& out) {
  using expr::Expr;
  // A yes/no variable alone is `var == true`, and `not var` is `var == false`.
  if (e.kind == Expr::Kind::Variable && e.type == ValueType::Boolean) {
    out.push_back({std::string(e.name()), Value::of_bool(true)});
    return;
  }
  if (e.kind == Expr::Kind::Not && e.lhs && e.lhs->kind == Expr::Kind::Variable &&
      e.lhs->type == ValueType::Boolean) {
    out.push_back({std::string(e.lhs->name()), Value::of_bool(false)});
    return;
  }
  if (e.kind != Expr::Kind::Binary || !e.lhs || !e.rhs) return;
  if (e.op == expr::Op::And) {
    equalities(*e.lhs, out);
    equalities(*e.rhs, out);
    return;
  }
  if (e.op != expr::Op::Eq) return;
  const Expr* var = e.lhs;
  const Expr* literal = e.rhs;
  if (var->kind != Expr::Kind::Variable) std::swap(var, literal);
  if (var->kind == Expr::Kind::Variable && literal->kind == Expr::Kind::Literal)
    out.push_back({std::string(var->name()), literal->literal()});
}

void collect_reads(const expr::Expr& e, const std::vector<Guard>& guards, std::vector<Read>& out) {
  if (e.kind == expr::Expr::Kind::Variable)
    out.push_back({std::string(e.name()), e.offset, guards});
  if (e.lhs) collect_reads(*e.lhs, guards, out);
  if (!e.rhs) return;
  if (e.kind == expr::Expr::Kind::Binary && e.op == expr::Op::And) {
    std::vector<Guard> inner = guards;
    equalities(*e.lhs, inner);
    collect_reads(*e.rhs, inner, out);
  } else {
    collect_reads(*e.rhs, guards, out);
  }
}

// Every read of a case in source order, each with the guards it is evaluated under.
std::vector<Read> guarded_reads_of(const Case& c) {
  std::vector<Read> out;
  if (c.condition) collect_reads(*c.condition, {}, out);
  return out;
}

// Does the answer on this edge of a question contradict `guard`? A yes_no answer is
// `true`/`false` in expressions and "yes"/"no" as an option's value.
bool contradicts(const Edge& edge, const Guard& guard) {
  const bool boolean = guard.value.type == ValueType::Boolean;
  if (edge.option) {
    if (boolean) return edge.option->value != (guard.value.boolean ? "yes" : "no");
    return guard.value.type == ValueType::String && edge.option->value != guard.value.string;
  }
  return boolean && !edge.branch_case && !edge.otherwise && edge.yes != guard.value.boolean;
}

// The dominator tree of the nodes reachable from start (Cooper, Harvey and Kennedy's
// iterative algorithm over reverse postorder), with DFS intervals for O(1) queries.
class Dominators {
 public:
  Dominators(const Procedure& proc, const Adjacency& succ, const Adjacency& predecessors) {
    const int n = static_cast<int>(proc.nodes.size());
    order_.assign(n, -1);
    std::vector<int> rpo;
    {
      std::vector<std::pair<int, size_t>> stack{{proc.start_index, 0}};
      std::vector<char> seen(n, 0);
      seen[proc.start_index] = 1;
      while (!stack.empty()) {
        auto& [v, pos] = stack.back();
        if (pos < succ[v].size()) {
          int w = succ[v][pos++];
          if (!seen[w]) {
            seen[w] = 1;
            stack.push_back({w, 0});
          }
          continue;
        }
        rpo.push_back(v);
        stack.pop_back();
      }
      std::reverse(rpo.begin(), rpo.end());
    }
    for (size_t i = 0; i < rpo.size(); ++i) order_[rpo[i]] = static_cast<int>(i);
    idom_.assign(n, -1);
    idom_[proc.start_index] = proc.start_index;
    for (bool changed = true; changed;) {
      changed = false;
      for (size_t i = 1; i < rpo.size(); ++i) {
        int b = rpo[i];
        int candidate = -1;
        for (int p : predecessors[b]) {
          if (order_[p] < 0 || idom_[p] < 0) continue;
          candidate = candidate < 0 ? p : intersect(p, candidate);
        }
        if (candidate >= 0 && idom_[b] != candidate) {
          idom_[b] = candidate;
          changed = true;
        }
      }
    }
    // Intervals of the tree.
    std::vector<std::pair<int, int>> tree_edges;
    for (int v : rpo) {
      if (v != proc.start_index && idom_[v] >= 0) tree_edges.push_back({idom_[v], v});
    }
    const Adjacency children = Adjacency::from_pairs(static_cast<size_t>(n), tree_edges);
    enter_.assign(n, -1);
    leave_.assign(n, -1);
    int clock = 0;
    std::vector<std::pair<int, size_t>> stack{{proc.start_index, 0}};
    enter_[proc.start_index] = clock++;
    while (!stack.empty()) {
      auto& [v, pos] = stack.back();
      if (pos < children[v].size()) {
        int w = children[v][pos++];
        enter_[w] = clock++;
        stack.push_back({w, 0});
        continue;
      }
      leave_[v] = clock++;
      stack.pop_back();
    }
  }

  bool dominates(int a, int b) const {
    return enter_[a] >= 0 && enter_[b] >= 0 && enter_[a] <= enter_[b] && leave_[b] <= leave_[a];
  }

 private:
  int intersect(int a, int b) const {
    while (a != b) {
      while (order_[a] > order_[b]) a = idom_[a];
      while (order_[b] > order_[a]) b = idom_[b];
    }
    return a;
  }

  std::vector<int> order_, idom_, enter_, leave_;
};

class UnsetAnalysis {
 public:
  UnsetAnalysis(Catalog& catalog, const CatalogGraph& graph) : catalog_(catalog), graph_(graph) {}

  void run() {
    // What callers read of each callee: its own variables as plain names, and those of the
    // procedures it calls in turn as `inner-id.var` (nested calls pass them up unchanged).
    // Callers come before callees, so demands flow down the call graph in one pass.
    const std::vector<const Procedure*>& order = graph_.bottom_up();
    for (auto it = order.rbegin(); it != order.rend(); ++it) {
      const Procedure* proc = *it;
      std::set<std::string> qualified;
      std::vector<Read> reads;  // every case's reads, with their guards, read once
      for (const Node& node : proc->nodes) {
        for (const Case& c : node.branch().cases) {
          for (Read& read : guarded_reads_of(c)) {
            if (read.name.find('.') != std::string::npos) qualified.insert(read.name);
            reads.push_back(std::move(read));
          }
        }
      }
      for (const std::string& name : demanded_[proc]) {
        if (name.find('.') != std::string::npos) qualified.insert(name);
      }
      for (const Node& node : proc->nodes) {
        if (node.kind != NodeKind::Call || !node.call().callee_procedure) continue;
        const Procedure* callee = node.call().callee_procedure;
        for (const std::string& name : qualified) {
          size_t dot = name.find('.');
          bool own = name.compare(0, dot, callee->id) == 0 && dot == callee->id.size();
          demanded_[callee].insert(own ? name.substr(dot + 1) : name);
        }
        demand_guarded(reads, *callee);
      }
    }
    for (const Procedure* proc : graph_.bottom_up()) analyze(*proc);
  }

 private:
  struct Context {
    const Procedure& proc;
    const ProcedureFacts& facts;
    const Dominators& dominators;
    std::map<std::string, std::vector<int>> setters;       // reachable nodes that set each variable
    std::map<std::string, std::vector<char>> unset_reach;  // several setters: reached avoiding them
  };

  // Is `name` set on every path from start to `target` (before `target` itself runs)?
  bool set_before(Context& ctx, const std::string& name, int target) {
    auto it = ctx.setters.find(name);
    if (it == ctx.setters.end() || it->second.empty()) return false;
    if (it->second.size() == 1)
      return it->second.front() != target && ctx.dominators.dominates(it->second.front(), target);
    auto [cached, inserted] = ctx.unset_reach.try_emplace(name);
    if (inserted)
      cached->second = reach(ctx.proc, it->second, [](int, const Edge&) { return false; });
    return !cached->second[target];
  }

  // Nodes reached from start without passing a node of `blocked` (a blocked node is reached
  // but not passed) or taking an edge `skip(node, edge)` refuses. Fills `parent`, when given,
  // with the node each one was first reached from.
  template <typename Skip>
  static std::vector<char> reach(const Procedure& proc, const std::vector<int>& blocked, Skip skip,
                                 std::vector<int>* parent = nullptr) {
    std::vector<char> reached(proc.nodes.size(), 0), stop(proc.nodes.size(), 0);
    for (int b : blocked) stop[b] = 1;
    if (parent) parent->assign(proc.nodes.size(), -1);
    std::deque<int> queue{proc.start_index};
    reached[proc.start_index] = 1;
    while (!queue.empty()) {
      int u = queue.front();
      queue.pop_front();
      if (stop[u]) continue;
      for (const Edge& edge : node_edges(proc.nodes[u])) {
        if (edge.target < 0 || reached[edge.target] || skip(u, edge)) continue;
        reached[edge.target] = 1;
        if (parent) (*parent)[edge.target] = u;
        queue.push_back(edge.target);
      }
    }
    return reached;
  }

  void analyze(const Procedure& proc) {
    if (proc.start_index < 0) return;  // no summary: callers trust it
    const size_t n = proc.nodes.size();
    const Adjacency successors_of = successor_lists(proc);
    const Adjacency predecessors = successors_of.reversed();
    const ProcedureFacts& facts = graph_.facts(proc);
    Dominators dominators(proc, successors_of, predecessors);
    Context ctx{proc, facts, dominators, {}, {}};
    for (size_t v = 0; v < n; ++v) {
      const Node& node = proc.nodes[v];
      if (!facts.reachable[v]) continue;
      if (node.kind == NodeKind::Ask) ctx.setters[node.ask().var].push_back(static_cast<int>(v));
      if (node.kind == NodeKind::Call && node.call().callee_procedure) {
        const Procedure* callee = node.call().callee_procedure;
        // Unknown summaries (recursive or start-less callees) are trusted: reported elsewhere.
        auto summary = sets_.find(callee);
        bool trusted = graph_.recursive(*callee) || summary == sets_.end();
        for (const std::string& name : demanded_all(callee)) {
          if (!trusted && !summary->second.count(name)) continue;
          bool nested = name.find('.') != std::string::npos;
          ctx.setters[nested ? name : callee->id + "." + name].push_back(static_cast<int>(v));
        }
      }
    }

    // The summary for callers: variables set before every reachable outcome.
    std::set<std::string>& summary = sets_[&proc];
    for (const std::string& name : demanded_[&proc]) {
      bool everywhere = true;
      for (size_t v = 0; v < n && everywhere; ++v) {
        if (facts.reachable[v] && proc.nodes[v].kind == NodeKind::Outcome) {
          everywhere = set_before(ctx, name, static_cast<int>(v)) ||
                       is_setter(ctx, name, static_cast<int>(v));
        }
      }
      if (everywhere) summary.insert(name);
    }
    summarize_guarded(ctx);

    for (size_t v = 0; v < n; ++v) {
      const Node& node = proc.nodes[v];
      if (node.kind != NodeKind::Branch || !facts.reachable[v]) continue;
      for (const Case& c : node.branch().cases) {
        std::set<std::string> reported;
        for (const Read& read : guarded_reads_of(c)) {
          const std::string& name = read.name;
          if (reported.count(name) || set_before(ctx, name, static_cast<int>(v))) continue;
          std::vector<int> parent;
          if (!reached_unset(ctx, read, static_cast<int>(v), parent)) continue;
          reported.insert(name);
          Location at = position_in_scalar(c.when_location, read.offset);
          Diagnostic& d = catalog_.diagnostics.report(
              Rule::MaybeUnsetVariable, at,
              fmt::format("'{}' may be unset here: the path {} does not set it", name,
                          path_to(proc, static_cast<int>(v), parent)));
          Location end = position_in_scalar(c.when_location, read.offset + name.size());
          d.end_line = end.line;
          d.end_column = end.column;
        }
      }
    }
  }

  // A read `callee.x` guarded by `callee.q == value` (the same callee): the callee is asked
  // whether `x` is set on every path to its outcomes along which `q` got that answer.
  static std::string guarded_key(const std::string& name, const Guard& guard) {
    const Value& v = guard.value;
    std::string value = v.type == ValueType::Boolean  ? (v.boolean ? "true" : "false")
                        : v.type == ValueType::Number ? fmt::format("{}", v.number)
                                                      : "\"" + v.string;
    return name + '\n' + guard.var + '\n' + value;
  }

  void demand_guarded(const std::vector<Read>& caller_reads, const Procedure& callee) {
    const std::string prefix = callee.id + ".";
    for (const Read& read : caller_reads) {
      if (!read.name.starts_with(prefix) || read.name.find('.', prefix.size()) != std::string::npos)
        continue;
      for (const Guard& guard : read.guards) {
        if (!guard.var.starts_with(prefix)) continue;
        Guard own{guard.var.substr(prefix.size()), guard.value};
        std::string x = read.name.substr(prefix.size());
        guarded_demands_[&callee].try_emplace(guarded_key(x, own), x, own);
      }
    }
  }

  void summarize_guarded(Context& ctx) {
    const Procedure& proc = ctx.proc;
    std::set<std::string>& holds = guarded_sets_[&proc];
    for (const auto& [key, demand] : guarded_demands_[&proc]) {
      const auto& [name, guard] = demand;
      Read read{name, 0, {guard}};
      std::vector<int> blocked = ctx.setters[name];
      auto skip = [&](int u, const Edge& edge) {
        return proc.nodes[u].kind == NodeKind::Ask && pruned(ctx, read, u, edge);
      };
      std::vector<char> reached = reach(proc, blocked, skip);
      bool everywhere = true;
      for (size_t v = 0; v < proc.nodes.size() && everywhere; ++v) {
        if (ctx.facts.reachable[v] && proc.nodes[v].kind == NodeKind::Outcome && reached[v])
          everywhere = false;
      }
      if (everywhere) holds.insert(key);
    }
  }

  // The call nodes that set `read` on every path where one of its guards on the same callee
  // holds (see summarize_guarded): where the guard fails, `and` does not read it at all.
  std::vector<int> calls_setting_under_guard(Context& ctx, const Read& read) {
    std::vector<int> calls;
    size_t dot = read.name.find('.');
    if (dot == std::string::npos) return calls;
    const std::string prefix = read.name.substr(0, dot + 1);
    for (size_t v = 0; v < ctx.proc.nodes.size(); ++v) {
      const Node& node = ctx.proc.nodes[v];
      const Procedure* callee =
          node.kind == NodeKind::Call ? node.call().callee_procedure : nullptr;
      if (!callee || !ctx.facts.reachable[v] || callee->id + "." != prefix) continue;
      auto holds = guarded_sets_.find(callee);
      if (holds == guarded_sets_.end()) continue;
      for (const Guard& guard : read.guards) {
        if (!guard.var.starts_with(prefix)) continue;
        Guard own{guard.var.substr(prefix.size()), guard.value};
        if (holds->second.count(guarded_key(read.name.substr(prefix.size()), own))) {
          calls.push_back(static_cast<int>(v));
          break;
        }
      }
    }
    return calls;
  }

  static bool is_setter(Context& ctx, const std::string& name, int v) {
    auto it = ctx.setters.find(name);
    return it != ctx.setters.end() &&
           std::find(it->second.begin(), it->second.end(), v) != it->second.end();
  }

  const std::set<std::string>& demanded_all(const Procedure* callee) { return demanded_[callee]; }

  // Is `target` reached from start without passing a setter of the read's variable, along
  // answers that agree with its guards? Only a guard on a variable that one question of this
  // procedure sets prunes that question's other answers: with several setters, a later one
  // may change the value. Fills `parent` with such a path.
  bool reached_unset(Context& ctx, const Read& read, int target, std::vector<int>& parent) {
    std::vector<int> blocked;
    for (int s : ctx.setters[read.name]) {
      if (s != target) blocked.push_back(s);
    }
    for (int call : calls_setting_under_guard(ctx, read)) {
      if (call != target) blocked.push_back(call);
    }
    auto skip = [&](int u, const Edge& edge) {
      return ctx.proc.nodes[u].kind == NodeKind::Ask && pruned(ctx, read, u, edge);
    };
    return reach(ctx.proc, blocked, skip, &parent)[target];
  }

  static bool pruned(Context& ctx, const Read& read, int question, const Edge& edge) {
    const std::string& var = ctx.proc.nodes[question].ask().var;
    for (const Guard& guard : read.guards) {
      if (guard.var != var) continue;
      const std::vector<int>& setters = ctx.setters[var];
      if (setters.size() == 1 && setters.front() == question && contradicts(edge, guard))
        return true;
    }
    return false;
  }

  // The node ids of the path to `target` that `parent` records.
  static std::string path_to(const Procedure& proc, int target, const std::vector<int>& parent) {
    std::vector<std::string> ids;
    for (int v = target; v >= 0; v = v == proc.start_index ? -1 : parent[v])
      ids.push_back(proc.nodes[v].id);
    std::string text;
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) text += (text.empty() ? "" : " -> ") + *it;
    return text;
  }

  Catalog& catalog_;
  const CatalogGraph& graph_;
  std::unordered_map<const Procedure*, std::set<std::string>> demanded_;
  std::unordered_map<const Procedure*, std::set<std::string>> sets_;  // definitely set at the end
  // Reads of a callee's variable under a guard on another of its variables: key -> (var, guard).
  std::unordered_map<const Procedure*, std::map<std::string, std::pair<std::string, Guard>>>
      guarded_demands_;
  std::unordered_map<const Procedure*, std::set<std::string>> guarded_sets_;  // keys that hold
};

}  // namespace

void check_unset_variables(Catalog& catalog, const CatalogGraph& graph) {
  UnsetAnalysis(catalog, graph).run();
}

}  // namespace procedura
