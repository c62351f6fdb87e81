#include "commands/paths/paths.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <span>
#include <utility>

#include "check/flow_graph.h"
#include "commands/paths/path_walk.h"
#include "commands/paths/paths_list.h"
#include "load/catalog.h"
#include "load/procedure_lookup.h"
#include "model/source_file.h"
#include "report/diagnostics_text.h"
#include "util/exit_status.h"

namespace procedura {
namespace {

// "a -> b -> a" when the calls from `proc` come back to a procedure on their way, else "".
std::string call_loop(const Procedure& proc) {
  std::vector<const Procedure*> stack;
  std::set<const Procedure*> done;
  std::function<std::string(const Procedure&)> visit = [&](const Procedure& p) -> std::string {
    if (auto on = std::find(stack.begin(), stack.end(), &p); on != stack.end()) {
      std::string loop;
      for (auto it = on; it != stack.end(); ++it) loop += (*it)->id + " -> ";
      return loop + p.id;
    }
    if (done.count(&p)) return "";
    stack.push_back(&p);
    for (const Node& node : p.nodes) {
      if (node.kind != NodeKind::Call || !node.call().callee_procedure) continue;
      if (std::string loop = visit(*node.call().callee_procedure); !loop.empty()) return loop;
    }
    stack.pop_back();
    done.insert(&p);
    return "";
  };
  return visit(proc);
}

// A call whose procedure is missing (reported by lint) passes straight through once.
PathCount straight_through() {
  return PathCount{false, {}, {}, false, BigUint(1)};
}

// Nodes from which some outcome can be reached, through calls that can finish: a backward
// search from the outcomes over the nodes that can be passed.
std::vector<char> productive_nodes(const Procedure& proc, const std::vector<PathCount>& callee) {
  const size_t n = proc.nodes.size();
  auto passable = [&](size_t v) {
    return proc.nodes[v].kind != NodeKind::Call || callee[v].infinite || !callee[v].count.is_zero();
  };
  const Adjacency predecessors = successor_lists(proc).reversed();
  std::vector<char> productive(n, 0);
  std::vector<int> work;
  for (size_t v = 0; v < n; ++v) {
    if (proc.nodes[v].kind == NodeKind::Outcome) {
      productive[v] = 1;
      work.push_back(static_cast<int>(v));
    }
  }
  while (!work.empty()) {
    int w = work.back();
    work.pop_back();
    for (int v : predecessors[w]) {
      if (!productive[v] && passable(v)) {
        productive[v] = 1;
        work.push_back(v);
      }
    }
  }
  return productive;
}

// Productive nodes reachable from the start through productive nodes only: the nodes some
// path to an outcome goes through.
std::vector<char> nodes_on_paths(const Procedure& proc, const std::vector<char>& productive) {
  std::vector<char> reachable(proc.nodes.size(), 0);
  std::vector<int> work = {proc.start_index};
  reachable[proc.start_index] = 1;
  while (!work.empty()) {
    int v = work.back();
    work.pop_back();
    for (int w : successors(proc.nodes[v])) {
      if (productive[w] && !reachable[w]) {
        reachable[w] = 1;
        work.push_back(w);
      }
    }
  }
  return reachable;
}

// The first node on a path that calls a procedure with infinitely many paths, or -1.
int first_infinite_call(const Procedure& proc, const std::vector<char>& on_paths,
                        const std::vector<PathCount>& callee) {
  for (size_t v = 0; v < proc.nodes.size(); ++v) {
    if (on_paths[v] && proc.nodes[v].kind == NodeKind::Call && callee[v].infinite)
      return static_cast<int>(v);
  }
  return -1;
}

Adjacency edges_on_paths(const Procedure& proc, const std::vector<char>& on_paths) {
  std::vector<std::pair<int, int>> pairs;
  for (size_t v = 0; v < proc.nodes.size(); ++v) {
    if (!on_paths[v]) continue;
    for (int w : successors(proc.nodes[v])) {
      if (on_paths[w]) pairs.push_back({static_cast<int>(v), w});
    }
  }
  return Adjacency::from_pairs(proc.nodes.size(), pairs);
}

// The node a loop is reported at: its first question in file order, else its first node.
int loop_node(const Procedure& proc, std::span<const int> component) {
  int pick = component.front();
  for (int v : component) {
    bool ask = proc.nodes[v].kind == NodeKind::Ask,
         pick_ask = proc.nodes[pick].kind == NodeKind::Ask;
    if ((ask && !pick_ask) || (ask == pick_ask && v < pick)) pick = v;
  }
  return pick;
}

// The first loop on a path, as an infinite count; nothing when the paths have no loop.
std::optional<PathCount> first_loop(const Procedure& proc, const Components& components,
                                    const Adjacency& adjacency, const std::vector<char>& on_paths) {
  for (const auto component : components) {
    if (!on_paths[component.front()] || !is_loop(component, adjacency)) continue;
    int pick = loop_node(proc, component);
    PathCount result;
    result.infinite = true;
    result.loop_node = proc.nodes[pick].id;
    result.loop_procedure = proc.id;
    result.through_question = proc.nodes[pick].kind == NodeKind::Ask;
    return result;
  }
  return std::nullopt;
}

// The number of paths from the start when they have no loop. The components come sinks
// first, so every successor is counted before its predecessors; a call multiplies by the
// paths through its procedure.
BigUint count_acyclic(const Procedure& proc, const Components& components,
                      const std::vector<char>& on_paths, const std::vector<PathCount>& callee) {
  std::vector<BigUint> paths(proc.nodes.size());
  for (const auto component : components) {
    int v = component.front();
    if (!on_paths[v]) continue;
    const Node& node = proc.nodes[v];
    if (node.kind == NodeKind::Outcome) {
      paths[v] = BigUint(1);
      continue;
    }
    BigUint sum;
    for (const Edge& e : node_edges(node)) {
      if (e.target >= 0 && on_paths[e.target]) sum += paths[e.target];
    }
    paths[v] = node.kind == NodeKind::Call ? callee[v].count * sum : sum;
  }
  return paths[proc.start_index];
}

class PathCounter {
 public:
  PathCount count(const Procedure& proc) {
    if (auto it = memo_.find(&proc); it != memo_.end()) return it->second;
    // A recursive call (reported by lint) is counted as passing straight through.
    if (in_progress_.count(&proc)) return straight_through();
    in_progress_.insert(&proc);
    PathCount result = compute(proc);
    in_progress_.erase(&proc);
    memo_[&proc] = result;
    return result;
  }

