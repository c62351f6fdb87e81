#include "commands/diff/diff.h"

#include <ostream>
#include <string>

#include "commands/diff/diff_changes.h"
#include "commands/diff/diff_impact.h"
#include "commands/diff/diff_load.h"
#include "commands/language_check.h"
#include "report/diff_report.h"
#include "util/exit_status.h"

namespace procedura {

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  // Each version in its own catalog: they usually share the procedure id.
  auto before = load_version(options.before, options.procedure_dirs, "diff", err);
  if (!before) return kExitUsage;
  auto after = load_version(options.after, options.procedure_dirs, "diff", err);
  if (!after) return kExitUsage;
  if (!options.lang.empty() && (!check_language(*before->procedure, options.lang, "diff", err) ||
                                !check_language(*after->procedure, options.lang, "diff", err))) {
    return kExitUsage;
  }
  DiffResult diff{options.before,
                  options.after,
                  before->procedure,
                  after->procedure,
                  diff_procedures(*before->procedure, *after->procedure, options.lang),
                  {}};
  std::string error =
      assess_impact(*before->procedure, *after->procedure, options.transcripts_dir, diff.impact);
  if (!error.empty()) {
    err << "procedura diff: --transcripts: " << error << "\n";
    return kExitUsage;
  }
  if (options.format == DiffFormat::Json) {
    render_diff_json(diff, out);
  } else {
    render_diff_text(diff, out);
  }
  out.flush();
  return diff.impact.any_changed() ? kExitFindings : kExitOk;
}

}  // namespace procedura
