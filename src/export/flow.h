#pragma once
// The procedure as a graph for the exports: the edges leaving each node with their
// localized labels, a reading order of the nodes, and compact one-line action texts.
#include <string>
#include <string_view>
#include <vector>

#include "model/procedure.h"

namespace procedura::flow {

struct Edge {
  enum class Via { Option, Next, Case, Otherwise };
  int from = -1;
  int to = -1;  // -1: the reference is dangling (drawn nowhere)
  Via via = Via::Next;
  int index = -1;     // option or case index for Via::Option / Via::Case
  std::string label;  // option label, `when` text or "otherwise"; empty for a plain next
  const ActionUses* actions = nullptr;    // collected when this edge is taken
  const CautionUses* cautions = nullptr;  // shown when this edge is taken
};

// Edges leaving `node` in the order the file lists them. A multi question has one edge
// (its next); its options' actions stay on the node.
std::vector<Edge> edges_from(const Procedure& procedure, int node, std::string_view lang);
std::vector<Edge> all_edges(const Procedure& procedure, std::string_view lang);

// Nodes in reading order: breadth-first from the start, then unreachable ones in file order.
std::vector<int> reading_order(const Procedure& procedure);
// Breadth-first from `seed` along the edges, over the nodes not yet `marked`: marks each node
// it reaches and appends it to `order` as it is reached.
void breadth_first(const Procedure& procedure, int seed, std::vector<bool>& marked,
                   std::vector<int>& order);
std::vector<bool> reachable_from_start(const Procedure& procedure);

// The label of an option: its own, or tak/nie (yes/no) for yes_no, or the raw value.
std::string option_label(const Node& node, const Option& option, std::string_view lang);

std::string deadline_text(const Deadline& deadline, std::string_view lang);
std::string channel_text(Channel channel, std::string_view lang);

// Full texts (the handbook's outline) or the one-line `short` forms where written (the
// drawn graph, where a node's label must stay small enough to print).
enum class LineForm { Full, Short };

// "✉ Dyrektor szkoły (natychmiast)", "▸ Odizoluj ucznia", "✎ Sporządź notatkę"; an urgent
// action (deadline immediately) starts with "‼ ".
std::string action_line(const Action& action, std::string_view lang,
                        LineForm form = LineForm::Full);
// As action_line, for a use whose reference may be dangling (then shows the id).
std::string action_use_line(const ActionUse& use, std::string_view lang,
                            LineForm form = LineForm::Full);
// "⚠ Nie przesłuchuj dziecka." — a caution, set apart from actions by its sign.
std::string caution_line(const Caution& caution, std::string_view lang,
                         LineForm form = LineForm::Full);
std::string caution_use_line(const CautionUse& use, std::string_view lang,
                             LineForm form = LineForm::Full);
// "↪ Title" of a call node, with " — dotyczy: pokrzywdzony" when it has `about`.
std::string call_line(const Node& call, std::string_view lang);

// The language texts are shown in: `requested` when given, else the procedure's default.
std::string display_language(const Procedure& procedure, std::string_view requested);

}  // namespace procedura::flow
