#include "engine/option_words.h"

#include <algorithm>
#include <array>
#include <utility>

#include "util/text.h"

namespace procedura::engine {
namespace {

// Lower case, Polish letters folded to ASCII, spaces and hyphens as underscores.
std::string normalize(std::string_view text) {
  std::string out = text::fold_letters(text);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == ' ' || c == '-'; }, '_');
  return out;
}

// Words that mean the same answer in either language.
int meaning(const std::string& word) {
  static const std::array<std::pair<std::string_view, int>, 12> kMeanings = {{
      {"tak", 1},
      {"yes", 1},
      {"true", 1},
      {"nie", 2},
      {"no", 2},
      {"false", 2},
      {"nie_wiem", 3},
      {"nie_wiadomo", 3},
      {"unknown", 3},
      {"dont_know", 3},
      {"don't_know", 3},
      {"not_known", 3},
  }};
  for (const auto& [text, id] : kMeanings) {
    if (word == text) return id;
  }
  return 0;
}

// The single option satisfying `same`, or nullopt when none or several do.
template <typename Same>
std::optional<std::string> unique_option(const Node& question, Same same) {
  std::optional<std::string> found;
  for (const Option& option : question.ask().options) {
    if (!same(option)) continue;
    if (found) return std::nullopt;
    found = option.value;
  }
  return found;
}

}  // namespace

std::optional<std::string> option_for_word(const Node& question, std::string_view word) {
  for (const Option& option : question.ask().options) {
    if (option.value == word) return option.value;
  }
  const std::string key = normalize(word);
  if (key.empty()) return std::nullopt;
  if (auto by_value =
          unique_option(question, [&](const Option& o) { return normalize(o.value) == key; }))
    return by_value;
  auto label_matches = [&](const Option& o) {
    if (!o.label.localized) return normalize(o.label.plain) == key;
    for (const auto& [lang, text] : o.label.translations()) {
      if (normalize(text) == key) return true;
    }
    return false;
  };
  if (auto by_label = unique_option(question, label_matches)) return by_label;
  if (int wanted = meaning(key)) {
    return unique_option(question,
                         [&](const Option& o) { return meaning(normalize(o.value)) == wanted; });
  }
  return std::nullopt;
}

}  // namespace procedura::engine
