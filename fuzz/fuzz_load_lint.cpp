// libFuzzer target: one procedure file from memory through the whole of `procedura lint`
// (load, link, compile the conditions, every check, suppressions, the text and JSON
// renderers). Built only with -DPROCEDURA_FUZZ=ON (clang); see fuzz/run.sh.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "check/checks.h"
#include "check/suppression.h"
#include "load/catalog.h"
#include "report/diagnostics_json.h"
#include "report/diagnostics_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace procedura;
  // A directory that does not exist: imports resolve to "does not exist", never to real files.
  Catalog catalog =
      load_catalog_from_memory("/nonexistent-procedura-fuzz/input.yaml",
                               std::string(reinterpret_cast<const char*>(data), size));
  run_checks(catalog, CheckOptions{"2026-01-01"});
  apply_suppressions(catalog.diagnostics, catalog.files, {});
  catalog.diagnostics.sort();
  std::ostringstream sink;
  render_diagnostics_text(catalog.diagnostics.items(), sink, TextOptions{false});
  render_diagnostics_json(catalog.diagnostics.items(), sink);
  return 0;
}
