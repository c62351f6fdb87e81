#pragma once
// `procedura graph ID|FILE --format dot|mermaid [--lang L]`: the flow as a graph on stdout.
#include <iosfwd>
#include <string>
#include <vector>

namespace procedura {

enum class GraphFormat { Dot, Mermaid };

struct GraphCommandOptions {
  std::string target;  // procedure id or file
  GraphFormat format = GraphFormat::Dot;
  std::string lang;                         // empty: the procedure's default language
  std::vector<std::string> procedure_dirs;  // --procedures; empty: the search path
};

int run_graph(const GraphCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
