#include "load/catalog.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>

#include "load/context_files.h"
#include "load/encoding_check.h"
#include "load/expression_compiler.h"
#include "load/file_discovery.h"
#include "load/linker.h"
#include "load/procedure_hints.h"
#include "load/procedure_reader.h"
#include "load/procedures_root.h"
#include "load/yaml_tree.h"
#include "load/yaml_tree_cache.h"
#include "util/file_paths.h"
#include "util/parallel.h"
#include "util/read_file.h"

namespace procedura {
namespace fs = std::filesystem;

std::vector<Diagnostic> errors_in_involved_files(const Diagnostics& found,
                                                 const std::vector<const Procedure*>& procedures) {
  std::set<std::string> involved;
  for (const Procedure* procedure : procedures)
    for (const SourceFile* file : involved_source_files(*procedure))
      involved.insert(absolute_path(file->path()));
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : found.items()) {
    if (d.severity == Severity::Error && d.location.file &&
        involved.count(absolute_path(d.location.file->path())))
      errors.push_back(d);
  }
  return errors;
}

std::vector<Diagnostic> errors_involving(const Catalog& catalog, const Procedure& procedure) {
  std::vector<Diagnostic> errors = errors_in_involved_files(catalog.diagnostics, {&procedure});
  for (Diagnostic& d : errors_in_involved_files(catalog.context_diagnostics, {&procedure}))
    errors.push_back(std::move(d));
  return errors;
}

const Procedure* Catalog::find(std::string_view id) const {
  for (const auto& p : procedures) {
    if (p->id == id) return p.get();
  }
  return nullptr;
}

std::vector<const Procedure*> Catalog::runnable() const {
  std::vector<const Procedure*> out;
  for (const auto& p : procedures) {
    if (!p->is_library) out.push_back(p.get());
  }
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return a->id < b->id; });
  return out;
}

namespace {

bool is_within(const fs::path& path, const fs::path& root) {
  auto rel = path.lexically_relative(root);
  return !rel.empty() && *rel.begin() != "..";
}

class CatalogLoader {
 public:
  CatalogLoader(Catalog& catalog, const LoadOptions& options)
      : catalog_(catalog), options_(options) {}

  std::string root_for(const FoundFile& found) const {
    if (!options_.procedures_root.empty()) return options_.procedures_root;
    if (std::string marked = marked_root(found); !marked.empty()) return marked;
    return found.root.empty() ? default_root(found.path) : found.root;
  }

  // The marked procedures root above a named file, or above the directory a walk started
  // from; "" when none (or when --root chose the root).
  // Remembered per walk root or named file: every file of a walk shares its answer, and the
  // search costs a canonical path and a stat per directory up to "/" (workers ask too).
  std::string marked_root(const FoundFile& found) const {
    if (!options_.procedures_root.empty()) return {};
    const std::string& from = found.root.empty() ? found.path : found.root;
    std::lock_guard<std::mutex> lock(marked_mutex_);
    auto it = marked_roots_.find(from);
    if (it == marked_roots_.end())
      it = marked_roots_.emplace(from, find_procedures_root(from)).first;
    return it->second;
  }

  void load(const std::vector<FoundFile>& found_files) {
    std::vector<Preloaded> preloaded = preload(found_files);
    for (size_t i = 0; i < found_files.size(); ++i) {
      const FoundFile& found = found_files[i];
      if (found.over_limit) {
        catalog_.diagnostics.report(Rule::LimitExceeded, Location{add_file(found.path, ""), 0, 0},
                                    fmt::format("{} {}", found.path, found.problem));
        continue;
      }
      if (is_test_companion(found.path)) {
        if (!found.problem.empty()) {
          io_error(found.path, found.problem);
          continue;
        }
        orphan_tests_.push_back(found);
        continue;
      }
      ++catalog_.files_examined;
      if (!found.problem.empty()) {
        io_error(found.path, found.problem);
        continue;
      }
      load_file(found.path, root_for(found), true, {}, &preloaded[i]);
    }
    for (const FoundFile& test : orphan_tests_) attach_orphan_tests(test);
    load_marked_roots(found_files);
    load_sibling_callees(found_files);
    finish();
    mark_context_files();
  }

