#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/list.h"

namespace procedura::cli {

void add_list(CLI::App& app, Action& action) {
  auto options = std::make_shared<ListOptions>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd =
      app.add_subcommand("list", "List the procedures that can be run, numbered as in the menu");
  add_procedures_option(cmd, options->procedure_dirs,
                        "Load procedures from DIR (repeatable; also PROCEDURA_PATH)");
  cmd->add_option("--lang", options->lang,
                  "Language of titles and areas, any a procedure may declare (default: pl); a "
                  "procedure without it shows its default language, the rest is in English "
                  "unless pl")
      ->type_name("LANG")
      ->check(language_code());
  cmd->add_option("--format", *format, "Output format")
      ->capture_default_str()
      ->check(one_of({"text", "json"}));
  cmd->footer(
      "Each procedure: its number in the menu of `procedura run`, title, id, version, audience\n"
      "and file. JSON: {\"lang\", \"procedures\": [{\"number\", \"id\", \"title\", \"area\",\n"
      "\"audience\", \"version\", \"file\"}]} (area is null when the procedure has none).\n"
      "Examples:\n"
      "  procedura list\n"
      "  procedura list --format json --lang en\n"
      "Exit status: 0 listed, 2 no procedures directory.");
  cmd->callback([&action, options, format] {
    options->format = *format == "json" ? ListFormat::Json : ListFormat::Text;
    action = [options] { return list_procedures(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
