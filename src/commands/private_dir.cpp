#include "commands/private_dir.h"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace procedura {

std::string private_cache_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path parent = fs::path(dir).parent_path();
  if (!parent.empty()) fs::create_directories(parent, ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return fmt::format("{} cannot be created: {}", dir, std::strerror(errno));
  struct stat st {};
  if (::lstat(dir.c_str(), &st) != 0)
    return fmt::format("{} cannot be read: {}", dir, std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) return fmt::format("{} is not a directory", dir);
  if (st.st_uid != ::geteuid()) return fmt::format("{} belongs to another user", dir);
  if ((st.st_mode & 077) != 0 && ::chmod(dir.c_str(), 0700) != 0)
    return fmt::format("{} is open to other users and cannot be made private: {}", dir,
                       std::strerror(errno));
  return "";
}

}  // namespace procedura
