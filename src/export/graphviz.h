#pragma once
// Runs Graphviz `dot` (when installed) to turn a DOT graph into SVG for the handbook.
#include <string>
#include <string_view>

namespace procedura {

// True when an executable `dot` is on PATH.
bool graphviz_available();

struct SvgResult {
  bool ok = false;
  std::string svg;    // the <svg> element alone (XML prolog and doctype removed)
  std::string error;  // why not, for the user
};

// The natural size Graphviz gives an SVG (its width and height attributes, in points).
struct SvgSize {
  double width_pt = 0;
  double height_pt = 0;
};
// Zero width and height when the attributes are missing or not in points.
SvgSize svg_size(std::string_view svg);

// Never throws; a missing or failing `dot` is reported in `error`.
SvgResult render_svg(const std::string& dot_source);

}  // namespace procedura
