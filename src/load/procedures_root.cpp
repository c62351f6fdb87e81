#include "load/procedures_root.h"

#include <filesystem>

namespace procedura {
namespace fs = std::filesystem;

std::string find_procedures_root(const std::string& path) {
  std::error_code ec;
  fs::path start = fs::weakly_canonical(path, ec);
  if (ec) return {};
  fs::path dir = fs::is_directory(start, ec) ? start : start.parent_path();
  // Bounded by the depth of the path: parent_path() of "/" is "/".
  while (!dir.empty()) {
    if (fs::is_regular_file(dir / kProceduresRootMarker, ec)) return dir.string();
    fs::path parent = dir.parent_path();
    if (parent == dir) break;
    dir = parent;
  }
  return {};
}

}  // namespace procedura
