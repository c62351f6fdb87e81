#include <fmt/format.h>

#include <ostream>

#include "commands/run.h"
#include "report/transcript.h"
#include "util/exit_status.h"

namespace procedura {

int verify_transcript(const std::string& path, std::ostream& out, std::ostream& err) {
  TranscriptContent content = read_transcript(path);
  if (content.ok) {
    out << fmt::format("ok: {} events, chain intact (procedure {} {}{})\n", content.events,
                       content.procedure_id, content.procedure_version,
                       content.completed ? ", completed" : ", not completed");
    return kExitOk;
  }
  if (content.broken_line == 0) {
    err << "procedura verify: " << content.error << "\n";
    return kExitUsage;
  }
  out << fmt::format("{}:{}: broken: event {}: {}\n", path, content.broken_line,
                     content.broken_line, content.error);
  return kExitFindings;
}

}  // namespace procedura
