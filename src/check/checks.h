#pragma once
// Runs the lint rules that need the whole linked catalog.
#include <string>

#include "load/catalog.h"

namespace procedura {

struct CheckOptions {
  std::string today;  // YYYY-MM-DD for review-overdue; empty: the current UTC date
};

void run_checks(Catalog& catalog, const CheckOptions& options);

// Today's date in UTC as YYYY-MM-DD.
std::string today_utc();

}  // namespace procedura
