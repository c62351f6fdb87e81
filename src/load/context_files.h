#pragma once
// Context procedures: loaded only because they lie in the marked procedures root of a named
// file (see load/procedures_root.h), to resolve its calls. Their own findings are not
// reported: only the named files and the libraries those import are.
#include "load/catalog.h"

namespace procedura {

// Moves the diagnostics positioned in files of context procedures (and their test files)
// from `diagnostics` to `context_diagnostics`.
// Context: not named, and not imported (directly or through libraries) by a named one.
void drop_context_diagnostics(Catalog& catalog);

}  // namespace procedura
