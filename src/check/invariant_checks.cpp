#include "check/invariant_checks.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <ranges>
#include <set>
#include <unordered_map>

#include "check/flow_graph.h"
#include "check/sample_domains.h"
#include "expr/evaluate.h"

namespace procedura {
namespace {

constexpr size_t kMaxCandidates = 200;      // infeasible paths tried before giving up
constexpr size_t kMaxSearchSteps = 200000;  // product states visited looking for them
constexpr size_t kMaxAssignments = 4096;    // free answers tried per candidate
constexpr size_t kMaxMultiOptions = 20;     // options of a multi question tracked
constexpr size_t kMaxCalleePaths = 32;      // paths of a callee tried for one call on a path
constexpr size_t kMaxCalleeChoices = 256;   // combinations of them tried for one path
static_assert(kMaxMultiOptions < 63, "a move keeps the chosen options in 63 bits");

// Thrown when the product states of one invariant's searches exceed kMaxInvariantStates.
struct TooComplex {};

// The invariant's actions as bits: bit 0 for any `if`, one per `require`, one for any `forbid`.
class InvariantBits {
 public:
  explicit InvariantBits(const Invariant& inv) {
    for (const Ref& r : inv.if_any) bits_[r.id] |= 1u;
    for (size_t i = 0; i < inv.require.size(); ++i) bits_[inv.require[i].id] |= 1u << (1 + i);
    forbid_ = 1u << (1 + inv.require.size());
    for (const Ref& r : inv.forbid) bits_[r.id] |= forbid_;
    require_ = ((1u << inv.require.size()) - 1) << 1;
  }
  uint32_t of(const ActionUses& uses) const {
    uint32_t mask = 0;
    for (const ActionUse& use : uses) {
      const std::string& id = use.action ? use.action->id : use.ref.id;
      if (auto it = bits_.find(id); it != bits_.end()) mask |= it->second;
    }
    return mask;
  }
  bool violated(uint32_t mask) const {
    return (mask & 1u) && ((mask & require_) != require_ || (mask & forbid_));
  }

 private:
  std::unordered_map<std::string, uint32_t> bits_;
  uint32_t require_ = 0, forbid_ = 0;
};

struct Summary;

// How a product state was left: which edge, which multi options, which callee path.
struct Transition {
  int edge = 0;
  int callee_exit = -1;  // state index in the callee's exploration
  uint64_t chosen = 0;
  const Summary* callee = nullptr;
};

// A move of the search as stored: 16 bytes, as a large procedure has one per edge. The three
// kinds of transition never mix, so one index and one tagged word hold any of them: a
// callee's summary (aligned, so bit 0 clear), the chosen options shifted past a set bit 0
// (at most kMaxMultiOptions bits, so the shift loses none), or nothing for a plain edge.
class Move {
 public:
  Move(int target, const Transition& t) : target_(target) {
    if (t.callee) {
      index_ = t.callee_exit;
      payload_ = reinterpret_cast<uintptr_t>(t.callee);
    } else if (t.chosen) {
      payload_ = (t.chosen << 1) | 1u;
    } else {
      index_ = t.edge;
    }
  }
  int target() const { return target_; }
  Transition transition() const {
    if (payload_ == 0) return Transition{.edge = index_};
    if (payload_ & 1u) return Transition{.chosen = payload_ >> 1};
    return Transition{.callee_exit = index_,
                      .callee = reinterpret_cast<const Summary*>(static_cast<uintptr_t>(payload_))};
  }

 private:
  int target_;
  int index_ = 0;
  uint64_t payload_ = 0;
};
static_assert(sizeof(Move) == 16);

struct State {
  int node;
  uint32_t mask;
  int parent = -1;
  // The move of the parent that first reached this state (moves[via_move]): an index, not
  // a copy of the transition, halves the state.
  uint32_t via_move = 0;
  // This state's moves begin here and end where the next state's begin: states are
  // expanded in order, each appending its moves.
  uint32_t next_begin = 0;
  // The previous state found at the same node (another set of actions), or -1: a node has
  // a few such states at most, so a chain per node indexes them in 4 bytes a state.
  int same_node = -1;
};

struct Exploration {
  const Procedure* proc = nullptr;
  std::vector<State> states;
  // Every state's moves, in state order, in blocks: a few allocations instead of one per
  // state (a 100,000-node procedure has about 130,000 moves), and no copy as it grows.
  std::deque<Move> moves;
  std::vector<int> outcomes;  // states at an outcome

