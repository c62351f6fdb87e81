#pragma once
// Diagnostics as a SARIF 2.1.0 log (one run), the format code-scanning services ingest.
// Every rule of the table is listed with its documentation, so a viewer can explain a
// finding without the tool at hand. Columns are Unicode code points, as in our locations.
#include <ostream>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace procedura {

struct SarifOptions {
  std::string_view tool_version;
  std::string_view information_uri;  // omitted when empty
};

void render_diagnostics_sarif(const std::vector<Diagnostic>& diagnostics, std::ostream& out,
                              const SarifOptions& options);

// "maybe-unset-variable" → "MaybeUnsetVariable" (SARIF's reportingDescriptor.name).
std::string pascal_case(std::string_view rule_id);

}  // namespace procedura