  // The subset of `load`: the wanted files in parallel, then the callees the caller's hints
  // missed, one by one.
  void load_subset(const std::vector<FoundFile>& found, const std::vector<size_t>& wanted,
                   const CalleeFile& callee_file) {
    std::vector<FoundFile> subset;
    for (size_t i : wanted) subset.push_back(found[i]);
    std::vector<Preloaded> preloaded = preload(subset);
    for (size_t i = 0; i < subset.size(); ++i) {
      ++catalog_.files_examined;
      load_file(subset[i].path, root_for(subset[i]), true, {}, &preloaded[i]);
    }
    for (size_t k = 0; k < catalog_.procedures.size(); ++k) {
      const Procedure* p = catalog_.procedures[k].get();  // the vector grows below
      for (const Node& node : p->nodes) {
        if (node.kind != NodeKind::Call || node.call().callee.id.empty() ||
            catalog_.find(node.call().callee.id))
          continue;
        if (size_t i = callee_file(node.call().callee.id); i < found.size()) {
          ++catalog_.files_examined;
          load_file(found[i].path, root_for(found[i]), true);
        }
      }
    }
    finish();
  }

  // The marked roots that `load` sweeps in beside the named files and directories.
  std::set<std::string> roots_to_sweep(const std::vector<FoundFile>& found_files) const {
    std::set<std::string> roots;
    for (const FoundFile& found : found_files) {
      if (found.over_limit || !found.problem.empty()) continue;
      std::string root = marked_root(found);
      if (root.empty()) continue;
      if (!found.root.empty() && canonical_path(found.root) == root) continue;
      roots.insert(root);
    }
    return roots;
  }

  // Every procedure in the marked root of a named file or directory is loaded too, so that
  // the procedures the named ones call are found (a walk of the root itself needs nothing).
  void load_marked_roots(const std::vector<FoundFile>& found_files) {
    std::set<std::string> roots = roots_to_sweep(found_files);
    for (const std::string& root : roots) {
      for (const FoundFile& f : discover_files({root}, options_.limits.max_files)) {
        if (f.over_limit || !f.problem.empty() || is_test_companion(f.path)) continue;
        std::string key = canonical_path(f.path);
        if (by_path_.count(key)) continue;
        swept_.insert(key);
        load_file(f.path, root, false);
      }
    }
  }

  // The YAML files in the folder of `path` itself (not below it: a file named alone in a
  // home directory must not walk it), at most the file limit.
  std::vector<FoundFile> files_beside(const std::string& path) const {
    fs::path dir = fs::path(path).parent_path();
    if (dir.empty()) dir = ".";
    std::vector<FoundFile> files;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (files.size() >= options_.limits.max_files) break;
      std::error_code type_error;
      // Links are left out, as a directory walk leaves out those that lead elsewhere.
      if (it->is_symlink(type_error) || !it->is_regular_file(type_error) ||
          !has_yaml_extension(it->path().string()))
        continue;
      files.push_back(FoundFile{(dir / it->path().filename()).string(), "", false, "", false});
    }
    std::sort(files.begin(), files.end(),
              [](const FoundFile& a, const FoundFile& b) { return a.path < b.path; });
    return files;
  }

  // Ids called by the procedures loaded so far that none of them defines.
  std::set<std::string> unresolved_calls() const {
    std::set<std::string> ids;
    for (const auto& p : catalog_.procedures) {
      for (const Node& node : p->nodes) {
        if (node.kind == NodeKind::Call && !node.call().callee.id.empty() &&
            !catalog_.find(node.call().callee.id))
          ids.insert(node.call().callee.id);
      }
    }
    return ids;
  }

