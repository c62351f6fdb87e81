#include "export/flow_figures.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <sstream>

#include "export/flow_split.h"
#include "export/graph_dot_lines.h"

namespace procedura::print {

namespace {

SvgResult render_whole(const Procedure& procedure, const GraphOptions& options) {
  std::ostringstream dot;
  write_dot(procedure, dot, options);
  return render_svg(dot.str());
}

SvgResult render_part(const Procedure& procedure, const std::vector<std::vector<int>>& parts,
                      size_t part, const GraphOptions& options) {
  std::ostringstream dot;
  write_dot_part(procedure, parts, part, dot, options);
  return render_svg(dot.str());
}

// The size of `nodes` drawn as a part: the other nodes stand for the later parts so the
// connectors it would have are drawn too (their part numbers hardly change the size).
SvgSize measure_part(const Procedure& procedure, const std::vector<int>& nodes,
                     const GraphOptions& options) {
  std::vector<bool> in(procedure.nodes.size(), false);
  for (int index : nodes) in[index] = true;
  std::vector<int> rest;
  for (size_t i = 0; i < procedure.nodes.size(); ++i) {
    if (!in[i]) rest.push_back(static_cast<int>(i));
  }
  SvgResult svg = render_part(procedure, {nodes, rest}, 0, options);
  // A part Graphviz cannot draw is no better smaller: let the split go on.
  return svg.ok ? svg_size(svg.svg) : SvgSize{};
}

// The parts drawn; a part still too large (a single node whose answers carry long lists of
// actions side by side) is drawn again with narrower labels while that helps. `fit` is 1 or
// more for a part that prints well, and larger for a better one.
Figures render_parts(const Procedure& procedure, const std::vector<std::vector<int>>& parts,
                     const GraphOptions& options, const std::function<double(SvgSize)>& fit) {
  Figures figures;
  for (size_t part = 0; part < parts.size(); ++part) {
    std::optional<Figure> best;
    for (size_t width : {options.wrap_width, size_t{28}, size_t{22}}) {
      if (best && width >= options.wrap_width) break;
      GraphOptions narrower = options;
      narrower.wrap_width = width;
      SvgResult svg = render_part(procedure, parts, part, narrower);
      if (!svg.ok) return Figures{{}, 1, svg.error};
      Figure figure{svg.svg, svg_size(svg.svg)};
      if (!best || fit(figure.size) > fit(best->size)) best = figure;
      if (fit(best->size) >= 1) break;
    }
    figures.parts.push_back(*best);
  }
  return figures;
}

// The scale at which the parts side by side fill the poster's printable box.
double row_scale(const std::vector<Figure>& parts) {
  double width = 0, height = 0;
  for (const Figure& figure : parts) {
    width += figure.size.width_pt;
    height = std::max(height, figure.size.height_pt);
  }
  if (width <= 0 || height <= 0) return 0;
  double gaps = points(kPosterGapMm) * static_cast<double>(parts.size() - 1);
  return std::min((points(kPosterSheet.width_mm) - gaps) / width,
                  points(kPosterSheet.height_mm) / height);
}

}  // namespace

double a4_scale(SvgSize size) {
  if (size.width_pt <= 0 || size.height_pt <= 0) return 1;
  return std::min({1.0, points(kA4Figure.width_mm) / size.width_pt,
                   points(kA4Figure.height_mm) / size.height_pt});
}

bool readable_on_a4(SvgSize size) {
  return a4_scale(size) * dot_lines::kSmallestFontPt >= kReadablePt;
}

Figures a4_figures(const Procedure& procedure, const GraphOptions& options) {
  SvgResult whole = render_whole(procedure, options);
  if (!whole.ok) return Figures{{}, 1, whole.error};
  Figure figure{whole.svg, svg_size(whole.svg)};
  if (readable_on_a4(figure.size)) return Figures{{figure}, 1, {}};
  auto parts = flow::split_flow(procedure, [&](const std::vector<int>& nodes) {
    return readable_on_a4(measure_part(procedure, nodes, options));
  });
  if (parts.size() < 2) return Figures{{figure}, 1, {}};
  return render_parts(procedure, parts, options, [](SvgSize size) {
    return a4_scale(size) * dot_lines::kSmallestFontPt / kReadablePt;
  });
}

Figures poster_figures(const Procedure& procedure, const GraphOptions& options) {
  SvgResult whole = render_whole(procedure, options);
  if (!whole.ok) return Figures{{}, 1, whole.error};
  Figures best{{Figure{whole.svg, svg_size(whole.svg)}}, 1, {}};
  best.scale = row_scale(best.parts);
  // A tall flow drawn whole fills a strip of the landscape sheet: parts no taller than the
  // sheet at a few target scales, side by side, may draw it larger.
  for (double target : {1.0, 0.8, 0.65, 0.5}) {
    if (best.scale >= target) break;
    double width = points(kPosterSheet.width_mm) / target;
    double height = points(kPosterSheet.height_mm) / target;
    auto parts = flow::split_flow(procedure, [&](const std::vector<int>& nodes) {
      SvgSize size = measure_part(procedure, nodes, options);
      return size.width_pt > 0 && size.width_pt <= width && size.height_pt <= height;
    });
    if (parts.size() < 2) continue;
    Figures row = render_parts(procedure, parts, options, [&](SvgSize size) {
      return std::min(width / size.width_pt, height / size.height_pt);
    });
    if (!row.error.empty()) return row;
    row.scale = row_scale(row.parts);
    if (row.scale > best.scale) best = std::move(row);
  }
  return best;
}

}  // namespace procedura::print