  auto next(size_t s) const {
    const size_t end = s + 1 < states.size() ? states[s + 1].next_begin : moves.size();
    return std::ranges::subrange(moves.begin() + states[s].next_begin, moves.begin() + end);
  }
};

struct Summary {
  Exploration ex;
  std::vector<int> exits;  // one outcome state per distinct mask (the first found: shortest)
  // The masks reached by exactly one path of the callee (moves counted, so two answers
  // leading to one state are two paths). Only through such an exit does trying its one
  // witness path try every way the caller can pass the call.
  std::set<uint32_t> single_path_masks;
};

// Paths from the start to each state, counted up to 2 ("more than one"); a state on or after
// a loop counts as 2.
std::vector<char> paths_to_states(const Exploration& ex) {
  const size_t n = ex.states.size();
  std::vector<int> incoming(n, 0);
  for (size_t s = 0; s < n; ++s)
    for (const Move& move : ex.next(s)) ++incoming[move.target()];
  std::vector<char> paths(n, 2);
  std::vector<int> count(n, 0);
  if (n == 0) return paths;
  count[0] = 1;
  std::vector<int> ready;
  if (incoming[0] == 0) ready.push_back(0);
  while (!ready.empty()) {
    int s = ready.back();
    ready.pop_back();
    paths[s] = static_cast<char>(std::min(count[s], 2));
    for (const Move& move : ex.next(s)) {
      const int t = move.target();
      count[t] = std::min(count[t] + paths[s], 2);
      if (--incoming[t] == 0) ready.push_back(t);
    }
  }
  return paths;
}

class Search {
 public:
  // `states` counts the product states of every search for one invariant, against the budget.
  Search(const Invariant& inv, size_t& states) : bits_(inv), states_(states) {}

  Exploration explore(const Procedure& proc) {
    Exploration ex;
    ex.proc = &proc;
    if (proc.start_index < 0) return ex;
    in_progress_.insert(&proc);
    std::vector<int> last_at_node(proc.nodes.size(), -1);
    // Most nodes are reached with one set of actions: room for that many states up front
    // spares the copy that growing by doubling makes at the size of the whole search.
    ex.states.reserve(proc.nodes.size());
    // The caller pushes the move that reaches the state right after this.
    auto state_of = [&](int node, uint32_t mask, int parent) {
      for (int s = last_at_node[node]; s >= 0; s = ex.states[s].same_node)
        if (ex.states[s].mask == mask) return s;
      if (++states_ > kMaxInvariantStates) throw TooComplex{};
      const int added = static_cast<int>(ex.states.size());
      ex.states.push_back(
          State{node, mask, parent, static_cast<uint32_t>(ex.moves.size()), 0, last_at_node[node]});
      last_at_node[node] = added;
      return added;
    };
    state_of(proc.start_index, bits_.of(proc.nodes[proc.start_index].actions), -1);
    for (size_t s = 0; s < ex.states.size(); ++s) {
      const int node_index = ex.states[s].node;
      const uint32_t mask = ex.states[s].mask;
      const Node& node = proc.nodes[node_index];
      const auto first_move = static_cast<uint32_t>(ex.moves.size());
      auto go = [&](int target, uint32_t added, const Transition& t) {
        if (target < 0) return;
        uint32_t m = mask | added | bits_.of(proc.nodes[target].actions);
        int reached = state_of(target, m, static_cast<int>(s));
        ex.moves.emplace_back(reached, t);
      };
      if (node.kind == NodeKind::Outcome) {
        ex.outcomes.push_back(static_cast<int>(s));
      } else if (node.kind == NodeKind::Ask && node.ask().type == AnswerType::Multi) {
        // Any subset of options may be chosen: the masks their actions can add.
        std::map<uint32_t, uint64_t> added{{0, 0}};
        for (size_t i = 0; i < node.ask().options.size() && i < kMaxMultiOptions; ++i) {
          uint32_t m = bits_.of(node.ask().options[i].actions);
          if (!m) continue;
          auto copy = added;
          for (auto [have, chosen] : copy) added.emplace(have | m, chosen | (uint64_t{1} << i));
        }
        for (auto [m, chosen] : added) go(node.next_index, m, Transition{.chosen = chosen});
      } else if (node.kind == NodeKind::Call) {
        const Summary* summary = summary_of(node.call().callee_procedure);
        if (!summary) {
          go(node.next_index, 0, Transition{});
        } else {
          for (int exit : summary->exits) {
            go(node.next_index, summary->ex.states[exit].mask,
               Transition{.callee_exit = exit, .callee = summary});
          }
        }
      } else {
        std::vector<Edge> edges = node_edges(node);
        for (size_t i = 0; i < edges.size(); ++i) {
          const Edge& e = edges[i];
          uint32_t m = e.option        ? bits_.of(e.option->actions)
                       : e.branch_case ? bits_.of(e.branch_case->actions)
                                       : 0;
          go(e.target, m, Transition{.edge = static_cast<int>(i)});
        }
      }
      ex.states[s].next_begin = first_move;
    }
    in_progress_.erase(&proc);
    return ex;
  }

