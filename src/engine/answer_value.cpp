#include "engine/answer_value.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <initializer_list>
#include <string_view>

#include "engine/option_words.h"
#include "engine/yes_no_words.h"
#include "util/text.h"
#include "util/utf8.h"

namespace procedura::engine {
namespace {

std::optional<double> parse_number(std::string_view text) {
  std::string s(text::trim(text));
  std::replace(s.begin(), s.end(), ',', '.');  // Polish decimal comma
  if (s.empty()) return std::nullopt;
  double result = 0;
  const char* first = s.data();
  if (*first == '+') ++first;
  auto [end, ec] = std::from_chars(first, s.data() + s.size(), result);
  if (ec != std::errc() || end != s.data() + s.size() || !std::isfinite(result))
    return std::nullopt;
  return result;
}

bool has_option(const Node& question, std::string_view value) {
  return std::any_of(question.ask().options.begin(), question.ask().options.end(),
                     [&](const Option& o) { return o.value == value; });
}

}  // namespace

std::string value_to_text(const Value& value) {
  switch (value.type) {
    case ValueType::Boolean:
      return value.boolean ? "yes" : "no";
    case ValueType::Number: {
      if (std::floor(value.number) == value.number && std::fabs(value.number) < 1e15) {
        return fmt::format("{}", static_cast<long long>(value.number));
      }
      return fmt::format("{}", value.number);
    }
    case ValueType::String:
      return value.string;
    case ValueType::List:
      return fmt::format("{}", fmt::join(value.list, ", "));
  }
  return {};
}

namespace {
// Case-insensitive match of an ASCII word against a few spellings.
}  // namespace

ParsedAnswer parse_answer(const Node& question, const std::vector<std::string>& values,
                          bool is_list) {
  ParsedAnswer result;
  auto fail = [&](AnswerError::Kind kind, std::string detail = {}) {
    result.error = AnswerError{kind, std::move(detail)};
    return result;
  };
  if (question.kind != NodeKind::Ask) return fail(AnswerError::Kind::NotAQuestion);
  // A choice written as a label, in the other language or without Polish letters still
  // names its option (see option_words.h); anything else is refused below as before.
  auto as_option = [&](const std::string& word) {
    return option_for_word(question, word).value_or(word);
  };
  if (question.ask().type == AnswerType::Multi) {
    Value v = Value::of_list({});
    for (const std::string& item : values)
      v.list.push_back(as_option(std::string(text::trim(item))));
    result.value = v;
  } else {
    if (is_list || values.size() != 1) return fail(AnswerError::Kind::NotAList);
    std::string text(text::trim(values.front()));
    switch (question.ask().type) {
      case AnswerType::YesNo:
        // Answers files are written in either language: tak/nie as well as yes/no.
        if (std::optional<bool> yes = yes_no_word(text, YesNoWords::Written))
          result.value = Value::of_bool(*yes);
        else
          return fail(AnswerError::Kind::NotYesNo, text);
        break;
      case AnswerType::Number: {
        auto number = parse_number(text);
        if (!number) return fail(AnswerError::Kind::NotANumber, text);
        result.value = Value::of_number(*number);
        break;
      }
      case AnswerType::Choice:
        result.value = Value::of_string(as_option(text));
        break;
      case AnswerType::Text:
        // Free text keeps its inner spacing; only the ends are trimmed.
        result.value = Value::of_string(text);
        break;
      case AnswerType::Multi:
        break;
    }
  }
  if (auto error = validate_answer(question, *result.value)) {
    result.value.reset();
    result.error = error;
  }
  return result;
}

std::optional<AnswerError> validate_answer(const Node& question, const Value& value) {
  using Kind = AnswerError::Kind;
  if (question.kind != NodeKind::Ask) return AnswerError{Kind::NotAQuestion, {}};
  switch (question.ask().type) {
    case AnswerType::YesNo:
      if (value.type != ValueType::Boolean)
        return AnswerError{Kind::NotYesNo, value_to_text(value)};
      return std::nullopt;
    case AnswerType::Choice:
      if (value.type != ValueType::String) return AnswerError{Kind::NotAList, value_to_text(value)};
      if (!has_option(question, value.string)) return AnswerError{Kind::NotAnOption, value.string};
      return std::nullopt;
    case AnswerType::Multi: {
      if (value.type != ValueType::List) return AnswerError{Kind::NotAList, value_to_text(value)};
      for (size_t i = 0; i < value.list.size(); ++i) {
        if (!has_option(question, value.list[i]))
          return AnswerError{Kind::NotAnOption, value.list[i]};
        if (std::find(value.list.begin(), value.list.begin() + i, value.list[i]) !=
            value.list.begin() + i) {
          return AnswerError{Kind::DuplicateOption, value.list[i]};
        }
      }
      double count = static_cast<double>(value.list.size());
      if (question.ask().min && count < *question.ask().min)
        return AnswerError{Kind::TooFewChoices, {}, *question.ask().min};
      if (question.ask().max && count > *question.ask().max)
        return AnswerError{Kind::TooManyChoices, {}, *question.ask().max};
      return std::nullopt;
    }
    case AnswerType::Number:
      if (value.type != ValueType::Number)
        return AnswerError{Kind::NotANumber, value_to_text(value)};
      if (question.ask().min && value.number < *question.ask().min)
        return AnswerError{Kind::BelowMin, {}, *question.ask().min};
      if (question.ask().max && value.number > *question.ask().max)
        return AnswerError{Kind::AboveMax, {}, *question.ask().max};
      return std::nullopt;
    case AnswerType::Text:
      if (value.type != ValueType::String) return AnswerError{Kind::NotAList, value_to_text(value)};
      if (text::trim(value.string).empty()) return AnswerError{Kind::Empty, {}};
      if (utf8::count_code_points(value.string) > AnswerError::kMaxTextAnswer)
        return AnswerError{Kind::TooLong, {}, static_cast<double>(AnswerError::kMaxTextAnswer)};
      return std::nullopt;
  }
  return std::nullopt;
}

const Option* chosen_option(const Node& question, const Value& value) {
  std::string wanted;
  if (question.ask().type == AnswerType::YesNo && value.type == ValueType::Boolean) {
    wanted = value.boolean ? "yes" : "no";
  } else if (question.ask().type == AnswerType::Choice && value.type == ValueType::String) {
    wanted = value.string;
  } else {
    return nullptr;
  }
  for (const Option& option : question.ask().options) {
    if (option.value == wanted) return &option;
  }
  return nullptr;
}

}  // namespace procedura::engine
