#include "load/encoding_check.h"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>

namespace procedura {
namespace {

bool is_utf16_or_32(std::string_view bytes) {
  return bytes.size() >= 2 &&
         ((bytes[0] == '\xFF' && bytes[1] == '\xFE') || (bytes[0] == '\xFE' && bytes[1] == '\xFF'));
}

}  // namespace

size_t find_invalid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    // Most bytes of a procedure are ASCII: eight at a time (a third of `procedura list`'s
    // own work went to this check byte by byte).
    while (i + 8 <= s.size()) {
      uint64_t word;
      std::memcpy(&word, s.data() + i, 8);
      if (word & 0x8080808080808080ULL) break;
      i += 8;
    }
    if (i >= s.size()) break;
    auto c = static_cast<unsigned char>(s[i]);
    size_t len;
    uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else
      return i;
    if (i + len > s.size()) return i;
    for (size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are invalid too.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
      return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

bool check_encoding(const SourceFile& file, Diagnostics& diagnostics) {
  std::string_view bytes = file.content();
  auto at = [&](size_t offset) { return position_at(file, offset); };
  if (is_utf16_or_32(bytes)) {
    diagnostics.report(Rule::YamlSyntax, Location{&file, 1, 1},
                       "the file is UTF-16 or UTF-32 encoded; procedure files must be UTF-8");
    return false;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    diagnostics.report(
        Rule::YamlSyntax, at(nul),
        "the file contains a NUL byte; is it a binary file? procedure files are UTF-8 text");
    return false;
  }
  if (size_t bad = find_invalid_utf8(bytes); bad != std::string_view::npos) {
    diagnostics.report(
        Rule::YamlSyntax, at(bad),
        fmt::format("invalid UTF-8 (byte 0x{:02X}); procedure files must be UTF-8 text",
                    static_cast<unsigned char>(bytes[bad])));
    return false;
  }
  // U+FEFF past the start is invisible: a key written after it reads as the same key and is
  // refused as unknown, and a parser skips a second one at the start, moving positions.
  if (size_t mark = stray_byte_order_mark(bytes); mark != std::string_view::npos) {
    diagnostics.report(Rule::YamlSyntax, at(mark),
                       "a byte-order mark (U+FEFF, invisible) inside the file; only the very "
                       "start of a file may hold one: delete it");
    return false;
  }
  return true;
}

size_t stray_byte_order_mark(std::string_view bytes) {
  constexpr std::string_view kMark = "\xEF\xBB\xBF";
  return bytes.find(kMark, bytes.starts_with(kMark) ? kMark.size() : 0);  // past the first
}

bool encoding_ok(std::string_view bytes) {
  return !is_utf16_or_32(bytes) && bytes.find('\0') == std::string_view::npos &&
         find_invalid_utf8(bytes) == std::string_view::npos &&
         stray_byte_order_mark(bytes) == std::string_view::npos;
}

}  // namespace procedura
