#include "util/file_paths.h"

#include <cstdlib>
#include <filesystem>

namespace procedura {
namespace fs = std::filesystem;

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  fs::path absolute = fs::absolute(path, ec);
  return ec ? path : absolute.lexically_normal().string();
}

std::string canonical_path(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? fs::absolute(path).lexically_normal().string() : p.string();
}

std::string user_cache_dir(const std::string& name) {
  namespace fs = std::filesystem;
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/')
    return (fs::path(xdg) / "procedura" / name).string();
  if (const char* home = std::getenv("HOME"); home && *home)
    return (fs::path(home) / ".cache" / "procedura" / name).string();
  return "";
}

}  // namespace procedura
