#pragma once
// Durable file writes for records an operator may need later (transcripts, run reports,
// audit logs): a whole-file write that never leaves a half-written file behind, and an
// append-only log whose every line reaches the disk before the call returns.
#include <sys/types.h>
#include <string>
#include <string_view>

namespace procedura {

// Writes `content` to `path` atomically: a temporary file in the same directory (created
// with `mode`, 0600 by default: records may hold personal data), write, fsync, rename
// over `path`, fsync the directory. Returns "" on success, else a message naming the path
// and the system error; on failure the temporary file is removed and `path` is untouched.
// `durable` false skips the fsyncs: still all-or-nothing, but may be lost in a power cut
// (for caches, which can be rebuilt).
std::string write_file_atomically(const std::string& path, std::string_view content,
                                  mode_t mode = 0600, bool durable = true);

// An append-only file of lines, opened with O_APPEND so concurrent writers never
// overwrite each other. Not copyable; closes on destruction.
class AppendOnlyFile {
 public:
  AppendOnlyFile() = default;
  ~AppendOnlyFile();
  AppendOnlyFile(const AppendOnlyFile&) = delete;
  AppendOnlyFile& operator=(const AppendOnlyFile&) = delete;
  AppendOnlyFile(AppendOnlyFile&& other) noexcept;
  AppendOnlyFile& operator=(AppendOnlyFile&& other) noexcept;

  // Opens or creates `path` (mode 0600 when created). Refuses directories.
  // Returns "" on success, else an error message.
  std::string open(const std::string& path);
  bool is_open() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

  // Writes `line` plus '\n' (if it lacks one) completely, retrying after signals and
  // short writes, then fsyncs. Returns "" on success, else an error message.
  std::string append_line(std::string_view line);

  void close();

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace procedura
