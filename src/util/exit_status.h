#pragma once

namespace procedura {

// Process exit statuses shared by all subcommands.
enum ExitStatus : int {
  kExitOk = 0,
  kExitFindings = 1,      // lint errors, failing tests, a changed outcome
  kExitUsage = 2,         // bad usage or input that could not be processed
  kExitUnanswered = 3,    // scripted run stopped at a question without an answer
  kExitInterrupted = 130  // Ctrl-C
};

}  // namespace procedura
