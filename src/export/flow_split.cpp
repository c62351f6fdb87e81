#include "export/flow_split.h"

#include <algorithm>
#include <deque>

#include "export/flow.h"

namespace procedura::flow {

namespace {

// The order in which a part starting at the first unplaced node would take the others:
// breadth-first along the edges among unplaced nodes; when that runs out, the next
// unplaced node in reading order starts another stretch.
std::vector<int> growth_order(const Procedure& procedure, const std::vector<int>& reading,
                              const std::vector<bool>& placed) {
  std::vector<bool> taken = placed;
  std::vector<int> order;
  for (int seed : reading) {
    if (taken[seed]) continue;
    std::deque<int> queue{seed};
    taken[seed] = true;
    while (!queue.empty()) {
      int at = queue.front();
      queue.pop_front();
      order.push_back(at);
      for (const Edge& edge : edges_from(procedure, at, "")) {
        if (edge.to >= 0 && !taken[edge.to]) {
          taken[edge.to] = true;
          queue.push_back(edge.to);
        }
      }
    }
  }
  return order;
}

}  // namespace

std::vector<std::vector<int>> split_flow(const Procedure& procedure, const PartFits& fits) {
  std::vector<int> reading = reading_order(procedure);
  std::vector<int> rank(procedure.nodes.size(), 0);
  for (size_t i = 0; i < reading.size(); ++i) rank[reading[i]] = static_cast<int>(i);
  auto part_of = [&](const std::vector<int>& order, size_t count) {
    std::vector<int> nodes(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
    std::sort(nodes.begin(), nodes.end(), [&](int a, int b) { return rank[a] < rank[b]; });
    return nodes;
  };

  std::vector<std::vector<int>> parts;
  std::vector<bool> placed(procedure.nodes.size(), false);
  size_t left = procedure.nodes.size();
  while (left > 0) {
    std::vector<int> order = growth_order(procedure, reading, placed);
    // The longest prefix that fits: all of it, else a binary search between one node
    // (always taken) and the whole (known not to fit).
    size_t count = order.size();
    if (count > 1 && !fits(part_of(order, count))) {
      size_t fit = 1, too_many = count;
      while (too_many - fit > 1) {
        size_t middle = fit + (too_many - fit) / 2;
        (fits(part_of(order, middle)) ? fit : too_many) = middle;
      }
      count = fit;
    }
    parts.push_back(part_of(order, count));
    for (int index : parts.back()) placed[index] = true;
    left -= count;
  }
  return parts;
}

}  // namespace procedura::flow
