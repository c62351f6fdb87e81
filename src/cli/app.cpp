#include "cli/app.h"

#include <fmt/format.h>

#include <poll.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/commands.h"
#include "load/syntax_checks.h"
#include "util/exit_status.h"
#include "util/shared_library.h"

namespace procedura::cli {

CLI::Validator one_of(std::vector<std::string> values) {
  return CLI::IsMember(std::move(values));
}

// CLI11's PositiveNumber names a range up to DBL_MAX in 300 digits; a count deserves a
// sentence.
CLI::Validator positive_whole_number(const std::string& of_what, unsigned long long most) {
  return CLI::Validator(
      [of_what, most](std::string& text) -> std::string {
        bool digits = !text.empty() && text.size() <= 19 &&
                      text.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoull(text) == 0)
          return "'" + text + "' is not a number of " + of_what + " (a whole number, at least 1)";
        if (std::stoull(text) > most)
          return "'" + text + "' is more than " + std::to_string(most) + " " + of_what +
                 ", the most procedura accepts";
        return {};
      },
      "");
}

CLI::Validator language_code() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        size_t letters = 0;
        while (letters < text.size() && text[letters] >= 'a' && text[letters] <= 'z') ++letters;
        bool region = letters == text.size() ||
                      (text[letters] == '-' && letters + 1 < text.size() &&
                       text.find_first_not_of(
                           "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
                           letters + 1) == std::string::npos);
        if (letters >= 2 && letters <= 3 && region) return {};
        return "'" + text + "' is not a language code (pl, en, uk, …)";
      },
      "");
}

CLI::Validator calendar_date() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        if (is_iso_date(text)) return {};
        return "'" + text + "' is not a calendar date written YYYY-MM-DD (for example 2026-03-01)";
      },
      "");
}

CLI::Validator file_size_limit() {
  return positive_whole_number("bytes", 0xFFFFFFFFULL);
}

CLI::Option* add_procedures_option(CLI::App* cmd, std::vector<std::string>& dirs,
                                   const std::string& description) {
  return cmd->add_option("--procedures", dirs, description)
      ->type_name("DIR")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

std::shared_ptr<std::string> add_color_option(CLI::App* cmd, const std::string& description) {
  auto color = std::make_shared<std::string>("auto");
  cmd->add_option("--color", *color, description)
      ->capture_default_str()
      ->check(one_of({"auto", "always", "never"}));
  return color;
}

ColorMode color_mode(const std::string& text) {
  return text == "always"  ? ColorMode::Always
         : text == "never" ? ColorMode::Never
                           : ColorMode::Auto;
}

void add_help(CLI::App& app, Action& action) {
  auto command = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("help", "Show the help of a command (same as CMD --help)");
  cmd->add_option("command", *command, "The command to explain (default: all commands)")
      ->type_name("CMD");
  cmd->footer("Examples:\n  procedura help run\n  procedura help lint");
  cmd->callback([&app, &action, command] {
    action = [&app, command] {
      // The formatter directly: App::help() would describe the selected `help` itself.
      if (command->empty()) {
        std::cout << app.get_formatter()->make_help(&app, app.get_name(),
                                                    CLI::AppFormatMode::Normal);
        return kExitOk;
      }
      for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        if (sub->get_name() == *command && !sub->get_group().empty()) {
          std::cout << sub->get_formatter()->make_help(sub, app.get_name() + " " + sub->get_name(),
                                                       CLI::AppFormatMode::Normal);
          return kExitOk;
        }
      }
      std::cerr << "procedura help: no command '" << *command
                << "' (see `procedura --help` for the list)\n";
      return kExitUsage;
    };
  });
}

namespace {

// A report that did not reach its file (a full disk, a closed pipe) must not look like a
// success to the script that reads it: every command ends here, so each exits 2.
// True when standard output is a pipe whose reader has gone (`procedura ... | head -1`).
bool output_reader_gone() {
  struct stat st {};
  if (::fstat(1, &st) != 0 || !S_ISFIFO(st.st_mode)) return false;
  pollfd fd{1, POLLOUT, 0};
  return ::poll(&fd, 1, 0) == 1 && (fd.revents & POLLERR) != 0;
}

int with_output_written(int status) {
  std::cout.flush();
  bool failed = !std::cout;
  errno = 0;
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) failed = true;
  if (!failed) return status;
  int error = errno;
  // Whoever closed the pipe wanted no more: as with `| head`, end quietly and keep the
  // status of the work done. A full disk or another failure is still reported.
  if (error == EPIPE || output_reader_gone()) return status;
  std::cerr << "procedura: could not write the output"
            << (error ? fmt::format(" ({})", std::strerror(error)) : std::string()) << "\n";
  return kExitUsage;
}

}  // namespace

int run_command_line(int argc, char** argv) {
  // Named explicitly: Usage lines say `procedura`, not the path the binary was started by.
  CLI::App app{"procedura: guided interviews, verification and lint for intervention procedures",
               "procedura"};
  app.require_subcommand(0, 1);
  app.set_version_flag(
      "--version", fmt::format("procedura {}\nprocedure file formats: 1, 1.1", PROCEDURA_VERSION));
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
  add_list(app, action);
  add_verify(app, action);
  add_test(app, action);
  add_diff(app, action);
  add_drill(app, action);
  add_help(app, action);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);
    // CLI11 uses 100+ for parse errors; ours is 2 (usage). --help and --version are 0.
    return with_output_written(status == 0 ? kExitOk : kExitUsage);
  }
  if (!action) {
    std::cout << app.help();
    return with_output_written(kExitUsage);
  }
  try {
    return with_output_written(action());
  } catch (const LibraryUnavailable& e) {
    std::cerr << "procedura: " << e.what() << "\n";
    return kExitUsage;
  } catch (const std::exception& e) {
    std::cerr << "procedura: internal error: " << e.what() << "\n";
    return kExitUsage;
  }
}

}  // namespace procedura::cli
