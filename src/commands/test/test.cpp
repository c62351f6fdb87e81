#include "commands/test/test.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <ostream>

#include "load/procedure_lookup.h"
#include "model/source_file.h"
#include "report/diagnostics_text.h"
#include "report/test_report.h"
#include "util/exit_status.h"
#include "util/file_paths.h"

namespace procedura {
namespace fs = std::filesystem;

TestSuite run_test_suite(const Catalog& catalog, const std::vector<const Procedure*>& selected,
                         bool coverage) {
  TestSuite suite;
  Coverage reached;
  for (const Procedure* proc : selected) {
    for (const TestCase& test : proc->tests) {
      auto started = std::chrono::steady_clock::now();
      suite.results.push_back(run_test(*proc, test, catalog, coverage ? &reached : nullptr));
      suite.results.back().seconds =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    }
  }
  if (!coverage) return suite;
  for (const Procedure* proc : catalog.runnable()) {
    bool is_selected = std::find(selected.begin(), selected.end(), proc) != selected.end();
    if (reached.reached(*proc)) {
      suite.coverage.push_back(reached.of(*proc));
    } else if (is_selected) {
      suite.untested.push_back(proc);
    }
  }
  return suite;
}

std::vector<std::string> below_minimum(const ProcedureCoverage& coverage, double percent) {
  std::vector<std::string> out;
  auto check = [&](const char* name, const CoverageMeasure& m) {
    if (m.percent() < percent) out.push_back(fmt::format("{} {}", name, format_percent(m)));
  };
  check("nodes", coverage.nodes);
  check("options", coverage.options);
  check("outcomes", coverage.outcomes);
  check("actions", coverage.actions);
  return out;
}

namespace {

// A procedure is tested when its file, or the test file holding one of its tests, was
// named or lies below a named directory. Procedures loaded only from --procedures are
// there to be called.
bool named_by(const Procedure& proc, const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  if (proc.file) files.push_back(canonical_path(proc.file->path()));
  for (const TestCase& test : proc.tests) {
    if (test.location.file) files.push_back(canonical_path(test.location.file->path()));
  }
  for (const std::string& input : inputs) {
    for (const std::string& file : files) {
      if (file == input) return true;
      auto relative = fs::path(file).lexically_relative(input);
      if (!relative.empty() && *relative.begin() != "..") return true;
    }
  }
  return false;
}

}  // namespace

int run_tests(const TestOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> paths =
      options.paths.empty() ? procedure_lookup_dirs(options.procedure_dirs) : options.paths;
  if (paths.empty()) {
    err << "procedura test: no procedures found; name files or directories to test\n";
    return kExitUsage;
  }
  std::vector<std::string> inputs = paths;
  for (const std::string& dir : options.procedure_dirs) {
    if (std::find(inputs.begin(), inputs.end(), dir) == inputs.end()) inputs.push_back(dir);
  }
  Catalog catalog = load_catalog(inputs);
  std::vector<std::string> named;
  for (const std::string& path : paths) named.push_back(canonical_path(path));
  std::vector<const Procedure*> selected;
  for (const Procedure* proc : catalog.runnable()) {
    if (named_by(*proc, named)) selected.push_back(proc);
  }
  std::vector<Diagnostic> errors;
  for (const Diagnostic& d : catalog.diagnostics.items()) {
    if (d.severity == Severity::Error) errors.push_back(d);
  }
  // A procedure found only to resolve a call still decides what the caller's scenarios do.
  for (Diagnostic& d : errors_in_involved_files(catalog.context_diagnostics, selected))
    errors.push_back(std::move(d));
  if (!errors.empty() || catalog.input_error) {
    render_diagnostics_text(errors, err, TextOptions{false});
    err << "procedura test: the procedures do not load; fix the errors above first (see "
           "`procedura lint`)\n";
    // A CI report step reads the file whatever the exit status: it gets the load errors as
    // failed tests instead of an empty file it cannot parse.
    if (options.format == TestFormat::Json) render_load_errors_json(errors, out);
    if (options.format == TestFormat::Junit) render_load_errors_junit(errors, out);
    return kExitUsage;
  }

  bool coverage = options.coverage || options.min_coverage.has_value();
  TestSuite suite = run_test_suite(catalog, selected, coverage);
  if (suite.results.empty()) {
    err << "procedura test: no tests found (write `tests:` in a procedure or a NAME.test.yaml "
           "beside it)\n";
  }

  switch (options.format) {
    case TestFormat::Text:
      render_tests_text(suite, coverage, out);
      break;
    case TestFormat::Json:
      render_tests_json(suite, coverage, out);
      break;
    case TestFormat::Junit:
      render_tests_junit(suite, out);
      break;
  }
  out.flush();

  bool below = false;
  if (options.min_coverage) {
    for (const ProcedureCoverage& c : suite.coverage) {
      if (std::find(selected.begin(), selected.end(), c.procedure) == selected.end()) continue;
      std::vector<std::string> low = below_minimum(c, *options.min_coverage);
      if (low.empty()) continue;
      below = true;
      err << fmt::format("procedura test: {} is below the minimum coverage of {}%: {}\n",
                         c.procedure->id, *options.min_coverage, fmt::join(low, ", "));
    }
  }
  return suite.failed() > 0 || below ? kExitFindings : kExitOk;
}

}  // namespace procedura