  // A file named alone outside a marked root finds the procedures it calls in its own folder,
  // as `run FILE`, `graph` and `render` do: files there whose id a call names are loaded as
  // context (not reported), until every call resolves or the folder has no more.
  void load_sibling_callees(const std::vector<FoundFile>& found_files) {
    if (!options_.procedures_root.empty()) return;
    std::set<std::string> folders_read;
    std::multimap<std::string, std::pair<FoundFile, std::string>> by_id;  // id -> file, root
    for (const FoundFile& named : found_files) {
      if (!named.root.empty() || named.over_limit || !named.problem.empty() ||
          is_test_companion(named.path) || !marked_root(named).empty())
        continue;
      if (unresolved_calls().empty()) return;
      // Each folder's files are read once, for their ids, however deep the chain of calls.
      std::string folder = fs::path(named.path).parent_path().string();
      if (!folders_read.insert(folder).second) continue;
      for (const FoundFile& f : files_beside(named.path)) {
        if (by_path_.count(canonical_path(f.path))) continue;
        ReadFileResult content = read_regular_file(f.path, options_.limits.max_file_bytes);
        if (!content.ok()) continue;
        std::string_view text = content.content;
        if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // as editors on Windows save
        ProcedureHints hints = scan_procedure_hints(text);
        if (hints.id_known) by_id.emplace(hints.id, std::pair{f, root_for(named)});
      }
    }
    for (std::set<std::string> missing = unresolved_calls(); !missing.empty();) {
      bool loaded_one = false;
      for (const std::string& id : missing) {
        auto it = by_id.find(id);  // the first in file order when two files claim one id
        if (it == by_id.end()) continue;
        auto [file, root] = it->second;  // a copy: the entries are erased next
        std::string key = canonical_path(file.path);
        by_id.erase(id);
        if (by_path_.count(key)) continue;
        swept_.insert(key);
        load_file(file.path, root, false);
        loaded_one = true;
      }
      if (!loaded_one) break;
      missing = unresolved_calls();
    }
  }

  // Swept files that are context (see load/context_files.h) are not reported, nor are swept
  // files that did not load at all.
  void mark_context_files() {
    if (swept_.empty()) return;
    drop_context_diagnostics(catalog_);
    std::set<const SourceFile*> failed;
    for (const auto& file : catalog_.files) {
      std::string key = canonical_path(file->path());
      if (!swept_.count(key)) continue;
      auto it = by_path_.find(key);
      if (it == by_path_.end() || !it->second) failed.insert(file.get());
    }
    std::vector<Diagnostic>& items = catalog_.diagnostics.items();
    items.erase(std::remove_if(items.begin(), items.end(),
                               [&](const Diagnostic& d) { return failed.count(d.location.file); }),
                items.end());
  }

  void load_from_memory(const std::string& path, std::string content) {
    in_memory_[canonical_path(path)] = std::move(content);
    ++catalog_.files_examined;
    load_file(path,
              options_.procedures_root.empty() ? default_root(path) : options_.procedures_root,
              true);
    finish();
  }

 private:
  void finish() {
    resolve_imports();
    link_catalog(catalog_);
    compile_expressions(catalog_, options_.limits, options_.jobs);
  }

  // One named file read, parsed and read into the model on its own (with its companion
  // tests), by a loader of its own: nothing is shared between threads.
  struct Preloaded {
    Catalog part;
    std::string key;  // the file's canonical path, found by the worker
    std::set<std::string> companions;
    bool done = false;
  };

  // Files are independent until imports and links: load the named ones in parallel.
  std::vector<Preloaded> preload(const std::vector<FoundFile>& found_files) const {
    std::vector<Preloaded> out(found_files.size());
    std::vector<size_t> todo;
    for (size_t i = 0; i < found_files.size(); ++i) {
      if (found_files[i].problem.empty() && !is_test_companion(found_files[i].path))
        todo.push_back(i);
    }
    parallel_for(todo.size(), options_.jobs, [&](size_t k) {
      const FoundFile& found = found_files[todo[k]];
      Preloaded& slot = out[todo[k]];
      try {
        CatalogLoader single(slot.part, options_);
        slot.key = canonical_path(found.path);
        single.load_file_keyed(slot.key, found.path, root_for(found), true);
        slot.companions = std::move(single.companions_);
        slot.done = true;
      } catch (const std::exception&) {
        slot = Preloaded{};  // loaded again on the calling thread, which reports the error
      }
    });
    return out;
  }

  // Takes over what a worker loaded for `key`: files, diagnostics and the procedure.
  Procedure* adopt(Preloaded& pre, const std::string& key, const std::string& root,
                   bool explicit_input) {
    for (auto& file : pre.part.files) catalog_.files.push_back(std::move(file));
    for (auto& d : pre.part.diagnostics.items()) catalog_.diagnostics.add(std::move(d));
    catalog_.input_error = catalog_.input_error || pre.part.input_error;
    companions_.insert(pre.companions.begin(), pre.companions.end());
    if (pre.part.procedures.empty()) return nullptr;
    Procedure* raw = pre.part.procedures.front().get();
    catalog_.procedures.push_back(std::move(pre.part.procedures.front()));
    by_path_[key] = raw;
    roots_[raw] = root;
    if (explicit_input) explicit_.insert(raw);
    return raw;
  }

