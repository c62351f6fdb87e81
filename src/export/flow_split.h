#pragma once
// Splitting a flow into parts for printing: each part is grown from the first node not yet
// placed (reading order) along the edges, so a part is a connected stretch of the flow as
// far as possible, and stops where the next node would make it too large to print.
#include <functional>
#include <vector>

#include "model/procedure.h"

namespace procedura::flow {

// Whether a part made of these nodes (indices, in reading order) prints well enough.
using PartFits = std::function<bool(const std::vector<int>& nodes)>;

// Every node in exactly one part; parts in the order of their first node in reading order,
// the nodes of each in reading order. A part of one node is kept even when it does not fit.
// `fits` is asked about O(log nodes) candidates per part and is assumed monotonic (a part
// that does not fit does not fit with more nodes either).
std::vector<std::vector<int>> split_flow(const Procedure& procedure, const PartFits& fits);

}  // namespace procedura::flow
