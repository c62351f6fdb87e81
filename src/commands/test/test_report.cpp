#include "commands/test/test_report.h"

#include <fmt/format.h>

#include <cmath>
#include <ostream>

#include "commands/paths/path_walk.h"
#include "model/source_file.h"
#include "util/json_writer.h"
#include "util/utf8.h"

namespace procedura {
namespace {

std::string failure_line(const TestFailure& failure) {
  std::string where = file_line(failure.location);
  return where.empty() ? failure.message : fmt::format("{}: {}", where, failure.message);
}

std::string measure_text(const char* name, const CoverageMeasure& m) {
  return fmt::format("{} {}/{} ({})", name, m.reached, m.total, format_percent(m));
}

std::string path_of(const Location& location) {
  return location.file ? location.file->path() : std::string();
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

void render_tests_json(const TestSuite& suite, bool coverage, std::ostream& out) {
  JsonWriter json(out, true);
  json.begin_object();
  json.key("tests").begin_array();
  for (const TestResult& r : suite.results) {
    json.begin_object();
    json.member("procedure", r.procedure->id);
    json.member("name", r.test->name);
    json.member("file", path_of(r.test->location));
    json.member("line", r.test->location.line);
    json.member("status", r.passed() ? "pass" : "fail");
    json.key("failures").begin_array();
    for (const TestFailure& f : r.failures) {
      json.begin_object();
      json.member("kind", failure_kind_name(f.kind));
      json.member("message", f.message);
      json.member("file", path_of(f.location));
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
      json.member("file", path_of(e.location));
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
        json.member("file", path_of(item.location));
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

std::string xml_escape(std::string_view text) {
  std::string out;
  std::string valid = utf8::sanitize(text);
  for (char ch : valid) {
    unsigned char c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      case '\n':
        out += "&#10;";
        break;
      case '\r':
        out += "&#13;";
        break;
      case '\t':
        out += "&#9;";
        break;
      default:
        // XML 1.0 has no way to write other control characters, not even escaped.
        if (c < 0x20) {
          out += "\xEF\xBF\xBD";
        } else {
          out += ch;
        }
    }
  }
  return out;
}

// JUnit XML in the shape of Jenkins' junit-10.xsd, which the JUnit readers of Jenkins,
// GitLab and the GitHub test-report actions accept: testcase carries name, classname and
// time only, so where a test is written goes into a <property> of its suite and into the
// first line of a failure, as a stack trace would.
void render_tests_junit(const TestSuite& suite, std::ostream& out) {
  double total_seconds = 0;
  for (const TestResult& r : suite.results) total_seconds += r.seconds;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"procedura test\" tests=\"{}\" failures=\"{}\" errors=\"0\" "
      "time=\"{:.3f}\">\n",
      suite.results.size(), suite.failed(), total_seconds);
  for (size_t i = 0; i < suite.results.size();) {
    const Procedure* proc = suite.results[i].procedure;
    size_t end = i, failed = 0;
    double seconds = 0;
    for (; end < suite.results.size() && suite.results[end].procedure == proc; ++end) {
      if (!suite.results[end].passed()) ++failed;
      seconds += suite.results[end].seconds;
    }
    out << fmt::format(
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\" "
        "time=\"{:.3f}\">\n",
        xml_escape(proc->id), end - i, failed, seconds);
    out << fmt::format(
        "    <properties>\n      <property name=\"file\" value=\"{}\"/>\n"
        "      <property name=\"version\" value=\"{}\"/>\n    </properties>\n",
        xml_escape(proc->file ? proc->file->path() : ""), xml_escape(proc->version));
    for (; i < end; ++i) {
      const TestResult& r = suite.results[i];
      out << fmt::format("    <testcase name=\"{}\" classname=\"{}\" time=\"{:.3f}\"",
                         xml_escape(r.test->name), xml_escape(proc->id), r.seconds);
      if (r.passed()) {
        out << "/>\n";
        continue;
      }
      std::string body = "at " + file_line(r.test->location) + "\n";
      for (const TestFailure& f : r.failures) body += failure_line(f) + "\n";
      body += "path: " + path_text(r.path);
      out << fmt::format(
          ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>\n",
          xml_escape(r.failures.front().message), failure_kind_name(r.failures.front().kind),
          xml_escape(body));
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

namespace {

struct LoadFailure {
  std::string name;     // the file and position
  std::string message;  // the error with its rule
};

std::vector<LoadFailure> load_failures(const std::vector<Diagnostic>& errors) {
  std::vector<LoadFailure> out;
  for (const Diagnostic& d : errors) {
    std::string where = path_of(d.location);
    if (d.location.line > 0) where += fmt::format(":{}:{}", d.location.line, d.location.column);
    out.push_back({where, fmt::format("{} [{}]", d.message, rule_info(d.rule).id)});
  }
  if (out.empty()) out.push_back({"input", "a named file or directory could not be read"});
  return out;
}

}  // namespace

void render_load_errors_junit(const std::vector<Diagnostic>& errors, std::ostream& out) {
  std::vector<LoadFailure> failures = load_failures(errors);
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << fmt::format(
      "<testsuites name=\"procedura test\" tests=\"{0}\" failures=\"{0}\" errors=\"0\" "
      "time=\"0.000\">\n"
      "  <testsuite name=\"the procedures load\" tests=\"{0}\" failures=\"{0}\" errors=\"0\" "
      "skipped=\"0\" time=\"0.000\">\n",
      failures.size());
  for (const LoadFailure& f : failures) {
    out << fmt::format(
        "    <testcase name=\"{0}\" classname=\"load\" time=\"0.000\">\n"
        "      <failure message=\"{1}\" type=\"load-error\">{0}: {1}</failure>\n"
        "    </testcase>\n",
        xml_escape(f.name), xml_escape(f.message));
  }
  out << "  </testsuite>\n</testsuites>\n";
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
    json.member("file", path_of(at));
    json.member("line", at.line);
    json.member("status", "fail");
    json.key("failures").begin_array();
    json.begin_object();
    json.member("kind", "load-error");
    json.member("message", failures[i].message);
    json.member("file", path_of(at));
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
