#pragma once
// `--lang` checked against a procedure's languages, for the commands that take it.
#include <iosfwd>
#include <string>
#include <string_view>

namespace procedura {

struct Procedure;

// True when `lang` is empty or one of the procedure's languages (or the procedure declares
// none); otherwise writes "procedura COMMAND: ID has no language ..." and returns false.
bool check_language(const Procedure& procedure, const std::string& lang, std::string_view command,
                    std::ostream& err);

}  // namespace procedura
