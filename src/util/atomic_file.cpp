#include "util/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace procedura {
namespace {

std::string system_error(std::string_view what, const std::string& path, int error) {
  std::string message(what);
  message += " '";
  message += path;
  message += "': ";
  message += std::strerror(error);
  return message;
}

// Writes all bytes, retrying on EINTR and short writes. Returns 0 or an errno value.
int write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    if (written == 0) return EIO;  // no progress and no error: avoid spinning forever
    bytes.remove_prefix(static_cast<size_t>(written));
  }
  return 0;
}

int fsync_retrying(int fd) {
  while (::fsync(fd) != 0) {
    if (errno != EINTR) return errno;
  }
  return 0;
}

std::string directory_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

}  // namespace

std::string write_file_atomically(const std::string& path, std::string_view content, mode_t mode,
                                  bool durable) {
  struct stat existing;
  if (::stat(path.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode)) {
    return system_error("cannot write", path, EISDIR);
  }
  std::string directory = directory_of(path);
  std::string temp = path + ".tmp-XXXXXX";
  int fd = ::mkstemp(temp.data());  // creates with 0600 in the target's own directory
  if (fd < 0) return system_error("cannot create a temporary file for", path, errno);

  auto fail = [&](std::string_view what, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    return system_error(what, path, error);
  };
  if (mode != 0600 && ::fchmod(fd, mode) != 0) return fail("cannot set permissions of", errno);
  if (int error = write_all(fd, content)) return fail("cannot write", error);
  if (durable) {
    if (int error = fsync_retrying(fd)) return fail("cannot flush", error);
  }
  if (::close(fd) != 0 && errno != EINTR) {
    int error = errno;
    ::unlink(temp.c_str());
    return system_error("cannot close", path, error);
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int error = errno;
    ::unlink(temp.c_str());
    return system_error("cannot replace", path, error);
  }
  if (!durable) return "";
  // The rename is durable only once the directory entry is on disk.
  int dir_fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    int error = fsync_retrying(dir_fd);
    ::close(dir_fd);
    // Some file systems cannot fsync directories (EINVAL); the data itself is safe.
    if (error != 0 && error != EINVAL)
      return system_error("cannot flush directory of", path, error);
  }
  return "";
}

AppendOnlyFile::~AppendOnlyFile() {
  close();
}

AppendOnlyFile::AppendOnlyFile(AppendOnlyFile&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)) {
  other.fd_ = -1;
}

AppendOnlyFile& AppendOnlyFile::operator=(AppendOnlyFile&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    other.fd_ = -1;
  }
  return *this;
}

namespace {

// Returns "" once `fd` is locked for us alone, else why not.
std::string lock_exclusively(int fd, const std::string& path) {
  while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    if (errno == EINTR) continue;
    if (errno == EWOULDBLOCK)
      return "'" + path + "' is in use by another procedura process; wait until it ends";
    return system_error("cannot lock", path, errno);
  }
  return "";
}

int open_retrying(const std::string& path, int flags, mode_t mode = 0) {
  int fd;
  do {
    fd = ::open(path.c_str(), flags, mode);
  } while (fd < 0 && errno == EINTR);
  return fd;
}

}  // namespace

std::string AppendOnlyFile::create(const std::string& path) {
  close();
  int fd =
      open_retrying(path, O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    int error = errno;
    struct stat info;
    if (error == EEXIST && ::lstat(path.c_str(), &info) == 0 && S_ISLNK(info.st_mode))
      return "'" + path + "' is a symbolic link; name the file itself";
    if (error == EEXIST) return "'" + path + "' already exists; choose a new file";
    return system_error("cannot create", path, error);
  }
  if (std::string error = lock_exclusively(fd, path); !error.empty()) {
    ::close(fd);
    return error;
  }
  fd_ = fd;
  path_ = path;
  return "";
}

std::string AppendOnlyFile::open_existing(const std::string& path, uint64_t expected_size,
                                          uint64_t keep_size) {
  close();
  int fd = open_retrying(path, O_WRONLY | O_APPEND | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ELOOP) return "'" + path + "' is a symbolic link; name the file itself";
    return system_error("cannot open", path, errno);
  }
  auto fail = [&](std::string message) {
    ::close(fd);
    return message;
  };
  struct stat info;
  if (::fstat(fd, &info) != 0) return fail(system_error("cannot examine", path, errno));
  if (!S_ISREG(info.st_mode)) return fail("'" + path + "' is not a regular file");
  if (std::string error = lock_exclusively(fd, path); !error.empty()) return fail(error);
  // Stat again under the lock: another writer may have appended before we got it.
  if (::fstat(fd, &info) != 0) return fail(system_error("cannot examine", path, errno));
  if (static_cast<uint64_t>(info.st_size) != expected_size)
    return fail("'" + path + "' changed while it was being read; try again");
  if (keep_size < expected_size) {
    if (::ftruncate(fd, static_cast<off_t>(keep_size)) != 0)
      return fail(system_error("cannot cut the incomplete last line of", path, errno));
    if (int error = fsync_retrying(fd)) return fail(system_error("cannot flush", path, error));
  }
  fd_ = fd;
  path_ = path;
  return "";
}

std::string AppendOnlyFile::append_line(std::string_view line) {
  if (fd_ < 0) return "cannot append: the file is not open";
  std::string record(line);
  if (record.empty() || record.back() != '\n') record.push_back('\n');
  struct stat before;
  if (::fstat(fd_, &before) != 0) return system_error("cannot examine", path_, errno);
  if (int error = write_all(fd_, record)) {
    // Part of the line may be on disk: cut it off so the file still ends with a whole line.
    bool rolled_back = ::ftruncate(fd_, before.st_size) == 0;
    std::string message = system_error("cannot append to", path_, error);
    if (!rolled_back)
      message += "; the last line may be incomplete (it is ignored when the file is read)";
    return message;
  }
  if (int error = fsync_retrying(fd_)) {
    // Character devices and pipes cannot be synced; the write itself went through.
    if (error != EINVAL && error != EROFS) return system_error("cannot flush", path_, error);
  }
  return "";
}

void AppendOnlyFile::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
}

}  // namespace procedura
