#pragma once
// Loading one version of a procedure for `procedura diff`. Both versions usually share their
// id (and their libraries' ids), so each is loaded in a catalog of its own, from its own
// tree: the file alone when it is self-contained, else the directory tree its imports point
// into (e.g. old/ for old/szkola/x.yaml importing ../../biblioteka/y.yaml), so its callees
// and libraries come from the same version. `drill FILE` loads its file the same way.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "export/target.h"

namespace procedura {

// On failure writes the diagnostics (file:line:col) and a message to `err`.
std::optional<LoadedTarget> load_version(const std::string& file,
                                         const std::vector<std::string>& procedure_dirs,
                                         std::string_view command, std::ostream& err);

}  // namespace procedura
