#include "interview/terminal.h"

namespace procedura::interview {

Terminal::Read FakeTerminal::read_line(std::string_view prompt, std::string& line) {
  output_ += prompt;
  if (next_ >= inputs_.size()) return Read::EndOfInput;
  line = inputs_[next_++];
  if (line == "<EOF>") return Read::EndOfInput;
  if (line == "<INT>") return Read::Interrupted;
  output_ += line + "\n";  // as a terminal echoes it
  return Read::Line;
}

bool FakeTerminal::write(std::string_view text) {
  if (closed) return false;
  output_ += text;
  return true;
}

}  // namespace procedura::interview
