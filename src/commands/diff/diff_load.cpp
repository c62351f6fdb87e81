#include "commands/diff/diff_load.h"

#include <fmt/format.h>

#include <filesystem>

#include "export/target.h"
#include "report/diagnostics_text.h"

namespace procedura {
namespace fs = std::filesystem;
namespace {

// The file needs more than itself: a callee, or an import that did not resolve (outside the
// root the loader chose for a file named alone).
bool needs_tree(const Procedure* procedure) {
  if (!procedure || procedure->is_library) return false;
  if (procedure->imported.size() < procedure->imports.size()) return true;
  for (const Node& node : procedure->nodes) {
    if (node.kind == NodeKind::Call && node.call().callee.present() &&
        !node.call().callee_procedure)
      return true;
  }
  return false;
}

// The smallest directory holding the file and every file it imports (resolved lexically
// against the file's directory).
fs::path tree_of(const std::string& file, const Procedure* procedure) {
  const fs::path dir = fs::weakly_canonical(fs::absolute(file)).parent_path();
  fs::path root = dir;
  if (!procedure) return root;
  for (const Ref& import : procedure->imports) {
    fs::path target = (dir / import.id).lexically_normal().parent_path();
    while (target.lexically_relative(root).string().starts_with("..") && root.has_relative_path()) {
      root = root.parent_path();
    }
  }
  // Never the whole file system: an import that climbs that far is an error to report.
  return root.has_relative_path() ? root : dir;
}

}  // namespace

std::optional<LoadedTarget> load_version(const std::string& file,
                                         const std::vector<std::string>& procedure_dirs,
                                         std::string_view command, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) {
    err << fmt::format("procedura {}: {} is not a readable file\n", command, file);
    return std::nullopt;
  }
  LoadedTarget target;
  target.catalog = std::make_unique<Catalog>(load_catalog({file}));
  target.procedure = find_by_path(*target.catalog, file);
  if (needs_tree(target.procedure)) {
    // Imports or callees outside the file's own directory: load the version's whole tree,
    // plus --procedures for callees it does not hold.
    std::string tree = tree_of(file, target.procedure).string();
    LoadOptions options;
    options.procedures_root = tree;
    std::vector<std::string> inputs{tree};
    for (const std::string& dir : procedure_dirs) inputs.push_back(dir);
    auto whole = std::make_unique<Catalog>(load_catalog(inputs, options));
    const Procedure* found = find_by_path(*whole, file);
    if (found) {
      target.catalog = std::move(whole);
      target.procedure = found;
    }
  }
  if (!target.procedure) {
    render_diagnostics_text(target.catalog->diagnostics.items(), err);
    err << fmt::format("procedura {}: {} holds no procedure that can be loaded\n", command, file);
    return std::nullopt;
  }
  if (target.procedure->is_library) {
    err << fmt::format("procedura {}: {} is a library file (`kind: library`), not a procedure\n",
                       command, file);
    return std::nullopt;
  }
  std::vector<Diagnostic> errors = blocking_errors(*target.catalog, *target.procedure);
  if (!errors.empty()) {
    render_diagnostics_text(errors, err);
    err << fmt::format(
        "procedura {}: {} cannot be used: {} error{} in its files (see `procedura lint`)\n",
        command, file, errors.size(), errors.size() == 1 ? "" : "s");
    return std::nullopt;
  }
  return target;
}

}  // namespace procedura