 private:
  // The paths through each call node's procedure (counted first, memoized); empty for
  // the other nodes.
  std::vector<PathCount> callee_counts(const Procedure& proc) {
    std::vector<PathCount> callee(proc.nodes.size());
    for (size_t v = 0; v < proc.nodes.size(); ++v) {
      const Node& node = proc.nodes[v];
      if (node.kind != NodeKind::Call) continue;
      callee[v] =
          node.call().callee_procedure ? count(*node.call().callee_procedure) : straight_through();
    }
    return callee;
  }

  PathCount compute(const Procedure& proc) {
    PathCount result;
    if (proc.start_index < 0) return result;
    std::vector<PathCount> callee = callee_counts(proc);
    std::vector<char> productive = productive_nodes(proc, callee);
    if (!productive[proc.start_index]) return result;
    std::vector<char> on_paths = nodes_on_paths(proc, productive);
    if (int call = first_infinite_call(proc, on_paths, callee); call >= 0) return callee[call];
    Adjacency adjacency = edges_on_paths(proc, on_paths);
    Components components = strongly_connected_components(adjacency);
    if (std::optional<PathCount> loop = first_loop(proc, components, adjacency, on_paths))
      return *loop;
    result.count = count_acyclic(proc, components, on_paths, callee);
    return result;
  }

