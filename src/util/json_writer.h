#pragma once
// A small streaming JSON writer: callers emit keys and values in order, the writer adds
// commas, quotes, escapes and (optionally) indentation. Output is always valid UTF-8 JSON:
// invalid UTF-8 in strings becomes U+FFFD. Misuse (a value where a key is due) is a
// programming error caught by assertions in debug builds.
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace procedura {

// The JSON string literal for `text`, quotes included.
std::string json_escape(std::string_view text);

class JsonWriter {
 public:
  // pretty: one member per line, indented by two spaces per level.
  explicit JsonWriter(std::ostream& out, bool pretty = false) : out_(out), pretty_(pretty) {}

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  // The next value is the member `name` of the enclosing object.
  JsonWriter& key(std::string_view name);

  JsonWriter& value(std::string_view text);
  JsonWriter& value(const char* text) { return value(std::string_view(text)); }
  JsonWriter& value(const std::string& text) { return value(std::string_view(text)); }
  JsonWriter& value(bool flag);
  JsonWriter& value(int64_t number);
  JsonWriter& value(uint64_t number);
  JsonWriter& value(int number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(unsigned number) { return value(static_cast<uint64_t>(number)); }
  JsonWriter& value(long long number) { return value(static_cast<int64_t>(number)); }
  JsonWriter& value(unsigned long long number) { return value(static_cast<uint64_t>(number)); }
  // Integral doubles print without ".0"; NaN and infinities (not JSON) print as null.
  JsonWriter& value(double number);
  JsonWriter& null();

  // Shorthands for `key(name).value(v)`.
  template <typename T>
  JsonWriter& member(std::string_view name, const T& v) {
    key(name);
    return value(v);
  }

  // True once the top-level value is complete.
  bool done() const { return stack_.empty() && wrote_root_; }

 private:
  struct Level {
    bool is_object;
    bool empty = true;
  };
  void before_value();
  void newline_and_indent();
  void close(bool is_object, char bracket);

  std::ostream& out_;
  bool pretty_;
  bool after_key_ = false;
  bool wrote_root_ = false;
  std::vector<Level> stack_;
};

}  // namespace procedura
