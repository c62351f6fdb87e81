#pragma once
// Runs Graphviz `dot` (when installed) to turn a DOT graph into SVG for the handbook.
#include <string>

namespace procedura {

// True when an executable `dot` is on PATH.
bool graphviz_available();

struct SvgResult {
  bool ok = false;
  std::string svg;    // the <svg> element alone (XML prolog and doctype removed)
  std::string error;  // why not, for the user
};

// Never throws; a missing or failing `dot` is reported in `error`.
SvgResult render_svg(const std::string& dot_source);

}  // namespace procedura
