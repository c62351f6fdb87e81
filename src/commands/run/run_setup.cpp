#include "commands/run/run_setup.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <set>

#include "check/checks.h"
#include "check/suppression.h"
#include "commands/private_dir.h"
#include "interview/interview.h"
#include "load/encoding_check.h"
#include "load/procedure_headers.h"
#include "load/procedure_lookup.h"
#include "load/procedure_reader.h"
#include "load/yaml_tree.h"
#include "load/yaml_tree_cache.h"
#include "messages/messages.h"
#include "report/diagnostics_text.h"
#include "util/exit_status.h"
#include "util/read_file.h"

namespace procedura {
namespace fs = std::filesystem;
using messages::Msg;
using messages::say;

namespace {

// Errors in the files this run involves make it unsafe to run: those of loading, and those
// of the checks lint runs, so that a procedure that loops without a question, cannot reach
// an outcome or breaks an invariant is refused before its first question, not midway.
bool report_errors(LoadedRun& loaded, std::ostream& err) {
  if (involved_errors(loaded).empty()) {
    run_checks(loaded.catalog, CheckOptions{});
    apply_suppressions(loaded.catalog.diagnostics, loaded.catalog.files, {});
  }
  std::vector<Diagnostic> errors = involved_errors(loaded);
  if (errors.empty()) return false;
  render_diagnostics_text(errors, err, TextOptions{false});
  err << fmt::format(
      "procedura run: '{}' has errors (see `procedura lint`); it cannot be run safely\n",
      loaded.procedure->id);
  return true;
}

// --resume: the transcript, and exactly what it was recorded with.
std::optional<int> load_resumed(const RunOptions& options, const LoadOptions& load_options,
                                RunSetup& setup, std::ostream& err) {
  setup.resumed = read_transcript(options.resume, options.max_file_bytes);
  const TranscriptContent& resumed = setup.resumed;
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
  if (std::string error = load_for_resume(resumed, load_options, setup.loaded); !error.empty()) {
    err << "procedura run: cannot resume: " << error << "\n";
    return kExitUsage;
  }
  if (setup.lang.empty()) setup.lang = resumed.lang;
  setup.keep_personal = resumed.keep_personal;
  return std::nullopt;
}

// A procedure chosen from the headers is loaded as `run ID` loads it (its errors are then
// reported by report_errors). One whose file does not load at all (broken past its
// header) is refused with that file's errors.
std::optional<int> load_chosen(const RunOptions& options, const LoadOptions& load_options,
                               const std::vector<std::string>& dirs, const Procedure& chosen,
                               RunSetup& setup, std::ostream& err) {
  const std::string id = chosen.id, path = chosen.file->path();  // `chosen` dies with the menu
  std::string error =
      load_run_id(dirs, id, load_options, !options.directory_file.empty(), setup.loaded);
  if (error.empty()) return std::nullopt;
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : setup.loaded.catalog.diagnostics.items()) {
    if (d.severity == Severity::Error && d.location.file && d.location.file->path() == path)
      errors.push_back(d);
  }
  if (errors.empty()) {
    err << "procedura run: " << error << "\n";
  } else {
    render_diagnostics_text(errors, err, TextOptions{false});
    err << fmt::format(
        "procedura run: '{}' has errors (see `procedura lint`); it cannot be run safely\n", id);
  }
  return kExitUsage;
}

// The exit status of a menu left without a choice, as at a question: quitting or Ctrl-C
// 130, the end of input 3, no procedure to offer 2.
int menu_ended(const interview::MenuChoice& choice, std::ostream& err) {
  using Ended = interview::MenuChoice::Ended;
  if (!choice.message.empty()) err << choice.message << "\n";
  switch (choice.ended) {
    case Ended::EndOfInput:
      return kExitUnanswered;
    case Ended::NothingToChoose:
      return kExitUsage;
    case Ended::Chosen:
    case Ended::Quit:
    case Ended::Interrupted:
      break;
  }
  return kExitInterrupted;
}

// The menu: its first screen from the procedures' headers (load/procedure_headers.h), or
// from every file loaded when a header is in doubt.
std::optional<int> choose_from_menu(const RunOptions& options, const LoadOptions& load_options,
                                    const std::vector<std::string>& dirs,
                                    interview::Terminal& terminal, RunSetup& setup,
                                    std::ostream& err) {
  if (!terminal.is_tty()) {
    err << "procedura run: name a procedure (ID or FILE); the menu needs a terminal\n";
    return kExitUsage;
  }
  const std::string lang = setup.lang.empty() ? "pl" : setup.lang;
  LoadedRun& loaded = setup.loaded;
  loaded.loaded_from = absolute_paths(dirs);
  if (std::optional<Catalog> headers = load_procedure_headers(dirs, load_options)) {
    interview::MenuChoice choice = interview::choose_procedure(headers->runnable(), terminal, lang);
    if (!choice.procedure) return menu_ended(choice, err);
    return load_chosen(options, load_options, dirs, *choice.procedure, setup, err);
  }
  loaded.catalog = load_catalog(dirs, load_options);  // messages show the paths as typed
  interview::MenuChoice choice =
      interview::choose_procedure(loaded.catalog.runnable(), terminal, lang);
  if (!choice.procedure) return menu_ended(choice, err);
  loaded.procedure = choice.procedure;
  return std::nullopt;
}

// An id, or the menu, over the procedures of the search path.
std::optional<int> load_from_search_path(const RunOptions& options, const LoadOptions& load_options,
                                         interview::Terminal& terminal, RunSetup& setup,
                                         std::ostream& err) {
  std::vector<std::string> dirs = procedure_lookup_dirs(options.procedure_dirs);
  if (dirs.empty()) {
    err << "procedura run: no procedures found; use --procedures DIR or PROCEDURA_PATH\n";
    return kExitUsage;
  }
  LoadedRun& loaded = setup.loaded;
  if (options.target.empty())
    return choose_from_menu(options, load_options, dirs, terminal, setup, err);
  // An id: the procedure, its imports and its callees only (see load_run_id).
  if (std::string error =
          load_run_id(dirs, options.target, load_options, !options.directory_file.empty(), loaded);
      !error.empty()) {
    render_diagnostics_text(loaded.refusal_errors, err, TextOptions{false});
    err << "procedura run: " << error << "\n";
    return kExitUsage;
  }
  return std::nullopt;
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

// The tree cache of `run` (load/yaml_tree_cache.h): on by default, off with
// PROCEDURA_NO_TREE_CACHE set, and never in a directory that is not this user's own.
std::string run_tree_cache_dir() {
  if (const char* off = std::getenv("PROCEDURA_NO_TREE_CACHE"); off && *off) return "";
  std::string dir = default_tree_cache_dir();
  if (dir.empty() || !private_cache_dir(dir).empty()) return "";
  return dir;
}

}  // namespace

std::optional<int> load_run_procedure(const RunOptions& options, interview::Terminal& terminal,
                                      RunSetup& setup, std::ostream& err) {
  LoadOptions load_options;
  load_options.limits.max_file_bytes = options.max_file_bytes;
  load_options.tree_cache_dir = run_tree_cache_dir();
  setup.lang = options.lang;
  setup.keep_personal = options.keep_personal;
  std::optional<int> stop;
  if (!options.resume.empty()) {
    stop = load_resumed(options, load_options, setup, err);
  } else if (!options.target.empty() && fs::is_regular_file(options.target)) {
    if (std::string error = load_run_file(options.target, load_options, setup.loaded);
        !error.empty()) {
      render_diagnostics_text(setup.loaded.refusal_errors, err, TextOptions{false});
      err << "procedura run: " << error << "\n";
      stop = kExitUsage;
    }
  } else {
    stop = load_from_search_path(options, load_options, terminal, setup, err);
  }
  if (stop) return stop;
  const Procedure& procedure = *setup.loaded.procedure;
  if (report_errors(setup.loaded, err)) return kExitUsage;
  if (setup.lang.empty())
    setup.lang = procedure.default_language().empty() ? "pl" : procedure.default_language();
  // The interface speaks Polish and English (English for any other language); a procedure
  // may be run in any language it declares, and only in those besides the two.
  const auto& declared = procedure.languages;
  if (setup.lang != "pl" && setup.lang != "en" &&
      std::find(declared.begin(), declared.end(), setup.lang) == declared.end()) {
    err << fmt::format("procedura run: --lang {}: '{}' declares {}\n", setup.lang, procedure.id,
                       declared.empty() ? std::string("no languages (plain texts)")
                                        : fmt::format("[{}]", fmt::join(declared, ", ")));
    return kExitUsage;
  }
  if (!options.resume.empty()) {
    if (std::string error =
            check_replay(setup.loaded, setup.resumed.answers, setup.lang, setup.restorable);
        !error.empty()) {
      err << "procedura run: cannot resume: " << error << "\n";
      return kExitUsage;
    }
  }
  return std::nullopt;
}

std::optional<int> read_answers_file(const RunOptions& options, RunSetup& setup,
                                     std::ostream& err) {
  if (options.answers_file.empty()) return std::nullopt;
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
  setup.answers_source =
      std::make_unique<SourceFile>(options.answers_file, std::move(content.content));
  Limits limits;
  limits.max_file_bytes = options.max_file_bytes;
  Diagnostics diagnostics;
  YamlDocument doc;
  if (check_encoding(*setup.answers_source, diagnostics))
    doc = parse_yaml(*setup.answers_source, limits, diagnostics);
  if (doc.ok()) setup.scripted = read_answers(doc.root(), *setup.answers_source, diagnostics);
  if (diagnostics.has_errors()) {
    render_diagnostics_text(diagnostics.items(), err, TextOptions{false});
    return kExitUsage;
  }
  return std::nullopt;
}

std::optional<int> read_contact_directory(const RunOptions& options, RunSetup& setup,
                                          std::ostream& err) {
  if (options.directory_file.empty()) return std::nullopt;
  std::vector<std::string> warnings;
  std::string error;
  if (!load_contact_directory(options.directory_file, setup.directory, warnings, error)) {
    err << "procedura run: " << error << "\n";
    return kExitUsage;
  }
  std::set<std::string> known;
  for (const auto& p : setup.loaded.catalog.procedures) {
    for (const auto& r : p->recipients) known.insert(r->id);
  }
  for (const auto& [id, contact] : setup.directory) {
    if (!known.count(id))
      warnings.push_back(fmt::format("{}: '{}' is not a recipient of any loaded procedure",
                                     options.directory_file, id));
  }
  for (const std::string& w : warnings) err << "procedura run: warning: " << w << "\n";
  return std::nullopt;
}

// The transcript is opened, and its first event written, before the first question.
std::optional<int> open_transcript(const RunOptions& options, bool interactive, RunSetup& setup,
                                   std::ostream& err) {
  const Procedure& procedure = *setup.loaded.procedure;
  const bool resuming = !options.resume.empty();
  setup.transcript_path = resuming ? options.resume : options.transcript;
  if (setup.transcript_path.empty() && interactive && !options.no_transcript) {
    std::string error;
    setup.transcript_path = default_transcript_path(procedure, error);
    if (setup.transcript_path.empty()) {
      err << "procedura run: " << say(setup.lang, Msg::TranscriptFailed, error) << "\n";
      return kExitUsage;
    }
  }
  if (setup.transcript_path.empty()) return std::nullopt;
  TranscriptWriter& transcript = setup.transcript;
  std::string error = resuming ? transcript.reopen(setup.transcript_path, setup.resumed)
                               : transcript.create(setup.transcript_path);
  if (error.empty()) {
    error = resuming ? transcript.resumed()
                     : transcript.start(procedure, involved_files(procedure),
                                        setup.loaded.loaded_from, setup.lang, setup.keep_personal);
  }
  if (!error.empty()) {
    err << "procedura run: " << say(setup.lang, Msg::TranscriptFailed, error) << "\n";
    return kExitUsage;
  }
  return std::nullopt;
}

}  // namespace procedura
