#include "commands/lint/lint_run.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <unordered_map>

#include "check/checks.h"
#include "check/suppression.h"
#include "load/context_files.h"
#include "util/parallel.h"

namespace procedura {

namespace {

// At most this many groups of procedures are checked in parallel; a fixed number, so that
// the grouping, and with it the order of the diagnostics, does not depend on --jobs.
constexpr size_t kCheckGroups = 64;

// Procedures linked by imports, calls or a shared id must be checked together; unlinked
// ones are independent. Each group is checked in a catalog of its own on a worker thread,
// then the procedures go back in their order and the diagnostics are merged group by group.
void run_checks_in_groups(Catalog& catalog, const CheckOptions& options, size_t jobs) {
  size_t count = catalog.procedures.size();
  if (count < 2) {
    run_checks(catalog, options);
    return;
  }
  std::unordered_map<const Procedure*, size_t> index;
  for (size_t i = 0; i < count; ++i) index[catalog.procedures[i].get()] = i;
  std::vector<size_t> parent(count);
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  };
  auto unite = [&](size_t a, const Procedure* other) {
    if (auto it = index.find(other); it != index.end()) parent[find(a)] = find(it->second);
  };
  std::map<std::string, const Procedure*> by_id;
  for (size_t i = 0; i < count; ++i) {
    const Procedure& p = *catalog.procedures[i];
    for (const Procedure* lib : p.imported) unite(i, lib);
    for (const Node& node : p.nodes) {
      if (node.call().callee_procedure) unite(i, node.call().callee_procedure);
    }
    if (p.id.empty()) continue;
    auto [it, inserted] = by_id.emplace(p.id, &p);
    if (!inserted) unite(i, it->second);
  }

  std::vector<Catalog> groups(std::min(kCheckGroups, count));
  std::vector<size_t> group_of(count);
  std::map<size_t, size_t> group_of_root;
  for (size_t i = 0; i < count; ++i) {
    auto [it, inserted] = group_of_root.emplace(find(i), group_of_root.size() % groups.size());
    group_of[i] = it->second;
    groups[group_of[i]].procedures.push_back(std::move(catalog.procedures[i]));
  }
  for (Catalog& group : groups) group.used = catalog.used;
  parallel_for(groups.size(), jobs, [&](size_t g) { run_checks(groups[g], options); });

  std::vector<size_t> taken(groups.size(), 0);
  for (size_t i = 0; i < count; ++i) {
    catalog.procedures[i] = std::move(groups[group_of[i]].procedures[taken[group_of[i]]++]);
  }
  for (Catalog& group : groups) {
    for (Diagnostic& d : group.diagnostics.items()) catalog.diagnostics.add(std::move(d));
  }
}

}  // namespace

Catalog lint_catalog(const std::vector<FoundFile>& found, const LintSettings& settings) {
  Catalog catalog = load_catalog_files(found, settings.load);
  run_checks_in_groups(catalog, CheckOptions{settings.today}, settings.load.jobs);
  // A named file in a marked root, or one whose callees were found beside it, was checked
  // with other procedures loaded as context: their own findings are not reported.
  if (settings.load.procedures_root.empty()) drop_context_diagnostics(catalog);
  apply_suppressions(catalog.diagnostics, catalog.files, settings.disabled);
  return catalog;
}

size_t count_examined(const std::vector<FoundFile>& found) {
  return static_cast<size_t>(std::count_if(
      found.begin(), found.end(), [](const FoundFile& f) { return !is_test_companion(f.path); }));
}

}  // namespace procedura
