#include "model/source_file.h"

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

namespace procedura {
namespace {
bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

// Code points in [begin, end): every byte but UTF-8 continuation bytes starts one.
size_t count_code_points(const char* begin, const char* end) {
  size_t count = 0;
  for (const char* p = begin; p < end; ++p)
    count += !is_continuation(static_cast<unsigned char>(*p));
  return count;
}

// The first byte above 0x7F in [begin, end), or end; eight bytes at a time.
const char* find_non_ascii(const char* begin, const char* end) {
  const char* p = begin;
  for (; end - p >= 8; p += 8) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    if (word & 0x8080808080808080ULL) break;
  }
  for (; p < end; ++p)
    if (static_cast<unsigned char>(*p) & 0x80) return p;
  return end;
}
}  // namespace

SourceFile::SourceFile(std::string path, std::string content)
    : path_(std::move(path)), content_(std::move(content)) {
  const char* data = content_.data();
  const char* end = data + content_.size();
  bool long_non_ascii_line = false;
  // A byte-order mark is no character of the first line: columns count from after it, as
  // editors count them.
  const char* first_line = std::string_view(content_).starts_with("\xEF\xBB\xBF") ? data + 3 : data;
  // Sized once: grown by doubling, the two tables of a 100,000-line file took a third more.
  const auto lines = static_cast<size_t>(std::count(data, end, '\n')) + 1;
  line_starts_.reserve(lines);
  first_non_ascii_.reserve(lines);
  for (const char* line = first_line;;) {
    const char* nl = static_cast<const char*>(std::memchr(line, '\n', end - line));
    const char* line_end = nl ? nl : end;
    const char* non_ascii = find_non_ascii(line, line_end);
    line_starts_.push_back(static_cast<size_t>(line - data));
    first_non_ascii_.push_back(static_cast<size_t>(non_ascii - data));
    if (line_end - non_ascii > static_cast<std::ptrdiff_t>(kBlock)) long_non_ascii_line = true;
    if (!nl) break;
    line = nl + 1;
  }
  if (!long_non_ascii_line) return;
  size_t code_points = 0;
  for (size_t at = 0; at < content_.size(); at += kBlock) {
    code_points_before_block_.push_back(code_points);
    code_points += count_code_points(data + at, data + std::min(at + kBlock, content_.size()));
  }
  code_points_before_block_.push_back(code_points);
}

size_t SourceFile::code_points_before(size_t byte_offset) const {
  size_t block = byte_offset / kBlock;
  return code_points_before_block_[block] +
         count_code_points(content_.data() + block * kBlock, content_.data() + byte_offset);
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
  return std::max<uint32_t>(1, static_cast<uint32_t>(it - line_starts_.begin()));  // in a BOM: 1
}

uint32_t SourceFile::column_in_line(size_t line_index, size_t byte_offset) const {
  size_t begin = line_starts_[line_index];
  size_t ascii_end = first_non_ascii_[line_index];
  if (byte_offset <= ascii_end) return static_cast<uint32_t>(byte_offset - begin + 1);
  if (byte_offset - ascii_end <= kBlock || code_points_before_block_.empty()) {
    return static_cast<uint32_t>(
        ascii_end - begin +
        count_code_points(content_.data() + ascii_end, content_.data() + byte_offset) + 1);
  }
  return static_cast<uint32_t>(code_points_before(byte_offset) - code_points_before(begin) + 1);
}

uint32_t SourceFile::column_of(size_t byte_offset) const {
  return position_of(byte_offset).column;
}

SourceFile::LineColumn SourceFile::position_of(size_t byte_offset) const {
  byte_offset = std::clamp(byte_offset, line_starts_.front(), content_.size());
  uint32_t line = line_of(byte_offset);
  return {line, column_in_line(line - 1, byte_offset)};
}

size_t SourceFile::offset_of(uint32_t line, uint32_t column) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return content_.size();
  std::string_view text = line_text(line);
  size_t begin = line_starts_[line - 1];
  size_t want = column > 1 ? column - 1 : 0;  // code points to step over
  size_t ascii = first_non_ascii_[line - 1] - begin;
  if (want <= ascii || ascii >= text.size()) return begin + std::min(want, text.size());
  // Past the ASCII prefix, one step is a byte and the continuation bytes after it.
  size_t i = ascii, steps = want - ascii;
  if (steps > kBlock && !code_points_before_block_.empty() &&
      !is_continuation(static_cast<unsigned char>(text[i]))) {
    // Far into a long line: jump to the block holding the target, then count from there.
    size_t target = code_points_before(begin + i) + steps;
    auto block = std::upper_bound(code_points_before_block_.begin(),
                                  code_points_before_block_.end(), target) -
                 code_points_before_block_.begin() - 1;
    size_t at = std::max(static_cast<size_t>(block) * kBlock, begin + i);
    size_t end = begin + text.size();
    if (at >= end) return end;  // the target lies past this line
    size_t count = code_points_before(at);
    while (at < end &&
           (count < target || is_continuation(static_cast<unsigned char>(content_[at])))) {
      count += !is_continuation(static_cast<unsigned char>(content_[at]));
      ++at;
    }
    return at;
  }
  for (; i < text.size() && steps > 0; --steps) {
    ++i;
    while (i < text.size() && is_continuation(static_cast<unsigned char>(text[i]))) ++i;
  }
  return begin + i;
}

std::string location_path(const Location& location) {
  return location.file ? location.file->path() : std::string();
}

std::string file_line(const Location& location) {
  if (!location.file) return {};
  return location.file->path() + ":" + std::to_string(location.line);
}

}  // namespace procedura
