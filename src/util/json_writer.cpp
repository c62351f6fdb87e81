#include "util/json_writer.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "util/utf8.h"

namespace procedura {

std::string json_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.push_back('"');
  for (size_t i = 0; i < text.size();) {
    utf8::Decoded d = utf8::decode(text, i);
    char32_t c = d.code_point;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
          out += buffer;
        } else if (c == 0x2028 || c == 0x2029) {
          // Valid JSON, but they end lines in JavaScript; escaping keeps output embeddable.
          out += c == 0x2028 ? "\\u2028" : "\\u2029";
        } else if (d.valid) {
          out.append(text.substr(i, d.length));
        } else {
          utf8::append(out, utf8::kReplacementChar);
        }
    }
    i += d.length;
  }
  out.push_back('"');
  return out;
}

void JsonWriter::newline_and_indent() {
  out_ << '\n';
  for (size_t i = 0; i < stack_.size(); ++i) out_ << "  ";
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) {
    assert(!wrote_root_ && "a JSON document holds one top-level value");
    wrote_root_ = true;
    return;
  }
  Level& level = stack_.back();
  assert(!level.is_object && "object members need a key first");
  if (!level.empty) out_ << ',';
  level.empty = false;
  if (pretty_) newline_and_indent();
}

JsonWriter& JsonWriter::key(std::string_view name) {
  assert(!stack_.empty() && stack_.back().is_object && !after_key_);
  Level& level = stack_.back();
  if (!level.empty) out_ << ',';
  level.empty = false;
  if (pretty_) newline_and_indent();
  out_ << json_escape(name) << (pretty_ ? ": " : ":");
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  out_ << '{';
  stack_.push_back({true});
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  out_ << '[';
  stack_.push_back({false});
  return *this;
}

void JsonWriter::close(bool is_object, char bracket) {
  assert(!stack_.empty() && stack_.back().is_object == is_object && !after_key_);
  (void)is_object;
  bool empty = stack_.back().empty;
  stack_.pop_back();
  if (pretty_ && !empty) newline_and_indent();
  out_ << bracket;
  if (pretty_ && stack_.empty()) out_ << '\n';
}

JsonWriter& JsonWriter::end_object() {
  close(true, '}');
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  close(false, ']');
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view text) {
  before_value();
  out_ << json_escape(text);
  return *this;
}

JsonWriter& JsonWriter::value(bool flag) {
  before_value();
  out_ << (flag ? "true" : "false");
  return *this;
}

// std::to_chars is locale-independent (an interview may switch the C locale to Polish,
// whose decimal comma would corrupt JSON) and gives the shortest round-trip form.
namespace {
template <typename Number>
void write_number(std::ostream& out, Number number) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, number);
  out.write(buffer, result.ptr - buffer);
}
}  // namespace

JsonWriter& JsonWriter::value(int64_t number) {
  before_value();
  write_number(out_, number);
  return *this;
}

JsonWriter& JsonWriter::value(uint64_t number) {
  before_value();
  write_number(out_, number);
  return *this;
}

JsonWriter& JsonWriter::value(double number) {
  if (!std::isfinite(number)) return null();
  before_value();
  // Integral values in the exactly representable range print as integers, without ".0".
  if (std::trunc(number) == number && std::fabs(number) < 9007199254740992.0) {
    write_number(out_, static_cast<int64_t>(number));
  } else {
    write_number(out_, number);
  }
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  out_ << "null";
  return *this;
}

}  // namespace procedura