  const InvariantBits& bits() const { return bits_; }

 private:
  // Null for a pass-through: unresolved or recursive callees (reported elsewhere).
  const Summary* summary_of(const Procedure* callee) {
    if (!callee || in_progress_.count(callee)) return nullptr;
    auto it = summaries_.find(callee);
    if (it != summaries_.end()) return it->second.get();
    auto summary = std::make_unique<Summary>();
    summary->ex = explore(*callee);
    if (callee->start_index < 0) return nullptr;
    std::set<uint32_t> seen;
    for (int s : summary->ex.outcomes) {
      if (seen.insert(summary->ex.states[s].mask).second) summary->exits.push_back(s);
    }
    std::vector<char> paths = paths_to_states(summary->ex);
    std::map<uint32_t, int> paths_by_mask;
    for (int s : summary->ex.outcomes) paths_by_mask[summary->ex.states[s].mask] += paths[s];
    for (auto [mask, count] : paths_by_mask)
      if (count == 1) summary->single_path_masks.insert(mask);
    return summaries_.emplace(callee, std::move(summary)).first->second.get();
  }

  InvariantBits bits_;
  size_t& states_;
  std::set<const Procedure*> in_progress_;
  std::map<const Procedure*, std::unique_ptr<Summary>> summaries_;
};

// A path in an exploration: states, and the transition leaving each but the last.
struct Path {
  std::vector<int> states;
  std::vector<Transition> moves;
};

Path witness(const Exploration& ex, int last) {
  Path p;
  for (int s = last; s >= 0; s = ex.states[s].parent) {
    p.states.push_back(s);
    if (ex.states[s].parent >= 0) p.moves.push_back(ex.moves[ex.states[s].via_move].transition());
  }
  std::reverse(p.states.begin(), p.states.end());
  std::reverse(p.moves.begin(), p.moves.end());
  return p;
}

// A question whose answer the path leaves open: numbers, text, and the options of a multi
// question beyond those the path chose (when some `when` looks into it).
struct FreeQuestion {
  std::string key;
  const Node* node;
  std::vector<std::string> chosen;  // multi: options the path needs
};

// The answers a path fixes (options chosen) and the questions it leaves free (numbers,
// text). False when the path needs two different answers to one variable.
// A branch on the path and the edge it must take.
struct Decision {
  const Node* branch;
  int edge;            // index into node_edges(): a case, or `otherwise` after the cases
  std::string prefix;  // how the branch's procedure keys its own variables
};

// `callee_paths`: the path taken through each call of this (root) path, in order; a call
// beyond them, or any call of a callee, takes its witness, and sets `other_callee_paths`
// when other paths of that callee reach the same actions.
bool fix_answers(const Exploration& ex, const Path& path, const ComparedConstants& constants,
                 AnswerMap& fixed, std::vector<FreeQuestion>& free,
                 std::vector<Decision>& decisions, bool root, bool& other_callee_paths,
                 const std::vector<const Path*>& callee_paths = {}) {
  const Procedure& proc = *ex.proc;
  const std::string prefix = root ? "" : proc.id + ".";
  size_t calls = 0;
  for (size_t i = 0; i < path.moves.size(); ++i) {
    const Node& node = proc.nodes[ex.states[path.states[i]].node];
    const Transition& t = path.moves[i];
    if (node.kind == NodeKind::Branch) decisions.push_back({&node, t.edge, prefix});
    if (node.kind == NodeKind::Call && t.callee) {
      const size_t call = calls++;
      Path own_witness;
      const Path* through = call < callee_paths.size() ? callee_paths[call] : nullptr;
      if (!through) {
        const uint32_t exit_mask = t.callee->ex.states[t.callee_exit].mask;
        if (!t.callee->single_path_masks.count(exit_mask)) other_callee_paths = true;
        own_witness = witness(t.callee->ex, t.callee_exit);
        through = &own_witness;
      }
      if (!fix_answers(t.callee->ex, *through, constants, fixed, free, decisions, false,
                       other_callee_paths)) {
        return false;
      }
      continue;
    }
    if (node.kind != NodeKind::Ask) continue;
    std::string key = prefix + node.ask().var;
    Value v;
    switch (node.ask().type) {
      case AnswerType::YesNo:
        v = Value::of_bool(node_edges(node)[t.edge].yes);
        break;
      case AnswerType::Choice:
        v = Value::of_string(node_edges(node)[t.edge].option->value);
        break;
      case AnswerType::Multi: {
        std::vector<std::string> chosen;
        for (size_t o = 0; o < node.ask().options.size() && o < kMaxMultiOptions; ++o) {
          if (t.chosen & (uint64_t{1} << o)) chosen.push_back(node.ask().options[o].value);
        }
        // The search tracks only options that add actions; an answer the interview accepts
        // needs `min` of them, so the rest are options that collect nothing.
        for (const Option& o : node.ask().options) {
          if (!node.ask().min || chosen.size() >= static_cast<size_t>(*node.ask().min)) break;
          if (o.actions.empty() &&
              std::find(chosen.begin(), chosen.end(), o.value) == chosen.end()) {
            chosen.push_back(o.value);
          }
        }
        if (constants.strings.count(key)) {
          free.push_back({key, &node, std::move(chosen)});
          continue;
        }
        v = Value::of_list(std::move(chosen));
        break;
      }
      case AnswerType::Number:
      case AnswerType::Text:
        if (std::none_of(free.begin(), free.end(),
                         [&](const FreeQuestion& f) { return f.key == key; })) {
          free.push_back({key, &node, {}});
        }
        continue;
    }
    auto [it, inserted] = fixed.emplace(key, v);
    if (!inserted && !(it->second == v)) return false;
  }
  return true;
}

// The paths through a callee that end at an outcome having collected exactly `mask` (the
// actions a caller's path passes the call with), at most kMaxCalleePaths. As a scripted run,
// a path repeats no question. `complete` turns false when paths were left out: more than
// the bound, or one passing a call of its own that several paths leave with the same actions.
std::vector<Path> callee_paths(const Summary& callee, uint32_t mask, bool& complete) {
  const Exploration& ex = callee.ex;
  std::vector<Path> out;
  if (ex.states.empty() || (ex.states[0].mask & ~mask)) return out;
  Path path{{0}, {}};
  std::vector<size_t> position{0};
  std::vector<char> on_path(ex.states.size(), 0);
  std::vector<int> question_on_path(ex.proc->nodes.size(), 0);
  auto is_question = [&](int s) { return ex.proc->nodes[ex.states[s].node].kind == NodeKind::Ask; };
  on_path[0] = 1;
  if (is_question(0)) ++question_on_path[ex.states[0].node];
  size_t steps = 0;
  while (!path.states.empty()) {
    if (++steps > kMaxSearchSteps || out.size() > kMaxCalleePaths) {
      complete = false;
      break;
    }
    int s = path.states.back();
    size_t& pos = position.back();
    if (pos == 0 && ex.proc->nodes[ex.states[s].node].kind == NodeKind::Outcome &&
        ex.states[s].mask == mask) {
      out.push_back(path);
      for (const Transition& t : path.moves) {
        if (t.callee && !t.callee->single_path_masks.count(t.callee->ex.states[t.callee_exit].mask))
          complete = false;
      }
    }
    if (pos < ex.next(s).size()) {
      const Move& next_move = ex.next(s)[pos++];
      const int t = next_move.target();
      const Transition move = next_move.transition();
      if (on_path[t] || (ex.states[t].mask & ~mask) ||
          (is_question(t) && question_on_path[ex.states[t].node]))
        continue;
      path.states.push_back(t);
      path.moves.push_back(move);
      position.push_back(0);
      on_path[t] = 1;
      if (is_question(t)) ++question_on_path[ex.states[t].node];
      continue;
    }
    on_path[s] = 0;
    if (is_question(s)) --question_on_path[ex.states[s].node];
    path.states.pop_back();
    position.pop_back();
    if (!path.moves.empty()) path.moves.pop_back();
  }
  if (out.size() > kMaxCalleePaths) out.resize(kMaxCalleePaths);
  return out;
}

class CounterexampleFinder {
 public:
  // Searches for paths breaking `part` (one clause of `inv`, see verify_invariant); the
  // answers found are replayed against the whole invariant.
  CounterexampleFinder(const Procedure& proc, const Invariant& inv, const Invariant& part,
                       size_t& states)
      : proc_(proc), inv_(inv), search_(part, states) {
    add_constants(proc, "");
  }

