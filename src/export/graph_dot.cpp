// Graphviz DOT output. Labels are plain quoted strings (no HTML labels, no records), so
// only quotes, backslashes and line breaks need escaping.
#include <fmt/format.h>

#include "export/flow.h"
#include "export/graph.h"
#include "export/graph_dot_lines.h"
#include "export/graph_labels.h"
#include "util/utf8.h"

namespace procedura {

std::string dot_quote(std::string_view text) {
  std::string clean = utf8::sanitize(text);
  std::string out = "\"";
  for (char c : clean) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        // Other control characters (tab, CR, ...) have no place in a label.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

namespace {

struct Style {
  const char* shape;
  const char* style;
  const char* fill;
};

Style style_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::Ask:
      return {"hexagon", "filled", "#fff4c2"};
    case NodeKind::Step:
      return {"box", "filled", "#e3f0ff"};
    case NodeKind::Branch:
      return {"diamond", "filled", "#eeeeee"};
    case NodeKind::Call:
      return {"box3d", "filled", "#ece3ff"};
    case NodeKind::Outcome:
      return {"box", "rounded,filled,bold", "#d9f2d9"};
  }
  return {"box", "", "#ffffff"};
}

}  // namespace

}  // namespace procedura

namespace procedura::dot_lines {

void write_header(std::ostream& out, const Procedure& procedure, std::string_view title) {
  out << "digraph " << dot_quote(procedure.id) << " {\n";
  out << "  graph [rankdir=TB, labelloc=t, fontname=\"sans-serif\", label=" << dot_quote(title)
      << "];\n";
  out << "  node [fontname=\"sans-serif\", fontsize=" << kNodeFontPt
      << ", margin=\"0.15,0.08\"];\n";
  out << "  edge [fontname=\"sans-serif\", fontsize=" << kEdgeFontPt << "];\n";
}

void write_node(std::ostream& out, const Procedure& procedure, int index, bool reachable,
                std::string_view lang, size_t width) {
  const Node& node = procedure.nodes[index];
  Style style = style_of(node.kind);
  std::string node_style = style.style;
  if (!reachable) node_style += ",dashed";
  out << "  " << dot_quote(node.id) << " [shape=" << style.shape
      << ", style=" << dot_quote(node_style) << ", fillcolor=" << dot_quote(style.fill);
  if (node.kind == NodeKind::Outcome) out << ", peripheries=2";
  out << ", class=" << dot_quote(std::string(node_kind_name(node.kind)))
      << ", label=" << dot_quote(graph_labels::node_label(procedure, node, lang, width)) << "];\n";
}

void write_start(std::ostream& out, const Node& start) {
  // The start marker's name contains a space, which no node id can.
  out << "  \" start\" [shape=circle, style=filled, fillcolor=black, label=\"\", width=0.2];\n";
  out << "  \" start\" -> " << dot_quote(start.id) << ";\n";
}

std::string edge_attributes(const flow::Edge& edge, std::string_view lang, size_t width) {
  std::string label = graph_labels::edge_label(edge, lang, width);
  if (label.empty() && edge.via != flow::Edge::Via::Otherwise) return {};
  std::string attributes = " [label=" + dot_quote(label);
  if (edge.via == flow::Edge::Via::Otherwise) attributes += ", style=dashed";
  return attributes + "]";
}

}  // namespace procedura::dot_lines

namespace procedura {

void write_dot(const Procedure& procedure, std::ostream& out, const GraphOptions& options) {
  std::string lang = flow::display_language(procedure, options.lang);
  dot_lines::write_header(out, procedure, graph_labels::title_label(procedure, lang));
  std::vector<bool> reachable = flow::reachable_from_start(procedure);
  for (int index : flow::reading_order(procedure))
    dot_lines::write_node(out, procedure, index, reachable[index], lang, options.wrap_width);
  if (const Node* start = procedure.start_node()) dot_lines::write_start(out, *start);
  for (const flow::Edge& edge : flow::all_edges(procedure, lang)) {
    if (edge.to < 0) continue;
    out << "  " << dot_quote(procedure.nodes[edge.from].id) << " -> "
        << dot_quote(procedure.nodes[edge.to].id)
        << dot_lines::edge_attributes(edge, lang, options.wrap_width) << ";\n";
  }
  out << "}\n";
}

}  // namespace procedura
