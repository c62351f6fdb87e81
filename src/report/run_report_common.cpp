// Pieces shared by the run report renderers.
#include <fmt/format.h>

#include "engine/answer_value.h"
#include "messages/messages.h"
#include "report/run_report.h"

namespace procedura {

using messages::Msg;
using messages::say;

std::string answer_display(const Node& question, const Value& value, std::string_view lang) {
  auto label_of = [&](const std::string& v) -> std::string {
    for (const Option& option : question.ask().options) {
      if (option.value == v && option.label.present) return option.label.in(lang);
    }
    return v;
  };
  switch (value.type) {
    case ValueType::Boolean:
      return std::string(value.boolean ? messages::yes_word(lang) : messages::no_word(lang));
    case ValueType::Number: {
      std::string text = engine::value_to_text(value);
      if (question.ask().unit.present) text += " " + question.ask().unit.in(lang);
      return text;
    }
    case ValueType::String:
      return question.ask().type == AnswerType::Choice ? label_of(value.string) : value.string;
    case ValueType::List: {
      std::vector<std::string> labels;
      for (const std::string& v : value.list) labels.push_back(label_of(v));
      return labels.empty() ? "—" : fmt::format("{}", fmt::join(labels, ", "));
    }
  }
  return {};
}

std::string contact_line(const ContactDirectory* directory, const std::string& recipient_id,
                         std::string_view lang) {
  if (!directory) return {};
  auto it = directory->find(recipient_id);
  if (it == directory->end()) return {};
  const Contact& c = it->second;
  std::vector<std::string> parts;
  if (!c.name.empty()) parts.push_back(c.name);
  if (!c.phone.empty()) parts.push_back(say(lang, Msg::ReportPhone, c.phone));
  if (!c.address.empty()) parts.push_back(c.address);
  if (!c.email.empty()) parts.push_back(c.email);
  if (!c.hours.empty()) parts.push_back(say(lang, Msg::ReportHours, c.hours));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string contact_phone(const ContactDirectory* directory, const std::string& recipient_id,
                          std::string_view lang) {
  if (!directory) return {};
  auto it = directory->find(recipient_id);
  if (it == directory->end() || it->second.phone.empty()) return {};
  const Contact& c = it->second;
  std::string phone = say(lang, Msg::ReportPhone, c.phone);
  return c.name.empty() ? phone : c.name + ", " + phone;
}

ActionGroup action_group(const Action& action) {
  if (!action.deadline) return ActionGroup::None;
  switch (action.deadline->unit) {
    case Deadline::Unit::Immediately:
      return ActionGroup::Now;
    case Deadline::Unit::Hours:
      return ActionGroup::Hours;
    case Deadline::Unit::Days:
      return ActionGroup::Days;
  }
  return ActionGroup::None;
}

std::string_view action_group_name(ActionGroup group) {
  switch (group) {
    case ActionGroup::Now:
      return "now";
    case ActionGroup::Hours:
      return "hours";
    case ActionGroup::Days:
      return "days";
    case ActionGroup::None:
      return "none";
  }
  return "none";
}

std::vector<size_t> report_order(const std::vector<engine::CollectedAction>& actions) {
  std::vector<size_t> order;
  for (ActionGroup group :
       {ActionGroup::Now, ActionGroup::Hours, ActionGroup::Days, ActionGroup::None}) {
    for (size_t i = 0; i < actions.size(); ++i)
      if (action_group(*actions[i].action) == group) order.push_back(i);
  }
  return order;
}

bool is_urgent(const Action& action) {
  return action.deadline && action.deadline->unit == Deadline::Unit::Immediately;
}

}  // namespace procedura
