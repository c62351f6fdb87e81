#pragma once
// `procedura render ID|FILE --format markdown|html [--lang L] [--all]`: a printable handbook.
#include <iosfwd>
#include <string>
#include <vector>

#include "export/handbook.h"

namespace procedura {

enum class RenderFormat { Markdown, Html };

struct RenderCommandOptions {
  std::string target;  // procedure id or file; empty with `all`
  bool all = false;    // every procedure of the search path, with a table of contents
  RenderFormat format = RenderFormat::Html;
  HandbookOptions handbook;
  std::vector<std::string> procedure_dirs;
};

int run_render(const RenderCommandOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
