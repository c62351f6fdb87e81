#pragma once
// The graph of a procedure as the verifier sees it: the edges leaving each node, strongly
// connected components, and per-catalog facts (reachability, which nodes can still reach an
// outcome, which procedures call themselves) that several checks share.
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "load/catalog.h"
#include "model/procedure.h"

namespace procedura {

// One way of leaving a node. `target` is -1 when the reference is missing or dangling
// (the loader reports those). Options and cases are null where they do not apply.
struct Edge {
  int target = -1;
  const Option* option = nullptr;  // yes_no / choice answer
  const Case* branch_case = nullptr;
  bool yes = false;  // yes_no answer when `option` is null (default `next`)
  bool otherwise = false;
};

// Every edge leaving a node, in order: a yes_no question's `yes` then `no` (an answer without
// an option follows the default `next`), a choice's options, the `next` of multi, number,
// text, step and call, a branch's cases then `otherwise`. Outcomes have none. A multi
// question is one edge: the chosen subset does not change where the interview goes.
std::vector<Edge> node_edges(const Node& node);

// Distinct successor indexes (targets >= 0), for reachability and loops.
std::vector<int> successors(const Node& node);

// Adjacency lists in two arrays (compressed rows): three allocations for a whole graph,
// where a vector per node made one per node (100,000 for a large procedure).
class Adjacency {
 public:
  // The lists of `count` vertices from (from, to) pairs; each list keeps the pairs' order.
  static Adjacency from_pairs(size_t count, const std::vector<std::pair<int, int>>& pairs);
  // The same graph with every edge turned round; each list in increasing vertex order.
  Adjacency reversed() const;

  size_t size() const { return begin_.empty() ? 0 : begin_.size() - 1; }
  std::span<const int> operator[](size_t v) const {
    return {targets_.data() + begin_[v], targets_.data() + begin_[v + 1]};
  }

 private:
  std::vector<int> begin_;  // size() + 1 offsets into targets_
  std::vector<int> targets_;
};

// successors() of every node of `procedure`.
Adjacency successor_lists(const Procedure& procedure);

// Strongly connected components, their members in one array as Adjacency keeps its lists:
// a large procedure's 100,000 single-node components make no allocation each.
class Components {
 public:
  size_t size() const { return begin_.size() - 1; }
  std::span<const int> operator[](size_t i) const {
    return {members_.data() + begin_[i], members_.data() + begin_[i + 1]};
  }

  class Iterator {
   public:
    Iterator(const Components& all, size_t at) : all_(&all), at_(at) {}
    std::span<const int> operator*() const { return (*all_)[at_]; }
    Iterator& operator++() {
      ++at_;
      return *this;
    }
    bool operator==(const Iterator& other) const { return at_ == other.at_; }

   private:
    const Components* all_;
    size_t at_;
  };
  Iterator begin() const { return {*this, 0}; }
  Iterator end() const { return {*this, size()}; }

  // Appends a component with the given members.
  template <class Members>
  void add(const Members& members) {
    members_.insert(members_.end(), members.begin(), members.end());
    begin_.push_back(static_cast<int>(members_.size()));
  }

 private:
  std::vector<int> begin_{0};  // size() + 1 offsets into members_
  std::vector<int> members_;
};

// The strongly connected components of a graph, sinks first: a component comes after every
// component it has an edge to. Iterative, so 100k-node procedures do not overflow the stack.
Components strongly_connected_components(const Adjacency& adjacency);

// True when the component is a loop: more than one member, or one member with an edge to itself.
bool is_loop(std::span<const int> component, const Adjacency& adjacency);

// A shortest path from `from` back to `from` within the members marked true (the first and
// last entries are `from`).
std::vector<int> loop_through(int from, const Adjacency& adjacency,
                              const std::vector<char>& member);

struct ProcedureFacts {
  std::vector<char> reachable;  // from start
  std::vector<char> live;       // some outcome can be reached from the node
  bool finishes = true;         // its start reaches an outcome (true when start is missing)
};

class CatalogGraph {
 public:
  explicit CatalogGraph(const Catalog& catalog);

  // Runnable procedures, callees before their callers (members of a call loop in any order).
  const std::vector<const Procedure*>& bottom_up() const { return order_; }
  const ProcedureFacts& facts(const Procedure& procedure) const { return facts_.at(&procedure); }
  bool recursive(const Procedure& procedure) const { return recursive_.count(&procedure) > 0; }
  // A call can continue after the callee: unresolved and recursive callees count as finishing
  // (their problem is reported once, elsewhere).
  bool call_finishes(const Node& call) const;

 private:
  ProcedureFacts analyze(const Procedure& procedure) const;

  std::vector<const Procedure*> order_;
  std::unordered_map<const Procedure*, ProcedureFacts> facts_;
  std::unordered_map<const Procedure*, int> recursive_;
};

}  // namespace procedura
