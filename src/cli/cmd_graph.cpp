#include <memory>

#include "cli/commands.h"
#include "commands/graph.h"

namespace procedura::cli {

void add_graph(CLI::App& app, Action& action) {
  auto options = std::make_shared<GraphCommandOptions>();
  auto format = std::make_shared<std::string>("dot");
  CLI::App* cmd =
      app.add_subcommand("graph", "Draw a procedure's flow as a Graphviz or Mermaid graph");
  cmd->add_option("procedure", options->target,
                  "Procedure id (from the search path) or a procedure file")
      ->required();
  cmd->add_option("--format", *format, "Graph language")
      ->capture_default_str()
      ->check(one_of({"dot", "mermaid"}));
  cmd->add_option("--lang", options->lang,
                  "Language of the texts (default: the procedure's first)");
  add_procedures_option(cmd, options->procedure_dirs, "Look procedures up in DIR (repeatable)");
  cmd->footer(
      "Examples:\n"
      "  procedura graph s01-nietrzezwy-uczen | dot -Tsvg > flow.svg\n"
      "  procedura graph procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml --format "
      "mermaid --lang en\n"
      "Shapes: question = hexagon, step = box, branch = diamond, call = 3-D box, outcome =\n"
      "double rounded box. Edges carry the answer or the condition; ✉ marks a notification,\n"
      "▸ a task and ✎ a document, each with its deadline.\n"
      "Exit status: 0 drawn, 2 usage error or a procedure that cannot be loaded.");
  cmd->callback([&action, options, format] {
    options->format = *format == "mermaid" ? GraphFormat::Mermaid : GraphFormat::Dot;
    action = [options] { return run_graph(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
