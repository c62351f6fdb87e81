#pragma once
#include <string_view>

#include "load/catalog.h"

namespace procedura {

// unused-definition: a definition nothing loaded together uses. Libraries loaded only
// through an import are not reported (their users may simply not be in this run).
void check_unused_definitions(Catalog& catalog);

// review-overdue: `review_by` is before `today` (YYYY-MM-DD).
void check_review_dates(Catalog& catalog, std::string_view today);

}  // namespace procedura
