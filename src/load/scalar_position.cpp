#include "load/scalar_position.h"

#include <algorithm>
#include <optional>
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

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool blank_line(std::string_view text) {
  return text.find_first_not_of(" \t") == std::string_view::npos;
}

// Walks the file's text of one scalar the way YAML decodes it, one decoded code point at a
// time, until `offset` code points are behind: the column (and line) of that point.
class ScalarWalk {
 public:
  ScalarWalk(const Location& start, size_t offset) : start_(start), offset_(offset) {}

  // A plain or quoted scalar (`quote` is 0, '"' or '\''), from the byte `begin` of the start
  // line. Line breaks fold as YAML folds them: one space, or one newline per empty line.
  std::optional<Location> flow(size_t begin, char quote) {
    uint32_t line = start_.line;
    size_t i = begin;
    uint32_t column = start_.column;
    for (;;) {
      std::string_view text = start_.file->line_text(line);
      size_t end = content_end(text, i, quote);
      bool escaped_break = false;
      while (i < end) {
        if (quote == '"' && text[i] == '\\' && i + 1 >= text.size()) {
          escaped_break = true;  // a backslash at the end joins the lines without a space
          break;
        }
        if (decoded_ == offset_) return at(line, column);
        size_t width = utf8::decode(text, i).length;
        uint32_t columns = 1;
        if (quote == '\'' && text[i] == '\'') {
          width = 2;  // '' is one quote
          columns = 2;
        } else if (quote == '"' && text[i] == '\\') {
          width = escape_length(text, i);
          columns = static_cast<uint32_t>(width);
        }
        i += width;
        column += columns;
        ++decoded_;
      }
      if (decoded_ == offset_ && !escaped_break) return at(line, column);
      if (quote != 0 && end < text.size() && text[end] == quote) return std::nullopt;  // closed
      if (!next_content_line(line, i, escaped_break ? 0 : 1)) return std::nullopt;
      column = static_cast<uint32_t>(i) + 1;  // leading blanks are ASCII
    }
  }

  // A block scalar (`|` literal or `>` folded) whose header is on the start line.
  std::optional<Location> block(bool folded) {
    uint32_t line = start_.line + 1;
    const uint32_t last = start_.file->line_count();
    while (line <= last && blank_line(start_.file->line_text(line))) {
      ++line;
      ++decoded_;  // leading empty lines are newlines in both styles
    }
    if (line > last) return std::nullopt;
    std::string_view first = start_.file->line_text(line);
    const size_t indent = first.find_first_not_of(' ');
    for (;;) {
      std::string_view text = start_.file->line_text(line);
      if (text.size() < indent || text.find_first_not_of(' ') < indent) return std::nullopt;
      size_t i = indent;
      uint32_t column = static_cast<uint32_t>(indent) + 1;
      while (i < text.size()) {
        if (decoded_ == offset_) return at(line, column);
        i += utf8::decode(text, i).length;
        ++column;
        ++decoded_;
      }
      if (decoded_ == offset_) return at(line, column);
      uint32_t empty = 0;
      while (line + 1 + empty <= last && blank_line(start_.file->line_text(line + 1 + empty)))
        ++empty;
      // Past the block's last line (the file ends or a line is less indented): an offset
      // beyond its text (the final line break a parser reports at) is the line's end.
      const uint32_t following = line + 1 + empty;
      if (following > last) return at(line, column);
      std::string_view next_text = start_.file->line_text(following);
      if (next_text.find_first_not_of(' ') < indent) return at(line, column);
      line = following;
      // Literal keeps every break; folded turns one break into a space and drops the break
      // before empty lines.
      decoded_ += folded && empty > 0 ? empty : 1 + empty;
      if (decoded_ > offset_) return std::nullopt;
    }
  }

 private:
  Location start_;
  size_t offset_;
  size_t decoded_ = 0;

  Location at(uint32_t line, uint32_t column) const {
    Location location = start_;
    location.line = line;
    location.column = column;
    return location;
  }

  // Where the scalar's text on this line ends: the closing quote, a comment of a plain
  // scalar, else the line's end without trailing blanks (folding drops them).
  static size_t content_end(std::string_view text, size_t from, char quote) {
    size_t end = text.size();
    if (quote == '\'') {
      for (size_t i = from; i < text.size(); ++i) {
        if (text[i] != '\'') continue;
        if (i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        return i;
      }
    } else if (quote == '"') {
      for (size_t i = from; i < text.size(); ++i) {
        if (text[i] == '\\') {
          ++i;
          continue;
        }
        if (text[i] == '"') return i;
      }
    } else if (size_t comment = text.find(" #", from); comment != std::string_view::npos) {
      end = comment;
    }
    while (end > from && is_blank(text[end - 1])) --end;
    return end;
  }

  // Moves to the next line with text, past empty ones: a single break decodes to
  // `single_break` code points (a space, or none after an escaped break), each empty line to
  // a newline. False when the file ends or `offset` falls inside the fold.
  bool next_content_line(uint32_t& line, size_t& i, size_t single_break) {
    const uint32_t last = start_.file->line_count();
    uint32_t empty = 0;
    while (line + 1 + empty <= last && blank_line(start_.file->line_text(line + 1 + empty)))
      ++empty;
    line += 1 + empty;
    if (line > last) return false;
    decoded_ += empty > 0 ? empty : single_break;
    if (decoded_ > offset_) return false;
    std::string_view text = start_.file->line_text(line);
    i = 0;
    while (i < text.size() && is_blank(text[i])) ++i;
    return true;
  }
};

}  // namespace

Location position_in_scalar(const Location& start, size_t offset) {
  Location simple = start;
  simple.column += static_cast<uint32_t>(offset);
  if (!start.known()) return simple;
  std::string_view line = start.file->line_text(start.line);
  size_t begin =
      start.file->offset_of(start.line, start.column) - start.file->offset_of(start.line, 1);
  if (begin > line.size()) return simple;
  char before = begin > 0 ? line[begin - 1] : ' ';
  ScalarWalk walk(start, offset);
  std::optional<Location> found;
  if (before == '|' || before == '>') {
    // The reader points one past a block scalar's indicator; its text starts on the next line.
    // An explicit indentation indicator (`|2`) is not followed: the start is kept.
    std::string_view header = line.substr(begin, line.find_first_of(" #", begin) - begin);
    if (header.find_first_of("123456789") == std::string_view::npos)
      found = walk.block(before == '>');
  } else if (before == '"' || before == '\'') {
    found = walk.flow(begin, before);
  } else {
    found = walk.flow(begin, 0);
  }
  if (found) return *found;
  // What the walk cannot follow stays on the start's line, within it.
  simple.column =
      std::min<uint32_t>(simple.column, static_cast<uint32_t>(utf8::count_code_points(line)) + 1);
  return simple;
}

}  // namespace procedura
