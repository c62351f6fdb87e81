#pragma once
// A file as read from disk: its bytes, display path and a line index, so that any model
// element can point back at the exact line and column an author wrote.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
  // Byte offset of a 1-based line and code-point column (clamped to the line).
  size_t offset_of(uint32_t line, uint32_t column) const;

 private:
  std::string path_;
  std::string content_;
  std::vector<size_t> line_starts_;
  // Code points before each block of kBlock bytes, so column_of stays O(kBlock) even on a
  // line megabytes long (a hostile one-line file would otherwise make positions quadratic).
  static constexpr size_t kBlock = 1024;
  std::vector<size_t> code_points_before_block_;
  size_t code_points_before(size_t byte_offset) const;
};

}  // namespace procedura
