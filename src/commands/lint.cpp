#include "commands/lint.h"

#include <fmt/format.h>

#include <ostream>
#include <set>

#include "check/checks.h"
#include "check/suppression.h"
#include "commands/procedure_paths.h"
#include "load/catalog.h"
#include "report/diagnostics_github.h"
#include "report/diagnostics_json.h"
#include "report/diagnostics_sarif.h"
#include "report/diagnostics_text.h"
#include "util/exit_status.h"

namespace procedura {

int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err) {
  std::set<Rule> disabled;
  for (const std::string& id : options.disabled_rules) {
    auto rule = rule_from_id(id);
    if (!rule) {
      err << fmt::format("procedura lint: unknown rule '{}' for --disable (see `procedura explain --list`)\n", id);
      return kExitUsage;
    }
    disabled.insert(*rule);
  }
  std::vector<std::string> paths = options.paths.empty() ? procedure_search_path({}) : options.paths;
  if (paths.empty()) {
    err << "procedura lint: no procedures found; name files or directories to lint\n";
    return kExitUsage;
  }

  LoadOptions load_options;
  load_options.procedures_root = options.procedures_root;
  load_options.limits.max_file_bytes = options.max_file_bytes;
  Catalog catalog = load_catalog(paths, load_options);
  run_checks(catalog, CheckOptions{options.today});
  apply_suppressions(catalog.diagnostics, catalog.files, disabled);
  catalog.diagnostics.sort();

  const auto& items = catalog.diagnostics.items();
  switch (options.format) {
    case LintFormat::Text:
      render_diagnostics_text(items, out, TextOptions{should_use_color(options.color, 1)});
      out << summary_line(catalog.diagnostics.count(Severity::Error), catalog.diagnostics.count(Severity::Warning),
                          catalog.files_examined)
          << "\n";
      break;
    case LintFormat::Json: render_diagnostics_json(items, out); break;
    case LintFormat::Sarif: render_diagnostics_sarif(items, out, SarifOptions{PROCEDURA_VERSION, ""}); break;
    case LintFormat::Github: render_diagnostics_github(items, out); break;
  }
  out.flush();

  if (catalog.input_error) return kExitUsage;
  if (catalog.diagnostics.has_errors()) return kExitFindings;
  if (options.strict && catalog.diagnostics.count(Severity::Warning) > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace procedura
