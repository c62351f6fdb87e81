#pragma once
// branch-shadowed and branch-gap: decided over sample values of the variables a branch
// reads (see sample_domains.h). Branches with more than kMaxCombinations combinations of
// samples are skipped without a diagnostic.
#include <cstddef>

#include "load/catalog.h"

namespace procedura {

inline constexpr size_t kMaxBranchCombinations = 4096;

void check_branch_coverage(Catalog& catalog);

}  // namespace procedura
