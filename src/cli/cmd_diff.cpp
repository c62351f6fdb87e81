#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/diff/diff.h"

namespace procedura::cli {

void add_diff(CLI::App& app, Action& action) {
  auto options = std::make_shared<DiffOptions>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd = app.add_subcommand(
      "diff", "Compare two versions of a procedure and replay scenarios and transcripts on both");
  cmd->add_option("old", options->before, "The old version's file")->required()->type_name("FILE");
  cmd->add_option("new", options->after, "The new version's file")->required()->type_name("FILE");
  cmd->add_option("--transcripts", options->transcripts_dir,
                  "Also replay the transcripts (*.jsonl) in DIR against both versions")
      ->type_name("DIR");
  cmd->add_option("--format", *format, "Output format")
      ->capture_default_str()
      ->check(one_of({"text", "json"}));
  cmd->add_option("--lang", options->lang, "Compare texts in this language only (default: all)")
      ->check(one_of({"pl", "en"}));
  add_procedures_option(cmd, options->procedure_dirs,
                        "Look called procedures up in DIR (repeatable)");
  cmd->footer(
      "Every test scenario of either version, and every transcript recorded for the procedure,\n"
      "is replayed against both versions; those that now end with another outcome or another\n"
      "set of actions, or no longer finish, are listed. Text-only changes are listed too but\n"
      "do not change the exit status.\n"
      "Examples:\n"
      "  procedura diff old/s01-nietrzezwy-uczen.yaml\n"
      "      procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml\n"
      "  procedura diff v1.yaml v2.yaml --transcripts ~/.local/share/procedura/transcripts\n"
      "  procedura diff v1.yaml v2.yaml --format json > diff.json\n"
      "Exit status: 0 no scenario or transcript ends differently, 1 some would,\n"
      "2 usage error or a version that cannot be loaded.");
  cmd->callback([&action, options, format] {
    options->format = *format == "json" ? DiffFormat::Json : DiffFormat::Text;
    action = [options] { return run_diff(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
