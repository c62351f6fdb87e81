// A forward "definitely set" analysis: the set of variables set on every path from start
// to a node is the intersection over its predecessors, iterated to a fixpoint so loops
// through questions are handled. A call sets `callee.var` for every variable of the callee
// that is definitely set at every outcome the callee can reach. Only variables some `when`
// reads (or a caller reads as `callee.var`) are tracked, so the bit sets stay small even
// for very large procedures.
#include "check/unset_variables.h"

#include <fmt/format.h>

#include <deque>
#include <functional>
#include <map>
#include <set>
#include <string>

#include "expr/ast.h"

namespace procedura {
namespace {

class Bits {
 public:
  Bits() = default;
  Bits(size_t size, bool value) : words_((size + 63) / 64, value ? ~uint64_t{0} : 0) {}
  bool test(size_t i) const { return (words_[i / 64] >> (i % 64)) & 1; }
  void set(size_t i) { words_[i / 64] |= uint64_t{1} << (i % 64); }
  void intersect(const Bits& other) {
    for (size_t i = 0; i < words_.size(); ++i) words_[i] &= other.words_[i];
  }
  void unite(const Bits& other) {
    for (size_t i = 0; i < words_.size(); ++i) words_[i] |= other.words_[i];
  }
  bool operator==(const Bits&) const = default;

 private:
  std::vector<uint64_t> words_;
};

// Variables read by a case, with the offset of the first occurrence of each.
void collect_reads(const expr::Expr& e, std::map<std::string, size_t>& out) {
  if (e.kind == expr::Expr::Kind::Variable) out.emplace(e.name, e.offset);
  if (e.lhs) collect_reads(*e.lhs, out);
  if (e.rhs) collect_reads(*e.rhs, out);
}

std::map<std::string, size_t> reads_of(const Case& c) {
  std::map<std::string, size_t> out;
  if (c.condition) collect_reads(*c.condition, out);
  return out;
}

class UnsetAnalysis {
 public:
  UnsetAnalysis(Catalog& catalog, const CatalogGraph& graph) : catalog_(catalog), graph_(graph) {}

  void run() {
    // What callers read of each callee, as the callee's own names.
    for (const Procedure* proc : graph_.bottom_up()) {
      for (const Node& node : proc->nodes) {
        for (const Case& c : node.cases) {
          for (const auto& [name, offset] : reads_of(c)) {
            size_t dot = name.find('.');
            if (dot == std::string::npos) continue;
            if (const Procedure* callee = catalog_.find(name.substr(0, dot))) demanded_[callee].insert(name.substr(dot + 1));
          }
        }
      }
    }
    for (const Procedure* proc : graph_.bottom_up()) analyze(*proc);
  }

