#include "util/text.h"

#include <utility>

namespace procedura::text {
namespace {

// Each Polish letter in both cases, with its lower case form and its ASCII base letter.
struct PolishLetter {
  std::string_view upper, lower;
  char ascii;
};
constexpr PolishLetter kPolish[] = {
    {"Ą", "ą", 'a'}, {"Ć", "ć", 'c'}, {"Ę", "ę", 'e'}, {"Ł", "ł", 'l'}, {"Ń", "ń", 'n'},
    {"Ó", "ó", 'o'}, {"Ś", "ś", 's'}, {"Ź", "ź", 'z'}, {"Ż", "ż", 'z'},
};

char ascii_lower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

// Walks `text`, handing each Polish letter (either case) or other byte to `emit`.
template <typename Emit>
void fold(std::string_view text, Emit emit) {
  for (size_t i = 0; i < text.size();) {
    const PolishLetter* found = nullptr;
    for (const PolishLetter& letter : kPolish) {
      if (text.substr(i, letter.upper.size()) == letter.upper ||
          text.substr(i, letter.lower.size()) == letter.lower) {
        found = &letter;
        break;
      }
    }
    if (found) {
      emit(found, '\0');
      i += found->lower.size();  // both cases take two bytes in UTF-8
    } else {
      emit(nullptr, text[i++]);
    }
  }
}

}  // namespace

std::string_view trim(std::string_view text) {
  // By hand: find_first_not_of calls memchr on the set for every character, and the line
  // scans of `run ID` and the menu trim every line of every file.
  auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  size_t begin = 0, end = text.size();
  while (begin < end && blank(text[begin])) ++begin;
  while (end > begin && blank(text[end - 1])) --end;
  return text.substr(begin, end - begin);
}

std::string fold_case(std::string_view text) {
  std::string out;
  fold(text, [&](const PolishLetter* letter, char c) {
    if (letter) {
      out += letter->lower;
    } else {
      out += ascii_lower(c);
    }
  });
  return out;
}

std::string fold_letters(std::string_view text) {
  std::string out;
  fold(text,
       [&](const PolishLetter* letter, char c) { out += letter ? letter->ascii : ascii_lower(c); });
  return out;
}

}  // namespace procedura::text
