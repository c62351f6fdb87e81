#pragma once

namespace procedura::cli {

// Parses the command line, runs the subcommand and returns the process exit status.
int run_command_line(int argc, char** argv);

}  // namespace procedura::cli
