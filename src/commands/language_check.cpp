#include "commands/language_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "model/procedure.h"

namespace procedura {

bool check_language(const Procedure& procedure, const std::string& lang, std::string_view command,
                    std::ostream& err) {
  if (lang.empty()) return true;
  const auto& langs = procedure.languages;
  if (langs.empty() || std::find(langs.begin(), langs.end(), lang) != langs.end()) return true;
  err << fmt::format("procedura {}: {} has no language '{}' (it has: {})\n", command, procedure.id,
                     lang, fmt::join(langs, ", "));
  return false;
}

}  // namespace procedura
