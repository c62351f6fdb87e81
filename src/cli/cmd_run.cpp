#include <memory>

#include "cli/commands.h"
#include "commands/run/run.h"

namespace procedura::cli {

void add_run(CLI::App& app, Action& action) {
  auto options = std::make_shared<RunOptions>();
  auto format = std::make_shared<std::string>("text");
  CLI::App* cmd =
      app.add_subcommand("run", "Run the guided interview of a procedure and print what to do");
  cmd->add_option("procedure", options->target,
                  "Procedure id or file (default: choose from a menu)")
      ->type_name("ID|FILE");
  add_procedures_option(cmd, options->procedure_dirs,
                        "Load procedures from DIR (repeatable; also PROCEDURA_PATH)");
  cmd->add_option("--lang", options->lang,
                  "Interview language: pl, en, or another the procedure declares (default: "
                  "the procedure's first)")
      ->type_name("LANG")
      ->check(language_code());
  cmd->add_option("--answers", options->answers_file,
                  "Answers file (YAML or JSON map var -> value)")
      ->type_name("FILE");
  cmd->add_option("--directory", options->directory_file,
                  "Contacts for recipients (YAML map id -> name, phone...)")
      ->type_name("FILE");
  cmd->add_option("--format", *format, "Report format")
      ->capture_default_str()
      ->check(one_of({"text", "json", "markdown"}));
  cmd->add_option("--operator", options->operator_name,
                  "Name of the person running the interview (Markdown note)")
      ->type_name("NAME");
  cmd->add_option("--transcript", options->transcript, "Write the transcript to FILE")
      ->type_name("FILE");
  cmd->add_flag("--no-transcript", options->no_transcript,
                "Do not keep a transcript of an interactive run");
  cmd->add_flag("--keep-personal", options->keep_personal,
                "Keep answers marked personal in the transcript and report");
  cmd->add_option("--resume", options->resume,
                  "Continue the interrupted interview recorded in FILE")
      ->type_name("FILE");
  cmd->add_flag("--plain", options->plain,
                "Linear text without colour or line editing (screen readers)");
  cmd->add_flag("--details", options->details,
                "Report: full texts of actions, prohibitions and recipients, not one-line forms");
  cmd->add_flag("--no-pager", options->no_pager,
                "Print the report directly, even when it is taller than the terminal");
  auto color = add_color_option(cmd, "Colour");
  cmd->add_option("--max-file-size", options->max_file_bytes,
                  "Refuse files larger than BYTES (default: 8388608, 8 MiB)")
      ->type_name("BYTES")
      ->check(file_size_limit());
  cmd->footer(
      "Examples:\n"
      "  procedura run                              choose a procedure from the menu\n"
      "  procedura run s01-nietrzezwy-uczen --lang en\n"
      "  procedura run --procedures examples poznaj-format           from another directory\n"
      "  procedura run s01-nietrzezwy-uczen --answers answers.yaml --format json\n"
      "  procedura run s01-nietrzezwy-uczen < answers.txt            answers one per line\n"
      "  procedura run --resume ~/.local/share/procedura/transcripts/FILE.jsonl\n"
      "At a question: the option's number, its label or the start (3+ letters) of a word of it;\n"
      "tak/nie (yes/no) at yes/no questions; ? help, b back, q quit. The chosen option is\n"
      "repeated (→ label); urgent actions are shown at once under TERAZ (NOW), prohibitions\n"
      "under NIE WOLNO (DO NOT).\n"
      "The report: outcome, actions grouped TERAZ / hours / days / no deadline, NIE WOLNO,\n"
      "notifications, legal bases; one line per item in its short form (--details: full\n"
      "texts; --format markdown: the full note). On a terminal a report taller than the\n"
      "screen goes through $PAGER (default less -R) unless --no-pager.\n"
      "Interactive runs keep a transcript in $XDG_DATA_HOME/procedura/transcripts\n"
      "(default ~/.local/share/procedura/transcripts) unless --no-transcript.\n"
      "Exit status: 0 completed, 2 bad input or transcript failure, 3 unanswered question or\n"
      "end of input, 130 interrupted (Ctrl-C) or quit.");
  cmd->callback([&action, options, format, color] {
    options->format = *format == "json"       ? RunFormat::Json
                      : *format == "markdown" ? RunFormat::Markdown
                                              : RunFormat::Text;
    options->color = color_mode(*color);
    action = [options] { return run_procedure(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
