#include "load/procedure_lookup.h"

#include <unistd.h>

#include "build_paths.h"

#include <cstdlib>
#include <filesystem>

namespace procedura {
namespace fs = std::filesystem;

namespace {
// The installed layout is PREFIX/bin/procedura and PREFIX/share/procedura/procedures.
std::string bundled_directory() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path relative = exe.parent_path().parent_path() / "share" / "procedura" / "procedures";
    if (fs::is_directory(relative, ec)) return relative.string();
    // A binary in its build tree (CMakeCache.txt beside it) serves the checkout it was built
    // from, even once some version is installed under the default prefix.
    if (fs::exists(exe.parent_path() / "CMakeCache.txt", ec) &&
        fs::is_directory(PROCEDURA_SOURCE_PROCEDURES, ec))
      return PROCEDURA_SOURCE_PROCEDURES;
  }
  if (fs::is_directory(PROCEDURA_INSTALL_DATADIR "/procedures", ec))
    return PROCEDURA_INSTALL_DATADIR "/procedures";
  // A build tree: the sources it was built from.
  if (fs::is_directory(PROCEDURA_SOURCE_PROCEDURES, ec)) return PROCEDURA_SOURCE_PROCEDURES;
  return {};
}
}  // namespace

std::vector<std::string> procedure_lookup_dirs(const std::vector<std::string>& explicit_dirs) {
  if (!explicit_dirs.empty()) return explicit_dirs;
  if (const char* env = std::getenv("PROCEDURA_PATH"); env && *env) {
    std::vector<std::string> dirs;
    std::string_view rest(env);
    while (!rest.empty()) {
      size_t colon = rest.find(':');
      std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) dirs.emplace_back(dir);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
    if (!dirs.empty()) return dirs;
  }
  std::string bundled = bundled_directory();
  if (bundled.empty()) return {};
  return {bundled};
}

std::string lookup_dirs_problem(const std::vector<std::string>& dirs, bool explicit_dirs) {
  std::vector<std::string> missing;
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::exists(dir, ec)) missing.push_back(dir);
  }
  if (missing.empty() || (!explicit_dirs && missing.size() < dirs.size())) return "";
  std::string names;
  for (const std::string& dir : missing) names += (names.empty() ? "" : ", ") + dir;
  return names + (missing.size() == 1 ? " does not exist" : " do not exist");
}

}  // namespace procedura
