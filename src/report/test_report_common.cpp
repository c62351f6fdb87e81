// Pieces shared by the test report renderers.
#include <fmt/format.h>

#include "model/source_file.h"
#include "report/test_report.h"

namespace procedura {

std::string path_text(const std::vector<PathEntry>& path) {
  std::vector<std::string> parts;
  for (const PathEntry& entry : path) {
    if (entry.pending) {
      parts.push_back(entry.node + " = ?");
    } else if (entry.stopped) {
      parts.push_back(entry.node + " (stops here)");
    } else if (entry.answered) {
      parts.push_back(fmt::format("{} = {}", entry.node, entry.answer));
    } else if (!entry.branch.empty()) {
      parts.push_back(fmt::format("{} [{}]", entry.node, entry.branch));
    } else {
      parts.push_back(entry.node);
    }
  }
  return fmt::format("{}", fmt::join(parts, " → "));
}

std::string failure_line(const TestFailure& failure) {
  std::string where = file_line(failure.location);
  return where.empty() ? failure.message : fmt::format("{}: {}", where, failure.message);
}

std::vector<LoadFailure> load_failures(const std::vector<Diagnostic>& errors) {
  std::vector<LoadFailure> out;
  for (const Diagnostic& d : errors) {
    std::string where = location_path(d.location);
    if (d.location.line > 0) where += fmt::format(":{}:{}", d.location.line, d.location.column);
    out.push_back({where, fmt::format("{} [{}]", d.message, rule_info(d.rule).id)});
  }
  if (out.empty()) out.push_back({"input", "a named file or directory could not be read"});
  return out;
}

}  // namespace procedura
