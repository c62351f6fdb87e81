#include "report/json_value.h"

namespace procedura {

void write_json_value(JsonWriter& json, const Value& value) {
  switch (value.type) {
    case ValueType::Boolean:
      json.value(value.boolean);
      break;
    case ValueType::Number:
      json.value(value.number);
      break;
    case ValueType::String:
      json.value(value.string);
      break;
    case ValueType::List:
      json.begin_array();
      for (const std::string& item : value.list) json.value(item);
      json.end_array();
      break;
  }
}

void write_cites(JsonWriter& json, const std::vector<const LegalBasis*>& bases) {
  json.key("basis").begin_array();
  for (const LegalBasis* basis : bases) json.value(basis->cite);
  json.end_array();
}

}  // namespace procedura
