// One part of a flow that is too large to print readably as one figure. The connectors
// let a trainer follow an edge that leaves the page to the part where it continues.
#include <fmt/format.h>

#include <map>
#include <set>

#include "export/flow.h"
#include "export/graph.h"
#include "export/graph_dot_lines.h"
#include "export/graph_labels.h"
#include "messages/handbook_words.h"

namespace procedura {

using words::Word;

namespace {

// Connector names contain a space, which no node id can.
std::string out_connector(const Node& target) {
  return dot_quote(" to " + target.id);
}
std::string in_connector(const Node& target) {
  return dot_quote(" from " + target.id);
}

// The first two lines of the node's label: enough to find it in the other part.
std::string short_label(const Procedure& procedure, int index, std::string_view lang,
                        size_t width) {
  std::string label = graph_labels::node_label(procedure, procedure.nodes[index], lang, width);
  size_t first = label.find('\n');
  size_t second = first == std::string::npos ? first : label.find('\n', first + 1);
  return second == std::string::npos ? label : label.substr(0, second) + " …";
}

std::string part_list(const std::set<int>& parts) {
  std::string text;
  for (int part : parts) text += (text.empty() ? "" : ", ") + std::to_string(part + 1);
  return text;
}

}  // namespace

void write_dot_part(const Procedure& procedure, const std::vector<std::vector<int>>& parts,
                    size_t part, std::ostream& out, const GraphOptions& options) {
  std::string lang = flow::display_language(procedure, options.lang);
  std::vector<int> part_of(procedure.nodes.size(), -1);
  for (size_t p = 0; p < parts.size(); ++p) {
    for (int index : parts[p]) part_of[index] = static_cast<int>(p);
  }
  const int here = static_cast<int>(part);
  std::string title = fmt::format(
      "{}\n{} {} {} {}",
      graph_labels::title_label(
          procedure, lang,
          part == 0 ? graph_labels::TitleDetails::With : graph_labels::TitleDetails::Without),
      words::word(Word::Part, lang), part + 1, words::word(Word::PartOf, lang), parts.size());
  dot_lines::write_header(out, procedure, title);
  std::vector<bool> reachable = flow::reachable_from_start(procedure);
  for (int index : parts[part])
    dot_lines::write_node(out, procedure, index, reachable[index], lang, options.wrap_width);
  const Node* start = procedure.start_node();
  if (start && part_of[procedure.start_index] == here) dot_lines::write_start(out, *start);

  std::vector<flow::Edge> edges = flow::all_edges(procedure, lang);
  std::map<int, std::set<int>> incoming;  // node here -> the other parts leading to it
  std::set<int> leaving;                  // nodes elsewhere that edges from here lead to
  for (const flow::Edge& edge : edges) {
    if (edge.to < 0) continue;
    if (part_of[edge.to] == here && part_of[edge.from] != here)
      incoming[edge.to].insert(part_of[edge.from]);
    if (part_of[edge.from] == here && part_of[edge.to] != here) {
      if (leaving.insert(edge.to).second) {
        std::string label =
            fmt::format("→ {} {}\n{}", words::word(Word::Part, lang), part_of[edge.to] + 1,
                        short_label(procedure, edge.to, lang, options.wrap_width));
        out << "  " << out_connector(procedure.nodes[edge.to])
            << " [shape=cds, style=filled, fillcolor=\"#ffffff\", label=" << dot_quote(label)
            << "];\n";
      }
    }
  }
  for (const auto& [index, from] : incoming) {
    std::string label = fmt::format("← {} {}", words::word(Word::FromPart, lang), part_list(from));
    out << "  " << in_connector(procedure.nodes[index])
        << " [shape=cds, style=filled, fillcolor=\"#ffffff\", label=" << dot_quote(label) << "];\n";
    out << "  " << in_connector(procedure.nodes[index]) << " -> "
        << dot_quote(procedure.nodes[index].id) << ";\n";
  }
  for (const flow::Edge& edge : edges) {
    if (edge.to < 0 || part_of[edge.from] != here) continue;
    const Node& to = procedure.nodes[edge.to];
    out << "  " << dot_quote(procedure.nodes[edge.from].id) << " -> "
        << (part_of[edge.to] == here ? dot_quote(to.id) : out_connector(to))
        << dot_lines::edge_attributes(edge, lang, options.wrap_width) << ";\n";
  }
  out << "}\n";
}

}  // namespace procedura
