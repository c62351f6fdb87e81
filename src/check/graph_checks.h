#pragma once
// Graph rules: unreachable-node, dead-end, cycle and recursive-call.
#include "check/flow_graph.h"
#include "load/catalog.h"

namespace procedura {

void check_graph(Catalog& catalog, const CatalogGraph& graph);

}  // namespace procedura