  std::optional<Counterexample> run() {
    Exploration ex = search_.explore(proc_);
    std::vector<int> bad;
    for (int s : ex.outcomes) {
      if (search_.bits().violated(ex.states[s].mask)) bad.push_back(s);
    }
    if (bad.empty()) return std::nullopt;
    // The shortest violating path first, then others while the budget lasts.
    Path first = witness(ex, bad.front());
    if (auto found = confirm(ex, first)) return found;
    if (auto found = other_paths(ex, bad)) return found;
    // Every path was tried with every distinguishing answer: the violation is infeasible.
    if (exhaustive_) return std::nullopt;
    Counterexample unconfirmed;
    for (int s : first.states) unconfirmed.path.push_back(proc_.nodes[ex.states[s].node].id);
    unconfirmed.outcome = unconfirmed.path.back();
    return unconfirmed;
  }

 private:
  void add_constants(const Procedure& proc, const std::string& prefix) {
    if (!visited_.insert(&proc).second) return;
    for (const Node& node : proc.nodes) {
      for (const Case& c : node.branch().cases) {
        if (c.condition) collect_constants(*c.condition, prefix, constants_);
      }
      if (node.kind == NodeKind::Call && node.call().callee_procedure) {
        add_constants(*node.call().callee_procedure, node.call().callee_procedure->id + ".");
      }
    }
  }

