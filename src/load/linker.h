#pragma once
// Resolves references between the files of a catalog: ids of nodes, actions, recipients,
// legal bases and called procedures; reports duplicate ids and dangling references.
#include "load/catalog.h"

namespace procedura {

void link_catalog(Catalog& catalog);

}  // namespace procedura
