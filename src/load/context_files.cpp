#include "load/context_files.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

namespace procedura {
namespace fs = std::filesystem;

void drop_context_diagnostics(Catalog& catalog) {
  std::set<const Procedure*> reported;
  std::vector<const Procedure*> pending;
  for (const auto& p : catalog.procedures) {
    if (!p->imported_only) pending.push_back(p.get());
  }
  while (!pending.empty()) {
    const Procedure* p = pending.back();
    pending.pop_back();
    if (!reported.insert(p).second) continue;
    for (const Procedure* lib : p->imported) pending.push_back(lib);
  }
  std::set<std::string> context;  // paths as loaded
  for (const auto& p : catalog.procedures) {
    if (reported.count(p.get()) || !p->file) continue;
    fs::path path(p->file->path());
    context.insert(path.string());
    for (const char* ext : {".test.yaml", ".test.yml"})
      context.insert((path.parent_path() / (path.stem().string() + ext)).string());
  }
  if (context.empty()) return;
  std::vector<Diagnostic>& items = catalog.diagnostics.items();
  auto in_context = [&](const Diagnostic& d) {
    return d.location.file && context.count(d.location.file->path());
  };
  for (Diagnostic& d : items)
    if (in_context(d)) catalog.context_diagnostics.add(Diagnostic(d));
  items.erase(std::remove_if(items.begin(), items.end(), in_context), items.end());
}

}  // namespace procedura
