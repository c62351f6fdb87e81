#pragma once
// Human-readable diagnostics in the compiler style editors and terminals recognise:
//   procedure.yaml:12:7: error: unknown key `nxt` [unknown-key]
//     nxt: koniec
//     ^
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace procedura {

struct TextOptions {
  bool color = false;  // ANSI colours; decide with should_use_color()
};

void render_diagnostics_text(const std::vector<Diagnostic>& diagnostics, std::ostream& out,
                             const TextOptions& options = {});

// The source line shown under a finding and the caret line pointing at `column`
// (1-based, in code points). Tabs are copied into the caret line so the caret lines up
// whatever the tab width; every other character becomes spaces of its display width.
// Control characters and invalid UTF-8 in the source line are shown as U+FFFD.
struct SourceExcerpt {
  std::string line;
  std::string caret;
};
SourceExcerpt source_excerpt(std::string_view line_text, uint32_t column);

// The excerpt of `line` in `file` for `column`. A line longer than kExcerptBytes shows only
// the text around the column, cut at "…": a one-line file of megabytes with thousands of
// findings would otherwise print the whole line under each (output and time quadratic).
constexpr size_t kExcerptBytes = 240;
SourceExcerpt source_excerpt_in(const SourceFile& file, uint32_t line, uint32_t column);

// "2 errors, 1 warning in 3 files", with singular forms for counts of one.
std::string summary_line(size_t errors, size_t warnings, size_t files);

}  // namespace procedura
