#pragma once
// Resolves the procedure a trainer command names: an ID looked up in the procedures search
// path, or a FILE loaded directly (when it calls procedures it does not bring along, the
// search path is loaded with it, and failing that its own directory). Shared by the
// trainer commands.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "load/catalog.h"

namespace procedura {

struct LoadedTarget {
  std::unique_ptr<Catalog> catalog;
  const Procedure* procedure = nullptr;
};

// True when `argument` names a file rather than an id (a path separator or a YAML extension).
bool names_a_file(const std::string& argument);

// The procedure loaded from `path` (compared as canonical paths), or null.
const Procedure* find_by_path(const Catalog& catalog, const std::string& path);

// Loads the target; on failure writes a clear message (and the blocking diagnostics) to
// `err`, prefixed with `command`, and returns nullopt. Errors in files the target does
// not depend on do not block it.
std::optional<LoadedTarget> load_target(const std::string& argument,
                                        const std::vector<std::string>& procedure_dirs,
                                        std::string_view command, std::ostream& err);

// Every procedure of the search path (for --all), loaded together; null with a message when
// any file there has an error (a handbook of all must not silently drop one) or none exists.
std::unique_ptr<Catalog> load_all(const std::vector<std::string>& procedure_dirs,
                                  std::string_view command, std::ostream& err);

// Error diagnostics in the files `procedure` depends on: its own, its companion tests, its
// imports and the procedures it calls (transitively, with theirs).
std::vector<Diagnostic> blocking_errors(const Catalog& catalog, const Procedure& procedure);

}  // namespace procedura
