#pragma once
// The value of a variable: what a question stores and what `when` expressions read.
#include <cstdint>
#include <string>
#include <vector>

namespace procedura {

enum class ValueType : uint8_t { Boolean, Number, String, List };

struct Value {
  ValueType type = ValueType::Boolean;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<std::string> list;  // multi answers and list literals (strings)

  static Value of_bool(bool b) {
    Value v;
    v.type = ValueType::Boolean;
    v.boolean = b;
    return v;
  }
  static Value of_number(double n) {
    Value v;
    v.type = ValueType::Number;
    v.number = n;
    return v;
  }
  static Value of_string(std::string s) {
    Value v;
    v.type = ValueType::String;
    v.string = std::move(s);
    return v;
  }
  static Value of_list(std::vector<std::string> l) {
    Value v;
    v.type = ValueType::List;
    v.list = std::move(l);
    return v;
  }

  bool operator==(const Value&) const = default;
};

std::string_view value_type_name(ValueType type);

}  // namespace procedura
