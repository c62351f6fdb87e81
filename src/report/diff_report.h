#pragma once
// Renderers of `procedura diff` (report/diff_results.h): text, with texts and keys from
// both files shown with their control characters as escapes, and JSON.
#include <iosfwd>

#include "report/diff_results.h"

namespace procedura {

void render_diff_text(const DiffResult& diff, std::ostream& out);
void render_diff_json(const DiffResult& diff, std::ostream& out);

}  // namespace procedura
