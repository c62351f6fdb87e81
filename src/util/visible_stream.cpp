#include "util/visible_stream.h"

#include "util/visible_text.h"

namespace procedura {

VisibleTextBuffer::~VisibleTextBuffer() {
  drain(true);
}

VisibleTextBuffer::int_type VisibleTextBuffer::overflow(int_type c) {
  if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
  pending_.push_back(traits_type::to_char_type(c));
  if (c == '\n') drain(false);
  return c;
}

std::streamsize VisibleTextBuffer::xsputn(const char* text, std::streamsize count) {
  pending_.append(text, static_cast<size_t>(count));
  if (pending_.find('\n') != std::string::npos) drain(false);
  return count;
}

int VisibleTextBuffer::sync() {
  drain(false);
  target_.flush();
  return target_ ? 0 : -1;
}

void VisibleTextBuffer::drain(bool everything) {
  size_t keep = 0;
  if (!everything) {
    // A lead byte within the last three bytes whose sequence is not complete yet.
    for (size_t back = 1; back <= 3 && back <= pending_.size(); ++back) {
      unsigned char b = static_cast<unsigned char>(pending_[pending_.size() - back]);
      if ((b & 0xC0) == 0x80) continue;
      size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
      if (need > back) keep = back;
      break;
    }
  }
  target_ << visible_text(std::string_view(pending_).substr(0, pending_.size() - keep));
  pending_.erase(0, pending_.size() - keep);
}

}  // namespace procedura
