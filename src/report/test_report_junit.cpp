// `procedura test` as JUnit XML; load errors as failed tests.
#include <fmt/format.h>

#include <ostream>

#include "model/source_file.h"
#include "report/test_report.h"
#include "util/utf8.h"

namespace procedura {

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

}  // namespace procedura
