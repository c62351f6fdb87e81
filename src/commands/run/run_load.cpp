#include "commands/run/run_load.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "engine/session.h"
#include "interview/input.h"
#include "load/file_discovery.h"
#include "load/procedure_hints.h"
#include "load/procedures_root.h"
#include "util/file_paths.h"
#include "util/read_file.h"
#include "util/sha256.h"

namespace procedura {
namespace fs = std::filesystem;

std::vector<std::string> absolute_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) out.push_back(absolute_path(path));
  return out;
}

std::vector<Diagnostic> involved_errors(const LoadedRun& loaded) {
  return errors_involving(loaded.catalog, *loaded.procedure);
}

namespace {

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

// The errors reported in the files `holds` picks (in report order).
template <class Holds>
std::vector<Diagnostic> errors_in_files(const Catalog& catalog, Holds&& holds) {
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    if (d.severity == Severity::Error && d.location.file && holds(*d.location.file))
      errors.push_back(d);
  }
  return errors;
}

// The files the procedure in found[target] needs, by the hints of each: its imports and
// callees, transitively. Hints may miss or add a file; loading settles it.
std::vector<size_t> hinted_closure(const std::vector<FoundFile>& found,
                                   const std::vector<ProcedureHints>& hints,
                                   const std::map<std::string, size_t>& by_id, size_t target) {
  std::map<std::string, size_t> by_path;
  for (size_t i = 0; i < found.size(); ++i) by_path[absolute_path(found[i].path)] = i;
  std::vector<size_t> out;
  std::set<size_t> seen{target};
  std::vector<size_t> work{target};
  while (!work.empty()) {
    size_t i = work.back();
    work.pop_back();
    out.push_back(i);
    auto want = [&](size_t j) {
      if (seen.insert(j).second) work.push_back(j);
    };
    fs::path dir = fs::path(found[i].path).parent_path();
    for (const std::string& import : hints[i].imports) {
      if (auto it = by_path.find(absolute_path((dir / import).string())); it != by_path.end())
        want(it->second);
    }
    for (const std::string& callee : hints[i].calls) {
      if (auto it = by_id.find(callee); it != by_id.end()) want(it->second);
    }
  }
  std::sort(out.begin(), out.end());  // the order a full load reads them in
  return out;
}

// The quick load of load_run_id; false when it cannot be trusted to match a full one.
bool load_run_id_quickly(const std::vector<std::string>& dirs, const std::string& id,
                         const LoadOptions& options, LoadedRun& loaded) {
  std::vector<FoundFile> found = discover_files(dirs, options.limits.max_files);
  if (sweeps_marked_root(found, options)) return false;
  std::vector<ProcedureHints> hints(found.size());
  std::map<std::string, size_t> by_id;
  for (size_t i = 0; i < found.size(); ++i) {
    const FoundFile& f = found[i];
    // Files that cannot be read never load: they hold no id.
    if (f.over_limit || !f.problem.empty() || is_test_companion(f.path)) continue;
    ReadFileResult content = read_regular_file(f.path, options.limits.max_file_bytes);
    if (!content.ok()) continue;
    hints[i] = scan_procedure_hints(content.content);
    if (!hints[i].id_known || !by_id.emplace(hints[i].id, i).second) return false;
  }
  auto target = by_id.find(id);
  if (target == by_id.end()) return false;
  auto callee_file = [&](std::string_view callee) {
    auto it = by_id.find(std::string(callee));
    return it == by_id.end() ? found.size() : it->second;
  };
  loaded.catalog = load_catalog_subset(found, hinted_closure(found, hints, by_id, target->second),
                                       callee_file, options);
  // Every procedure loaded holds the id its lines said: no other file can hold one of these.
  for (const auto& p : loaded.catalog.procedures) {
    auto it = by_id.find(p->id);
    if (it == by_id.end() || !p->file ||
        absolute_path(p->file->path()) != absolute_path(found[it->second].path))
      return false;
  }
  loaded.procedure = loaded.catalog.find(id);
  if (!loaded.procedure || loaded.procedure->is_library) return false;
  return involved_errors(loaded).empty();
}

}  // namespace

std::string load_run_id(const std::vector<std::string>& dirs, const std::string& id,
                        const LoadOptions& options, bool all_procedures, LoadedRun& loaded) {
  loaded.loaded_from = absolute_paths(dirs);
  if (!all_procedures && load_run_id_quickly(dirs, id, options, loaded)) return "";
  loaded.catalog = load_catalog(dirs, options);  // messages show the paths as typed
  loaded.procedure = loaded.catalog.find(id);
  if (!loaded.procedure || loaded.procedure->is_library) {
    // A file whose `id:` line names the procedure but which does not load: its errors say why.
    loaded.refusal_errors = errors_in_files(loaded.catalog, [&](const SourceFile& f) {
      ProcedureHints hints = scan_procedure_hints(f.content());
      return hints.id_known && hints.id == id;
    });
    std::vector<std::string> ids;
    for (const Procedure* p : loaded.catalog.runnable()) ids.push_back(p->id);
    return fmt::format("no procedure '{}' (available: {})", id,
                       ids.empty() ? "none" : fmt::format("{}", fmt::join(ids, ", ")));
  }
  return "";
}

