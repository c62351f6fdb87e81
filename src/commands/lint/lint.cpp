#include "commands/lint/lint.h"

#include <fmt/format.h>

#include <ostream>
#include <set>

#include "check/checks.h"
#include "commands/lint/lint_cache.h"
#include "commands/lint/lint_run.h"
#include "load/catalog.h"
#include "load/procedure_lookup.h"
#include "report/diagnostics_github.h"
#include "report/diagnostics_json.h"
#include "report/diagnostics_sarif.h"
#include "report/diagnostics_text.h"
#include "util/exit_status.h"
#include "util/visible_text.h"

namespace procedura {

int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err) {
  std::set<Rule> disabled;
  for (const std::string& id : options.disabled_rules) {
    auto rule = rule_from_id(id);
    if (!rule) {
      err << fmt::format(
          "procedura lint: unknown rule '{}' for --disable (see `procedura explain --list`)\n", id);
      return kExitUsage;
    }
    disabled.insert(*rule);
  }
  std::vector<std::string> paths =
      options.paths.empty() ? procedure_lookup_dirs({}) : options.paths;
  if (paths.empty()) {
    err << "procedura lint: no procedures found; name files or directories to lint\n";
    return kExitUsage;
  }

  LintSettings settings;
  settings.load.procedures_root = options.procedures_root;
  settings.load.jobs = options.jobs;
  settings.load.limits.max_file_bytes = options.max_file_bytes;
  settings.today = options.today.empty() ? today_utc() : options.today;
  settings.disabled = disabled;
  LintRun run;
  std::vector<std::string> skipped_links;
  std::vector<FoundFile> found =
      discover_files(paths, settings.load.limits.max_files, &skipped_links);
  for (const std::string& link : skipped_links) {
    err << fmt::format(
        "procedura lint: note: {} was skipped: a symbolic link out of the directory linted\n",
        visible_text(link, LineBreaks::Escape));
  }
  std::string cache_dir = options.cache_dir.empty() ? default_lint_cache_dir() : options.cache_dir;
  if (options.cache && cache_dir.empty()) {
    err << "procedura lint: warning: no cache directory (set XDG_CACHE_HOME or HOME, or use "
           "--cache-dir)\n";
  }
  if (options.cache && !cache_dir.empty()) {
    std::string warnings;
    run = lint_with_cache(found, settings, cache_dir, warnings);
    err << warnings;
    if (options.cache_stats) {
      err << fmt::format("procedura lint: cache: {} of {} files replayed\n", run.files_replayed,
                         run.files_examined);
    }
  } else {
    run.catalogs.push_back(lint_catalog(found, settings));
    run.diagnostics = std::move(run.catalogs.back().diagnostics);
    run.diagnostics.sort();
    run.files_examined = count_examined(found);
    run.input_error = run.catalogs.back().input_error;
  }
  const Diagnostics& diagnostics = run.diagnostics;

  const auto& items = diagnostics.items();
  switch (options.format) {
    case LintFormat::Text:
      render_diagnostics_text(items, out, TextOptions{should_use_color(options.color, 1)});
      out << summary_line(diagnostics.count(Severity::Error), diagnostics.count(Severity::Warning),
                          run.files_examined)
          << "\n";
      break;
    case LintFormat::Json:
      render_diagnostics_json(items, out);
      break;
    case LintFormat::Sarif:
      render_diagnostics_sarif(items, out, SarifOptions{PROCEDURA_VERSION, ""});
      break;
    case LintFormat::Github:
      render_diagnostics_github(items, out);
      break;
  }
  out.flush();

  if (run.input_error) return kExitUsage;
  if (diagnostics.has_errors()) return kExitFindings;
  if (options.strict && diagnostics.count(Severity::Warning) > 0) return kExitFindings;
  return kExitOk;
}

}  // namespace procedura
