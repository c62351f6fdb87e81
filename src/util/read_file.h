#pragma once
// Reads a whole file named on the command line or in a document, safely against hostile
// paths: a FIFO or a device never blocks or streams forever, a directory is named as one,
// and a file larger than the limit is refused before it is read.
#include <cstdint>
#include <string>

namespace procedura {

struct ReadFileResult {
  enum class Problem { None, Missing, Directory, NotRegular, TooLarge, Unreadable };
  Problem problem = Problem::None;
  std::string content;
  uint64_t size = 0;  // bytes on disk (also when TooLarge)
  std::string error;  // "does not exist", "is a directory ...", ...: follows the path in a message

  bool ok() const { return problem == Problem::None; }
};

// Opens without blocking (O_NONBLOCK), checks with fstat that the open file is a regular
// file no larger than `max_bytes`, then reads it. Never throws.
ReadFileResult read_regular_file(const std::string& path, uint64_t max_bytes);

}  // namespace procedura
