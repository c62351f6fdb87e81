#include "export/flow.h"

#include <fmt/format.h>

#include <deque>

#include "export/branch_text.h"
#include "messages/handbook_words.h"

namespace procedura::flow {

using words::Word;

std::vector<Edge> edges_from(const Procedure& procedure, int index, std::string_view lang) {
  const Node& node = procedure.nodes[index];
  std::vector<Edge> edges;
  auto add = [&](int to, Edge::Via via, int option, std::string label, const ActionUses* actions,
                 const CautionUses* cautions = nullptr) {
    edges.push_back(Edge{index, to, via, option, std::move(label), actions, cautions});
  };
  switch (node.kind) {
    case NodeKind::Ask:
      if (node.ask().type == AnswerType::YesNo || node.ask().type == AnswerType::Choice) {
        for (size_t i = 0; i < node.ask().options.size(); ++i) {
          const Option& option = node.ask().options[i];
          int to = option.next.present() ? option.next_index : node.next_index;
          add(to, Edge::Via::Option, static_cast<int>(i), option_label(node, option, lang),
              &option.actions, &option.cautions);
        }
      } else {
        add(node.next_index, Edge::Via::Next, -1, "", nullptr);
      }
      break;
    case NodeKind::Step:
    case NodeKind::Call:
      add(node.next_index, Edge::Via::Next, -1, "", nullptr);
      break;
    case NodeKind::Branch:
      for (size_t i = 0; i < node.branch().cases.size(); ++i) {
        const Case& c = node.branch().cases[i];
        add(c.next_index, Edge::Via::Case, static_cast<int>(i), case_text(procedure, node, i, lang),
            &c.actions, &c.cautions);
      }
      if (node.branch().otherwise.present()) {
        add(node.branch().otherwise_index, Edge::Via::Otherwise, -1,
            std::string(words::word(Word::Otherwise, lang)), nullptr);
      }
      break;
    case NodeKind::Outcome:
      break;
  }
  return edges;
}

std::vector<Edge> all_edges(const Procedure& procedure, std::string_view lang) {
  std::vector<Edge> edges;
  for (size_t i = 0; i < procedure.nodes.size(); ++i) {
    auto from = edges_from(procedure, static_cast<int>(i), lang);
    edges.insert(edges.end(), from.begin(), from.end());
  }
  return edges;
}

void breadth_first(const Procedure& procedure, int seed, std::vector<bool>& marked,
                   std::vector<int>& order) {
  std::deque<int> queue{seed};
  marked[seed] = true;
  while (!queue.empty()) {
    int at = queue.front();
    queue.pop_front();
    order.push_back(at);
    for (const Edge& edge : edges_from(procedure, at, "")) {
      if (edge.to >= 0 && !marked[edge.to]) {
        marked[edge.to] = true;
        queue.push_back(edge.to);
      }
    }
  }
}

std::vector<bool> reachable_from_start(const Procedure& procedure) {
  std::vector<bool> seen(procedure.nodes.size(), false);
  std::vector<int> order;
  if (procedure.start_index >= 0) breadth_first(procedure, procedure.start_index, seen, order);
  return seen;
}

std::vector<int> reading_order(const Procedure& procedure) {
  std::vector<int> order;
  std::vector<bool> placed(procedure.nodes.size(), false);
  if (procedure.start_index >= 0) breadth_first(procedure, procedure.start_index, placed, order);
  for (size_t i = 0; i < procedure.nodes.size(); ++i) {
    if (!placed[i]) order.push_back(static_cast<int>(i));
  }
  return order;
}

std::string option_label(const Node& node, const Option& option, std::string_view lang) {
  if (option.label.present) return option.label.in(lang);
  if (node.ask().type == AnswerType::YesNo) {
    if (option.value == "yes" || option.value == "true")
      return std::string(words::word(Word::Yes, lang));
    if (option.value == "no" || option.value == "false")
      return std::string(words::word(Word::No, lang));
  }
  return option.value;
}

std::string deadline_text(const Deadline& deadline, std::string_view lang) {
  switch (deadline.unit) {
    case Deadline::Unit::Immediately:
      return std::string(words::word(Word::Immediately, lang));
    case Deadline::Unit::Hours:
      return fmt::format("{} h", deadline.amount);
    case Deadline::Unit::Days:
      if (lang == "pl")
        return fmt::format("{} {}", deadline.amount, deadline.amount == 1 ? "dzień" : "dni");
      return fmt::format("{} {}", deadline.amount, deadline.amount == 1 ? "day" : "days");
  }
  return deadline.raw;
}

std::string channel_text(Channel channel, std::string_view lang) {
  bool pl = lang == "pl";
  switch (channel) {
    case Channel::Phone:
      return pl ? "telefonicznie" : "by phone";
    case Channel::Written:
      return pl ? "na piśmie" : "in writing";
    case Channel::InPerson:
      return pl ? "osobiście" : "in person";
    case Channel::Electronic:
      return pl ? "elektronicznie" : "electronically";
  }
  return "";
}

std::string action_line(const Action& action, std::string_view lang, LineForm form) {
  const bool short_form = form == LineForm::Short;
  const Text& text = short_form ? action.checklist_text() : action.text;
  std::string line;
  switch (action.kind) {
    case ActionKind::Notify:
      line =
          "✉ " +
          (action.recipient
               ? (short_form ? action.recipient->checklist_name() : action.recipient->name).in(lang)
               : action.to.id);
      break;
    case ActionKind::Do:
      line = "▸ " + text.in(lang);
      break;
    case ActionKind::Document:
      line = "✎ " + text.in(lang);
      break;
  }
  if (action.deadline) line += " (" + deadline_text(*action.deadline, lang) + ")";
  return action.urgent() ? "‼ " + line : line;
}

std::string action_use_line(const ActionUse& use, std::string_view lang, LineForm form) {
  if (use.action) return action_line(*use.action, lang, form);
  if (use.inline_action) return action_line(*use.inline_action, lang, form);
  return "▸ " + use.ref.id;
}

std::string caution_line(const Caution& caution, std::string_view lang, LineForm form) {
  return "⚠ " + (form == LineForm::Short ? caution.checklist_text() : caution.text).in(lang);
}

std::string caution_use_line(const CautionUse& use, std::string_view lang, LineForm form) {
  if (use.caution) return caution_line(*use.caution, lang, form);
  if (use.inline_caution) return caution_line(*use.inline_caution, lang, form);
  return "⚠ " + use.ref.id;
}

std::string call_line(const Node& call, std::string_view lang) {
  std::string line =
      "↪ " + (call.call().callee_procedure ? call.call().callee_procedure->title.in(lang)
                                           : call.call().callee.id);
  if (call.call().about.present)
    line += fmt::format(" — {}: {}", words::word(Word::Concerns, lang), call.call().about.in(lang));
  return line;
}

std::string display_language(const Procedure& procedure, std::string_view requested) {
  if (!requested.empty()) return std::string(requested);
  return procedure.default_language();
}

}  // namespace procedura::flow
