#include "commands/lint_run.h"

#include <algorithm>

#include "check/checks.h"
#include "check/suppression.h"

namespace procedura {

Catalog lint_catalog(const std::vector<FoundFile>& found, const LintSettings& settings) {
  Catalog catalog = load_catalog_files(found, settings.load);
  run_checks(catalog, CheckOptions{settings.today});
  apply_suppressions(catalog.diagnostics, catalog.files, settings.disabled);
  return catalog;
}

size_t count_examined(const std::vector<FoundFile>& found) {
  return static_cast<size_t>(std::count_if(
      found.begin(), found.end(), [](const FoundFile& f) { return !is_test_companion(f.path); }));
}

}  // namespace procedura
