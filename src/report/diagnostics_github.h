#pragma once
// Diagnostics as GitHub Actions workflow commands, which the runner turns into
// annotations on the pull request:
//   ::error file=F,line=L,col=C,endColumn=E,title=rule-id::message
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace procedura {

void render_diagnostics_github(const std::vector<Diagnostic>& diagnostics, std::ostream& out);

// A file as GitHub matches it to the repository: relative to $GITHUB_WORKSPACE (else to the
// current directory), without "./" and never absolute.
std::string github_path(const std::string& path);

// Escaping of a command's message: '%', CR and LF.
std::string github_escape_data(std::string_view text);
// Escaping of a property value: as for messages, plus ':' and ','.
std::string github_escape_property(std::string_view text);

}  // namespace procedura