 private:
  void analyze(const Procedure& proc) {
    const size_t n = proc.nodes.size();
    // The tracked variables of this procedure.
    std::map<std::string, size_t> index;
    auto track = [&](const std::string& name) { index.emplace(name, index.size()); };
    for (const Node& node : proc.nodes) {
      for (const Case& c : node.cases) {
        for (const auto& [name, offset] : reads_of(c)) track(name);
      }
    }
    for (const std::string& name : demanded_[&proc]) track(name);
    const size_t size = index.size();
    if (proc.start_index < 0) return;  // no summary: callers trust it
    std::set<std::string>& summary = sets_[&proc];
    if (size == 0) return;

    // What each node sets.
    std::vector<Bits> gen(n, Bits(size, false));
    for (size_t v = 0; v < n; ++v) {
      const Node& node = proc.nodes[v];
      if (node.kind == NodeKind::Ask) {
        if (auto it = index.find(node.var); it != index.end()) gen[v].set(it->second);
      } else if (node.kind == NodeKind::Call && node.callee_procedure) {
        const Procedure* callee = node.callee_procedure;
        bool trusted = graph_.recursive(*callee) || !sets_.count(callee);
        std::string prefix = callee->id + ".";
        for (const auto& [name, i] : index) {
          if (name.rfind(prefix, 0) != 0) continue;
          if (trusted || sets_[callee].count(name.substr(prefix.size()))) gen[v].set(i);
        }
      }
    }

    std::vector<std::vector<int>> predecessors(n);
    for (size_t v = 0; v < n; ++v) {
      for (int w : successors(proc.nodes[v])) predecessors[w].push_back(static_cast<int>(v));
    }
    const ProcedureFacts& facts = graph_.facts(proc);
    // Unreached nodes stay "everything set" so they never weaken a join.
    std::vector<Bits> in(n, Bits(size, true)), out(n, Bits(size, true));
    std::deque<int> work;
    std::vector<char> queued(n, 0);
    for (size_t v = 0; v < n; ++v) {
      if (facts.reachable[v]) {
        work.push_back(static_cast<int>(v));
        queued[v] = 1;
      }
    }
    while (!work.empty()) {
      int v = work.front();
      work.pop_front();
      queued[v] = 0;
      Bits entry(size, true);
      if (v == proc.start_index) entry = Bits(size, false);
      for (int p : predecessors[v]) {
        if (facts.reachable[p]) entry.intersect(out[p]);
      }
      Bits exit = entry;
      exit.unite(gen[v]);
      in[v] = entry;
      if (exit == out[v]) continue;
      out[v] = exit;
      for (int w : successors(proc.nodes[v])) {
        if (!queued[w] && facts.reachable[w]) {
          queued[w] = 1;
          work.push_back(w);
        }
      }
    }

    // The callee summary: set at every reachable outcome.
    Bits at_end(size, true);
    for (size_t v = 0; v < n; ++v) {
      if (facts.reachable[v] && proc.nodes[v].kind == NodeKind::Outcome) at_end.intersect(out[v]);
    }
    for (const auto& [name, i] : index) {
      if (at_end.test(i)) summary.insert(name);
    }

    for (size_t v = 0; v < n; ++v) {
      const Node& node = proc.nodes[v];
      if (node.kind != NodeKind::Branch || !facts.reachable[v]) continue;
      for (const Case& c : node.cases) {
        for (const auto& [name, offset] : reads_of(c)) {
          if (in[v].test(index.at(name))) continue;
          Location at = c.when_location;
          at.column += static_cast<uint32_t>(offset);
          Diagnostic& d = catalog_.diagnostics.report(
              Rule::MaybeUnsetVariable, at,
              fmt::format("'{}' may be unset here: the path {} does not set it", name,
                          witness(proc, static_cast<int>(v), gen, index.at(name))));
          d.end_line = at.line;
          d.end_column = at.column + static_cast<uint32_t>(name.size());
        }
      }
    }
  }

  // A path from start to `target` through nodes that do not set variable `bit`.
  std::string witness(const Procedure& proc, int target, const std::vector<Bits>& gen, size_t bit) {
    std::vector<int> parent(proc.nodes.size(), -2);
    std::deque<int> queue{proc.start_index};
    parent[proc.start_index] = -1;
    while (!queue.empty() && parent[target] == -2) {
      int v = queue.front();
      queue.pop_front();
      if (v != target && gen[v].test(bit)) continue;
      for (int w : successors(proc.nodes[v])) {
        if (parent[w] != -2) continue;
        parent[w] = v;
        queue.push_back(w);
      }
    }
    std::vector<std::string> ids;
    for (int v = target; v >= 0; v = parent[v]) ids.push_back(proc.nodes[v].id);
    std::string text;
    for (auto it = ids.rbegin(); it != ids.rend(); ++it) text += (text.empty() ? "" : " -> ") + *it;
    return text;
  }

  Catalog& catalog_;
  const CatalogGraph& graph_;
  std::unordered_map<const Procedure*, std::set<std::string>> demanded_;
  std::unordered_map<const Procedure*, std::set<std::string>> sets_;  // definitely set at the end
};

}  // namespace

void check_unset_variables(Catalog& catalog, const CatalogGraph& graph) { UnsetAnalysis(catalog, graph).run(); }

}  // namespace procedura
