#include "export/target.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

#include "load/did_you_mean.h"
#include "load/file_discovery.h"
#include "load/procedure_lookup.h"
#include "report/diagnostics_text.h"

namespace procedura {
namespace fs = std::filesystem;

namespace {

std::string canonical(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? path : p.string();
}

void collect_dependencies(const Procedure& procedure, std::set<const Procedure*>& seen) {
  if (!seen.insert(&procedure).second) return;
  for (const Procedure* lib : procedure.imported) collect_dependencies(*lib, seen);
  for (const Node& node : procedure.nodes) {
    if (node.call().callee_procedure) collect_dependencies(*node.call().callee_procedure, seen);
  }
}

bool has_unresolved_call(const Procedure& procedure) {
  for (const Node& node : procedure.nodes) {
    if (node.kind == NodeKind::Call && node.call().callee.present() &&
        !node.call().callee_procedure)
      return true;
  }
  return false;
}

bool report_blocking(const Catalog& catalog, const Procedure& procedure, std::string_view command,
                     std::ostream& err) {
  std::vector<Diagnostic> errors = blocking_errors(catalog, procedure);
  if (errors.empty()) return false;
  render_diagnostics_text(errors, err);
  err << fmt::format(
      "procedura {}: {} cannot be used: {} error{} in its files (see `procedura lint {}`)\n",
      command, procedure.id, errors.size(), errors.size() == 1 ? "" : "s", procedure.file->path());
  return true;
}

// Where the imports of a file named alone may resolve, as the loader decides for it: the
// current directory when the file is below it, else the file's directory.
std::string import_root(const std::string& file) {
  std::error_code ec;
  fs::path cwd = fs::current_path(ec);
  fs::path abs = fs::weakly_canonical(file, ec);
  if (!ec) {
    auto rel = abs.lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") return cwd.string();
  }
  fs::path dir = fs::path(file).parent_path();
  return dir.empty() ? std::string(".") : dir.string();
}

}  // namespace

const Procedure* find_by_path(const Catalog& catalog, const std::string& path) {
  std::string wanted = canonical(path);
  for (const auto& p : catalog.procedures) {
    if (p->file && canonical(p->file->path()) == wanted) return p.get();
  }
  return nullptr;
}

bool names_a_file(const std::string& argument) {
  return argument.find('/') != std::string::npos || has_yaml_extension(argument);
}

std::vector<Diagnostic> blocking_errors(const Catalog& catalog, const Procedure& procedure) {
  std::set<const Procedure*> deps;
  collect_dependencies(procedure, deps);
  std::set<std::string> paths;
  for (const Procedure* p : deps) {
    if (!p->file) continue;
    fs::path file(p->file->path());
    paths.insert(canonical(file.string()));
    for (const char* ext : {".test.yaml", ".test.yml"}) {
      paths.insert(canonical((file.parent_path() / (file.stem().string() + ext)).string()));
    }
  }
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    if (d.severity != Severity::Error || !d.location.file) continue;
    if (paths.count(canonical(d.location.file->path()))) errors.push_back(d);
  }
  return errors;
}

std::optional<LoadedTarget> load_target(const std::string& argument,
                                        const std::vector<std::string>& procedure_dirs,
                                        std::string_view command, std::ostream& err) {
  LoadedTarget target;
  if (names_a_file(argument)) {
    std::error_code ec;
    if (!fs::is_regular_file(argument, ec)) {
      err << fmt::format("procedura {}: {} is not a readable file\n", command, argument);
      return std::nullopt;
    }
    target.catalog = std::make_unique<Catalog>(load_catalog({argument}));
    target.procedure = find_by_path(*target.catalog, argument);
    if (target.procedure && has_unresolved_call(*target.procedure)) {
      // The file calls procedures kept elsewhere: first the search path, then its own directory.
      std::vector<std::string> inputs{argument};
      for (const std::string& dir : procedure_lookup_dirs(procedure_dirs)) inputs.push_back(dir);
      target.catalog = std::make_unique<Catalog>(load_catalog(inputs));
      target.procedure = find_by_path(*target.catalog, argument);
      if (target.procedure && has_unresolved_call(*target.procedure)) {
        LoadOptions options;
        options.procedures_root = import_root(argument);
        fs::path dir = fs::path(argument).parent_path();
        target.catalog = std::make_unique<Catalog>(
            load_catalog({argument, dir.empty() ? std::string(".") : dir.string()}, options));
        target.procedure = find_by_path(*target.catalog, argument);
      }
    }
    if (!target.procedure) {
      render_diagnostics_text(target.catalog->diagnostics.items(), err);
      err << fmt::format("procedura {}: {} holds no procedure that can be loaded\n", command,
                         argument);
      return std::nullopt;
    }
  } else {
    std::vector<std::string> dirs = procedure_lookup_dirs(procedure_dirs);
    if (dirs.empty()) {
      err << fmt::format(
          "procedura {}: no procedures directory; name a FILE or use --procedures DIR\n", command);
      return std::nullopt;
    }
    target.catalog = std::make_unique<Catalog>(load_catalog(dirs));
    target.procedure = target.catalog->find(argument);
    if (!target.procedure || target.procedure->is_library) {
      std::vector<std::string_view> ids;
      for (const Procedure* p : target.catalog->runnable()) ids.push_back(p->id);
      std::string_view hint = closest_match(argument, ids);
      err << fmt::format("procedura {}: no procedure '{}' in {}{}\n", command, argument,
                         fmt::join(dirs, ":"),
                         hint.empty() ? std::string() : fmt::format(" (did you mean '{}'?)", hint));
      return std::nullopt;
    }
  }
  if (target.procedure->is_library) {
    err << fmt::format("procedura {}: {} is a library file (`kind: library`), not a procedure\n",
                       command, argument);
    return std::nullopt;
  }
  if (report_blocking(*target.catalog, *target.procedure, command, err)) return std::nullopt;
  return target;
}

std::unique_ptr<Catalog> load_all(const std::vector<std::string>& procedure_dirs,
                                  std::string_view command, std::ostream& err) {
  std::vector<std::string> dirs = procedure_lookup_dirs(procedure_dirs);
  if (dirs.empty()) {
    err << fmt::format("procedura {}: no procedures directory; use --procedures DIR\n", command);
    return nullptr;
  }
  auto catalog = std::make_unique<Catalog>(load_catalog(dirs));
  if (catalog->diagnostics.has_errors()) {
    // A handbook of "every procedure" must not silently leave out a broken one.
    catalog->diagnostics.sort();
    std::vector<Diagnostic> errors;
    for (const Diagnostic& d : catalog->diagnostics.items()) {
      if (d.severity == Severity::Error) errors.push_back(d);
    }
    render_diagnostics_text(errors, err);
    err << fmt::format("procedura {}: {} error{} in {} (see `procedura lint`)\n", command,
                       errors.size(), errors.size() == 1 ? "" : "s", fmt::join(dirs, ":"));
    return nullptr;
  }
  if (catalog->runnable().empty()) {
    err << fmt::format("procedura {}: no procedures in {}\n", command, fmt::join(dirs, ":"));
    return nullptr;
  }
  return catalog;
}

}  // namespace procedura