  // For a file named alone: the current directory when the file is below it, so imports
  // such as ../../biblioteka/x.yaml resolve; otherwise the file's own directory.
  static std::string default_root(const std::string& path) {
    std::error_code ec;
    fs::path cwd = fs::current_path(ec);
    fs::path abs = fs::weakly_canonical(path, ec);
    if (!ec && is_within(abs, cwd)) return cwd.string();
    return fs::path(path).parent_path().string();
  }

  SourceFile* add_file(const std::string& path, std::string content) {
    catalog_.files.push_back(std::make_unique<SourceFile>(path, std::move(content)));
    return catalog_.files.back().get();
  }

  void io_error(const std::string& path, const std::string& problem) {
    SourceFile* file = add_file(path, "");
    catalog_.diagnostics.report(Rule::IoError, Location{file, 0, 0},
                                fmt::format("{} {}", path, problem));
    catalog_.input_error = true;
  }

  // Reads a regular file within the size limit; reports and returns null otherwise.
  SourceFile* read(const std::string& path, Location requested_at = {}) {
    if (auto it = in_memory_.find(canonical_path(path)); it != in_memory_.end())
      return add_file(path, it->second);
    ReadFileResult r = read_regular_file(path, options_.limits.max_file_bytes);
    if (r.problem == ReadFileResult::Problem::TooLarge) {
      SourceFile* file = add_file(path, "");
      catalog_.diagnostics.report(
          Rule::LimitExceeded, Location{file, 1, 1},
          fmt::format("the file has {} bytes; the limit is {} bytes (--max-file-size)", r.size,
                      options_.limits.max_file_bytes));
      return nullptr;
    }
    if (!r.ok()) {
      report_read_problem(path, r.error, requested_at);
      return nullptr;
    }
    return add_file(path, std::move(r.content));
  }

  void report_read_problem(const std::string& path, const std::string& problem,
                           Location requested_at) {
    if (requested_at.file) {
      catalog_.diagnostics.report(Rule::ImportError, requested_at,
                                  fmt::format("imported file {} {}", path, problem));
    } else {
      io_error(path, problem);
    }
  }

  Procedure* load_file(const std::string& path, const std::string& root, bool explicit_input,
                       Location requested_at = {}, Preloaded* preloaded = nullptr) {
    // A worker found the canonical path already: on the calling thread it would be serial
    // work, a few system calls per file.
    const std::string key = preloaded && preloaded->done ? preloaded->key : canonical_path(path);
    return load_file_keyed(key, path, root, explicit_input, requested_at, preloaded);
  }

  Procedure* load_file_keyed(const std::string& key, const std::string& path,
                             const std::string& root, bool explicit_input,
                             Location requested_at = {}, Preloaded* preloaded = nullptr) {
    if (auto it = by_path_.find(key); it != by_path_.end()) {
      if (explicit_input && it->second) explicit_.insert(it->second);
      return it->second;
    }
    by_path_[key] = nullptr;
    if (preloaded && preloaded->done) return adopt(*preloaded, key, root, explicit_input);
    SourceFile* file = read(path, requested_at);
    if (!file) return nullptr;
    if (!check_encoding(*file, catalog_.diagnostics)) return nullptr;
    YamlDocument doc =
        parse_yaml_checked(*file, options_.limits, options_.tree_cache_dir, catalog_.diagnostics);
    if (!doc.ok()) return nullptr;
    std::unique_ptr<Procedure> proc = read_procedure(doc, *file, catalog_.diagnostics);
    if (!proc) return nullptr;
    Procedure* raw = proc.get();
    catalog_.procedures.push_back(std::move(proc));
    by_path_[key] = raw;
    roots_[raw] = root;
    if (explicit_input) explicit_.insert(raw);
    if (!raw->is_library) load_companion_tests(path, *raw);
    return raw;
  }

