#include "export/graph_labels.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "export/branch_text.h"
#include "util/utf8.h"

namespace procedura::graph_labels {

namespace {
void append_wrapped(std::string& out, std::string_view text, size_t width) {
  for (const std::string& line : utf8::wrap(text, width)) {
    if (!out.empty()) out += '\n';
    out += line;
  }
}

void append_actions(std::string& out, const ActionUses& uses, std::string_view lang, size_t width,
                    std::string_view indent = "") {
  for (const ActionUse& use : uses) {
    std::string line =
        std::string(indent) + flow::action_use_line(use, lang, flow::LineForm::Short);
    append_wrapped(out, line, width);
  }
}

void append_cautions(std::string& out, const CautionUses& uses, std::string_view lang, size_t width,
                     std::string_view indent = "") {
  for (const CautionUse& use : uses)
    append_wrapped(
        out, std::string(indent) + flow::caution_use_line(use, lang, flow::LineForm::Short), width);
}
}  // namespace

std::string node_label(const Procedure& procedure, const Node& node, std::string_view lang,
                       size_t width) {
  std::string label;
  switch (node.kind) {
    case NodeKind::Ask:
      append_wrapped(label, node.text.in(lang), width);
      if (node.ask().type == AnswerType::Number && node.ask().unit.present)
        label += " [" + node.ask().unit.in(lang) + "]";
      if (node.ask().type == AnswerType::Multi) {
        for (const Option& option : node.ask().options) {
          append_wrapped(label, "☐ " + flow::option_label(node, option, lang), width);
          append_actions(label, option.actions, lang, width, "  ");
          append_cautions(label, option.cautions, lang, width, "  ");
        }
      }
      break;
    case NodeKind::Step:
    case NodeKind::Outcome:
      append_wrapped(label, node.text.in(lang), width);
      break;
    case NodeKind::Branch: {
      // The question the branch decides on; the edges carry the answers.
      std::string question = flow::branch_question(procedure, node, lang);
      append_wrapped(label, question.empty() ? "?" : question, width);
      break;
    }
    case NodeKind::Call:
      append_wrapped(label, flow::call_line(node, lang), width);
      break;
  }
  append_actions(label, node.actions, lang, width);
  append_cautions(label, node.cautions(), lang, width);
  return label;
}

std::string edge_label(const flow::Edge& edge, std::string_view lang, size_t width) {
  std::string label;
  append_wrapped(label, edge.label, width);
  if (edge.actions) append_actions(label, *edge.actions, lang, width);
  if (edge.cautions) append_cautions(label, *edge.cautions, lang, width);
  return label;
}

std::string title_label(const Procedure& procedure, std::string_view lang, TitleDetails details) {
  std::string label =
      fmt::format("{}\n{} {}", procedure.title.in(lang), procedure.id, procedure.version);
  if (details == TitleDetails::Without) return label;
  // Wrapped, so that a long list of keywords does not widen every part of a split flow.
  constexpr size_t kDetailsWidth = 60;
  for (const std::string& line : title_details(procedure, lang)) {
    for (const std::string& piece : utf8::wrap(line, kDetailsWidth)) label += "\n" + piece;
  }
  return label;
}

std::vector<std::string> title_details(const Procedure& procedure, std::string_view lang) {
  std::vector<std::string> lines;
  if (procedure.area.present) lines.push_back(procedure.area.in(lang));
  if (procedure.keywords.present && !procedure.keywords.in(lang).empty())
    lines.push_back(fmt::format("{}", fmt::join(procedure.keywords.in(lang), ", ")));
  return lines;
}

}  // namespace procedura::graph_labels
