#include "commands/lint/lint_cache.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <sstream>
#include <unordered_map>

#include "commands/lint/lint_cache_entry.h"
#include "commands/private_dir.h"
#include "load/encoding_check.h"
#include "load/procedure_reader.h"
#include "load/procedures_root.h"
#include "load/yaml_tree.h"
#include "util/atomic_file.h"
#include "util/file_paths.h"
#include "util/parallel.h"
#include "util/read_file.h"
#include "util/sha256.h"

namespace procedura {
namespace fs = std::filesystem;

std::string default_lint_cache_dir() {
  return user_cache_dir("lint");
}

namespace {

std::optional<std::string> read_bytes(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(content).str();
}

FileLinks links_of(const Procedure& proc) {
  FileLinks links;
  links.loaded = true;
  links.id = proc.id;
  links.is_library = proc.is_library;
  for (const Ref& import : proc.imports) links.imports.push_back(import.id);
  for (const Node& node : proc.nodes) {
    if (node.kind == NodeKind::Call && node.call().callee.present())
      links.calls.push_back(node.call().callee.id);
  }
  return links;
}

bool same_links(const FileLinks& a, const FileLinks& b) {
  return a.loaded == b.loaded && a.id == b.id && a.is_library == b.is_library &&
         a.imports == b.imports && a.calls == b.calls;
}

// What the loader would link a file with, read without its companions or other files.
FileLinks probe_links(const std::string& path, const std::string& content, const Limits& limits) {
  if (content.size() > limits.max_file_bytes) return {};
  SourceFile file(path, content);
  Diagnostics ignored;
  if (!check_encoding(file, ignored)) return {};
  YamlDocument doc = parse_yaml(file, limits, ignored);
  if (!doc.ok()) return {};
  std::unique_ptr<Procedure> proc = read_procedure(doc, file, ignored);
  return proc ? links_of(*proc) : FileLinks{};
}

// A procedure or library file, named on the command line or reached through imports.
struct FileNode {
  std::string key;   // canonical path
  std::string path;  // display path, as the loader names it
  std::string root;  // where its imports must resolve
  bool explicit_input = false;
  std::vector<size_t> found;  // indexes into the found files naming it (and its tests)

  bool readable = false;
  std::string content;
  std::vector<std::pair<std::string, std::string>> companions;  // NAME.test.yaml beside it
  std::string hash;                                             // of its bytes and its companions'
  std::optional<CacheEntry> entry;
  std::optional<FileLinks> links;  // from the entry, a probe or the loaded model
  size_t component = 0;
  bool dirty = false;
};

class CachedLint {
 public:
  CachedLint(const std::vector<FoundFile>& found, const LintSettings& settings,
             const std::string& dir, std::string& warnings)
      : found_(found), settings_(settings), dir_(dir), warnings_(warnings) {
    std::string disabled;
    for (Rule r : settings.disabled) disabled += std::string(rule_info(r).id) + ",";
    const Limits& l = settings.load.limits;
    options_key_ =
        fmt::format("procedura {}\ntoday {}\ndisable {}\nroot {}\nlimits {} {} {} {} {} {} {}\n",
                    PROCEDURA_VERSION, settings.today, disabled, settings.load.procedures_root,
                    l.max_file_bytes, l.max_depth, l.max_yaml_nodes, l.max_expression_chars,
                    l.max_expression_depth, l.max_import_depth, l.max_files);
  }

  LintRun run() {
    bool all_dirty = add_named_files();
    std::vector<size_t> pending(nodes_.size());
    std::iota(pending.begin(), pending.end(), 0);
    read_and_look_up(pending);
    size_t missing = static_cast<size_t>(
        std::count_if(nodes_.begin(), nodes_.end(), [](const FileNode& n) { return !n.entry; }));
    // Mostly new files: parse them once, in the full load, rather than probe them first.
    all_dirty = all_dirty || missing * 2 > nodes_.size();
    while (!pending.empty()) {
      if (!all_dirty) probe(pending);
      pending = add_imports(pending);
      read_and_look_up(pending);
    }
    if (!all_dirty) {
      link_components();
      for (FileNode& n : nodes_)
        n.dirty = !n.entry || n.entry->key != component_keys_[n.component] ||
                  folder_dependent_.count(n.component);
      spread_dirt();
      LintRun out;
      if (check_dirty(out)) return finish(std::move(out));
      // The model links files differently from what a probe read (a loader rule the probe
      // does not know): check everything together, which is always right.
    }
    all_dirty_run_ = true;
    for (FileNode& n : nodes_) n.dirty = true;
    LintRun out;
    check_dirty(out);
    return finish(std::move(out));
  }

