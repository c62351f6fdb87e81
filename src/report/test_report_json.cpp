// `procedura test` as JSON: the tests with their failures and paths, the totals, coverage
// when asked; load errors as failed tests.
#include <cmath>
#include <ostream>

#include "model/source_file.h"
#include "report/test_report.h"
#include "util/json_writer.h"

namespace procedura {

void render_tests_json(const TestSuite& suite, bool coverage, std::ostream& out) {
  JsonWriter json(out, true);
  json.begin_object();
  json.key("tests").begin_array();
  for (const TestResult& r : suite.results) {
    json.begin_object();
    json.member("procedure", r.procedure->id);
    json.member("name", r.test->name);
    json.member("file", location_path(r.test->location));
    json.member("line", r.test->location.line);
    json.member("status", r.passed() ? "pass" : "fail");
    json.key("failures").begin_array();
    for (const TestFailure& f : r.failures) {
      json.begin_object();
      json.member("kind", failure_kind_name(f.kind));
      json.member("message", f.message);
      json.member("file", location_path(f.location));
      json.member("line", f.location.line);
      json.end_object();
    }
    json.end_array();
    json.key("path").begin_array();
    for (const PathEntry& e : r.path) {
      json.begin_object();
      json.member("procedure", e.procedure);
      json.member("node", e.node);
      if (e.answered) json.member("answer", e.answer);
      if (!e.branch.empty()) json.member("branch", e.branch);
      if (e.pending) json.member("pending", true);
      if (e.stopped) json.member("stopped", true);
      json.member("file", location_path(e.location));
      json.member("line", e.location.line);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("totals").begin_object();
  json.member("tests", suite.results.size());
  json.member("passed", suite.passed());
  json.member("failed", suite.failed());
  json.end_object();
  if (coverage) {
    json.key("coverage").begin_array();
    auto measure = [&](const char* name, const CoverageMeasure& m) {
      json.key(name).begin_object();
      json.member("reached", m.reached);
      json.member("total", m.total);
      json.member("percent", std::round(m.percent() * 10) / 10);
      json.end_object();
    };
    for (const ProcedureCoverage& c : suite.coverage) {
      json.begin_object();
      json.member("procedure", c.procedure->id);
      json.member("file", c.procedure->file ? c.procedure->file->path() : std::string());
      measure("nodes", c.nodes);
      measure("options", c.options);
      measure("outcomes", c.outcomes);
      measure("actions", c.actions);
      json.key("unreached").begin_array();
      for (const UnreachedItem& item : c.unreached) {
        json.begin_object();
        json.member("kind", item.kind);
        json.member("description", item.description);
        json.member("file", location_path(item.location));
        json.member("line", item.location.line);
        json.end_object();
      }
      json.end_array();
      json.end_object();
    }
    json.end_array();
    json.key("untested").begin_array();
    for (const Procedure* p : suite.untested) json.value(p->id);
    json.end_array();
  }
  json.end_object();
  out << "\n";
}

void render_load_errors_json(const std::vector<Diagnostic>& errors, std::ostream& out) {
  std::vector<LoadFailure> failures = load_failures(errors);
  JsonWriter json(out, true);
  json.begin_object();
  json.key("tests").begin_array();
  for (size_t i = 0; i < failures.size(); ++i) {
    const Location& at = i < errors.size() ? errors[i].location : Location{};
    json.begin_object();
    json.member("procedure", "");
    json.member("name", "load " + failures[i].name);
    json.member("file", location_path(at));
    json.member("line", at.line);
    json.member("status", "fail");
    json.key("failures").begin_array();
    json.begin_object();
    json.member("kind", "load-error");
    json.member("message", failures[i].message);
    json.member("file", location_path(at));
    json.member("line", at.line);
    json.end_object();
    json.end_array();
    json.key("path").begin_array().end_array();
    json.end_object();
  }
  json.end_array();
  json.key("totals").begin_object();
  json.member("tests", failures.size());
  json.member("passed", size_t{0});
  json.member("failed", failures.size());
  json.end_object();
  json.end_object();
  out << "\n";
}

}  // namespace procedura