std::string load_run_file(const std::string& file, const LoadOptions& options, LoadedRun& loaded) {
  // Outside a marked root, the file's own folder holds the procedures it calls.
  std::string input = file;
  if (options.procedures_root.empty() && find_procedures_root(file).empty()) {
    fs::path dir = fs::path(file).parent_path();
    input = dir.empty() ? "." : dir.string();
  }
  loaded.loaded_from = absolute_paths({input});
  loaded.catalog = load_catalog({input}, options);  // messages show the path as typed
  for (const Procedure* p : loaded.catalog.runnable()) {
    if (p->file && same_file(p->file->path(), file)) loaded.procedure = p;
  }
  if (!loaded.procedure) {
    loaded.refusal_errors = errors_in_files(
        loaded.catalog, [&](const SourceFile& f) { return same_file(f.path(), file); });
    return fmt::format("'{}' holds no runnable procedure", file);
  }
  return "";
}

std::string load_for_resume(const TranscriptContent& transcript, const LoadOptions& options,
                            LoadedRun& loaded) {
  for (const FileFingerprint& f : transcript.files) {
    ReadFileResult content = read_regular_file(f.path, options.limits.max_file_bytes);
    if (!content.ok()) {
      return fmt::format(
          "the procedure file '{}' {}", f.path,
          content.problem == ReadFileResult::Problem::Missing ? "is gone" : content.error);
    }
    if (std::string now = sha256_hex(content.content); now != f.sha256) {
      return fmt::format(
          "'{}' changed since the interview started (sha256 was {}, is now {}); the recorded "
          "answers may no longer mean the same",
          f.path, f.sha256, now);
    }
  }
  // Older transcripts name no inputs: their procedure's own file (and its marked root).
  loaded.loaded_from = transcript.loaded_from.empty()
                           ? std::vector<std::string>{transcript.files.front().path}
                           : transcript.loaded_from;
  loaded.catalog = load_catalog(loaded.loaded_from, options);
  const std::string& own_file = transcript.files.front().path;
  for (const Procedure* p : loaded.catalog.runnable()) {
    if (p->file && same_file(p->file->path(), own_file)) loaded.procedure = p;
  }
  if (!loaded.procedure) return fmt::format("'{}' holds no runnable procedure any more", own_file);
  if (loaded.procedure->id != transcript.procedure_id) {
    return fmt::format("'{}' now holds procedure '{}', not '{}'", own_file, loaded.procedure->id,
                       transcript.procedure_id);
  }
  std::set<std::string> recorded, current;
  for (const FileFingerprint& f : transcript.files) recorded.insert(f.path);
  for (const FileFingerprint& f : involved_files(*loaded.procedure)) current.insert(f.path);
  if (recorded != current) {
    std::vector<std::string> missing, added;
    for (const std::string& path : recorded)
      if (!current.count(path)) missing.push_back(path);
    for (const std::string& path : current)
      if (!recorded.count(path)) added.push_back(path);
    return fmt::format(
        "the procedure now involves other files than when the interview started (no longer: "
        "{}; new: {})",
        missing.empty() ? "none" : fmt::format("{}", fmt::join(missing, ", ")),
        added.empty() ? "none" : fmt::format("{}", fmt::join(added, ", ")));
  }
  return "";
}

std::string check_replay(const LoadedRun& loaded, const std::vector<TranscriptRecord>& answers,
                         const std::string& lang, size_t& restorable) {
  restorable = 0;
  engine::Session session(*loaded.procedure);
  for (const TranscriptRecord& record : answers) {
    const engine::Question* question = session.question();
    if (!question) {
      return fmt::format("the transcript answers '{}' after the interview has ended", record.key);
    }
    if (record.key != question->key) {
      return fmt::format("the transcript answers '{}' where the procedure asks '{}'", record.key,
                         question->key);
    }
    // What follows a withheld answer depends on the answer given again: checked as it comes.
    if (record.withheld) break;
    if (auto error = session.answer_written(record.values, record.is_list)) {
      return fmt::format("the transcript's answer to '{}' is not valid: {}", record.key,
                         interview::explain_answer_error(*error, lang));
    }
    ++restorable;
  }
  return "";
}

}  // namespace procedura
