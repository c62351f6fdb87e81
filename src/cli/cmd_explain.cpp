#include <memory>

#include "cli/commands.h"
#include "commands/explain.h"

namespace procedura::cli {

void add_explain(CLI::App& app, Action& action) {
  auto rule = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("explain", "Show the documentation of a lint rule");
  cmd->add_option("rule", *rule, "Rule id, e.g. dangling-ref");
  cmd->add_flag("--list", *list, "List every rule with its severity and summary");
  cmd->footer("Examples:\n  procedura explain dangling-ref\n  procedura explain --list");
  cmd->callback([&action, rule, list] {
    action = [rule, list] { return run_explain(*rule, *list, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
