#pragma once
// The phases of `procedura run` before the first question, one function each: choose and
// load the procedure (or the one a transcript was recorded with), read the answers file and
// the contact directory, open the transcript. Each returns std::nullopt to go on, or the
// exit status to stop with after saying why on `err`.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands/run/run.h"
#include "commands/run/run_load.h"
#include "interview/terminal.h"
#include "model/source_file.h"
#include "report/run_report.h"
#include "report/transcript.h"

namespace procedura {

// What the phases gather for the interview.
struct RunSetup {
  LoadedRun loaded;
  TranscriptContent resumed;   // --resume: the transcript read back
  size_t restorable = 0;       // --resume: answers given back unasked
  std::string lang;            // the language of the run, once known
  bool keep_personal = false;  // personal answers go into the transcript
  std::vector<Answer> scripted;
  std::unique_ptr<SourceFile> answers_source;  // owns what `scripted` points into
  ContactDirectory directory;
  TranscriptWriter transcript;
  std::string transcript_path;
};

std::optional<int> load_run_procedure(const RunOptions& options, interview::Terminal& terminal,
                                      RunSetup& setup, std::ostream& err);
std::optional<int> read_answers_file(const RunOptions& options, RunSetup& setup, std::ostream& err);
std::optional<int> read_contact_directory(const RunOptions& options, RunSetup& setup,
                                          std::ostream& err);
std::optional<int> open_transcript(const RunOptions& options, bool interactive, RunSetup& setup,
                                   std::ostream& err);

}  // namespace procedura
