#pragma once
// Loads every procedure and library file given (files or directories, recursively),
// resolves imports and references, and collects the structural diagnostics.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "load/file_discovery.h"
#include "load/limits.h"
#include "model/diagnostic.h"
#include "model/procedure.h"
#include "model/source_file.h"

namespace procedura {

struct LoadOptions {
  // Imports must resolve inside this directory. Empty: each input directory (or, for a
  // file given alone, the directory holding it) is its own root.
  std::string procedures_root;
  Limits limits;
  // Threads that read and parse files (0: one per available core). Output does not
  // depend on it: per-file results are merged in file order.
  size_t jobs = 0;
  // Where parsed trees are kept between runs (see load/yaml_tree_cache.h); "" parses every
  // file. Must be a private directory: its entries become the procedures that run.
  std::string tree_cache_dir;
};

class Catalog {
 public:
  std::vector<std::unique_ptr<SourceFile>> files;      // every file read, in load order
  std::vector<std::unique_ptr<Procedure>> procedures;  // procedures and libraries
  Diagnostics diagnostics;
  // Findings in context procedures (see load/context_files.h): lint does not report them,
  // but a command that runs or counts a procedure calling one must not ignore them.
  Diagnostics context_diagnostics;
  size_t files_examined = 0;  // procedure files named or found (for the lint summary)
  bool input_error = false;   // some input could not be read at all (exit status 2)
  // Definitions (recipients, actions, legal bases) referenced by some file: for unused-definition.
  std::unordered_set<const void*> used;

  const Procedure* find(std::string_view id) const;
  std::vector<const Procedure*> runnable() const;  // procedures (not libraries), by id
};

// Never throws; every problem becomes a diagnostic.
Catalog load_catalog(const std::vector<std::string>& inputs, const LoadOptions& options = {});

// The errors among `found` positioned in a file that a run of one of `procedures` involves
// (involved_source_files), in report order.
std::vector<Diagnostic> errors_in_involved_files(const Diagnostics& found,
                                                 const std::vector<const Procedure*>& procedures);
// Those errors, reported or kept as context, for one procedure: any of them makes it unsafe
// to run, and its paths and scenarios meaningless.
std::vector<Diagnostic> errors_involving(const Catalog& catalog, const Procedure& procedure);
// The directory a found file's imports must resolve inside (see LoadOptions).
std::string import_root_for(const FoundFile& found, const LoadOptions& options);
// The same for files already found by discover_files (the lint cache loads a subset).
Catalog load_catalog_files(const std::vector<FoundFile>& found, const LoadOptions& options = {});

// Loads the files `wanted` (indexes into `found`) as load_catalog_files would among all of
// `found`, their imports, and the procedures they call, found by `callee_file` (an index
// into `found`, or found.size() when unknown), until no called procedure is missing.
// Files of a marked root above a walked directory are not swept in (see sweeps_marked_root).
using CalleeFile = std::function<size_t(std::string_view id)>;
Catalog load_catalog_subset(const std::vector<FoundFile>& found, const std::vector<size_t>& wanted,
                            const CalleeFile& callee_file, const LoadOptions& options = {});
// True when loading `found` would also load the rest of a marked procedures root.
bool sweeps_marked_root(const std::vector<FoundFile>& found, const LoadOptions& options = {});

// Loads one file whose bytes are already in memory, shown as `path` (the fuzzer, tests).
// Its imports, if any, are still looked up on disk relative to `path`.
Catalog load_catalog_from_memory(const std::string& path, std::string content,
                                 const LoadOptions& options = {});

}  // namespace procedura
