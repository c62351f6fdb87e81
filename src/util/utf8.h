#pragma once
// UTF-8 helpers written for this project: the C library's multibyte functions depend on the
// locale and fail on Polish text under the C locale, so we decode ourselves.
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procedura::utf8 {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// One decoded code point and the number of bytes it took. An invalid or truncated
// sequence decodes as U+FFFD with length 1 and valid == false, so callers always advance.
struct Decoded {
  char32_t code_point;
  size_t length;
  bool valid;
};

// Decodes the code point starting at text[offset] (offset < text.size()). Rejects
// overlong forms, surrogates and values above U+10FFFF.
Decoded decode(std::string_view text, size_t offset);

// Byte offset of the first invalid sequence, or nullopt if the whole text is valid UTF-8.
std::optional<size_t> first_invalid(std::string_view text);
inline bool is_valid(std::string_view text) {
  return !first_invalid(text).has_value();
}

// All code points of the text; invalid bytes become U+FFFD.
std::u32string decode_all(std::string_view text);

// Appends the UTF-8 encoding of a code point (invalid values become U+FFFD).
void append(std::string& out, char32_t code_point);

// Number of code points (each invalid byte counts as one).
size_t count_code_points(std::string_view text);

// Terminal columns of one code point: 0 for combining marks, zero-width and control
// characters, 2 for East Asian wide and fullwidth characters, 1 otherwise.
int code_point_width(char32_t code_point);

// Terminal columns of a whole string (sum of code point widths; invalid bytes count 1).
size_t display_width(std::string_view text);

// Replaces every invalid sequence by U+FFFD.
std::string sanitize(std::string_view text);

// Splits text into lines of at most `width` columns, breaking at spaces. Explicit '\n'
// always breaks; a word longer than the width stays whole on its own line. Spaces at a
// break are dropped; other spacing is kept. A width of 0 means "do not wrap".
std::vector<std::string> wrap(std::string_view text, size_t width);

// The text cut to at most `width` columns at a space, ending in "…" when anything was cut
// (a first word wider than the width is cut inside it). A width of 0 means "do not cut".
std::string shorten(std::string_view text, size_t width);

// Writes `first` then `text` wrapped to `width` columns (0: no wrapping), continuation lines
// indented to line up after `first`; too narrow a width (under 20 columns left) does not wrap.
void print_wrapped(std::ostream& out, std::string_view first, std::string_view text, int width);

}  // namespace procedura::utf8
