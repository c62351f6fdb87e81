#pragma once
// A printable handbook of one or more procedures: the flow (a Graphviz SVG or a textual
// outline), every question with its help and legal basis, every outcome with its
// checklist, the recipients and the legal bases. Markdown or one self-contained HTML file.
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "model/procedure.h"

namespace procedura {

enum class FlowStyle {
  Auto,     // an SVG drawn by Graphviz when it is installed, else the outline alone
  Svg,      // require Graphviz
  Outline,  // the textual outline only (reproducible output)
};

// `Auto` draws procedures of at most this many nodes. A larger one would take hundreds of
// Graphviz runs to split into printable parts (minutes for 5,000 nodes) and print as dozens
// of pages nobody follows in a crisis: it gets the outline. `Svg` draws it anyway.
inline constexpr size_t kMaxAutoDrawnNodes = 200;

// True when `flow` draws `procedure` with Graphviz (when Graphviz is installed).
inline bool draws_flow(FlowStyle flow, const Procedure& procedure) {
  return flow == FlowStyle::Svg ||
         (flow == FlowStyle::Auto && procedure.nodes.size() <= kMaxAutoDrawnNodes);
}

struct HandbookOptions {
  std::string lang;  // empty: each procedure's default language
  FlowStyle flow = FlowStyle::Auto;
  bool poster = false;    // HTML: the flow on its own A1 landscape page; the rest on A4
  bool contents = false;  // a table of contents (always with more than one procedure)
};

// Returns "" on success, else why the handbook could not be made (e.g. Graphviz failed).
[[nodiscard]] std::string write_handbook_html(const std::vector<const Procedure*>& procedures,
                                              std::ostream& out, const HandbookOptions& options);
[[nodiscard]] std::string write_handbook_markdown(const std::vector<const Procedure*>& procedures,
                                                  std::ostream& out,
                                                  const HandbookOptions& options);

// Text escaped for HTML element content and attribute values, a line break becoming <br>
// (a handbook shows the line breaks its texts were written with). Not one escaper with
// xml_escape (report/test_report.h) on purpose: that one keeps a line break as a
// character reference, and must drop the control characters XML 1.0 cannot hold, which
// HTML has no such rule for.
std::string html_escape(std::string_view text);
// Markdown inline text: characters Markdown would interpret are backslash-escaped; line
// breaks become hard breaks continuing at `indent`.
std::string markdown_escape(std::string_view text, std::string_view indent = "");

}  // namespace procedura