  // Depth-first over product states from which a violation is still reachable, never
  // passing a state or a question twice on one path (a scripted run cannot repeat one).
  std::optional<Counterexample> other_paths(const Exploration& ex, const std::vector<int>& bad) {
    const size_t n = ex.states.size();
    std::vector<std::vector<int>> back(n);
    for (size_t s = 0; s < n; ++s) {
      for (const Move& move : ex.next(s)) back[move.target()].push_back(static_cast<int>(s));
    }
    std::vector<char> useful(n, 0), is_bad(n, 0);
    std::vector<int> work = bad;
    for (int s : bad) useful[s] = is_bad[s] = 1;
    while (!work.empty()) {
      int s = work.back();
      work.pop_back();
      for (int p : back[s]) {
        if (!useful[p]) {
          useful[p] = 1;
          work.push_back(p);
        }
      }
    }
    Path path{{0}, {}};
    std::vector<size_t> position{0};
    std::vector<char> on_path(n, 0);
    std::vector<int> question_on_path(proc_.nodes.size(), 0);
    on_path[0] = 1;
    auto enter_node = [&](int s, int delta) {
      int node = ex.states[s].node;
      if (proc_.nodes[node].kind == NodeKind::Ask) question_on_path[node] += delta;
    };
    enter_node(0, 1);
    size_t steps = 0, candidates = 0;
    while (!path.states.empty() && steps++ < kMaxSearchSteps && candidates < kMaxCandidates) {
      int s = path.states.back();
      size_t& pos = position.back();
      if (is_bad[s] && pos == 0 && path.states.size() > 1) {
        ++candidates;
        if (auto found = confirm(ex, path)) return found;
      }
      if (pos < ex.next(s).size()) {
        const Move& next_move = ex.next(s)[pos++];
        const int t = next_move.target();
        const Transition move = next_move.transition();
        int node = ex.states[t].node;
        if (!useful[t] || on_path[t] ||
            (proc_.nodes[node].kind == NodeKind::Ask && question_on_path[node]))
          continue;
        path.states.push_back(t);
        path.moves.push_back(move);
        position.push_back(0);
        on_path[t] = 1;
        enter_node(t, 1);
        continue;
      }
      on_path[s] = 0;
      enter_node(s, -1);
      path.states.pop_back();
      position.pop_back();
      if (!path.moves.empty()) path.moves.pop_back();
    }
    if (!path.states.empty()) exhaustive_ = false;  // the budget ran out
    return std::nullopt;
  }

