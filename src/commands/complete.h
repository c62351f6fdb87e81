#pragma once
// The data behind shell completion (`procedura complete ...`, hidden from help): procedure
// ids of the search path and lint rule ids, one per line, so the completion script never
// goes stale as procedures and rules are added.
#include <iosfwd>
#include <string>
#include <vector>

namespace procedura {

// Ids of the runnable procedures below `dirs` (default: the procedures search path),
// sorted. Files that do not load are skipped silently: completion must never complain.
int run_complete_ids(const std::vector<std::string>& dirs, std::ostream& out);

// Every lint rule id, in table order.
int run_complete_rules(std::ostream& out);

}  // namespace procedura
