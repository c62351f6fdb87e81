#include "commands/complete.h"

#include <ostream>

#include "load/catalog.h"
#include "load/procedure_lookup.h"
#include "model/diagnostic.h"
#include "util/exit_status.h"

namespace procedura {

int run_complete_ids(const std::vector<std::string>& dirs, std::ostream& out) {
  std::vector<std::string> paths = procedure_lookup_dirs(dirs);
  if (paths.empty()) return kExitOk;
  Catalog catalog = load_catalog(paths);
  for (const Procedure* procedure : catalog.runnable()) {
    if (!procedure->id.empty()) out << procedure->id << '\n';
  }
  return kExitOk;
}

int run_complete_rules(std::ostream& out) {
  for (const RuleInfo& info : all_rules()) out << info.id << '\n';
  return kExitOk;
}

}  // namespace procedura
