#include <memory>

#include "cli/commands.h"
#include "commands/render.h"

namespace procedura::cli {

void add_render(CLI::App& app, Action& action) {
  auto options = std::make_shared<RenderCommandOptions>();
  auto format = std::make_shared<std::string>("html");
  auto flow = std::make_shared<std::string>("auto");
  auto layout = std::make_shared<std::string>("a4");
  CLI::App* cmd =
      app.add_subcommand("render", "Write a printable handbook of a procedure (HTML or Markdown)");
  cmd->add_option("procedure", options->target,
                  "Procedure id (from the search path) or a procedure file");
  cmd->add_flag("--all", options->all,
                "Every procedure of the search path, with a table of contents");
  cmd->add_option("--format", *format, "Document format")
      ->capture_default_str()
      ->check(one_of({"html", "markdown"}));
  cmd->add_option("--lang", options->handbook.lang,
                  "Language of the texts (default: the procedure's first)");
  cmd->add_option("--flow", *flow,
                  "The flow as an SVG drawn by Graphviz, an outline, or auto (SVG when installed)")
      ->capture_default_str()
      ->check(one_of({"auto", "svg", "outline"}));
  cmd->add_option("--layout", *layout,
                  "HTML print: A4 pages (a large flow in readable parts), or the flow filling "
                  "an A1 poster page")
      ->capture_default_str()
      ->check(one_of({"a4", "poster"}));
  add_procedures_option(cmd, options->procedure_dirs, "Look procedures up in DIR (repeatable)");
  cmd->footer(
      "Examples:\n"
      "  procedura render s01-nietrzezwy-uczen > podrecznik.html    then print it from a browser\n"
      "  procedura render --all --lang en --format markdown > handbook.md\n"
      "  procedura render s07-niebieska-karta --layout poster > plakat.html\n"
      "The HTML is one self-contained file (no scripts, no external files).\n"
      "Exit status: 0 written, 2 usage error or a procedure that cannot be loaded.");
  cmd->callback([&action, options, format, flow, layout] {
    options->format = *format == "markdown" ? RenderFormat::Markdown : RenderFormat::Html;
    options->handbook.flow = *flow == "svg"       ? FlowStyle::Svg
                             : *flow == "outline" ? FlowStyle::Outline
                                                  : FlowStyle::Auto;
    options->handbook.poster = *layout == "poster";
    action = [options] { return run_render(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
