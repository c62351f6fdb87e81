#include "engine/yes_no_words.h"

#include <array>
#include <cctype>

namespace procedura::engine {
namespace {

struct YesNoWord {
  std::string_view word;
  bool yes;
  bool typed;
  bool written;
};

constexpr std::array<YesNoWord, 9> kWords = {{
    {"tak", true, true, true},
    {"yes", true, true, true},
    {"t", true, true, false},
    {"y", true, true, false},
    {"true", true, false, true},
    {"nie", false, true, true},
    {"no", false, true, true},
    {"n", false, true, false},
    {"false", false, false, true},
}};

bool same_ignoring_case(std::string_view text, std::string_view word) {
  if (text.size() != word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != word[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<bool> yes_no_word(std::string_view word, YesNoWords set) {
  for (const YesNoWord& entry : kWords) {
    bool in_set =
        set == YesNoWords::Any || (set == YesNoWords::Typed ? entry.typed : entry.written);
    if (in_set && same_ignoring_case(word, entry.word)) return entry.yes;
  }
  return std::nullopt;
}

}  // namespace procedura::engine
