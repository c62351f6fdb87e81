#pragma once
// One registration function per subcommand. Each adds its options to the app and sets
// `action` to the function that runs it once parsing succeeds.
#include <CLI/CLI.hpp>

#include <functional>

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
void add_verify(CLI::App& app, Action& action);
void add_test(CLI::App& app, Action& action);
void add_diff(CLI::App& app, Action& action);
void add_drill(CLI::App& app, Action& action);

// --format values shared by several subcommands.
CLI::Validator one_of(std::vector<std::string> values);

}  // namespace procedura::cli
