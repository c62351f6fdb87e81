// The compressed adjacency the flow checks share: lists in the order their edges were given,
// reversal in vertex order, and successor lists that match successors() node by node.
#include <doctest/doctest.h>

#include <vector>

#include "check/flow_graph.h"
#include "check_support.h"

namespace procedura {
namespace {

std::vector<int> list(const Adjacency& graph, size_t v) {
  return {graph[v].begin(), graph[v].end()};
}

TEST_CASE("an adjacency keeps each list in the order of its pairs, and reverses by vertex") {
  Adjacency graph = Adjacency::from_pairs(4, {{2, 0}, {0, 3}, {2, 1}, {0, 1}});
  REQUIRE(graph.size() == 4);
  CHECK(list(graph, 0) == std::vector<int>{3, 1});
  CHECK(list(graph, 1).empty());
  CHECK(list(graph, 2) == std::vector<int>{0, 1});
  CHECK(list(graph, 3).empty());
  Adjacency back = graph.reversed();
  CHECK(list(back, 0) == std::vector<int>{2});
  CHECK(list(back, 1) == std::vector<int>{0, 2});
  CHECK(list(back, 3) == std::vector<int>{0});
  CHECK(Adjacency::from_pairs(0, {}).size() == 0);
}

TEST_CASE("successor lists are successors() of every node, repeated targets once") {
  Catalog c = testing::checked(R"(format: 1
id: p
version: 1.0.0
title: T
start: q
nodes:
  q:
    ask: Q?
    type: choice
    options:
      - {value: a, label: A, next: k}
      - {value: b, label: B, next: k}
      - {value: c, label: C, next: s}
  s: {step: S, next: k}
  k: {outcome: K}
)",
                               false);
  const Procedure& proc = *c.runnable().front();
  Adjacency graph = successor_lists(proc);
  REQUIRE(graph.size() == proc.nodes.size());
  for (size_t v = 0; v < proc.nodes.size(); ++v) CHECK(list(graph, v) == successors(proc.nodes[v]));
  CHECK(list(graph, static_cast<size_t>(proc.index_of("q"))).size() == 2);
}

}  // namespace
}  // namespace procedura