 private:
  // Canonical paths, resolved once per path (each costs a system call per component).
  const std::string& key_of(const std::string& path) {
    auto [it, inserted] = keys_.try_emplace(path);
    if (inserted) it->second = canonical_path(path);
    return it->second;
  }

  std::string node_for_test(const std::string& test_path) {
    return key_of(test_path.substr(0, test_path.rfind(".test.")) + ".yaml");
  }

  size_t add_node(const std::string& path, const std::string& root, bool explicit_input) {
    std::string key = key_of(path);
    if (auto it = index_.find(key); it != index_.end()) return it->second;
    FileNode node;
    node.key = key;
    node.path = path;
    node.root = root;
    node.explicit_input = explicit_input;
    nodes_.push_back(std::move(node));
    index_[key] = nodes_.size() - 1;
    return nodes_.size() - 1;
  }

  // Returns true when the cache cannot be used for this set of files.
  bool add_named_files() {
    bool all_dirty = false;
    for (size_t i = 0; i < found_.size(); ++i) {
      const FoundFile& f = found_[i];
      if (!f.problem.empty() || is_test_companion(f.path)) continue;
      nodes_[add_node(f.path, import_root_for(f, settings_.load), true)].found.push_back(i);
      // Checked with the other procedures of its marked root loaded (load/procedures_root.h):
      // its results depend on files the cache does not follow.
      if (settings_.load.procedures_root.empty()) {
        std::string marked = find_procedures_root(f.root.empty() ? f.path : f.root);
        if (!marked.empty() && (f.root.empty() || canonical_path(f.root) != marked))
          all_dirty = true;
      }
    }
    for (size_t i = 0; i < found_.size(); ++i) {
      const FoundFile& f = found_[i];
      if (!f.problem.empty()) {
        extras_.push_back(i);  // reported by the loader, linked with nothing
      } else if (is_test_companion(f.path)) {
        auto it = index_.find(node_for_test(f.path));
        if (it != index_.end()) {
          nodes_[it->second].found.push_back(i);
        } else {
          extras_.push_back(i);
          std::string beside = f.path.substr(0, f.path.rfind(".test.")) + ".yaml";
          std::error_code ec;
          // A test naming a procedure that is not linted otherwise loads it: not worth caching.
          if (fs::exists(beside, ec)) all_dirty = true;
        }
      }
    }
    return all_dirty;
  }

  void read_and_look_up(const std::vector<size_t>& which) {
    parallel_for(which.size(), settings_.load.jobs, [&](size_t k) {
      FileNode& n = nodes_[which[k]];
      Sha256 hash;
      if (auto bytes = read_bytes(n.path)) {
        n.readable = true;
        n.content = std::move(*bytes);
        hash.update("file\n");
        hash.update(n.content);
      } else {
        hash.update("unreadable\n");
      }
      fs::path p(n.path);
      for (const char* ext : {".test.yaml", ".test.yml"}) {
        std::string companion = (p.parent_path() / (p.stem().string() + ext)).string();
        if (auto bytes = read_bytes(companion)) {
          hash.update(fmt::format("\ncompanion {} {}\n", ext, bytes->size()));
          hash.update(*bytes);
          n.companions.emplace_back(companion, std::move(*bytes));
        }
      }
      n.hash = hash.hex_digest();
      // Untrusted: size-capped, parsed with limits, and it must say it was made from
      // exactly these bytes (its name is derived from them, but a file can be renamed).
      ReadFileResult entry = read_regular_file(entry_path(n), kMaxCacheEntryBytes);
      if (entry.ok()) {
        n.entry = parse_cache_entry(entry.content);
        if (n.entry && n.entry->source != n.hash) n.entry.reset();
        if (n.entry) n.links = n.entry->links;
      }
    });
  }

