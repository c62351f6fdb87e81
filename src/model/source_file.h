#pragma once
// A file as read from disk: its bytes, display path and a line index, so that any model
// element can point back at the exact line and column an author wrote.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"

namespace procedura {

class SourceFile {
 public:
  SourceFile(std::string path, std::string content);

  const std::string& path() const { return path_; }
  const std::string& content() const { return content_; }

  // 1-based line count (a file with no newline has one line).
  uint32_t line_count() const { return static_cast<uint32_t>(line_starts_.size()); }
  // Text of a 1-based line without its line terminator (LF or CRLF).
  std::string_view line_text(uint32_t line) const;
  // 1-based line of a byte offset.
  uint32_t line_of(size_t byte_offset) const;
  // 1-based column in Unicode code points of a byte offset.
  uint32_t column_of(size_t byte_offset) const;
  // Both, with one search of the line table.
  struct LineColumn {
    uint32_t line, column;
  };
  LineColumn position_of(size_t byte_offset) const;
  // Byte offset of a 1-based line and code-point column (clamped to the line).
  size_t offset_of(uint32_t line, uint32_t column) const;

 private:
  std::string path_;
  std::string content_;
  std::vector<size_t> line_starts_;
  // Offset of each line's first byte above 0x7F (its end when it has none): before it, a
  // column is a byte count. Most positions are found so, with no scan of the line.
  std::vector<size_t> first_non_ascii_;
  // Code points before each block of kBlock bytes, so that a column far into a non-ASCII
  // line megabytes long costs O(kBlock) too (a hostile one-line file would otherwise make
  // positions quadratic). Built only for files that have such a line.
  static constexpr size_t kBlock = 1024;
  std::vector<size_t> code_points_before_block_;
  size_t code_points_before(size_t byte_offset) const;
  uint32_t column_in_line(size_t line_index, size_t byte_offset) const;
};

// The location of a byte offset in `file`.
inline Location position_at(const SourceFile& file, size_t byte_offset) {
  SourceFile::LineColumn at = file.position_of(byte_offset);
  return Location{&file, at.line, at.column};
}

// The path of a location's file, or "" when unknown.
std::string location_path(const Location& location);

// "file:line" of a location, or "" when unknown.
std::string file_line(const Location& location);

}  // namespace procedura
