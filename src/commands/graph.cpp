#include "commands/graph.h"

#include "commands/language_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "export/graph.h"
#include "export/target.h"
#include "util/exit_status.h"

namespace procedura {

int run_graph(const GraphCommandOptions& options, std::ostream& out, std::ostream& err) {
  auto target = load_target(options.target, options.procedure_dirs, "graph", err);
  if (!target) return kExitUsage;
  if (!check_language(*target->procedure, options.lang, "graph", err)) return kExitUsage;
  GraphOptions graph{options.lang};
  if (options.format == GraphFormat::Dot) {
    write_dot(*target->procedure, out, graph);
  } else {
    write_mermaid(*target->procedure, out, graph);
  }
  out.flush();
  return kExitOk;
}

}  // namespace procedura
