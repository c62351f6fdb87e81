#pragma once
// What the menu of `procedura run` and `procedura list` show of each procedure (id, title,
// area, keywords, audience, version, file), read from those top-level keys alone: the rest
// of a file (its nodes, tests and definitions, most of its bytes) is neither parsed nor
// checked, so that the menu's first screen does not wait for every file to load.
#include <optional>
#include <string>
#include <vector>

#include "load/catalog.h"

namespace procedura {

// The procedures and libraries of `dirs` as headers only: each Procedure holds its kind,
// id, languages, version, title, area, keywords and audience, read by the full reader from
// the blocks of those keys (load/procedure_hints.h), and nothing else. std::nullopt when a
// header cannot be read for sure, so that the caller loads everything as before: a file
// whose lines leave the id in doubt, two files with one id, an alias in a header block, a
// header that does not parse on its own, a marked procedures root swept in. Files that no
// load could read (missing, not regular, too large, not UTF-8) are left out, as a full load
// leaves them out of the runnable procedures.
std::optional<Catalog> load_procedure_headers(const std::vector<std::string>& dirs,
                                              const LoadOptions& options = {});

}  // namespace procedura
