#include "commands/run/run_load.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "engine/session.h"
#include "interview/input.h"
#include "load/procedures_root.h"
#include "util/read_file.h"
#include "util/sha256.h"

namespace procedura {
namespace fs = std::filesystem;

std::vector<std::string> absolute_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& path : paths) {
    std::error_code ec;
    fs::path absolute = fs::absolute(path, ec);
    out.push_back(ec ? path : absolute.lexically_normal().string());
  }
  return out;
}

namespace {

bool same_file(const std::string& a, const std::string& b) {
  std::error_code ec;
  return fs::equivalent(a, b, ec);
}

}  // namespace

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
  if (!loaded.procedure) return fmt::format("'{}' holds no runnable procedure", file);
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
