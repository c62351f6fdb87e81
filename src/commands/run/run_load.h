#pragma once
// What `procedura run` loads: a procedure named by file (within its marked procedures root),
// and, for `--resume`, exactly the procedures a transcript was recorded with.
#include <cstdint>
#include <string>
#include <vector>

#include "load/catalog.h"
#include "report/transcript.h"

namespace procedura {

struct LoadedRun {
  Catalog catalog;
  const Procedure* procedure = nullptr;
  // The files or directories loaded, absolute: recorded in the transcript's start event.
  std::vector<std::string> loaded_from;
  // When no procedure could be loaded: the errors of the file that was to hold it (a file
  // that does not parse holds no procedure), shown before the refusal.
  std::vector<Diagnostic> refusal_errors;
};

// Absolute, normalised forms of `paths` (as given when that fails).
std::vector<std::string> absolute_paths(const std::vector<std::string>& paths);

// The errors loading reported in the files the run involves (involved_source_files), in
// report order: any of them makes the procedure unsafe to run.
std::vector<Diagnostic> involved_errors(const LoadedRun& loaded);

// Loads the procedure in `file` (with the procedures root it belongs to). Returns "" or why not.
[[nodiscard]] std::string load_run_file(const std::string& file, const LoadOptions& options,
                                        LoadedRun& loaded);

// Loads the procedure `id` from the procedures in `dirs`: only its file, its imports and the
// procedures it calls, found by their top-level `id:` lines (load/procedure_hints.h). When
// those lines leave any doubt (an id not read for sure, the same id twice, a marked root
// swept in), when the procedure has errors, or when `all_procedures` (the contacts check
// needs every recipient), everything is loaded as before, so messages stay the same.
// Returns "" or why not (an unknown id, with the ids there are).
[[nodiscard]] std::string load_run_id(const std::vector<std::string>& dirs, const std::string& id,
                                      const LoadOptions& options, bool all_procedures,
                                      LoadedRun& loaded);

// Loads what `transcript` was recorded with and checks that it is unchanged: the same files
// with the same bytes, the same procedure. Returns "" or why the interview cannot go on.
[[nodiscard]] std::string load_for_resume(const TranscriptContent& transcript,
                                          const LoadOptions& options, LoadedRun& loaded);

// Replays the recorded answers on a fresh session, up to the first withheld one, so that a
// transcript that does not fit is refused before anything is said to be restored. Returns ""
// or what does not fit; `restorable` counts the answers that will be given back unasked.
[[nodiscard]] std::string check_replay(const LoadedRun& loaded,
                                       const std::vector<TranscriptRecord>& answers,
                                       const std::string& lang, size_t& restorable);

}  // namespace procedura
