#include "interview/input.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "engine/answer_value.h"
#include "engine/yes_no_words.h"
#include "messages/messages.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura::interview {

using messages::Msg;
using messages::no_word;
using messages::say;
using messages::yes_word;
namespace {

std::optional<size_t> as_number(std::string_view text) {
  size_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

bool is_word_char(char c) {
  // Bytes of multi-byte UTF-8 letters count as letters; ASCII punctuation and spaces do not.
  return static_cast<unsigned char>(c) >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

// True when `typed` starts some word of `label` (both folded): "wiem" finds "nie wiem, czy".
bool starts_a_word(const std::string& label, const std::string& typed) {
  for (size_t at = 0; at < label.size(); ++at) {
    bool word_start = is_word_char(label[at]) && (at == 0 || !is_word_char(label[at - 1]));
    if (word_start && std::string_view(label).substr(at).starts_with(typed)) return true;
  }
  return false;
}

// Whether `word` stands in a folded label as a whole word ("48" in "do 48 godzin", not in
// "480").
bool has_word(const std::string& label, const std::string& word) {
  for (size_t at = label.find(word); at != std::string::npos; at = label.find(word, at + 1)) {
    size_t end = at + word.size();
    if ((at == 0 || !is_word_char(label[at - 1])) &&
        (end == label.size() || !is_word_char(label[end])))
      return true;
  }
  return false;
}

// The words a folded label leads with, before its explanation: "tak" of "tak – np. znecanie".
std::string_view label_head(std::string_view label) {
  size_t end = label.size();
  for (std::string_view mark : {" – ", " — ", " - ", ",", ":", ";", " ("})
    end = std::min(end, label.find(mark));
  std::string_view head = label.substr(0, end);
  while (!head.empty() && head.back() == ' ') head.remove_suffix(1);
  return head;
}

std::string several_options(const Node& question, const std::vector<const Option*>& matches,
                            const std::string& token, std::string_view lang) {
  const auto& options = question.ask().options;
  std::vector<std::string> labels;
  for (const Option* o : matches)
    labels.push_back(
        fmt::format("{}) {}", o - options.data() + 1, option_label(question, *o, lang)));
  return say(lang, Msg::ErrAmbiguous, token, fmt::join(labels, "; "));
}

// Resolves one typed token to an option: its number, a label typed whole, a hidden value
// no label contradicts, then a unique prefix of a word of a label. Sets `reason` when it
// cannot.
const Option* find_option(const Node& question, const std::string& token, std::string_view lang,
                          std::string& reason) {
  const auto& options = question.ask().options;
  std::string folded = fold_letters(token);
  auto label_of = [&](const Option& o) { return fold_letters(option_label(question, o, lang)); };
  if (auto n = as_number(token)) {
    if (*n >= 1 && *n <= options.size()) return &options[*n - 1];
    // Not an option's number, but a number the screen shows in one label ("Do 48 godzin",
    // "112 już wezwane"): that option, echoed in full. In several labels, or in none, the
    // operator is asked again.
    std::vector<const Option*> showing;
    for (const Option& o : options)
      if (has_word(label_of(o), folded)) showing.push_back(&o);
    if (showing.size() == 1) return showing.front();
    reason = showing.empty() ? say(lang, Msg::ErrNotAnOption, token)
                             : several_options(question, showing, token, lang);
    return nullptr;
  }
  // What the operator reads comes first: a label typed whole.
  std::vector<const Option*> same_label, same_head;
  for (const Option& o : options) {
    std::string label = label_of(o);
    if (label == folded) same_label.push_back(&o);
    // Two labels that lead with the typed words ("Tak – np. znęcanie", "Tak – podejrzenie
    // wykorzystania") leave the choice open, even when the words are one option's value.
    if (label_head(label) == folded) same_head.push_back(&o);
  }
  if (same_label.size() == 1) return same_label.front();
  if (same_label.size() > 1 || same_head.size() > 1) {
    reason = several_options(question, same_label.size() > 1 ? same_label : same_head, token, lang);
    return nullptr;
  }
  // One label leads with the typed words ("Nie – ucznia nie ma w szkole"): that is what the
  // operator read, before any hidden value whose label says otherwise ("Tak – nie
  // potrzebuje pomocy", kept as `nie` for older answers files).
  if (same_head.size() == 1) return same_head.front();
  for (const Option& o : options) {
    if (o.value != token && fold_letters(o.value) != folded) continue;
    // The operator never sees values: a value is taken when its own label leads with the
    // typed words, or when no other label has a word starting with them ("brak" is the
    // value of "Inny opiekun" but a word of "Brak danych o opiekunie").
    if (label_head(label_of(o)) == folded) return &o;
    std::vector<const Option*> also{&o};
    for (const Option& other : options) {
      if (&other != &o && starts_a_word(label_of(other), folded)) also.push_back(&other);
    }
    if (also.size() == 1) return &o;
    reason = several_options(question, also, token, lang);
    return nullptr;
  }
  // A yes/no word at a question that is not yes/no would otherwise be taken for the start of
  // an option ("nie" for "Nie wiem…"): it is refused, so nothing is chosen by accident.
  if (engine::yes_no_word(folded, engine::YesNoWords::Typed)) {
    reason = say(lang, Msg::ErrNotYesNoQuestion, token);
    return nullptr;
  }
  std::vector<const Option*> matches;
  if (utf8::count_code_points(folded) >= 3) {
    for (const Option& o : options) {
      if (starts_a_word(fold_letters(option_label(question, o, lang)), folded))
        matches.push_back(&o);
    }
  }
  if (matches.size() == 1) return matches.front();
  if (matches.size() > 1) {
    reason = several_options(question, matches, token, lang);
  } else if (!folded.empty() && utf8::count_code_points(folded) < 3) {
    reason = say(lang, Msg::ErrTooShort, token);
  } else {
    reason = say(lang, Msg::ErrNotAnOption, token);
  }
  return nullptr;
}

std::string number_text(double n) {
  return engine::value_to_text(Value::of_number(n));
}

std::string explain(const engine::AnswerError& error, std::string_view lang) {
  using K = engine::AnswerError::Kind;
  // The detail is the value as given (typed, or read from an answers file or transcript):
  // one line, its controls shown, so that it cannot forge output or drive the terminal.
  const std::string detail = visible_text(error.detail, LineBreaks::Escape);
  switch (error.kind) {
    case K::NotAQuestion:
      return say(lang, Msg::ErrNoQuestion);
    case K::NotYesNo:
      return say(lang, Msg::ErrNotYesNo);
    case K::NotAnOption:
      return say(lang, Msg::ErrNotAnOption, detail);
    case K::DuplicateOption:
      return say(lang, Msg::ErrDuplicate, detail);
    case K::TooFewChoices:
      return say(lang, Msg::ErrTooFew, number_text(error.limit));
    case K::TooManyChoices:
      return say(lang, Msg::ErrTooMany, number_text(error.limit));
    case K::NotANumber:
      return say(lang, Msg::ErrNotANumber, detail);
    case K::BelowMin:
      return say(lang, Msg::ErrBelowMin, number_text(error.limit));
    case K::AboveMax:
      return say(lang, Msg::ErrAboveMax, number_text(error.limit));
    case K::Empty:
      return say(lang, Msg::ErrEmpty);
    case K::TooLong:
      return say(lang, Msg::ErrTooLong, number_text(error.limit));
    case K::NotAList:
      return say(lang, Msg::ErrOneValue);
  }
  return {};
}

// A yes_no answer: the words of either language, else the options' labels and numbers.
Input yes_no_input(const Node& question, const std::string& text, std::string_view lang) {
  std::string folded = fold_letters(text);
  std::optional<bool> yes = engine::yes_no_word(folded, engine::YesNoWords::Any);
  if (!yes) {
    std::vector<Option> shown = shown_options(question);
    if (auto n = as_number(text); n && *n >= 1 && *n <= shown.size()) {
      yes = shown[*n - 1].value == "yes";
    } else {
      for (const Option& o : shown)
        if (fold_letters(option_label(question, o, lang)) == folded) yes = o.value == "yes";
    }
  }
  if (!yes) return Input{Input::Kind::Invalid, {}, say(lang, Msg::ErrNotYesNo)};
  return Input{Input::Kind::Answer, Value::of_bool(*yes), {}};
}

}  // namespace

std::string explain_answer_error(const engine::AnswerError& error, std::string_view lang) {
  return explain(error, lang);
}

std::vector<Option> shown_options(const Node& question) {
  if (question.ask().type == AnswerType::YesNo && question.ask().options.empty()) {
    Option yes, no;
    yes.value = "yes";
    no.value = "no";
    return {yes, no};
  }
  return question.ask().options;
}

std::string option_label(const Node& question, const Option& option, std::string_view lang) {
  if (option.label.present) return option.label.in(lang);
  if (question.ask().type == AnswerType::YesNo) {
    return std::string(option.value == "yes"  ? yes_word(lang)
                       : option.value == "no" ? no_word(lang)
                                              : option.value);
  }
  return option.value;
}

Input interpret_input(const Node& question, std::string_view typed, std::string_view lang) {
  Input input;
  std::string text(text::trim(typed));
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
  switch (question.ask().type) {
    case AnswerType::YesNo:
      return yes_no_input(question, text, lang);
    case AnswerType::Choice: {
      std::string reason;
      const Option* option = find_option(question, text, lang, reason);
      if (!option) return Input{Input::Kind::Invalid, {}, reason};
      return answer(Value::of_string(option->value));
    }
    case AnswerType::Multi: {
      // A label typed whole is one item, commas and all ("Matka, ojciec").
      for (const Option& o : question.ask().options) {
        if (fold_letters(option_label(question, o, lang)) == fold_letters(text))
          return answer(Value::of_list({o.value}));
      }
      // Items are separated by commas; a line of numbers may also be separated by spaces.
      std::vector<std::string> tokens;
      std::string current;
      bool only_numbers_and_spaces = text.find_first_not_of("0123456789 ") == std::string::npos;
      for (char c : text) {
        if (c == ',' || (only_numbers_and_spaces && c == ' ')) {
          if (!text::trim(current).empty()) tokens.emplace_back(text::trim(current));
          current.clear();
        } else {
          current += c;
        }
      }
      if (!text::trim(current).empty()) tokens.emplace_back(text::trim(current));
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
