#pragma once
// Inline suppression comments, found by scanning raw text (the YAML parser drops comments):
//   # procedura: disable=RULE[,RULE]     on the line before, or at the end of the offending line
//   # procedura: disable-file=RULE[,RULE] anywhere: the whole file
// An unknown rule id in a directive is itself a `bad-suppression` warning.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/source_file.h"

namespace procedura {

// Removes suppressed diagnostics and disabled rules; adds bad-suppression warnings.
void apply_suppressions(Diagnostics& diagnostics,
                        const std::vector<std::unique_ptr<SourceFile>>& files,
                        const std::set<Rule>& disabled);

}  // namespace procedura
