#include "load/scalar_position.h"

#include <string_view>

#include "model/source_file.h"
#include "util/utf8.h"

namespace procedura {
namespace {

// Raw length of the escape starting at text[i] == '\\' in a double-quoted scalar.
size_t escape_length(std::string_view text, size_t i) {
  if (i + 1 >= text.size()) return 1;
  switch (text[i + 1]) {
    case 'x':
      return 4;
    case 'u':
      return 6;
    case 'U':
      return 10;
    default:
      return 2;
  }
}

}  // namespace

Location position_in_scalar(const Location& start, size_t offset) {
  Location simple = start;
  simple.column += static_cast<uint32_t>(offset);
  if (!start.known() || start.column < 2) return simple;
  std::string_view line = start.file->line_text(start.line);
  size_t begin =
      start.file->offset_of(start.line, start.column) - start.file->offset_of(start.line, 1);
  if (begin == 0 || begin > line.size()) return simple;
  char quote = line[begin - 1];
  if (quote != '"' && quote != '\'') return simple;

  size_t i = begin;
  uint32_t column = start.column;
  for (size_t decoded = 0; decoded < offset; ++decoded) {
    if (i >= line.size() || line[i] == quote) {
      if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
        i += 2;
        column += 2;
        continue;
      }
      return simple;  // the scalar goes on past this line
    }
    size_t width =
        quote == '"' && line[i] == '\\' ? escape_length(line, i) : utf8::decode(line, i).length;
    column += quote == '"' && line[i] == '\\' ? static_cast<uint32_t>(width) : 1;
    i += width;
  }
  Location at = start;
  at.column = column;
  return at;
}

}  // namespace procedura
