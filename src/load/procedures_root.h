#pragma once
// The procedures root a file belongs to: the nearest directory, from the file's own folder
// upwards, that holds a `.procedura-root` marker file. A file named alone (on the command
// line, by an editor or a pre-commit hook) is then checked and run within that root: its
// imports resolve inside it and the procedures it calls are found in it.
#include <string>

namespace procedura {

inline constexpr const char* kProceduresRootMarker = ".procedura-root";

// The absolute, normalised root holding `path` (a file or a directory), or "" when no
// directory from `path` upwards holds the marker.
std::string find_procedures_root(const std::string& path);

}  // namespace procedura
