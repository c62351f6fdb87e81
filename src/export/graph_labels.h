#pragma once
// The multi-line texts shared by the DOT and Mermaid graphs (lines separated by '\n';
// each format escapes them its own way).
#include <string>
#include <string_view>
#include <vector>

#include "export/flow.h"
#include "model/procedure.h"

namespace procedura::graph_labels {

// `procedure` holds `node`: a branch is labelled with the questions its cases test.
std::string node_label(const Procedure& procedure, const Node& node, std::string_view lang,
                       size_t width);
std::string edge_label(const flow::Edge& edge, std::string_view lang, size_t width);
// The title, id and version; with the area and the keywords under them unless `Without`
// (the later parts of a split flow, which the first part's title already names).
enum class TitleDetails { With, Without };
std::string title_label(const Procedure& procedure, std::string_view lang,
                        TitleDetails details = TitleDetails::With);
// The area and the keywords (format 1.1) under the title, one line each, when written.
std::vector<std::string> title_details(const Procedure& procedure, std::string_view lang);

}  // namespace procedura::graph_labels
