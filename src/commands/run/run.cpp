#include "commands/run/run.h"

#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "commands/run/run_pager.h"
#include "commands/run/run_setup.h"
#include "engine/scripted.h"
#include "engine/session.h"
#include "interview/interview.h"
#include "messages/messages.h"
#include "report/run_report.h"
#include "report/transcript.h"
#include "util/exit_status.h"
#include "util/sha256.h"
#include "util/utf8.h"
#include "util/visible_stream.h"
#include "util/visible_text.h"

namespace procedura {
using messages::Msg;
using messages::say;

namespace {

void render_report(const engine::Session& session, const RunOptions& options,
                   const RunReportOptions& report, std::ostream& out) {
  switch (options.format) {
    case RunFormat::Text: {
      std::ostringstream text;
      render_run_report_text(session, report, text);
      if (options.no_pager) {
        out << text.str();
      } else {
        show_report(text.str(), out);
      }
      break;
    }
    case RunFormat::Json:
      render_run_report_json(session, report, out);
      break;
    case RunFormat::Markdown:
      render_run_report_markdown(session, report, out);
      break;
  }
  out.flush();
}

// The lines before the first question: what starts, where the transcript goes, what a
// resumed transcript gave back.
void write_opening(const RunOptions& options, const RunSetup& setup, bool interactive,
                   interview::Terminal& terminal, std::ostream& err) {
  const std::string& lang = setup.lang;
  const Procedure& procedure = *setup.loaded.procedure;
  // Wrapped at spaces like every other line, so a long title is never cut inside a word.
  auto write_wrapped = [&](const std::string& text) {
    int width = terminal.width();
    for (const std::string& line : utf8::wrap(visible_text(text), width > 20 ? width : 0))
      terminal.write(line + "\n");
  };
  write_wrapped(say(lang, Msg::Starting, procedure.title.in(lang), procedure.version));
  if (interactive && setup.transcript.is_open())
    write_wrapped(say(lang, Msg::TranscriptAt, setup.transcript_path));
  if (setup.resumed.incomplete_line) {
    err << "procedura run: warning: "
        << say(lang, Msg::TranscriptTailIgnored, options.resume, setup.resumed.incomplete_line)
        << "\n";
  }
  if (!options.resume.empty()) {
    size_t recorded = setup.resumed.answers.size();
    terminal.write((setup.restorable == recorded
                        ? say(lang, Msg::Resumed, setup.restorable)
                        : say(lang, Msg::ResumedUntilPersonal, setup.restorable, recorded)) +
                   "\n");
  }
}

RunReportOptions report_options(const RunOptions& options, const RunSetup& setup,
                                const interview::Terminal& terminal) {
  const bool machine = options.format != RunFormat::Text;
  const Procedure& procedure = *setup.loaded.procedure;
  RunReportOptions report;
  report.lang = setup.lang;
  report.keep_personal = setup.keep_personal;
  report.operator_name = options.operator_name;
  report.now = transcript_clock();
  // Only the JSON report names the file's hash: the others need not open libcrypto.
  if (options.format == RunFormat::Json && procedure.file)
    report.procedure_sha256 = sha256_hex(procedure.file->content());
  report.directory = options.directory_file.empty() ? nullptr : &setup.directory;
  report.width = machine ? 0 : terminal.width();
  report.colour = !machine && terminal.colour();
  report.details = options.details;
  return report;
}

// A completed interview: the report, answers of the file no question used, the transcript
// sealed.
int finish_completed(const engine::Session& session, const RunOptions& options, RunSetup& setup,
                     const RunReportOptions& report, std::ostream& out, std::ostream& err) {
  render_report(session, options, report, out);
  for (const Answer* unused : engine::ScriptedAnswers(setup.scripted).unused(session)) {
    std::string where = unused->location.file ? fmt::format("{}:{}", unused->location.file->path(),
                                                            unused->location.line)
                                              : options.answers_file;
    err << say(setup.lang, Msg::UnusedAnswer, where, unused->var) << "\n";
  }
  TranscriptWriter& transcript = setup.transcript;
  if (!transcript.is_open()) return kExitOk;
  std::string error = transcript.report(session);
  if (error.empty()) error = transcript.completed();
  if (error.empty()) error = transcript.sealed();
  if (error.empty()) return kExitOk;
  err << "procedura run: " << say(setup.lang, Msg::TranscriptFailed, error) << "\n";
  return kExitUsage;
}

using End = interview::InterviewResult::End;

// How an interview that neither completed nor lost its transcript stops: the reason its
// transcript records, whether it is sealed too (the operator ended it: not resumable), what
// is printed and the exit status.
struct Stop {
  enum class Say { Nothing, Message, Prefixed };  // Prefixed: after "procedura run: "
  const char* reason;
  bool sealed;
  Say say;
  int status;
};

Stop stop_of(End end) {
  using Say = Stop::Say;
  switch (end) {
    case End::OutputClosed:
      return {"output closed", false, Say::Nothing, kExitOk};
    case End::Interrupted:
      return {"interrupted", false, Say::Message, kExitInterrupted};
    case End::Quit:
      return {"quit", true, Say::Message, kExitInterrupted};
    case End::EndOfInput:
      return {"end of input", false, Say::Message, kExitUnanswered};
    case End::Unanswered:
      return {"unanswered", false, Say::Prefixed, kExitUnanswered};
    case End::BadScript:
    case End::ReplayMismatch:
      return {"invalid answers", false, Say::Prefixed, kExitUsage};
    case End::RuntimeError:
      return {"runtime error", false, Say::Prefixed, kExitUsage};
    case End::Completed:
    case End::TranscriptError:
      break;  // finish_run handles them before asking
  }
  return {"runtime error", false, Say::Prefixed, kExitUsage};
}

// How the interview ended decides the exit status and the transcript's last event.
int finish_run(const interview::InterviewResult& result, const engine::Session& session,
               const RunOptions& options, RunSetup& setup, const RunReportOptions& report,
               std::ostream& out, std::ostream& err) {
  TranscriptWriter& transcript = setup.transcript;
  // The run is stopping anyway; a failed last write is said, not hidden (the transcript
  // then reads as interrupted, and stays resumable).
  auto warn_if_failed = [&](const std::string& error) {
    if (!error.empty())
      err << "procedura run: " << say(setup.lang, Msg::TranscriptFailed, error) << "\n";
  };
  if (result.end == End::Completed)
    return finish_completed(session, options, setup, report, out, err);
  if (result.end == End::TranscriptError) {
    err << "procedura run: " << result.message << "\n";
    render_report(session, options, report, out);  // what was answered is not lost
    return kExitUsage;
  }
  Stop stop = stop_of(result.end);
  if (transcript.is_open()) {
    warn_if_failed(transcript.aborted(stop.reason));
    if (stop.sealed) warn_if_failed(transcript.sealed());
  }
  if (stop.say == Stop::Say::Prefixed) err << "procedura run: ";
  if (stop.say != Stop::Say::Nothing) err << result.message << "\n";
  return stop.status;
}

}  // namespace

int run_procedure(const RunOptions& options, std::ostream& out, std::ostream& raw_err) {
  // Every message here may quote an answers file, a transcript or a procedure: whatever
  // the print site, their controls are shown, never sent to the terminal.
  VisibleOstream err(raw_err);
  interview::install_interrupt_handler();
  const bool machine = options.format != RunFormat::Text;
  std::unique_ptr<interview::Terminal> terminal =
      interview::make_real_terminal(machine ? 2 : 1, options.plain, options.color);
  const bool interactive = terminal->is_tty();

  RunSetup setup;
  if (auto stop = load_run_procedure(options, *terminal, setup, err)) return *stop;
  if (auto stop = read_answers_file(options, setup, err)) return *stop;
  if (auto stop = read_contact_directory(options, setup, err)) return *stop;
  if (auto stop = open_transcript(options, interactive, setup, err)) return *stop;
  write_opening(options, setup, interactive, *terminal, err);

  engine::Session session(*setup.loaded.procedure);
  interview::InterviewOptions interview_options;
  interview_options.lang = setup.lang;
  interview_options.keep_personal = setup.keep_personal;
  interview_options.scripted = options.answers_file.empty() ? nullptr : &setup.scripted;
  interview_options.ask_missing = interactive;
  interview_options.replay = setup.resumed.answers;
  interview_options.transcript = setup.transcript.is_open() ? &setup.transcript : nullptr;
  interview_options.directory = options.directory_file.empty() ? nullptr : &setup.directory;
  interview::InterviewResult result =
      interview::run_interview(session, *terminal, interview_options);
  return finish_run(result, session, options, setup, report_options(options, setup, *terminal), out,
                    err);
}

}  // namespace procedura
