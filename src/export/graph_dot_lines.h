#pragma once
// The lines of a DOT graph shared by the whole flow (graph_dot.cpp) and its parts for
// printing (graph_dot_part.cpp), so both draw nodes and edges alike.
#include <ostream>
#include <string>
#include <string_view>

#include "export/flow.h"
#include "model/procedure.h"

namespace procedura::dot_lines {

// Font sizes in points; print fitting reads the smallest one to judge readability.
constexpr double kNodeFontPt = 10;
constexpr double kEdgeFontPt = 9;
constexpr double kSmallestFontPt = kEdgeFontPt;

// `digraph "id" {` and the graph, node and edge defaults with `title` on top.
void write_header(std::ostream& out, const Procedure& procedure, std::string_view title);
void write_node(std::ostream& out, const Procedure& procedure, int index, bool reachable,
                std::string_view lang, size_t width);
// The black dot pointing at the start node.
void write_start(std::ostream& out, const Node& start);
// ` [label=..., style=dashed]` of an edge, or "" when it has neither.
std::string edge_attributes(const flow::Edge& edge, std::string_view lang, size_t width);

}  // namespace procedura::dot_lines
