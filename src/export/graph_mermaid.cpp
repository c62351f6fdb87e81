// Mermaid flowchart output. Every label is written as a "quoted" string with Mermaid's
// #code; entities, so brackets, pipes and quotes in procedure texts cannot end it early.
#include <fmt/format.h>

#include <map>
#include <set>

#include "export/flow.h"
#include "export/graph.h"
#include "export/graph_labels.h"
#include "util/utf8.h"

namespace procedura {

std::string mermaid_text(std::string_view text) {
  std::string clean = utf8::sanitize(text);
  std::string out;
  for (char c : clean) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '&':
        out += "#38;";
        break;
      case '<':
        out += "#60;";
        break;
      case '>':
        out += "#62;";
        break;
      case '`':
        out += "#96;";
        break;
      case '|':
        out += "#124;";
        break;
      case '\n':
        out += "<br/>";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string mermaid_id(std::string_view node_id) {
  std::string out = "n_";
  for (char c : node_id) {
    bool plain =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    out += plain ? c : '_';
  }
  return out;
}

namespace {

struct Shape {
  const char* open;
  const char* close;
};

Shape shape_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::Ask:
      return {"{{", "}}"};
    case NodeKind::Step:
      return {"[", "]"};
    case NodeKind::Branch:
      return {"{", "}"};
    case NodeKind::Call:
      return {"[[", "]]"};
    case NodeKind::Outcome:
      return {"([", "])"};
  }
  return {"[", "]"};
}

// Mermaid ids for every node, unique even when two node ids sanitize alike (a-b, a_b).
std::vector<std::string> unique_ids(const Procedure& procedure) {
  std::vector<std::string> ids;
  std::set<std::string> taken;
  for (const Node& node : procedure.nodes) {
    std::string id = mermaid_id(node.id);
    std::string candidate = id;
    for (int n = 2; taken.count(candidate); ++n) candidate = fmt::format("{}_{}", id, n);
    taken.insert(candidate);
    ids.push_back(candidate);
  }
  return ids;
}

}  // namespace

void write_mermaid(const Procedure& procedure, std::ostream& out, const GraphOptions& options) {
  std::string lang = flow::display_language(procedure, options.lang);
  std::vector<std::string> ids = unique_ids(procedure);
  // The title sits in YAML front matter, where Mermaid shows it as plain text.
  std::string title =
      procedure.title.in(lang) + " (" + procedure.id + " " + procedure.version + ")";
  for (const std::string& line : graph_labels::title_details(procedure, lang))
    title += " · " + line;
  title = utf8::sanitize(title);
  out << "---\ntitle: \"";
  for (char c : title) {
    if (c == '"' || c == '\\') out << '\\';
    out << (static_cast<unsigned char>(c) < 0x20 ? ' ' : c);
  }
  out << "\"\n---\n";
  out << "flowchart TD\n";
  std::map<std::string, std::vector<std::string>> by_class;
  std::vector<std::string> unreachable;
  std::vector<bool> reachable = flow::reachable_from_start(procedure);
  for (int index : flow::reading_order(procedure)) {
    const Node& node = procedure.nodes[index];
    Shape shape = shape_of(node.kind);
    out << "  " << ids[index] << shape.open << '"'
        << mermaid_text(graph_labels::node_label(procedure, node, lang, options.wrap_width)) << '"'
        << shape.close << "\n";
    by_class[fmt::format("kind_{}", node_kind_name(node.kind))].push_back(ids[index]);
    if (!reachable[index]) unreachable.push_back(ids[index]);
  }
  if (procedure.start_index >= 0) {
    out << "  start_((\" \")) --> " << ids[procedure.start_index] << "\n";
  }
  for (const flow::Edge& edge : flow::all_edges(procedure, lang)) {
    if (edge.to < 0) continue;
    std::string label = graph_labels::edge_label(edge, lang, options.wrap_width);
    const char* arrow = edge.via == flow::Edge::Via::Otherwise ? "-.->" : "-->";
    out << "  " << ids[edge.from] << " " << arrow;
    if (!label.empty()) out << "|\"" << mermaid_text(label) << "\"|";
    out << " " << ids[edge.to] << "\n";
  }
  // Class names avoid Mermaid's keywords: `call` (and `click`, `end`, `style`...) would end
  // the statement early and fail the whole chart; node kinds get a `kind_` prefix.
  out << "  classDef kind_ask fill:#fff4c2,stroke:#b38f00\n"
         "  classDef kind_step fill:#e3f0ff,stroke:#3a6ea5\n"
         "  classDef kind_branch fill:#eeeeee,stroke:#666666\n"
         "  classDef kind_call fill:#ece3ff,stroke:#6a4fb3\n"
         "  classDef kind_outcome fill:#d9f2d9,stroke:#2e7d32,stroke-width:3px\n"
         "  classDef unreachable stroke-dasharray:4 3\n"
         "  classDef start fill:#000000,stroke:#000000\n";
  for (const auto& [cls, members] : by_class) {
    out << "  class " << fmt::format("{}", fmt::join(members, ",")) << " " << cls << "\n";
  }
  if (!unreachable.empty())
    out << "  class " << fmt::format("{}", fmt::join(unreachable, ",")) << " unreachable\n";
  if (procedure.start_index >= 0) out << "  class start_ start\n";
}

}  // namespace procedura
