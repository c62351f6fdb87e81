#include "model/text.h"

#include <algorithm>

#include "model/value.h"

namespace procedura {

const std::string& Text::in(std::string_view lang) const {
  static const std::string kEmpty;
  if (!localized) return plain;
  for (const auto& [code, text] : translations()) {
    if (code == lang) return text;
  }
  return translations().empty() ? kEmpty : translations().front().second;
}

bool Text::has(std::string_view lang) const {
  if (!localized) return present;
  for (const auto& entry : translations()) {
    if (entry.first == lang) return true;
  }
  return false;
}

const std::vector<std::string>& LocalizedList::in(std::string_view lang) const {
  static const std::vector<std::string> kEmpty;
  if (!localized) return plain;
  for (const auto& [code, words] : translations) {
    if (code == lang) return words;
  }
  return translations.empty() ? kEmpty : translations.front().second;
}

std::vector<std::string> LocalizedList::all() const {
  std::vector<std::string> out = plain;
  for (const auto& entry : translations) {
    for (const std::string& word : entry.second) {
      if (std::find(out.begin(), out.end(), word) == out.end()) out.push_back(word);
    }
  }
  return out;
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
