#include "check/checks.h"

#include <ctime>

#include "check/definition_checks.h"

namespace procedura {

std::string today_utc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buffer[16];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &utc);
  return buffer;
}

void run_checks(Catalog& catalog, const CheckOptions& options) {
  check_unused_definitions(catalog);
  check_review_dates(catalog, options.today.empty() ? today_utc() : options.today);
}

}  // namespace procedura
