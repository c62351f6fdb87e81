#pragma once
// An output stream that passes everything through visible_text (LineBreaks::Keep), for
// commands whose whole output is plain text built from procedure files (drill, diff): no
// print site can forget it. Not for output that carries its own colour sequences.
#include <ostream>
#include <streambuf>
#include <string>

namespace procedura {

class VisibleTextBuffer : public std::streambuf {
 public:
  explicit VisibleTextBuffer(std::ostream& target) : target_(target) {}
  ~VisibleTextBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  // Writes the pending text, holding back a UTF-8 sequence cut short at its end.
  void drain(bool everything);

  std::ostream& target_;
  std::string pending_;
};

// Usage: VisibleOstream safe(out); then write to `safe` instead of `out`.
class VisibleOstream : public std::ostream {
 public:
  explicit VisibleOstream(std::ostream& target) : std::ostream(&buffer_), buffer_(target) {}
  ~VisibleOstream() override { flush(); }

 private:
  VisibleTextBuffer buffer_;
};

}  // namespace procedura
