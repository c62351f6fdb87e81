#include "report/test_results.h"

#include <fmt/format.h>

#include <algorithm>

namespace procedura {

std::string_view failure_kind_name(TestFailure::Kind kind) {
  using K = TestFailure::Kind;
  switch (kind) {
    case K::Unanswered:
      return "unanswered";
    case K::UnusedAnswer:
      return "unused-answer";
    case K::InvalidAnswer:
      return "invalid-answer";
    case K::Loop:
      return "loop";
    case K::RuntimeError:
      return "runtime-error";
    case K::WrongOutcome:
      return "wrong-outcome";
    case K::MissingAction:
      return "missing-action";
    case K::MissingNotification:
      return "missing-notification";
    case K::ForbiddenAction:
      return "forbidden-action";
    case K::ExactMismatch:
      return "exact-mismatch";
  }
  return "failure";
}

std::string format_percent(const CoverageMeasure& measure) {
  if (measure.complete()) return "100%";
  return fmt::format("{:.1f}%", measure.percent());
}

size_t TestSuite::passed() const {
  return static_cast<size_t>(std::count_if(results.begin(), results.end(),
                                           [](const TestResult& r) { return r.passed(); }));
}

}  // namespace procedura
