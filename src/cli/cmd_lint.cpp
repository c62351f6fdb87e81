#include <memory>

#include "cli/commands.h"
#include "commands/lint/lint.h"

namespace procedura::cli {

void add_lint(CLI::App& app, Action& action) {
  auto options = std::make_shared<LintOptions>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd =
      app.add_subcommand("lint", "Check procedure files and report problems with their positions");
  cmd->add_option("paths", options->paths,
                  "Files or directories (default: the procedures search path)");
  cmd->add_option("--format", *format, "Output format")
      ->capture_default_str()
      ->check(one_of({"text", "json", "sarif", "github"}));
  auto color = add_color_option(cmd, "Colour in text output");
  cmd->add_flag("--strict", options->strict, "Warnings also fail (exit status 1)");
  cmd->add_option("--disable", options->disabled_rules, "Do not report RULE (repeatable)")
      ->type_name("RULE")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->add_option("--today", options->today, "Date for review-overdue, YYYY-MM-DD (default: today)")
      ->type_name("DATE")
      ->check(calendar_date());
  cmd->add_option("--root", options->procedures_root,
                  "Imports must resolve inside DIR (default: each input)")
      ->type_name("DIR");
  cmd->add_option("-j,--jobs", options->jobs,
                  "Threads reading, parsing and checking files (default: one per core)")
      ->type_name("N")
      ->check(CLI::Range(1, 1024));
  cmd->add_flag(
      "--cache", options->cache,
      "Reuse the results of files unchanged since the last run, with everything they depend on");
  cmd->add_option("--cache-dir", options->cache_dir,
                  "Cache directory, implies --cache (default: $XDG_CACHE_HOME/procedura/lint or "
                  "~/.cache/procedura/lint)")
      ->type_name("DIR");
  cmd->add_flag("--cache-stats", options->cache_stats,
                "With --cache: say on stderr how many files were replayed");
  cmd->add_option("--max-file-size", options->max_file_bytes,
                  "Refuse files larger than BYTES (default: 8388608, 8 MiB)")
      ->type_name("BYTES")
      ->check(file_size_limit());
  cmd->footer(
      "Examples:\n"
      "  procedura lint procedures/\n"
      "  procedura lint --strict --format github procedures/\n"
      "  procedura lint --disable unused-definition my-procedure.yaml\n"
      "  procedura lint --cache -j 4 procedures/\n"
      "Suppress inline with `# procedura: disable=RULE` (this or the next line) or\n"
      "`# procedura: disable-file=RULE`.\n"
      "Exit status: 0 no errors, 1 findings (warnings too with --strict), 2 usage or unreadable "
      "input.");
  cmd->callback([&action, options, format, color] {
    options->format = *format == "json"     ? LintFormat::Json
                      : *format == "sarif"  ? LintFormat::Sarif
                      : *format == "github" ? LintFormat::Github
                                            : LintFormat::Text;
    options->color = color_mode(*color);
    if (!options->cache_dir.empty()) options->cache = true;  // --cache-dir implies --cache
    action = [options] { return run_lint(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
