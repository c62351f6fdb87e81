#include "cli/app.h"

#include <fmt/format.h>

#include <iostream>

#include "cli/commands.h"
#include "util/exit_status.h"

namespace procedura::cli {

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::IsMember(std::move(values));
}

int main(int argc, char** argv) {
  CLI::App app{"procedura: guided interviews, verification and lint for intervention procedures"};
  app.require_subcommand(0, 1);
  app.set_version_flag("--version",
                       fmt::format("procedura {}\nprocedure file formats: 1", PROCEDURA_VERSION));
  app.footer(
      "Examples:\n"
      "  procedura run                         choose a bundled procedure and start the interview\n"
      "  procedura lint procedures/            check every procedure file below a directory\n"
      "  procedura lint --format sarif . > procedura.sarif\n"
      "  procedura explain dangling-ref        what a rule means and how to fix it\n"
      "\nExit status: 0 ok, 1 findings, 2 usage error or unreadable input, 3 unanswered question, "
      "130 interrupted.");

  Action action;
  add_lint(app, action);
  add_explain(app, action);
  add_graph(app, action);
  add_render(app, action);
  add_schema(app, action);
  add_complete(app, action);
  add_paths(app, action);
  add_run(app, action);
  add_verify(app, action);
  add_test(app, action);
  add_diff(app, action);
  add_drill(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    // CLI11 uses 100+ for parse errors; ours is 2 (usage). --help and --version are 0.
    return status == 0 ? kExitOk : kExitUsage;
  }
  if (!action) {
    std::cout << app.help();
    return kExitUsage;
  }
  try {
    return action();
  } catch (const std::exception& e) {
    std::cerr << "procedura: internal error: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace procedura::cli
