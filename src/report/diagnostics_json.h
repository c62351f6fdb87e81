#pragma once
// Diagnostics as one pretty-printed JSON array, for scripts and editors:
//   [{"file": ..., "line": 3, "column": 5, "severity": "error", "rule": "unknown-key",
//     "message": ..., "end_line"?: ..., "end_column"?: ..., "notes"?: [...]}]
// Keys always come in this order. A diagnostic without a file has "file": null.
#include <ostream>
#include <vector>

#include "model/diagnostic.h"

namespace procedura {

void render_diagnostics_json(const std::vector<Diagnostic>& diagnostics, std::ostream& out);

}  // namespace procedura
