#include "util/visible_text.h"

#include <fmt/format.h>

#include "util/utf8.h"

namespace procedura {

bool is_hidden_control(char32_t c) {
  if (c < 0x20) return c != '\t' && c != '\n';
  if (c >= 0x7F && c < 0xA0) return true;
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
}

std::string visible_text(std::string_view text, LineBreaks breaks) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    utf8::Decoded d = utf8::decode(text, i);
    char32_t c = d.code_point;
    if (!d.valid) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(text[i]));
    } else if (breaks == LineBreaks::Escape && c == '\n') {
      out += "\\n";
    } else if (breaks == LineBreaks::Escape && c == '\t') {
      out += "\\t";
    } else if (!is_hidden_control(c)) {
      out.append(text.substr(i, d.length));
    } else if (c < 0x80) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned>(c));
    } else {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    }
    i += d.length;
  }
  return out;
}

}  // namespace procedura