  std::map<const Procedure*, PathCount> memo_;
  std::set<const Procedure*> in_progress_;
};

std::string action_text(const engine::CollectedAction& a) {
  if (!a.action->is_inline()) return a.action->id;
  return fmt::format("inline action ({})", file_line(a.action->location));
}

void print_path_list(const PathList& list, size_t limit, std::ostream& out, std::ostream& err) {
  size_t number = 0;
  for (const ListedPath& path : list.paths) {
    std::vector<std::string> answers, actions, notify;
    for (const auto& [key, value] : path.answers)
      answers.push_back(fmt::format("{} = {}", key, value));
    for (const engine::CollectedAction& a : path.actions) {
      actions.push_back(action_text(a));
      if (a.action->kind == ActionKind::Notify && a.action->recipient &&
          std::find(notify.begin(), notify.end(), a.action->recipient->id) == notify.end())
        notify.push_back(a.action->recipient->id);
    }
    out << fmt::format(
        "{}. {}\n", ++number,
        answers.empty() ? "(no questions)" : fmt::format("{}", fmt::join(answers, ", ")));
    out << fmt::format("   outcome: {}\n", path.outcome->id);
    out << fmt::format("   actions: {}\n",
                       actions.empty() ? "none" : fmt::format("{}", fmt::join(actions, ", ")));
    if (!notify.empty()) out << fmt::format("   notify: {}\n", fmt::join(notify, ", "));
  }
  if (list.stopped_at_limit) {
    out << fmt::format("... stopped after {} paths; use --limit to list more\n", limit);
  } else if (list.path_too_long) {
    out << fmt::format(
        "... stopped after {} paths: a path asks more than {} questions or takes more than {} "
        "steps, too long to list (--count counts them)\n",
        list.paths.size(), kMaxQuestionsOnPath, kMaxStepsOnPath);
  } else if (list.stopped_at_budget) {
    out << fmt::format(
        "... stopped after {} paths: the procedure is too large to try every answer\n",
        list.paths.size());
  } else {
    out << fmt::format("{} {}\n", list.paths.size(), list.paths.size() == 1 ? "path" : "paths");
  }
  if (list.loops_cut > 0) {
    err << fmt::format(
        "note: {} route(s) that come back to an answered question were not followed\n",
        list.loops_cut);
  }
  if (list.errors > 0) {
    err << fmt::format(
        "note: {} answer combination(s) stop with an error before an outcome (see "
        "`procedura lint`)\n",
        list.errors);
  }
}

}  // namespace

PathCount count_paths(const Procedure& procedure) {
  return PathCounter().count(procedure);
}

int run_paths(const PathsOptions& options, std::ostream& out, std::ostream& err) {
  if (options.mode == PathsMode::None) {
    err << "procedura paths: say what to compute: --count or --list\n";
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  std::error_code ec;
  bool is_file = fs::exists(options.target, ec);
  if (is_file && fs::is_directory(options.target, ec)) {
    err << fmt::format("procedura paths: '{}' is a directory; name one procedure file or id\n",
                       options.target);
    return kExitUsage;
  }
  std::vector<std::string> inputs = is_file ? std::vector<std::string>{options.target}
                                            : procedure_lookup_dirs(options.procedures);
  Catalog catalog = load_catalog(inputs);
  const Procedure* proc = nullptr;
  for (const Procedure* p : catalog.runnable()) {
    if (is_file ? !p->imported_only : p->id == options.target) {
      proc = p;
      break;
    }
  }
  if (!proc) {
    err << (is_file ? fmt::format("procedura paths: '{}' holds no procedure\n", options.target)
                    : fmt::format("procedura paths: no file or procedure id '{}' (searched: {})\n",
                                  options.target, fmt::join(inputs, ", ")));
    return kExitUsage;
  }
  // Errors in the files the procedure involves (its own, its imports', its callees') make
  // counting meaningless; other files do not matter.
  std::vector<Diagnostic> errors = errors_involving(catalog, *proc);
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    if (d.severity == Severity::Error && !d.location.file) errors.push_back(d);
  }
  if (!errors.empty() || catalog.input_error) {
    render_diagnostics_text(errors, err, TextOptions{false});
    err << fmt::format("procedura paths: '{}' has errors; fix them first (see `procedura lint`)\n",
                       proc->id);
    return kExitUsage;
  }
  // A call that comes back to a procedure on its way has no paths to count (lint says
  // recursive-call); counting it would report the few that avoid the call.
  if (std::string loop = call_loop(*proc); !loop.empty()) {
    err << fmt::format(
        "procedura paths: '{}' calls itself ({}); calls may not recurse (see `procedura lint`)\n",
        proc->id, loop);
    return kExitUsage;
  }
  if (options.mode == PathsMode::List) {
    print_path_list(list_paths(*proc, options.limit), options.limit, out, err);
    return kExitOk;
  }
  PathCount count = count_paths(*proc);
  if (count.infinite) {
    std::string where =
        count.loop_procedure == proc->id ? "" : fmt::format(" of '{}'", count.loop_procedure);
    out << fmt::format("infinite (the procedure loops through {} '{}'{})\n",
                       count.through_question ? "question" : "node", count.loop_node, where);
  } else {
    out << count.count.to_string() << "\n";
  }
  return kExitOk;
}

}  // namespace procedura
