#include "model/text.h"

#include "model/value.h"

namespace procedura {

const std::string& Text::in(std::string_view lang) const {
  static const std::string kEmpty;
  if (!localized) return plain;
  for (const auto& [code, text] : translations) {
    if (code == lang) return text;
  }
  return translations.empty() ? kEmpty : translations.front().second;
}

bool Text::has(std::string_view lang) const {
  if (!localized) return present;
  for (const auto& entry : translations) {
    if (entry.first == lang) return true;
  }
  return false;
}

std::string_view value_type_name(ValueType type) {
  switch (type) {
    case ValueType::Boolean:
      return "boolean";
    case ValueType::Number:
      return "number";
    case ValueType::String:
      return "string";
    case ValueType::List:
      return "list";
  }
  return "?";
}

}  // namespace procedura
