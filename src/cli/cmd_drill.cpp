#include <unistd.h>

#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/drill/drill.h"
#include "util/terminal.h"

namespace procedura::cli {

void add_drill(CLI::App& app, Action& action) {
  auto options = std::make_shared<DrillOptions>();
  auto seed = std::make_shared<std::uint64_t>(0);
  CLI::App* cmd = app.add_subcommand(
      "drill",
      "Training: tell the story of a path, then ask which actions and recipients it needs");
  cmd->add_option("procedure", options->target, "Procedure id or file")
      ->required()
      ->type_name("ID|FILE");
  CLI::Option* seed_option =
      cmd->add_option("--seed", *seed, "Seed of the random choices (same seed, same drill)")
          ->type_name("N");
  cmd->add_option("--answers", options->answers_file,
                  "Drill the path these answers take instead of a random one")
      ->type_name("FILE");
  cmd->add_option("--lang", options->lang, "Language (default: the procedure's first)")
      ->check(one_of({"pl", "en"}));
  add_procedures_option(cmd, options->procedure_dirs,
                        "Look procedures up in DIR (repeatable; also PROCEDURA_PATH)");
  cmd->footer(
      "The trainee answers with the numbers of the items, separated by spaces or commas, on\n"
      "one line (standard input; a pipe works). The score is correct / (required + wrong).\n"
      "Without --seed a fresh seed is drawn and printed, so the drill can be repeated.\n"
      "Examples:\n"
      "  procedura drill s01-nietrzezwy-uczen\n"
      "  procedura drill s01-nietrzezwy-uczen --seed 7 --lang en\n"
      "  echo '1 4 5' | procedura drill s01-nietrzezwy-uczen --answers odp.yaml\n"
      "Exit status: 0 scored, 2 usage error or a procedure with errors, 3 end of input before\n"
      "the answer (or an answers file without an answer to a question on the path).");
  cmd->callback([&action, options, seed, seed_option] {
    if (seed_option->count() > 0) options->seed = *seed;
    options->echo_input = !::isatty(STDIN_FILENO);
    options->width = terminal_width(STDOUT_FILENO);
    action = [options] { return run_drill(*options, std::cin, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