  std::string entry_path(const FileNode& n) const {
    return (fs::path(dir_) / sha256_hex(options_key_ + "\n" + n.key + "\n" + n.hash)).string();
  }

  void probe(const std::vector<size_t>& which) {
    parallel_for(which.size(), settings_.load.jobs, [&](size_t k) {
      FileNode& n = nodes_[which[k]];
      if (!n.links)
        n.links = n.readable ? probe_links(n.path, n.content, settings_.load.limits) : FileLinks{};
    });
  }

  std::string import_path(const FileNode& from, const std::string& import) const {
    return (fs::path(from.path).parent_path() / import).lexically_normal().string();
  }

  // Files imported by `which` that are not known yet.
  std::vector<size_t> add_imports(const std::vector<size_t>& which) {
    std::vector<size_t> added;
    for (size_t i : which) {
      if (!nodes_[i].links) continue;
      std::vector<std::string> imports = nodes_[i].links->imports;
      for (const std::string& import : imports) {
        size_t before = nodes_.size();
        size_t j = add_node(import_path(nodes_[i], import), nodes_[i].root, false);
        if (nodes_.size() > before) added.push_back(j);
      }
    }
    return added;
  }

  bool named_alone(const FileNode& n) const {
    return std::any_of(n.found.begin(), n.found.end(),
                       [&](size_t f) { return found_[f].root.empty(); });
  }

  size_t find(std::vector<size_t>& parent, size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }

  // Files linked by imports, calls or a shared id form one component, checked together.
  void link_components() {
    std::vector<size_t> parent(nodes_.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto unite = [&](size_t a, size_t b) { parent[find(parent, a)] = find(parent, b); };
    std::map<std::string, std::vector<size_t>> by_id;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].links && !nodes_[i].links->id.empty()) by_id[nodes_[i].links->id].push_back(i);
    }
    std::vector<bool> dangling(nodes_.size(), false);
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (!nodes_[i].links) continue;
      for (const std::string& import : nodes_[i].links->imports) {
        if (auto it = index_.find(key_of(import_path(nodes_[i], import))); it != index_.end())
          unite(i, it->second);
      }
      for (const std::string& call : nodes_[i].links->calls) {
        auto it = by_id.find(call);
        if (it == by_id.end()) {
          dangling[i] = true;  // its message suggests from every id
          // Named alone, it is checked with the callees its own folder holds (load/catalog):
          // files the cache does not follow.
          if (named_alone(nodes_[i])) folder_dependent_.insert(i);
        } else
          for (size_t j : it->second) unite(i, j);
      }
    }
    for (const auto& [id, files] : by_id) {
      for (size_t j : files) unite(files.front(), j);
    }
    std::string all_ids;
    for (const auto& [id, files] : by_id) all_ids += id + "\n";

