#include "commands/run.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <ostream>
#include <set>
#include <sstream>

#include "commands/run_load.h"
#include "commands/run_pager.h"
#include "engine/scripted.h"
#include "engine/session.h"
#include "interview/interview.h"
#include "load/catalog.h"
#include "load/encoding_check.h"
#include "load/procedure_paths.h"
#include "load/procedure_reader.h"
#include "load/yaml_tree.h"
#include "messages/messages.h"
#include "report/diagnostics_text.h"
#include "report/run_report.h"
#include "report/transcript.h"
#include "util/exit_status.h"
#include "util/read_file.h"
#include "util/sha256.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura {
namespace fs = std::filesystem;
using messages::Msg;
using messages::say;

namespace {

using Loaded = LoadedRun;

// Load errors in the files this run involves make it unsafe to run.
bool report_load_errors(const Loaded& loaded, std::ostream& err) {
  std::set<std::string> involved;
  for (const FileFingerprint& f : involved_files(*loaded.procedure)) involved.insert(f.path);
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : loaded.catalog.diagnostics.items()) {
    if (d.severity != Severity::Error || !d.location.file) continue;
    std::error_code ec;
    std::string path = fs::absolute(d.location.file->path(), ec).lexically_normal().string();
    if (involved.count(path)) errors.push_back(d);
  }
  if (errors.empty()) return false;
  render_diagnostics_text(errors, err, TextOptions{false});
  err << fmt::format(
      "procedura run: '{}' has errors (see `procedura lint`); it cannot be run safely\n",
      loaded.procedure->id);
  return true;
}

std::string transcript_file_name(const Procedure& procedure) {
  std::string time = iso_time(transcript_clock());
  for (char& c : time)
    if (c == ':') c = '-';
  return time + "-" + procedure.id;
}

// Picks the default transcript path in the per-user data directory (created 0700).
std::string default_transcript_path(const Procedure& procedure, std::string& error) {
  std::string dir = default_transcript_directory();
  if (dir.empty()) {
    error =
        "cannot find a data directory for transcripts (set XDG_DATA_HOME or HOME, or use "
        "--transcript FILE)";
    return {};
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    error = fmt::format("cannot create '{}': {}", dir, ec.message());
    return {};
  }
  ::chmod(dir.c_str(), 0700);
  std::string base = dir + "/" + transcript_file_name(procedure);
  std::string path = base + ".jsonl";
  for (int n = 2; fs::exists(path, ec); ++n) path = fmt::format("{}-{}.jsonl", base, n);
  return path;
}

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

}  // namespace

