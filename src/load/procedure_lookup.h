#pragma once
// Where procedures are found when the user names none: --procedures, PROCEDURA_PATH,
// then the bundled set (source tree for a build, the installed data directory otherwise).
#include <string>
#include <vector>

namespace procedura {

std::vector<std::string> procedure_lookup_dirs(const std::vector<std::string>& explicit_dirs);

// Why procedures cannot be looked up in `dirs` at all ("" when they can): a directory named
// with --procedures that does not exist, or a PROCEDURA_PATH none of whose entries exists.
// Like PATH, a search path may name a missing directory beside existing ones.
std::string lookup_dirs_problem(const std::vector<std::string>& dirs, bool explicit_dirs);

}  // namespace procedura