  void load_companion_tests(const std::string& path, Procedure& proc) {
    fs::path p(path);
    std::string stem = p.stem().string();
    for (const char* ext : {".test.yaml", ".test.yml"}) {
      fs::path companion = p.parent_path() / (stem + ext);
      std::error_code ec;
      if (!fs::is_regular_file(companion, ec)) continue;
      companions_.insert(canonical_path(companion.string()));
      SourceFile* file = read(companion.string());
      if (!file || !check_encoding(*file, catalog_.diagnostics)) continue;
      YamlDocument doc = parse_yaml_checked(*file, options_.limits, "", catalog_.diagnostics);
      if (!doc.ok()) continue;
      read_test_file(doc, *file, proc, catalog_.diagnostics);
    }
  }

  void attach_orphan_tests(const FoundFile& test) {
    if (companions_.count(canonical_path(test.path))) return;
    std::string procedure_path = test.path.substr(0, test.path.rfind(".test.")) + ".yaml";
    std::error_code ec;
    if (fs::is_regular_file(procedure_path, ec)) {
      load_file(procedure_path, test.root.empty() ? default_root(procedure_path) : test.root, true);
      if (companions_.count(canonical_path(test.path))) return;
    }
    SourceFile* file = add_file(test.path, "");
    catalog_.diagnostics.report(
        Rule::DanglingRef, Location{file, 0, 0},
        fmt::format("test file {} has no procedure file {} beside it", test.path, procedure_path));
  }

  void resolve_imports() {
    // Imported libraries may import further libraries: process until no new file appears.
    for (size_t i = 0; i < catalog_.procedures.size(); ++i) {
      Procedure* proc = catalog_.procedures[i].get();
      fs::path dir = fs::path(proc->file->path()).parent_path();
      fs::path root = fs::weakly_canonical(roots_[proc]);
      for (const Ref& import : proc->imports) {
        if (fs::path(import.id).is_absolute()) {
          // FORMAT.md: imports are relative paths, so that a set of procedures can move.
          catalog_.diagnostics.report(
              Rule::ImportError, import.location,
              fmt::format("import '{}' is an absolute path; write it relative to this file",
                          import.id));
          continue;
        }
        fs::path target = (dir / import.id).lexically_normal();
        std::error_code ec;
        // Absolute first: weakly_canonical leaves a relative path to a missing file
        // relative, which then never lies "within" the (absolute) root.
        fs::path canonical = fs::weakly_canonical(fs::absolute(target, ec), ec);
        if (ec || !is_within(canonical, root)) {
          catalog_.diagnostics.report(
              Rule::ImportError, import.location,
              fmt::format("import '{}' resolves outside the procedures root {}", import.id,
                          root.string()));
          continue;
        }
        if (!fs::exists(target, ec)) {
          catalog_.diagnostics.report(
              Rule::ImportError, import.location,
              fmt::format("imported file '{}' does not exist ({})", import.id, target.string()));
          continue;
        }
        if (!fs::is_regular_file(target, ec)) {
          catalog_.diagnostics.report(
              Rule::ImportError, import.location,
              fmt::format("imported path '{}' is not a regular file", import.id));
          continue;
        }
        Procedure* lib = load_file(target.string(), roots_[proc], false, import.location);
        if (!lib) {
          if (!by_path_.count(canonical_path(target.string())) ||
              !by_path_[canonical_path(target.string())]) {
            catalog_.diagnostics.report(
                Rule::ImportError, import.location,
                fmt::format("imported file '{}' could not be loaded (see its errors)", import.id));
          }
          continue;
        }
        if (!lib->is_library) {
          catalog_.diagnostics.report(
              Rule::ImportError, import.location,
              fmt::format("'{}' is a procedure, not a library file (`kind: library`)", import.id));
          continue;
        }
        proc->imported.push_back(lib);
        import_refs_[{proc, lib}] = import.location;
      }
    }
    report_import_cycles();
  }

