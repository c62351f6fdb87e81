#pragma once
// Localized text: a plain string, or one translation per declared language; and localized
// lists of words (`keywords`), a plain list or one list per declared language.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/location.h"
#include "model/optional_part.h"

namespace procedura {

struct Text {
  using Translations = std::vector<std::pair<std::string, std::string>>;

  Location location;
  bool present = false;    // false when the key was absent
  bool localized = false;  // written as a map {lang: text}
  std::string plain;       // when !localized

  // When localized: (language, text) in file order.
  const Translations& translations() const { return translations_.get(); }
  void add_translation(std::string_view lang, std::string_view text) {
    translations_.made().emplace_back(lang, text);
  }

  // The text in `lang`; falls back to the plain text, then to the first translation.
  const std::string& in(std::string_view lang) const;
  bool has(std::string_view lang) const;

 private:
  // Apart, as most texts of a large file are plain.
  OptionalPart<Translations> translations_;
};

// A localized list of words (`keywords`): a plain list, or one list per declared language.
struct LocalizedList {
  Location location;
  bool present = false;
  bool localized = false;
  std::vector<std::string> plain;
  std::vector<std::pair<std::string, std::vector<std::string>>> translations;  // file order

  // The words in `lang`; falls back to the plain list, then to the first translation.
  const std::vector<std::string>& in(std::string_view lang) const;
  // Every word of every language, without repeats (for searching).
  std::vector<std::string> all() const;
};

}  // namespace procedura
