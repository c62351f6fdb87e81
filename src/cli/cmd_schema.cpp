#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/schema.h"

namespace procedura::cli {

void add_schema(CLI::App& app, Action& action) {
  auto name = std::make_shared<std::string>("procedure");
  CLI::App* cmd =
      app.add_subcommand("schema", "Print the JSON Schema of procedure files (or of test files)");
  cmd->add_option("kind", *name,
                  "procedure (procedure and library files, the default) or test (NAME.test.yaml)")
      ->check(one_of({"procedure", "test"}));
  cmd->footer(
      "Examples:\n"
      "  procedura schema > procedure.schema.json\n"
      "  procedura schema test > test.schema.json\n"
      "Editors with the YAML language server pick the schema up from the first line of a file:\n"
      "  # yaml-language-server: $schema=../schema/procedure.schema.json");
  cmd->callback(
      [&action, name] { action = [name] { return run_schema(*name, std::cout, std::cerr); }; });
}

}  // namespace procedura::cli