  void report_import_cycles() {
    enum class Mark { None, Active, Done };
    std::map<const Procedure*, Mark> mark;
    std::vector<const Procedure*> stack;
    std::function<void(Procedure*)> visit = [&](Procedure* p) {
      mark[p] = Mark::Active;
      stack.push_back(p);
      auto& imported = p->imported;
      for (size_t k = 0; k < imported.size(); ++k) {
        auto* lib = const_cast<Procedure*>(imported[k]);
        if (mark[lib] == Mark::Active) {
          std::string chain;
          auto from = std::find(stack.begin(), stack.end(), lib);
          for (auto it = from; it != stack.end(); ++it)
            chain += fmt::format("{} -> ", (*it)->file->path());
          chain += lib->file->path();
          catalog_.diagnostics.report(Rule::ImportError, import_refs_[{p, lib}],
                                      fmt::format("import cycle: {}", chain));
          imported.erase(imported.begin() + static_cast<long>(k));
          --k;
        } else if (mark[lib] == Mark::None) {
          if (stack.size() >= options_.limits.max_import_depth) {
            catalog_.diagnostics.report(Rule::LimitExceeded, import_refs_[{p, lib}],
                                        fmt::format("imports nested deeper than {} levels",
                                                    options_.limits.max_import_depth));
            continue;
          }
          visit(lib);
        }
      }
      stack.pop_back();
      mark[p] = Mark::Done;
    };
    for (auto& p : catalog_.procedures) {
      if (mark[p.get()] == Mark::None) visit(p.get());
    }
    // Libraries loaded only through imports: their unused definitions are not reported.
    for (auto& p : catalog_.procedures) p->imported_only = !explicit_.count(p.get());
  }

  Catalog& catalog_;
  const LoadOptions& options_;
  std::map<std::string, Procedure*> by_path_;
  std::map<const Procedure*, std::string> roots_;
  std::map<std::pair<const Procedure*, const Procedure*>, Location> import_refs_;
  std::set<const Procedure*> explicit_;
  std::set<std::string> swept_;  // canonical paths loaded from a marked root, not named
  std::set<std::string> companions_;
  mutable std::mutex marked_mutex_;
  mutable std::map<std::string, std::string> marked_roots_;  // by walk root or named file
  std::vector<FoundFile> orphan_tests_;
  std::map<std::string, std::string> in_memory_;  // canonical path -> content given by the caller
};

}  // namespace

namespace {
void report_internal_error(Catalog& catalog, const std::exception& e) {
  // Defensive: nothing below is meant to throw, but a crash would block every CI run.
  SourceFile* file =
      catalog.files.emplace_back(std::make_unique<SourceFile>("<procedura>", "")).get();
  catalog.diagnostics.report(Rule::IoError, Location{file, 0, 0},
                             fmt::format("internal error while loading: {}", e.what()));
  catalog.input_error = true;
}
}  // namespace

std::string import_root_for(const FoundFile& found, const LoadOptions& options) {
  Catalog unused;
  return CatalogLoader(unused, options).root_for(found);
}

Catalog load_catalog(const std::vector<std::string>& inputs, const LoadOptions& options) {
  try {
    return load_catalog_files(discover_files(inputs, options.limits.max_files), options);
  } catch (const std::exception& e) {
    Catalog catalog;
    report_internal_error(catalog, e);
    return catalog;
  }
}

Catalog load_catalog_files(const std::vector<FoundFile>& found, const LoadOptions& options) {
  Catalog catalog;
  try {
    CatalogLoader(catalog, options).load(found);
  } catch (const std::exception& e) {
    report_internal_error(catalog, e);
  }
  return catalog;
}

Catalog load_catalog_subset(const std::vector<FoundFile>& found, const std::vector<size_t>& wanted,
                            const CalleeFile& callee_file, const LoadOptions& options) {
  Catalog catalog;
  try {
    CatalogLoader(catalog, options).load_subset(found, wanted, callee_file);
  } catch (const std::exception& e) {
    report_internal_error(catalog, e);
  }
  return catalog;
}

bool sweeps_marked_root(const std::vector<FoundFile>& found, const LoadOptions& options) {
  Catalog unused;
  return !CatalogLoader(unused, options).roots_to_sweep(found).empty();
}

Catalog load_catalog_from_memory(const std::string& path, std::string content,
                                 const LoadOptions& options) {
  Catalog catalog;
  try {
    CatalogLoader(catalog, options).load_from_memory(path, std::move(content));
  } catch (const std::exception& e) {
    SourceFile* file =
        catalog.files.emplace_back(std::make_unique<SourceFile>("<procedura>", "")).get();
    catalog.diagnostics.report(Rule::IoError, Location{file, 0, 0},
                               fmt::format("internal error while loading: {}", e.what()));
    catalog.input_error = true;
  }
  return catalog;
}

}  // namespace procedura
