#pragma once
// One registration function per subcommand. Each adds its options to the app and sets
// `action` to the function that runs it once parsing succeeds.
#include <CLI/CLI.hpp>

#include <functional>
#include <memory>

#include "util/terminal.h"

namespace procedura::cli {

using Action = std::function<int()>;

void add_lint(CLI::App& app, Action& action);
void add_explain(CLI::App& app, Action& action);
void add_graph(CLI::App& app, Action& action);
void add_render(CLI::App& app, Action& action);
void add_schema(CLI::App& app, Action& action);
void add_complete(CLI::App& app, Action& action);  // hidden; for shell completion
void add_paths(CLI::App& app, Action& action);
void add_run(CLI::App& app, Action& action);
void add_list(CLI::App& app, Action& action);
void add_verify(CLI::App& app, Action& action);
void add_test(CLI::App& app, Action& action);
void add_diff(CLI::App& app, Action& action);
void add_drill(CLI::App& app, Action& action);
void add_help(CLI::App& app, Action& action);  // `procedura help CMD` = `procedura CMD --help`

// --format values shared by several subcommands.
CLI::Validator one_of(std::vector<std::string> values);
// A whole number, at least 1 and at most `most`, of `of_what` ("bytes", "paths"): the
// message says so.
CLI::Validator positive_whole_number(const std::string& of_what, unsigned long long most = ~0ULL);
// `--max-file-size`: positions and lengths inside a file are 32-bit, so 4 GiB − 1 at most.
CLI::Validator file_size_limit();
// A language code (`pl`, `uk`, `pt-BR`): two or three lowercase letters, then optionally a
// hyphen and a region.
CLI::Validator language_code();
// A real calendar date written YYYY-MM-DD (`--today`): anything else is a usage error.
CLI::Validator calendar_date();

// `--procedures DIR`, repeatable, one DIR each time: `run --procedures DIR ID` leaves ID to
// the positional instead of reading it as a second directory.
CLI::Option* add_procedures_option(CLI::App* cmd, std::vector<std::string>& dirs,
                                   const std::string& description);

// `--color auto|always|never`: the text given, kept until the subcommand's callback turns it
// into a ColorMode with color_mode (an option's value lives past add_*).
std::shared_ptr<std::string> add_color_option(CLI::App* cmd, const std::string& description);
ColorMode color_mode(const std::string& text);

}  // namespace procedura::cli
