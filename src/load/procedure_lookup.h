#pragma once
// Where procedures are found when the user names none: --procedures, PROCEDURA_PATH,
// then the bundled set (source tree for a build, the installed data directory otherwise).
#include <string>
#include <vector>

namespace procedura {

std::vector<std::string> procedure_lookup_dirs(const std::vector<std::string>& explicit_dirs);

}  // namespace procedura
