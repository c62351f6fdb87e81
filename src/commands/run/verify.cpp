#include <fmt/format.h>

#include <ostream>

#include "commands/run/verify.h"
#include "report/transcript.h"
#include "util/exit_status.h"

namespace procedura {

// Three answers: sealed and intact (0), intact but not sealed — an interrupted interview
// that can be resumed (1), broken or unreadable (2).
int verify_transcript(const std::string& path, std::ostream& out, std::ostream& err,
                      uint64_t max_bytes) {
  TranscriptContent content = read_transcript(path, max_bytes);
  if (!content.ok) {
    if (content.broken_line == 0) {
      err << "procedura verify: " << content.error << "\n";
    } else {
      out << fmt::format("{}:{}: broken: event {}: {}\n", path, content.broken_line,
                         content.broken_line, content.error);
    }
    return kExitUsage;
  }
  std::string procedure =
      fmt::format("procedure {} {}", content.procedure_id, content.procedure_version);
  if (content.incomplete_line) {
    out << fmt::format(
        "{}:{}: warning: the last line is incomplete (a write was cut off); it is ignored\n", path,
        content.incomplete_line);
  }
  if (content.sealed) {
    out << fmt::format("sealed: {} events, intact ({}, {})\n", content.events, procedure,
                       content.completed ? "completed" : "ended by the operator");
    return kExitOk;
  }
  out << fmt::format(
      "not sealed: {} events, intact so far ({}); the interview was interrupted: continue it "
      "with `procedura run --resume {}`{}\n",
      content.events, procedure, path,
      content.legacy ? "; written by an older procedura, its last event is not protected" : "");
  return kExitFindings;
}

}  // namespace procedura
