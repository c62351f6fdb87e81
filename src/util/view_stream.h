#pragma once
// An input stream over bytes owned elsewhere: the parser reads the file in place instead of
// from a copy (a copy of a large file would be a fifth of the loader's peak memory).
#include <istream>
#include <streambuf>
#include <string_view>

namespace procedura {

class ViewStreamBuffer : public std::streambuf {
 public:
  explicit ViewStreamBuffer(std::string_view bytes) {
    // The get area is read-only in practice: nothing here writes through it.
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

class ViewStream : private ViewStreamBuffer, public std::istream {
 public:
  explicit ViewStream(std::string_view bytes)
      : ViewStreamBuffer(bytes), std::istream(static_cast<ViewStreamBuffer*>(this)) {}
};

}  // namespace procedura
