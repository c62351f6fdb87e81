#pragma once
// The transcript of an interview: JSON Lines, one event per line, appended and fsynced as it
// happens so a crash loses nothing already answered.
//
// Integrity: every event's "prev" is the SHA-256 (hex) of the previous line's bytes (64 zeros
// for the first), and its last member "hash" is the SHA-256 of the line's own bytes before
// `,"hash":` — so editing, removing or reordering any line, the last one included, is found.
// An interview that ends (completed, or quit by the operator) is sealed by a `sealed` event
// that counts the events before it, so a cut-off tail of a finished interview is found too.
// The chain is not a signature: whoever can write the file can recompute every hash.
//
// Events (all carry "prev", "event", "time" in UTC ISO 8601, and "hash" last):
//   start     procedure {id, version}, files [{path, sha256}], loaded_from [path...] (the files
//             or directories the procedures were loaded from, absolute), lang, keep_personal
//   resume    the interview goes on after an interruption (`run --resume`)
//   answer    var, node, value (omitted, with "personal": true, for withheld answers)
//   back      dropped [var...], remaining (answers kept)
//   report    completed, outcome (node or null), actions [id or inline address...]
//   completed | aborted (reason)
//   sealed    events (how many came before it); nothing may follow
#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "engine/session.h"
#include "util/atomic_file.h"

namespace procedura {

struct FileFingerprint {
  std::string path;  // absolute
  std::string sha256;
};

struct TranscriptContent;

class TranscriptWriter {
 public:
  // Starts a new transcript at `path`. Refuses a regular file that already holds data.
  // Returns "" or an error message.
  // Creates it with mode 0600 and locks it; refuses an existing file or a symbolic link.
  [[nodiscard]] std::string create(const std::string& path);
  // Continues the transcript `content` was read from (locked; an incomplete last line cut).
  [[nodiscard]] std::string reopen(const std::string& path, const TranscriptContent& content);
  bool is_open() const { return file_.is_open(); }
  const std::string& path() const { return file_.path(); }

  // Each returns "" or an error message (e.g. the disk is full).
  [[nodiscard]] std::string start(const Procedure& procedure,
                                  const std::vector<FileFingerprint>& files,
                                  const std::vector<std::string>& loaded_from,
                                  const std::string& lang, bool keep_personal);
  [[nodiscard]] std::string resumed();
  [[nodiscard]] std::string answer(const engine::GivenAnswer& answer, bool keep_personal);
  [[nodiscard]] std::string back(const std::vector<engine::GivenAnswer>& dropped, size_t remaining);
  [[nodiscard]] std::string report(const engine::Session& session);
  [[nodiscard]] std::string completed();
  [[nodiscard]] std::string aborted(const std::string& reason);
  // Closes the transcript for good: nothing can be appended or resumed afterwards.
  [[nodiscard]] std::string sealed();

 private:
  [[nodiscard]] std::string append(const std::string& line);

  AppendOnlyFile file_;
  std::string prev_ = std::string(64, '0');
  uint64_t events_ = 0;
};

// The current time as UTC ISO 8601, or PROCEDURA_NOW (seconds since the epoch or an ISO
// time) when set, so tests and reproductions get stable times.
std::time_t transcript_clock();
std::string iso_time(std::time_t time);

// Absolute paths and SHA-256 of the files of involved_source_files: what a transcript
// records, so that a resumed interview runs on the same bytes.
std::vector<FileFingerprint> involved_files(const Procedure& procedure);

// The default place of interactive transcripts: $XDG_DATA_HOME/procedura/transcripts, else
// ~/.local/share/procedura/transcripts. Empty when neither variable is set.
std::string default_transcript_directory();

// What a transcript holds, read back for `verify` and `--resume`.
struct TranscriptRecord {
  std::string key;
  std::string node;
  bool withheld = false;
  std::vector<std::string> values;  // as written; one unless is_list
  bool is_list = false;
};

struct TranscriptContent {
  bool ok = false;         // every complete line is intact (sealed or not)
  size_t broken_line = 0;  // 1-based; 0 when ok or unreadable
  std::string error;       // what is wrong
  size_t events = 0;
  std::string last_line_sha256;
  bool sealed = false;          // closed by a `sealed` event: finished, not resumable
  bool legacy = false;          // written before events carried their own hash
  size_t incomplete_line = 0;   // a last line without its newline (a cut-off write), ignored
  uint64_t file_bytes = 0;      // the size read
  uint64_t complete_bytes = 0;  // up to the end of the last complete line
  std::vector<std::string> loaded_from;  // empty in transcripts that predate it
  // From the start event.
  std::string procedure_id, procedure_version, lang;
  bool keep_personal = false;
  std::vector<FileFingerprint> files;
  bool completed = false;  // the interview reached its end: nothing to resume
  std::string last_event;
  std::vector<TranscriptRecord> answers;  // after applying back events
};

// Reads and checks a transcript: the chain, each line's JSON, the event order.
// Files larger than `max_bytes` (or not regular files) are refused, not read.
TranscriptContent read_transcript(const std::string& path, uint64_t max_bytes = 8u << 20);

}  // namespace procedura
