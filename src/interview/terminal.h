#pragma once
// What the interview needs from a terminal, behind an interface so tests can drive it with a
// fake. The real one reads standard input (with libedit line editing and in-memory history
// on an interactive terminal) and writes to standard output or, for machine-readable report
// formats, standard error.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "util/terminal.h"

namespace procedura::interview {

class Terminal {
 public:
  enum class Read { Line, EndOfInput, Interrupted };
  virtual ~Terminal() = default;
  // Shows `prompt` and reads one line (without its newline).
  virtual Read read_line(std::string_view prompt, std::string& line) = 0;
  // Writes text; false once the output is closed (e.g. the reader of a pipe went away).
  virtual bool write(std::string_view text) = 0;
  virtual int width() const = 0;
  // A person at a terminal types the answers (not a pipe or a file).
  virtual bool is_tty() const = 0;
  virtual bool colour() const = 0;
};

// The process's terminal. `out_fd` is 1 or 2. `plain` turns off line editing and colour.
std::unique_ptr<Terminal> make_real_terminal(int out_fd, bool plain, ColorMode colour);

// Set by the SIGINT handler that install_interrupt_handler() installs; the real terminal
// reports a read interrupted by it as Read::Interrupted.
bool interrupted();
void install_interrupt_handler();

// A scripted terminal for tests: inputs are consumed in order; "<EOF>" and "<INT>" stand
// for the end of input and Ctrl-C.
class FakeTerminal : public Terminal {
 public:
  explicit FakeTerminal(std::vector<std::string> inputs, int width = 80, bool tty = true)
      : inputs_(std::move(inputs)), width_(width), tty_(tty) {}
  Read read_line(std::string_view prompt, std::string& line) override;
  bool write(std::string_view text) override;
  int width() const override { return width_; }
  bool is_tty() const override { return tty_; }
  bool colour() const override { return false; }

  const std::string& output() const { return output_; }
  size_t inputs_left() const { return inputs_.size() - next_; }
  bool closed = false;  // make writes fail, as a closed pipe does

 private:
  std::vector<std::string> inputs_;
  size_t next_ = 0;
  int width_;
  bool tty_;
  std::string output_;
};

}  // namespace procedura::interview