    std::map<size_t, Sha256> hashes;
    std::map<size_t, bool> has_dangling;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      FileNode& n = nodes_[i];
      n.component = find(parent, i);
      Sha256& h = hashes[n.component];
      h.update(fmt::format("{}\n{}\n{}\n{}\n{}\n{}\n", n.path.size(), n.path, n.key, n.hash,
                           n.explicit_input, n.root));
      has_dangling[n.component] = has_dangling[n.component] || dangling[i];
    }
    std::set<size_t> folder_dependent;
    for (size_t i : folder_dependent_) folder_dependent.insert(find(parent, i));
    folder_dependent_ = std::move(folder_dependent);
    component_keys_.assign(nodes_.size(), "");
    for (auto& [root, h] : hashes) {
      h.update(options_key_);
      if (has_dangling[root]) h.update("ids\n" + all_ids);
      component_keys_[root] = h.hex_digest();
    }
  }

  void spread_dirt() {
    std::vector<bool> dirty_component(nodes_.size(), false);
    for (const FileNode& n : nodes_) {
      if (n.dirty) dirty_component[n.component] = true;
    }
    for (FileNode& n : nodes_) n.dirty = dirty_component[n.component];
  }

  // Loads and checks the dirty files (and the files that are never cached); stores their
  // results. False when the model links files differently from what the probes said.
  bool check_dirty(LintRun& out) {
    std::vector<bool> take(found_.size(), false);
    for (size_t i : extras_) take[i] = true;
    bool any = !extras_.empty();
    for (const FileNode& n : nodes_) {
      if (!n.dirty) continue;
      for (size_t i : n.found) take[i] = true;
      any = any || !n.found.empty();
    }
    if (any) {
      std::vector<FoundFile> subset;
      for (size_t i = 0; i < found_.size(); ++i) {
        if (take[i]) subset.push_back(found_[i]);
      }
      out.catalogs.push_back(lint_catalog(subset, settings_));
    }
    const Catalog* catalog = any ? &out.catalogs.back() : nullptr;

    // Take each dirty file's links from the model; reach files imported only now.
    std::map<std::string, const Procedure*> loaded;
    if (catalog) {
      for (const auto& p : catalog->procedures) loaded[key_of(p->file->path())] = p.get();
    }
    std::vector<size_t> pending;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].dirty) pending.push_back(i);
    }
    while (!pending.empty()) {
      for (size_t i : pending) {
        FileNode& n = nodes_[i];
        auto it = loaded.find(n.key);
        FileLinks links = it != loaded.end() ? links_of(*it->second) : FileLinks{};
        if (n.links && !same_links(*n.links, links) && !all_dirty_run_) return false;
        n.links = std::move(links);
      }
      std::vector<size_t> added = add_imports(pending);
      read_and_look_up(added);
      for (size_t i : added) {
        nodes_[i].dirty = true;
        nodes_[i].links.reset();
      }
      pending = std::move(added);
    }
    link_components();
    if (catalog) store(*catalog);
    for (const FileNode& n : nodes_) {
      if (!n.dirty) replay(n, out);
    }
    if (catalog) {
      for (const Diagnostic& d : catalog->diagnostics.items()) out.diagnostics.add(d);
      out.input_error = catalog->input_error;
    }
    out.diagnostics.sort();
    return true;
  }

  LintRun finish(LintRun out) {
    out.files_examined = count_examined(found_);
    for (const FileNode& n : nodes_) {
      if (!n.dirty && n.explicit_input) ++out.files_replayed;
    }
    return out;
  }

  // The node whose entry holds diagnostics located in `file` (its own file or a companion).
  std::map<const SourceFile*, size_t> owners(const Catalog& catalog) {
    std::map<std::string, size_t> by_key;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      by_key[nodes_[i].key] = i;
      for (const auto& [path, content] : nodes_[i].companions) by_key[key_of(path)] = i;
    }
    std::map<const SourceFile*, size_t> out;
    for (const auto& file : catalog.files) {
      if (auto it = by_key.find(key_of(file->path())); it != by_key.end())
        out[file.get()] = it->second;
    }
    return out;
  }

  void store(const Catalog& catalog) {
    std::map<const SourceFile*, size_t> owner = owners(catalog);
    std::vector<CacheEntry> entries(nodes_.size());
    std::vector<std::map<const SourceFile*, int>> file_index(nodes_.size());
    auto index_of = [&](size_t node, const SourceFile* file) -> int {
      if (!file) return -1;
      auto [it, inserted] =
          file_index[node].emplace(file, static_cast<int>(entries[node].files.size()));
      if (inserted) entries[node].files.push_back({file->path(), file->content().empty()});
      return it->second;
    };
    for (const Diagnostic& d : catalog.diagnostics.items()) {
      auto it = owner.find(d.location.file);
      if (it == owner.end() || !nodes_[it->second].dirty) continue;
      size_t node = it->second;
      CachedDiagnostic c{std::string(rule_info(d.rule).id),
                         d.severity,
                         index_of(node, d.location.file),
                         d.location.line,
                         d.location.column,
                         d.end_line,
                         d.end_column,
                         d.message,
                         {}};
      for (const DiagnosticNote& note : d.notes) {
        c.notes.push_back({index_of(node, note.location.file), note.location.line,
                           note.location.column, note.message});
      }
      entries[node].diagnostics.push_back(std::move(c));
    }
    std::vector<size_t> dirty;
    for (size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].dirty) dirty.push_back(i);
    }
    std::vector<std::string> errors(dirty.size());
    parallel_for(dirty.size(), settings_.load.jobs, [&](size_t k) {
      size_t i = dirty[k];
      entries[i].key = component_keys_[nodes_[i].component];
      entries[i].source = nodes_[i].hash;
      entries[i].links = nodes_[i].links.value_or(FileLinks{});
      errors[k] = write_file_atomically(entry_path(nodes_[i]), serialize_cache_entry(entries[i]),
                                        0600, false);
    });
    for (const std::string& e : errors) {
      if (e.empty()) continue;
      warnings_ = fmt::format("procedura lint: warning: the cache is not updated: {}\n", e);
      break;
    }
  }

  const SourceFile* replay_file(LintRun& out, const CachedFile& f) {
    auto key = std::make_pair(f.path, f.empty);
    if (auto it = replay_files_.find(key); it != replay_files_.end()) return it->second;
    std::string content;
    if (!f.empty) {
      if (contents_.empty()) {
        for (const FileNode& n : nodes_) {
          contents_.emplace(n.path, &n.content);
          for (const auto& [path, bytes] : n.companions) contents_.emplace(path, &bytes);
        }
      }
      if (auto it = contents_.find(f.path); it != contents_.end()) content = *it->second;
    }
    out.replayed_files.push_back(std::make_unique<SourceFile>(f.path, std::move(content)));
    return replay_files_[key] = out.replayed_files.back().get();
  }

  void replay(const FileNode& n, LintRun& out) {
    if (!n.entry) return;
    std::vector<const SourceFile*> files;
    for (const CachedFile& f : n.entry->files) files.push_back(replay_file(out, f));
    auto file = [&](int i) { return i < 0 ? nullptr : files[static_cast<size_t>(i)]; };
    for (const CachedDiagnostic& c : n.entry->diagnostics) {
      Diagnostic d{*rule_from_id(c.rule),
                   c.severity,
                   Location{file(c.file), c.line, c.column},
                   c.message,
                   {},
                   c.end_line,
                   c.end_column};
      for (const CachedNote& note : c.notes) {
        d.notes.push_back({Location{file(note.file), note.line, note.column}, note.message});
      }
      out.diagnostics.add(std::move(d));
    }
  }

  const std::vector<FoundFile>& found_;
  const LintSettings& settings_;
  const std::string& dir_;
  std::string& warnings_;
  std::string options_key_;
  std::vector<FileNode> nodes_;
  std::map<std::string, size_t> index_;
  std::unordered_map<std::string, std::string> keys_;
  std::unordered_map<std::string, const std::string*> contents_;  // display path -> bytes read
  std::vector<size_t> extras_;
  std::vector<std::string> component_keys_;
  std::set<size_t> folder_dependent_;  // nodes, then components, resolved from a folder
  std::map<std::pair<std::string, bool>, const SourceFile*> replay_files_;
  bool all_dirty_run_ = false;
};

}  // namespace

LintRun lint_with_cache(const std::vector<FoundFile>& found, const LintSettings& settings,
                        const std::string& dir, std::string& warnings) {
  std::string problem = private_cache_dir(dir);
  if (!problem.empty()) {
    warnings += fmt::format("procedura lint: warning: the cache is not used: {}\n", problem);
    LintRun run;
    run.catalogs.push_back(lint_catalog(found, settings));
    run.diagnostics = std::move(run.catalogs.back().diagnostics);
    run.diagnostics.sort();
    run.files_examined = count_examined(found);
    run.input_error = run.catalogs.back().input_error;
    return run;
  }
  return CachedLint(found, settings, dir, warnings).run();
}

}  // namespace procedura
