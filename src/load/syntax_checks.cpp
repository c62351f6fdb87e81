#include "load/syntax_checks.h"

#include <charconv>
#include <cmath>
#include <string>

namespace procedura {
namespace {
bool lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool letter(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

// A run of digits without a leading zero (unless it is "0"); advances `i`.
bool numeric_identifier(std::string_view s, size_t& i) {
  size_t begin = i;
  while (i < s.size() && digit(s[i])) ++i;
  if (i == begin) return false;
  return !(s[begin] == '0' && i - begin > 1);
}
}  // namespace

bool is_procedure_id(std::string_view id) {
  if (id.empty() || !lower_or_digit(id[0])) return false;
  for (char c : id) {
    if (!lower_or_digit(c) && c != '-') return false;
  }
  return true;
}

bool is_definition_id(std::string_view id) {
  if (id.empty() || id[0] == '-') return false;
  for (char c : id) {
    if (!letter(c) && !digit(c) && c != '_' && c != '-') return false;
  }
  return true;
}

bool is_variable_name(std::string_view id) {
  return !id.empty() && (letter(id[0]) || id[0] == '_') && is_definition_id(id);
}

bool is_language_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 8) return false;
  for (char c : code) {
    if (!letter(c) && c != '-') return false;
  }
  return letter(code.front()) && letter(code.back());
}

bool is_semantic_version(std::string_view v) {
  size_t i = 0;
  for (int part = 0; part < 3; ++part) {
    if (!numeric_identifier(v, i)) return false;
    if (part < 2) {
      if (i >= v.size() || v[i] != '.') return false;
      ++i;
    }
  }
  if (i == v.size()) return true;
  // Optional -prerelease and +build of semver 2.0.0: dot-separated [0-9A-Za-z-] identifiers.
  auto identifiers = [&](void) {
    size_t begin = i;
    while (i < v.size() && (letter(v[i]) || digit(v[i]) || v[i] == '-' || v[i] == '.')) ++i;
    std::string_view run = v.substr(begin, i - begin);
    return !run.empty() && run.front() != '.' && run.back() != '.' &&
           run.find("..") == std::string_view::npos;
  };
  if (v[i] == '-') {
    ++i;
    if (!identifiers()) return false;
  }
  if (i < v.size() && v[i] == '+') {
    ++i;
    if (!identifiers()) return false;
  }
  return i == v.size();
}

bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!digit(d[i])) return false;
  }
  int year = std::stoi(std::string(d.substr(0, 4)));
  int month = std::stoi(std::string(d.substr(5, 2)));
  int day = std::stoi(std::string(d.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int limit = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= limit;
}

std::optional<Deadline> parse_deadline(std::string_view text) {
  if (text == "immediately") return Deadline{Deadline::Unit::Immediately, 0, std::string(text)};
  if (text.size() < 2) return std::nullopt;
  char unit = text.back();
  std::string_view digits = text.substr(0, text.size() - 1);
  if (unit != 'h' && unit != 'd') return std::nullopt;
  unsigned amount = 0;
  auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), amount);
  if (ec != std::errc() || end != digits.data() + digits.size() || amount == 0 ||
      !digit(digits[0])) {
    return std::nullopt;
  }
  return Deadline{unit == 'h' ? Deadline::Unit::Hours : Deadline::Unit::Days, amount,
                  std::string(text)};
}

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value))
    return std::nullopt;
  return value;
}

}  // namespace procedura