  // Concrete answers for the path, confirmed by replaying them. Each call on the path may
  // pass through any of the callee's paths that collect the same actions: the combinations
  // are tried in turn (within bounds), so that an infeasible path is proven infeasible.
  std::optional<Counterexample> confirm(const Exploration& ex, const Path& path) {
    // Per call on the path, the callee paths to try: remembered ones (paths_through) or a
    // witness kept here; pointers, so that no path is copied per candidate.
    std::deque<Path> witnesses;
    std::vector<std::vector<const Path*>> through;
    bool complete = true;
    size_t combinations = 1;
    for (size_t i = 0; i < path.moves.size(); ++i) {
      const Transition& t = path.moves[i];
      if (ex.proc->nodes[ex.states[path.states[i]].node].kind != NodeKind::Call || !t.callee)
        continue;
      const uint32_t exit_mask = t.callee->ex.states[t.callee_exit].mask;
      std::vector<const Path*>& tries = through.emplace_back();
      if (!t.callee->single_path_masks.count(exit_mask)) {
        for (const Path& p : paths_through(*t.callee, exit_mask, complete)) tries.push_back(&p);
      }
      if (tries.empty()) {
        // One path only, or none found within the bounds (then the search is not complete).
        if (!t.callee->single_path_masks.count(exit_mask)) complete = false;
        tries.push_back(&witnesses.emplace_back(witness(t.callee->ex, t.callee_exit)));
      }
      combinations = std::min(combinations * tries.size(), kMaxCalleeChoices + 1);
    }
    if (combinations > kMaxCalleeChoices) complete = false;
    std::vector<size_t> choice(through.size(), 0);
    for (size_t tried = 0; tried < std::min(combinations, kMaxCalleeChoices); ++tried) {
      std::vector<const Path*> chosen;
      for (size_t k = 0; k < through.size(); ++k) chosen.push_back(through[k][choice[k]]);
      if (auto found = confirm_through(ex, path, chosen)) return found;
      for (size_t k = 0; k < choice.size(); ++k) {  // the next combination, like an odometer
        if (++choice[k] < through[k].size()) break;
        choice[k] = 0;
      }
    }
    if (!complete) exhaustive_ = false;
    return std::nullopt;
  }

  // callee_paths, remembered: the candidates of one search pass the same calls again.
  const std::vector<Path>& paths_through(const Summary& callee, uint32_t mask, bool& complete) {
    auto key = std::make_pair(&callee, mask);
    auto it = callee_paths_.find(key);
    if (it == callee_paths_.end()) {
      bool all = true;
      std::vector<Path> found = callee_paths(callee, mask, all);
      it = callee_paths_.emplace(key, std::make_pair(std::move(found), all)).first;
    }
    if (!it->second.second) complete = false;
    return it->second.first;
  }

  std::optional<Counterexample> confirm_through(const Exploration& ex, const Path& path,
                                                const std::vector<const Path*>& callee_paths) {
    AnswerMap fixed;
    std::vector<FreeQuestion> free;
    bool other_callee_paths = false;
    std::vector<Decision> decisions;
    bool consistent = fix_answers(ex, path, constants_, fixed, free, decisions, true,
                                  other_callee_paths, callee_paths);
    // A call inside a callee passes through one path only: when others reach the same
    // actions, they were not tried, so an infeasible path proves nothing then.
    if (other_callee_paths) exhaustive_ = false;
    if (!consistent) return std::nullopt;
    std::vector<SampleDomain> domains;
    for (const FreeQuestion& f : free) {
      SampleDomain d{f.key, {}};
      if (f.node->ask().type == AnswerType::Multi) {
        // Every superset of the options the path chose.
        std::vector<const Option*> extra;
        for (const Option& o : f.node->ask().options) {
          if (std::find(f.chosen.begin(), f.chosen.end(), o.value) == f.chosen.end())
            extra.push_back(&o);
        }
        if (extra.size() > 12) extra.resize(12);
        for (size_t subset = 0; subset < (size_t{1} << extra.size()); ++subset) {
          std::vector<std::string> values = f.chosen;
          for (size_t i = 0; i < extra.size(); ++i) {
            if (subset & (size_t{1} << i)) values.push_back(extra[i]->value);
          }
          d.values.push_back(Value::of_list(std::move(values)));
        }
      } else if (f.node->ask().type == AnswerType::Number) {
        auto it = constants_.numbers.find(f.key);
        if (it != constants_.numbers.end()) {
          d.values = number_samples(it->second, f.node->ask().min, f.node->ask().max);
        } else {
          d.values = {Value::of_number(f.node->ask().min   ? *f.node->ask().min
                                       : f.node->ask().max ? *f.node->ask().max
                                                           : 0)};
        }
      } else {
        auto it = constants_.strings.find(f.key);
        if (it != constants_.strings.end()) {
          for (const std::string& s : it->second) d.values.push_back(Value::of_string(s));
        }
        d.values.push_back(Value::of_string("other text"));
      }
      domains.push_back(std::move(d));
    }
    std::optional<Counterexample> found;
    // Greedy first: branch by branch along the path, choose values for the open answers the
    // branch reads so it takes the path's edge. Linear in the path, so long procedures with
    // many number questions get concrete answers too.
    if (auto greedy = assign_greedily(fixed, domains, decisions)) {
      try_answers(*greedy, found);
      if (found) return found;
    }
    bool complete = for_each_combination(domains, kMaxAssignments,
                                         [&](const std::vector<const Value*>& values) {
                                           if (found) return;
                                           AnswerMap answers = fixed;
                                           for (size_t i = 0; i < domains.size(); ++i)
                                             answers[domains[i].name] = *values[i];
                                           try_answers(answers, found);
                                         });
    if (!complete) exhaustive_ = false;
    return found;
  }

