// Pieces shared by the run report renderers.
#include <fmt/format.h>

#include "engine/answer_value.h"
#include "interview/messages.h"
#include "report/run_report.h"

namespace procedura {

using interview::Msg;
using interview::say;

std::string answer_display(const Node& question, const Value& value, std::string_view lang) {
  auto label_of = [&](const std::string& v) -> std::string {
    for (const Option& option : question.options) {
      if (option.value == v && option.label.present) return option.label.in(lang);
    }
    return v;
  };
  switch (value.type) {
    case ValueType::Boolean:
      return std::string(value.boolean ? interview::yes_word(lang) : interview::no_word(lang));
    case ValueType::Number: {
      std::string text = engine::value_to_text(value);
      if (question.unit.present) text += " " + question.unit.in(lang);
      return text;
    }
    case ValueType::String:
      return question.type == AnswerType::Choice ? label_of(value.string) : value.string;
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

}  // namespace procedura
