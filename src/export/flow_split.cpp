#include "export/flow_split.h"

#include <algorithm>

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
    if (!taken[seed]) breadth_first(procedure, seed, taken, order);
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
  size_t previous = 1;
  while (left > 0) {
    std::vector<int> order = growth_order(procedure, reading, placed);
    // The longest prefix that fits, found by galloping from the size of the previous part
    // (parts of one flow tend to be alike), then bisecting: Graphviz runs stay few.
    size_t fit = 1, too_many = order.size() + 1;  // too_many: none known yet
    size_t probe = std::min(std::max<size_t>(previous, 2), order.size());
    while (too_many - fit > 1 && probe > fit && probe < too_many) {
      (fits(part_of(order, probe)) ? fit : too_many) = probe;
      bool bounded = too_many <= order.size();
      probe = bounded ? fit + (too_many - fit) / 2 : std::min(fit * 2, order.size());
    }
    size_t count = fit;
    previous = count;
    parts.push_back(part_of(order, count));
    for (int index : parts.back()) placed[index] = true;
    left -= count;
  }
  return parts;
}

}  // namespace procedura::flow