  std::optional<AnswerMap> assign_greedily(const AnswerMap& fixed,
                                           const std::vector<SampleDomain>& domains,
                                           const std::vector<Decision>& decisions) {
    AnswerMap answers = fixed;
    std::map<std::string, const SampleDomain*> open;
    for (const SampleDomain& d : domains) open[d.name] = &d;
    for (const Decision& decision : decisions) {
      const Node& branch = *decision.branch;
      auto full = [&](const std::string& name) {
        return name.find('.') == std::string::npos ? decision.prefix + name : name;
      };
      // The open answers this branch reads, not yet chosen.
      std::vector<SampleDomain> choose;
      for (const Case& c : branch.branch().cases) {
        if (!c.condition) return std::nullopt;
        for (const std::string& name : expr::variables_read(*c.condition)) {
          std::string key = full(name);
          auto it = open.find(key);
          if (it == open.end() || answers.count(key)) continue;
          if (std::none_of(choose.begin(), choose.end(),
                           [&](const SampleDomain& d) { return d.name == key; })) {
            choose.push_back(*it->second);
          }
        }
      }
      bool done = false;
      for_each_combination(choose, kMaxAssignments, [&](const std::vector<const Value*>& values) {
        if (done) return;
        auto lookup = [&](std::string_view name) -> const Value* {
          std::string key = full(std::string(name));
          for (size_t i = 0; i < choose.size(); ++i) {
            if (choose[i].name == key) return values[i];
          }
          auto it = answers.find(key);
          return it == answers.end() ? nullptr : &it->second;
        };
        for (size_t k = 0; k < branch.branch().cases.size(); ++k) {
          bool holds = expr::evaluate(*branch.branch().cases[k].condition, lookup).value_or(false);
          bool wanted = static_cast<int>(k) == decision.edge;
          if (holds != wanted) return;
          if (wanted) break;
        }
        for (size_t i = 0; i < choose.size(); ++i) answers[choose[i].name] = *values[i];
        done = true;
      });
      if (!done) return std::nullopt;
    }
    for (const SampleDomain& d : domains) answers.emplace(d.name, d.values.front());
    return answers;
  }

  void try_answers(const AnswerMap& answers, std::optional<Counterexample>& found) {
    ReplayResult r = replay(proc_, answers);
    if (!r.reached || !violates(inv_, r.actions)) return;
    Counterexample c;
    c.answers = std::move(r.answered);
    c.outcome = proc_.nodes[r.outcome].id;
    c.confirmed = true;
    std::set<std::string> got(r.actions.begin(), r.actions.end());
    for (const Ref& ref : inv_.if_any) {
      if (got.count(ref.id)) c.triggers.push_back(ref.id);
    }
    for (const Ref& ref : inv_.require) {
      if (!got.count(ref.id)) c.missing.push_back(ref.id);
    }
    for (const Ref& ref : inv_.forbid) {
      if (got.count(ref.id)) c.forbidden.push_back(ref.id);
    }
    found = std::move(c);
  }

