// `procedura test` as text: a line per test, failures with the path, coverage when asked.
#include <fmt/format.h>

#include <ostream>

#include "model/source_file.h"
#include "report/test_report.h"

namespace procedura {
namespace {

std::string measure_text(const char* name, const CoverageMeasure& m) {
  return fmt::format("{} {}/{} ({})", name, m.reached, m.total, format_percent(m));
}

}  // namespace

std::string coverage_line(const ProcedureCoverage& c) {
  return fmt::format("{}: {}, {}, {}, {}", c.procedure->id, measure_text("nodes", c.nodes),
                     measure_text("options", c.options), measure_text("outcomes", c.outcomes),
                     measure_text("actions", c.actions));
}

void render_tests_text(const TestSuite& suite, bool coverage, std::ostream& out) {
  for (const TestResult& r : suite.results) {
    if (r.passed()) {
      out << fmt::format("PASS {}: {}\n", r.procedure->id, r.test->name);
      continue;
    }
    std::string where = file_line(r.test->location);
    out << fmt::format("FAIL {}: {}{}\n", r.procedure->id, r.test->name,
                       where.empty() ? "" : " (" + where + ")");
    for (const TestFailure& f : r.failures) out << "  " << failure_line(f) << "\n";
    out << "  path: " << path_text(r.path) << "\n";
  }
  if (coverage) {
    out << "\nCoverage:\n";
    for (const ProcedureCoverage& c : suite.coverage) {
      out << coverage_line(c) << "\n";
      for (const UnreachedItem& item : c.unreached) {
        std::string at = file_line(item.location);
        out << fmt::format("  not reached: {}{}\n", item.description,
                           at.empty() ? "" : " (" + at + ")");
      }
    }
    for (const Procedure* p : suite.untested) out << fmt::format("{}: no test reaches it\n", p->id);
  }
  if (!suite.results.empty() || coverage) out << "\n";
  out << fmt::format("{} passed, {} failed\n", suite.passed(), suite.failed());
}

}  // namespace procedura
