#include "util/read_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace procedura {

namespace {
ReadFileResult failure(ReadFileResult::Problem problem, std::string error, uint64_t size = 0) {
  ReadFileResult r;
  r.problem = problem;
  r.error = std::move(error);
  r.size = size;
  return r;
}
}  // namespace

ReadFileResult read_regular_file(const std::string& path, uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    int e = errno;
    if (e == ENOENT || e == ENOTDIR)
      return failure(ReadFileResult::Problem::Missing, "does not exist");
    return failure(ReadFileResult::Problem::Unreadable,
                   std::string("cannot be read: ") + std::strerror(e));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    return failure(ReadFileResult::Problem::Unreadable,
                   std::string("cannot be read: ") + std::strerror(errno));
  }
  if (S_ISDIR(st.st_mode))
    return failure(ReadFileResult::Problem::Directory, "is a directory, not a file");
  if (!S_ISREG(st.st_mode)) {
    return failure(ReadFileResult::Problem::NotRegular,
                   "is not a regular file (a FIFO, socket or device?)");
  }
  auto size = static_cast<uint64_t>(st.st_size);
  if (size > max_bytes) return failure(ReadFileResult::Problem::TooLarge, "is too large", size);

  ReadFileResult r;
  r.size = size;
  // One byte more than fstat says, so the read that finds the end needs no larger buffer
  // (growing it by 64 KiB zeroed and copied more than the files themselves).
  r.content.resize(static_cast<size_t>(size) + 1);
  size_t done = 0;
  // The file may shrink or grow while it is read: stop at end of file, refuse past the limit.
  for (;;) {
    if (done == r.content.size()) {
      if (r.content.size() >= max_bytes + 1) break;
      r.content.resize(
          static_cast<size_t>(std::min<uint64_t>(max_bytes + 1, r.content.size() + 65536)));
    }
    ssize_t n = ::read(fd, r.content.data() + done, r.content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      return failure(ReadFileResult::Problem::Unreadable,
                     std::string("cannot be read: ") + std::strerror(errno));
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  if (done > max_bytes) return failure(ReadFileResult::Problem::TooLarge, "is too large", done);
  r.content.resize(done);
  r.size = done;
  return r;
}

}  // namespace procedura