  const Procedure& proc_;
  const Invariant& inv_;
  Search search_;
  ComparedConstants constants_;
  std::set<const Procedure*> visited_;
  std::map<std::pair<const Summary*, uint32_t>, std::pair<std::vector<Path>, bool>> callee_paths_;
  bool exhaustive_ = true;  // no budget or bound cut the search short
};

std::string quoted_list(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += fmt::format("{}'{}'", out.empty() ? "" : ", ", id);
  return out;
}

}  // namespace

bool violates(const Invariant& inv, const std::vector<std::string>& actions) {
  auto has = [&](const Ref& r) {
    return std::find(actions.begin(), actions.end(), r.id) != actions.end();
  };
  if (std::none_of(inv.if_any.begin(), inv.if_any.end(), has)) return false;
  return !std::all_of(inv.require.begin(), inv.require.end(), has) ||
         std::any_of(inv.forbid.begin(), inv.forbid.end(), has);
}

// An invariant is broken when a path collects an `if` action and misses require[0], or
// misses require[1], ..., or collects a forbidden action. Each clause is searched on its own
// over (node, two bits), so the product graph is at most four times the procedure per
// clause instead of growing as 2^(required actions) when all are tracked together.
std::vector<Invariant> clauses(const Invariant& inv) {
  std::vector<Invariant> out;
  for (const Ref& r : inv.require)
    out.push_back(Invariant{inv.id, inv.location, {}, inv.if_any, {r}, {}});
  if (!inv.forbid.empty())
    out.push_back(Invariant{inv.id, inv.location, {}, inv.if_any, {}, inv.forbid});
  return out;
}

InvariantVerdict verify_invariant(const Procedure& procedure, const Invariant& invariant) {
  InvariantVerdict verdict;
  if (procedure.start_index < 0 || invariant.if_any.empty()) return verdict;
  size_t states = 0;
  try {
    for (const Invariant& part : clauses(invariant)) {
      auto found = CounterexampleFinder(procedure, invariant, part, states).run();
      if (!found) continue;
      if (found->confirmed) {
        verdict.counterexample = std::move(found);
        break;
      }
      if (!verdict.counterexample) verdict.counterexample = std::move(found);
    }
  } catch (const TooComplex&) {
    verdict.too_complex = true;
    verdict.counterexample.reset();
  }
  verdict.states = states;
  return verdict;
}

std::optional<Counterexample> find_violation(const Procedure& procedure,
                                             const Invariant& invariant) {
  return verify_invariant(procedure, invariant).counterexample;
}

AnswerMap answer_map(const Counterexample& counterexample) {
  AnswerMap out;
  for (const AnsweredQuestion& a : counterexample.answers) out[a.var] = a.value;
  return out;
}

std::string describe(const Counterexample& c) {
  if (!c.confirmed) return fmt::format("path {}", fmt::join(c.path, " -> "));
  std::string answers;
  for (const AnsweredQuestion& a : c.answers) {
    answers += fmt::format("{}{} = {}", answers.empty() ? "" : ", ", a.var, answer_text(a.value));
  }
  if (answers.empty()) answers = "(no questions)";
  return fmt::format("{} -> outcome '{}'", answers, c.outcome);
}

void check_invariants(Catalog& catalog) {
  for (const Procedure* proc : catalog.runnable()) {
    for (const Invariant& inv : proc->invariants) {
      InvariantVerdict verdict = verify_invariant(*proc, inv);
      if (verdict.too_complex) {
        catalog.diagnostics.report(
            Rule::InvariantTooComplex, inv.location,
            fmt::format("invariant '{}' was not verified: checking it needs more than {} states "
                        "of the search; split the procedure or the invariant",
                        inv.id, kMaxInvariantStates));
        continue;
      }
      auto& c = verdict.counterexample;
      if (!c) continue;
      std::string what;
      if (!c->confirmed) {
        what = "a path collects its `if` actions without all it requires (or with a forbidden one)";
      } else if (!c->forbidden.empty()) {
        what = fmt::format("a path collects {} together with forbidden {}",
                           quoted_list(c->triggers), quoted_list(c->forbidden));
      } else {
        what = fmt::format("a path collects {} but not {}", quoted_list(c->triggers),
                           quoted_list(c->missing));
      }
      Diagnostic& d =
          catalog.diagnostics.report(Rule::InvariantViolated, inv.location,
                                     fmt::format("invariant '{}' is broken: {}", inv.id, what));
      const Node* outcome = proc->node(c->outcome);
      Location at = outcome ? outcome->location : inv.location;
      d.notes.push_back({at, c->confirmed ? "counterexample: " + describe(*c)
                                          : "no answers found that follow this " + describe(*c) +
                                                "; its branch conditions may exclude it"});
    }
  }
}

}  // namespace procedura
