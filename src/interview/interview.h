#pragma once
// The terminal interview: shows each pending question of a Session on a Terminal, reads
// and interprets the operator's input, and records every answer and back-navigation in
// the transcript as it happens. Answers may also come from an answers file or, when
// resuming, from a transcript. Also the menu of procedures shown when none is named.
#include <string>
#include <vector>

#include "engine/scripted.h"
#include "engine/session.h"
#include "interview/terminal.h"
#include "report/run_report.h"
#include "report/transcript.h"

namespace procedura::interview {

struct InterviewOptions {
  std::string lang = "pl";
  bool keep_personal = false;
  const std::vector<Answer>* scripted = nullptr;  // --answers
  bool ask_missing = true;               // ask questions the answers file lacks (stdin is a TTY)
  std::vector<TranscriptRecord> replay;  // --resume: answers to give first, in order
  TranscriptWriter* transcript = nullptr;
  const ContactDirectory* directory = nullptr;  // phones shown beside urgent actions
};

struct InterviewResult {
  enum class End {
    Completed,        // an outcome was reached
    Quit,             // the operator quit (confirmed)
    Interrupted,      // Ctrl-C
    EndOfInput,       // input ended at a prompt
    Unanswered,       // scripted, non-interactive: the answers file lacks an answer
    BadScript,        // the answers file's answer is invalid, or loops
    ReplayMismatch,   // the transcript does not fit the procedure
    RuntimeError,     // the procedure cannot go on (Session::error)
    TranscriptError,  // writing the transcript failed (disk full...)
    OutputClosed,     // nobody reads the output any more
  };
  End end = End::Completed;
  std::string message;  // for the operator, in the interview language (empty for OutputClosed)
};

InterviewResult run_interview(engine::Session& session, Terminal& terminal,
                              const InterviewOptions& options);

// What the menu ended with: the procedure chosen, or why there is none.
struct MenuChoice {
  enum class Ended { Chosen, Quit, EndOfInput, Interrupted, NothingToChoose };
  const Procedure* procedure = nullptr;
  Ended ended = Ended::Chosen;
  std::string message;  // for the operator, when it did not end with a choice
};

// Numbered menu of procedures (title, audience); typing part of a title filters.
MenuChoice choose_procedure(const std::vector<const Procedure*>& procedures, Terminal& terminal,
                            const std::string& lang);

// "file:line" of a node, for messages.
std::string node_position(const Node& node);

}  // namespace procedura::interview
