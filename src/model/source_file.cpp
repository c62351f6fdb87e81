#include "model/source_file.h"

#include <algorithm>

namespace procedura {
namespace {
bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}
}  // namespace

SourceFile::SourceFile(std::string path, std::string content)
    : path_(std::move(path)), content_(std::move(content)) {
  line_starts_.push_back(0);
  size_t code_points = 0;
  for (size_t i = 0; i < content_.size(); ++i) {
    if (i % kBlock == 0) code_points_before_block_.push_back(code_points);
    if (content_[i] == '\n') line_starts_.push_back(i + 1);
    if (!is_continuation(static_cast<unsigned char>(content_[i]))) ++code_points;
  }
  code_points_before_block_.push_back(code_points);
}

size_t SourceFile::code_points_before(size_t byte_offset) const {
  size_t block = byte_offset / kBlock;
  size_t count = code_points_before_block_[block];
  for (size_t i = block * kBlock; i < byte_offset; ++i) {
    if (!is_continuation(static_cast<unsigned char>(content_[i]))) ++count;
  }
  return count;
}

std::string_view SourceFile::line_text(uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  size_t begin = line_starts_[line - 1];
  size_t end = line < line_starts_.size() ? line_starts_[line] - 1 : content_.size();
  if (end > begin && content_[end - 1] == '\r') --end;
  return std::string_view(content_).substr(begin, end - begin);
}

uint32_t SourceFile::line_of(size_t byte_offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), byte_offset);
  return static_cast<uint32_t>(it - line_starts_.begin());
}

uint32_t SourceFile::column_of(size_t byte_offset) const {
  byte_offset = std::min(byte_offset, content_.size());
  size_t begin = line_starts_[line_of(byte_offset) - 1];
  return static_cast<uint32_t>(code_points_before(byte_offset) - code_points_before(begin) + 1);
}

size_t SourceFile::offset_of(uint32_t line, uint32_t column) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return content_.size();
  std::string_view text = line_text(line);
  size_t begin = line_starts_[line - 1];
  uint32_t current = 1;
  size_t i = 0;
  while (i < text.size() && current < column) {
    ++i;
    while (i < text.size() && is_continuation(static_cast<unsigned char>(text[i]))) ++i;
    ++current;
  }
  return begin + i;
}

}  // namespace procedura
