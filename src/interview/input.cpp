#include "interview/input.h"

#include <fmt/format.h>

#include <charconv>

#include "engine/answer_value.h"
#include "interview/messages.h"

namespace procedura::interview {
namespace {

std::string trim(std::string_view text) {
  size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::optional<size_t> as_number(std::string_view text) {
  size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// Resolves one typed token to an option: number, exact value or label, then unique prefix.
// Sets `reason` when it cannot.
const Option* find_option(const Node& question, const std::string& token, std::string_view lang,
                          std::string& reason) {
  const auto& options = question.options;
  if (auto n = as_number(token)) {
    if (*n >= 1 && *n <= options.size()) return &options[*n - 1];
    reason = say(lang, Msg::ErrNotAnOption, token);
    return nullptr;
  }
  std::string folded = fold_case(token);
  if (question.type == AnswerType::YesNo) {
    // The interview language's words, the other language's, and the file's values.
    static const char* kYes[] = {"tak", "t", "yes", "y", "true"};
    static const char* kNo[] = {"nie", "n", "no", "false"};
    for (const char* w : kYes)
      if (folded == w)
        for (const Option& o : options)
          if (o.value == "yes") return &o;
    for (const char* w : kNo)
      if (folded == w)
        for (const Option& o : options)
          if (o.value == "no") return &o;
  }
  for (const Option& o : options) {
    if (fold_case(o.value) == folded || fold_case(option_label(question, o, lang)) == folded)
      return &o;
  }
  std::vector<const Option*> matches;
  for (const Option& o : options) {
    if (starts_with(fold_case(option_label(question, o, lang)), folded) ||
        starts_with(fold_case(o.value), folded)) {
      matches.push_back(&o);
    }
  }
  if (matches.empty()) {
    // Then the start of any word of a label: "adult" finds "an adult".
    for (const Option& o : options) {
      std::string label = fold_case(option_label(question, o, lang));
      for (size_t at = 0; at != std::string::npos; at = label.find(' ', at + 1)) {
        size_t word = at == 0 && label[0] != ' ' ? 0 : at + 1;
        if (starts_with(std::string_view(label).substr(std::min(word, label.size())), folded)) {
          matches.push_back(&o);
          break;
        }
      }
    }
  }
  if (matches.size() == 1 && !folded.empty()) return matches.front();
  if (matches.size() > 1) {
    std::vector<std::string> labels;
    for (const Option* o : matches) labels.push_back(option_label(question, *o, lang));
    reason = say(lang, Msg::ErrAmbiguous, token, fmt::join(labels, ", "));
  } else {
    reason = question.type == AnswerType::YesNo ? say(lang, Msg::ErrNotYesNo)
                                                : say(lang, Msg::ErrNotAnOption, token);
  }
  return nullptr;
}

std::string number_text(double n) {
  return engine::value_to_text(Value::of_number(n));
}

std::string explain(const engine::AnswerError& error, std::string_view lang) {
  using K = engine::AnswerError::Kind;
  switch (error.kind) {
    case K::NotAQuestion:
      return say(lang, Msg::ErrNoQuestion);
    case K::NotYesNo:
      return say(lang, Msg::ErrNotYesNo);
    case K::NotAnOption:
      return say(lang, Msg::ErrNotAnOption, error.detail);
    case K::DuplicateOption:
      return say(lang, Msg::ErrDuplicate, error.detail);
    case K::TooFewChoices:
      return say(lang, Msg::ErrTooFew, number_text(error.limit));
    case K::TooManyChoices:
      return say(lang, Msg::ErrTooMany, number_text(error.limit));
    case K::NotANumber:
      return say(lang, Msg::ErrNotANumber, error.detail);
    case K::BelowMin:
      return say(lang, Msg::ErrBelowMin, number_text(error.limit));
    case K::AboveMax:
      return say(lang, Msg::ErrAboveMax, number_text(error.limit));
    case K::Empty:
      return say(lang, Msg::ErrEmpty);
    case K::NotAList:
      return say(lang, Msg::ErrOneValue);
  }
  return {};
}

}  // namespace

std::string explain_answer_error(const engine::AnswerError& error, std::string_view lang) {
  return explain(error, lang);
}

std::string fold_case(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kPolish[] = {
      {"Ą", "ą"}, {"Ć", "ć"}, {"Ę", "ę"}, {"Ł", "ł"}, {"Ń", "ń"},
      {"Ó", "ó"}, {"Ś", "ś"}, {"Ź", "ź"}, {"Ż", "ż"}};
  std::string out;
  for (size_t i = 0; i < text.size();) {
    bool replaced = false;
    for (const auto& [upper, lower] : kPolish) {
      if (text.substr(i, upper.size()) == upper) {
        out += lower;
        i += upper.size();
        replaced = true;
        break;
      }
    }
    if (replaced) continue;
    char c = text[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string option_label(const Node& question, const Option& option, std::string_view lang) {
  if (option.label.present) return option.label.in(lang);
  if (question.type == AnswerType::YesNo) {
    return std::string(option.value == "yes"  ? yes_word(lang)
                       : option.value == "no" ? no_word(lang)
                                              : option.value);
  }
  return option.value;
}

Input interpret_input(const Node& question, std::string_view typed, std::string_view lang) {
  Input input;
  std::string text = trim(typed);
  std::string folded = fold_case(text);
  if (folded == "?" || folded == "pomoc" || folded == "help")
    return Input{Input::Kind::Help, {}, {}};
  if (folded == "b" || folded == "wstecz" || folded == "back")
    return Input{Input::Kind::Back, {}, {}};
  if (folded == "q" || folded == "koniec" || folded == "quit")
    return Input{Input::Kind::Quit, {}, {}};

  auto answer = [&](Value value) -> Input {
    if (auto error = engine::validate_answer(question, value))
      return Input{Input::Kind::Invalid, {}, explain(*error, lang)};
    return Input{Input::Kind::Answer, std::move(value), {}};
  };
  switch (question.type) {
    case AnswerType::YesNo:
    case AnswerType::Choice: {
      std::string reason;
      const Option* option = find_option(question, text, lang, reason);
      if (!option) return Input{Input::Kind::Invalid, {}, reason};
      return answer(question.type == AnswerType::YesNo ? Value::of_bool(option->value == "yes")
                                                       : Value::of_string(option->value));
    }
    case AnswerType::Multi: {
      // Items are separated by commas; a line of numbers may also be separated by spaces.
      std::vector<std::string> tokens;
      std::string current;
      bool only_numbers_and_spaces = text.find_first_not_of("0123456789 ") == std::string::npos;
      for (char c : text) {
        if (c == ',' || (only_numbers_and_spaces && c == ' ')) {
          if (!trim(current).empty()) tokens.push_back(trim(current));
          current.clear();
        } else {
          current += c;
        }
      }
      if (!trim(current).empty()) tokens.push_back(trim(current));
      Value value = Value::of_list({});
      for (const std::string& token : tokens) {
        std::string reason;
        const Option* option = find_option(question, token, lang, reason);
        if (!option) return Input{Input::Kind::Invalid, {}, reason};
        value.list.push_back(option->value);
      }
      return answer(std::move(value));
    }
    case AnswerType::Number:
    case AnswerType::Text: {
      engine::ParsedAnswer parsed = engine::parse_answer(question, {text}, false);
      if (parsed.error) return Input{Input::Kind::Invalid, {}, explain(*parsed.error, lang)};
      return Input{Input::Kind::Answer, *parsed.value, {}};
    }
  }
  return input;
}

}  // namespace procedura::interview
