#pragma once
// `procedura list`: the runnable procedures on the search path, numbered as the menu
// of `procedura run` shows them (same numbers), as text or JSON for other programs.
#include <iosfwd>
#include <string>
#include <vector>

namespace procedura {

enum class ListFormat { Text, Json };

struct ListOptions {
  std::vector<std::string> procedure_dirs;
  std::string lang = "pl";
  ListFormat format = ListFormat::Text;
};

// Exit status: 0 listed (also when there is nothing to list), 2 no search path.
int list_procedures(const ListOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
