#pragma once
// Linting a set of found files, with or without the cache: the diagnostics to print and
// what keeps the files they point into alive.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "load/catalog.h"
#include "model/diagnostic.h"
#include "model/source_file.h"

namespace procedura {

struct LintSettings {
  LoadOptions load;
  std::string today;  // YYYY-MM-DD, already resolved (never empty)
  std::set<Rule> disabled;
};

struct LintRun {
  std::vector<Catalog> catalogs;  // files checked in this run
  std::vector<std::unique_ptr<SourceFile>>
      replayed_files;       // files whose results came from the cache
  Diagnostics diagnostics;  // sorted
  size_t files_examined = 0;
  bool input_error = false;
  size_t files_replayed = 0;  // procedure files whose diagnostics came from the cache
};

// Loads the files, runs every check and applies suppressions (no cache).
Catalog lint_catalog(const std::vector<FoundFile>& found, const LintSettings& settings);

// Procedure files among `found`, as the lint summary counts them.
size_t count_examined(const std::vector<FoundFile>& found);

}  // namespace procedura