int run_procedure(const RunOptions& options, std::ostream& out, std::ostream& err) {
  interview::install_interrupt_handler();
  const bool machine = options.format != RunFormat::Text;
  std::unique_ptr<interview::Terminal> terminal =
      interview::make_real_terminal(machine ? 2 : 1, options.plain, options.color);

  Loaded loaded;
  LoadOptions load_options;
  load_options.limits.max_file_bytes = options.max_file_bytes;
  TranscriptContent resumed;
  std::string lang = options.lang;
  bool keep_personal = options.keep_personal;

  if (!options.resume.empty()) {
    resumed = read_transcript(options.resume, options.max_file_bytes);
    if (!resumed.ok) {
      err << fmt::format("procedura run: cannot resume from '{}': {}{}\n", options.resume,
                         resumed.broken_line ? fmt::format("line {}: ", resumed.broken_line) : "",
                         resumed.error);
      return kExitUsage;
    }
    if (resumed.sealed || resumed.completed) {
      err << fmt::format(
          "procedura run: the interview in '{}' {}; there is nothing to resume\n", options.resume,
          resumed.completed ? "is already completed" : "was ended by the operator and sealed");
      return kExitUsage;
    }
    if (std::string error = load_for_resume(resumed, load_options, loaded); !error.empty()) {
      err << "procedura run: cannot resume: " << error << "\n";
      return kExitUsage;
    }
    if (lang.empty()) lang = resumed.lang;
    keep_personal = resumed.keep_personal;
  } else if (!options.target.empty() && fs::is_regular_file(options.target)) {
    if (std::string error = load_run_file(options.target, load_options, loaded); !error.empty()) {
      err << "procedura run: " << error << "\n";
      return kExitUsage;
    }
  } else {
    std::vector<std::string> dirs = procedure_search_path(options.procedure_dirs);
    if (dirs.empty()) {
      err << "procedura run: no procedures found; use --procedures DIR or PROCEDURA_PATH\n";
      return kExitUsage;
    }
    if (options.target.empty()) {
      loaded.loaded_from = absolute_paths(dirs);
      loaded.catalog = load_catalog(dirs, load_options);  // messages show the paths as typed
      if (!terminal->is_tty()) {
        err << "procedura run: name a procedure (ID or FILE); the menu needs a terminal\n";
        return kExitUsage;
      }
      loaded.procedure = interview::choose_procedure(loaded.catalog.runnable(), *terminal,
                                                     lang.empty() ? "pl" : lang);
      if (!loaded.procedure) return kExitInterrupted;
    } else if (std::string error = load_run_id(dirs, options.target, load_options,
                                               !options.directory_file.empty(), loaded);
               !error.empty()) {
      err << "procedura run: " << error << "\n";
      return kExitUsage;
    }
  }
  const Procedure& procedure = *loaded.procedure;
  if (report_load_errors(loaded, err)) return kExitUsage;
  if (lang.empty())
    lang = procedure.default_language().empty() ? "pl" : procedure.default_language();
  size_t restorable = 0;
  if (!options.resume.empty()) {
    if (std::string error = check_replay(loaded, resumed.answers, lang, restorable);
        !error.empty()) {
      err << "procedura run: cannot resume: " << error << "\n";
      return kExitUsage;
    }
  }

  std::vector<Answer> scripted;
  std::unique_ptr<SourceFile> answers_source;
  if (!options.answers_file.empty()) {
    ReadFileResult content = read_regular_file(options.answers_file, options.max_file_bytes);
    if (!content.ok()) {
      err << fmt::format("procedura run: cannot read the answers file '{}': it {}{}\n",
                         options.answers_file, content.error,
                         content.problem == ReadFileResult::Problem::TooLarge
                             ? fmt::format(" ({} bytes; the limit is {}, --max-file-size)",
                                           content.size, options.max_file_bytes)
                             : "");
      return kExitUsage;
    }
    answers_source = std::make_unique<SourceFile>(options.answers_file, std::move(content.content));
    Diagnostics diagnostics;
    YamlDocument doc;
    if (check_encoding(*answers_source, diagnostics))
      doc = parse_yaml(*answers_source, load_options.limits, diagnostics);
    if (doc.ok()) scripted = read_answers(doc.root(), *answers_source, diagnostics);
    if (diagnostics.has_errors()) {
      render_diagnostics_text(diagnostics.items(), err, TextOptions{false});
      return kExitUsage;
    }
  }

  ContactDirectory directory;
  if (!options.directory_file.empty()) {
    std::vector<std::string> warnings;
    std::string error;
    if (!load_contact_directory(options.directory_file, directory, warnings, error)) {
      err << "procedura run: " << error << "\n";
      return kExitUsage;
    }
    std::set<std::string> known;
    for (const auto& p : loaded.catalog.procedures) {
      for (const auto& r : p->recipients) known.insert(r->id);
    }
    for (const auto& [id, contact] : directory) {
      if (!known.count(id))
        warnings.push_back(fmt::format("{}: '{}' is not a recipient of any loaded procedure",
                                       options.directory_file, id));
    }
    for (const std::string& w : warnings) err << "procedura run: warning: " << w << "\n";
  }

  // The transcript is opened, and its first event written, before the first question.
  TranscriptWriter transcript;
  std::string transcript_path = options.resume.empty() ? options.transcript : options.resume;
  const bool interactive = terminal->is_tty();
  if (transcript_path.empty() && interactive && !options.no_transcript) {
    std::string error;
    transcript_path = default_transcript_path(procedure, error);
    if (transcript_path.empty()) {
      err << "procedura run: " << say(lang, Msg::TranscriptFailed, error) << "\n";
      return kExitUsage;
    }
  }
  if (!transcript_path.empty()) {
    std::string error = options.resume.empty() ? transcript.create(transcript_path)
                                               : transcript.reopen(transcript_path, resumed);
    if (error.empty()) {
      error = options.resume.empty() ? transcript.start(procedure, involved_files(procedure),
                                                        loaded.loaded_from, lang, keep_personal)
                                     : transcript.resumed();
    }
    if (!error.empty()) {
      err << "procedura run: " << say(lang, Msg::TranscriptFailed, error) << "\n";
      return kExitUsage;
    }
  }

  // Wrapped at spaces like every other line, so a long title is never cut inside a word.
  auto write_wrapped = [&](const std::string& text) {
    int width = terminal->width();
    for (const std::string& line : utf8::wrap(visible_text(text), width > 20 ? width : 0))
      terminal->write(line + "\n");
  };
  write_wrapped(say(lang, Msg::Starting, procedure.title.in(lang), procedure.version));
  if (interactive && transcript.is_open())
    write_wrapped(say(lang, Msg::TranscriptAt, transcript_path));
  if (resumed.incomplete_line) {
    err << "procedura run: warning: "
        << say(lang, Msg::TranscriptTailIgnored, options.resume, resumed.incomplete_line) << "\n";
  }
  if (!options.resume.empty()) {
    terminal->write(
        (restorable == resumed.answers.size()
             ? say(lang, Msg::Resumed, restorable)
             : say(lang, Msg::ResumedUntilPersonal, restorable, resumed.answers.size())) +
        "\n");
  }

  engine::Session session(procedure, loaded.catalog);
  interview::InterviewOptions interview_options;
  interview_options.lang = lang;
  interview_options.keep_personal = keep_personal;
  interview_options.scripted = options.answers_file.empty() ? nullptr : &scripted;
  interview_options.ask_missing = interactive;
  interview_options.replay = resumed.answers;
  interview_options.transcript = transcript.is_open() ? &transcript : nullptr;
  interview_options.directory = options.directory_file.empty() ? nullptr : &directory;
  interview::InterviewResult result =
      interview::run_interview(session, *terminal, interview_options);

  RunReportOptions report;
  report.lang = lang;
  report.keep_personal = keep_personal;
  report.operator_name = options.operator_name;
  report.now = transcript_clock();
  report.procedure_sha256 = procedure.file ? sha256_hex(procedure.file->content()) : "";
  report.directory = options.directory_file.empty() ? nullptr : &directory;
  report.width = machine ? 0 : terminal->width();
  report.colour = !machine && terminal->colour();

  using End = interview::InterviewResult::End;
  // The run is stopping anyway; a failed last write is said, not hidden (the transcript
  // then reads as interrupted, and stays resumable).
  auto warn_if_failed = [&](const std::string& error) {
    if (!error.empty()) err << "procedura run: " << say(lang, Msg::TranscriptFailed, error) << "\n";
  };
  auto abort_with = [&](const std::string& reason) {
    if (transcript.is_open()) warn_if_failed(transcript.aborted(reason));
  };
  switch (result.end) {
    case End::Completed: {
      render_report(session, options, report, out);
      if (!scripted.empty()) {
        for (const Answer* unused : engine::ScriptedAnswers(scripted).unused(session)) {
          std::string where =
              unused->location.file
                  ? fmt::format("{}:{}", unused->location.file->path(), unused->location.line)
                  : options.answers_file;
          err << say(lang, Msg::UnusedAnswer, where, unused->var) << "\n";
        }
      }
      if (transcript.is_open()) {
        std::string error = transcript.report(session);
        if (error.empty()) error = transcript.completed();
        if (error.empty()) error = transcript.sealed();
        if (!error.empty()) {
          err << "procedura run: " << say(lang, Msg::TranscriptFailed, error) << "\n";
          return kExitUsage;
        }
      }
      return kExitOk;
    }
    case End::OutputClosed:
      abort_with("output closed");
      return kExitOk;
    case End::Interrupted:
      abort_with("interrupted");
      err << result.message << "\n";
      return kExitInterrupted;
    case End::Quit:
      abort_with("quit");
      if (transcript.is_open()) warn_if_failed(transcript.sealed());  // ended: not resumable
      err << result.message << "\n";
      return kExitInterrupted;
    case End::EndOfInput:
      abort_with("end of input");
      err << result.message << "\n";
      return kExitUnanswered;
    case End::Unanswered:
      abort_with("unanswered");
      err << "procedura run: " << result.message << "\n";
      return kExitUnanswered;
    case End::BadScript:
    case End::ReplayMismatch:
      abort_with("invalid answers");
      err << "procedura run: " << result.message << "\n";
      return kExitUsage;
    case End::RuntimeError:
      abort_with("runtime error");
      err << "procedura run: " << result.message << "\n";
      return kExitUsage;
    case End::TranscriptError:
      err << "procedura run: " << result.message << "\n";
      render_report(session, options, report, out);  // what was answered is not lost
      return kExitUsage;
  }
  return kExitUsage;
}

}  // namespace procedura
