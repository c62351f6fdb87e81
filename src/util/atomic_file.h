#pragma once
// Durable file writes for records an operator may need later (transcripts, run reports,
// audit logs): a whole-file write that never leaves a half-written file behind, and an
// append-only log whose every line reaches the disk before the call returns.
#include <sys/types.h>

#include <cstdint>
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

// An append-only file of lines, opened with O_APPEND and held under an exclusive `flock`
// for as long as it is open, so a second writer is refused instead of interleaving lines.
// A failed append (disk full, file-size limit) is rolled back: the file never ends in half
// a line. Not copyable; closes (and unlocks) on destruction.
class AppendOnlyFile {
 public:
  AppendOnlyFile() = default;
  ~AppendOnlyFile();
  AppendOnlyFile(const AppendOnlyFile&) = delete;
  AppendOnlyFile& operator=(const AppendOnlyFile&) = delete;
  AppendOnlyFile(AppendOnlyFile&& other) noexcept;
  AppendOnlyFile& operator=(AppendOnlyFile&& other) noexcept;

  // Creates `path` with mode 0600. Refuses a path that already exists (even empty) and a
  // symbolic link, so nobody else's file, mode or link target is ever written to.
  // Returns "" on success, else an error message.
  [[nodiscard]] std::string create(const std::string& path);
  // Opens an existing regular file (not through a symbolic link) to continue it. Refuses
  // it when another process holds it, or when its size is no longer `expected_size` (it
  // changed since the caller read it). Bytes after `keep_size` (an incomplete last line)
  // are cut off first.
  [[nodiscard]] std::string open_existing(const std::string& path, uint64_t expected_size,
                                          uint64_t keep_size);
  bool is_open() const { return fd_ >= 0; }
  const std::string& path() const { return path_; }

  // Writes `line` plus '\n' (if it lacks one) completely, retrying after signals and
  // short writes, then fsyncs. On failure the file is cut back to its size before the call.
  // Returns "" on success, else an error message.
  [[nodiscard]] std::string append_line(std::string_view line);

  void close();

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace procedura
