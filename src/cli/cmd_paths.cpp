#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/paths/paths.h"

namespace procedura::cli {

void add_paths(CLI::App& app, Action& action) {
  auto options = std::make_shared<PathsOptions>();
  auto count = std::make_shared<bool>(false);
  auto list = std::make_shared<bool>(false);
  CLI::App* cmd =
      app.add_subcommand("paths", "Count or list the distinct paths from start to an outcome");
  cmd->add_option("procedure", options->target,
                  "A procedure file, or the id of a procedure on the search path")
      ->required();
  CLI::Option* count_flag = cmd->add_flag(
      "--count", *count,
      "Print the exact number of paths (or say that a question loop makes it infinite)");
  cmd->add_flag("--list", *list,
                "List the scenarios: the answers, outcome and actions of each path")
      ->excludes(count_flag);
  cmd->add_option("--limit", options->limit, "List at most N paths (default 100)")
      ->type_name("N")
      ->check(positive_whole_number("paths"));
  add_procedures_option(cmd, options->procedures, "Look for procedure ids in DIR (repeatable)");
  cmd->footer(
      "A path is a sequence of edges: each answer option of a yes_no or choice question, each\n"
      "branch case and `otherwise`; multi, number and text questions are one edge each; a call\n"
      "counts the callee's paths times the paths after it.\n"
      "--list shows one scenario per path, as `var = value` answers with a sample number for\n"
      "each interval a `when` tells apart; a question is not asked twice on one path.\n"
      "Examples:\n"
      "  procedura paths --count procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml\n"
      "  procedura paths --count s01-nietrzezwy-uczen\n"
      "  procedura paths --list --limit 20 s01-nietrzezwy-uczen\n"
      "Exit status: 0 printed, 2 usage error or a procedure with errors.");
  cmd->callback([&action, options, count, list] {
    if (*count) options->mode = PathsMode::Count;
    if (*list) options->mode = PathsMode::List;
    action = [options] { return run_paths(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
