#pragma once
// Flow graphs of a procedure for Graphviz (DOT) and Mermaid. Questions, steps, branches,
// calls and outcomes have distinct shapes; edges carry the answer or the condition; the
// actions a node or an answer collects are listed compactly on it.
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/procedure.h"

namespace procedura {

struct GraphOptions {
  std::string lang;        // empty: the procedure's default language
  size_t wrap_width = 36;  // columns per label line
};

void write_dot(const Procedure& procedure, std::ostream& out, const GraphOptions& options = {});
// One part of a flow split over several printed figures: the nodes of parts[part] (node
// indices) and the edges among them. An edge to or from another part ends at an off-page
// connector naming that part ("→ część 3" and the node it leads to, "← z części 1"), and
// the title says which part this is; texts number the parts from 1.
void write_dot_part(const Procedure& procedure, const std::vector<std::vector<int>>& parts,
                    size_t part, std::ostream& out, const GraphOptions& options = {});
void write_mermaid(const Procedure& procedure, std::ostream& out, const GraphOptions& options = {});

// A DOT double-quoted string, quotes included: `"` and `\` escaped, newlines as `\n`,
// other control characters dropped, invalid UTF-8 replaced.
std::string dot_quote(std::string_view text);
// Text for inside a Mermaid "quoted" label: quotes as #quot;, characters Mermaid or its
// HTML labels would interpret as entity codes, newlines as <br/>.
std::string mermaid_text(std::string_view text);
// A Mermaid node id made of [A-Za-z0-9_] only (Mermaid keywords such as `end` avoided).
std::string mermaid_id(std::string_view node_id);

}  // namespace procedura
