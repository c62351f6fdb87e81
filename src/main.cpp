#include <cstdio>
#include <exception>

#include "cli/app.h"
#include "util/exit_status.h"

int main(int argc, char** argv) {
  // Whatever escapes (memory exhausted while building the command table, say) ends with a
  // sentence and the usage status, never with std::terminate's abort.
  try {
    return procedura::cli::run_command_line(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "procedura: internal error: %s\n", e.what());
  } catch (...) {
    std::fputs("procedura: internal error\n", stderr);
  }
  return procedura::kExitUsage;
}
