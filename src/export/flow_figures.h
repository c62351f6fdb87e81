#pragma once
// The flow as printed figures. On A4 it is one Graphviz SVG when its smallest text prints
// at a readable size, else parts (flow_split.h) that each do, one per page. On the A1
// poster it is the one SVG or a row of parts, whichever draws the text largest when scaled
// to fill the sheet.
#include <string>
#include <vector>

#include "export/graph.h"
#include "export/graphviz.h"
#include "model/procedure.h"

namespace procedura::print {

// Printable boxes in millimetres; handbook_html.cpp writes its print CSS from them.
struct Box {
  double width_mm;
  double height_mm;
};
// A4 portrait less the 15 mm × 14 mm page margins, and less room for the figure's own
// margins below the height.
constexpr Box kA4Figure{182, 250};
// A1 landscape (841 × 594 mm) less 15 mm margins, and 4 mm to spare for rounding.
constexpr Box kPosterSheet{811, 560};
constexpr double kPosterGapMm = 8;  // between the parts of a poster's row
constexpr double kReadablePt = 7;   // the smallest text a trainer is asked to read

constexpr double points(double mm) {
  return mm * 72 / 25.4;
}

// The scale an SVG of this natural size prints at on A4 (shrunk to fit, never enlarged),
// and whether its smallest text then stays readable.
double a4_scale(SvgSize size);
bool readable_on_a4(SvgSize size);

struct Figure {
  std::string svg;
  SvgSize size;
};

struct Figures {
  std::vector<Figure> parts;  // one figure: the whole flow
  double scale = 1;           // poster: every part drawn at this scale of its natural size
  std::string error;          // Graphviz failed
};

Figures a4_figures(const Procedure& procedure, const GraphOptions& options);
Figures poster_figures(const Procedure& procedure, const GraphOptions& options);

}  // namespace procedura::print
