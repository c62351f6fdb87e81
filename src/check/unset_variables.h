#pragma once
// maybe-unset-variable: every variable a `when` reads must be set on every path to it.
#include "check/flow_graph.h"
#include "load/catalog.h"

namespace procedura {

void check_unset_variables(Catalog& catalog, const CatalogGraph& graph);

}  // namespace procedura
