// The process's terminal: standard input, and standard output or error for what is shown.
#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <clocale>
#include <cstdio>
#include <cstdlib>

#include "interview/line_editor.h"
#include "interview/terminal.h"
#include "util/shared_library.h"

namespace procedura::interview {
namespace {

volatile sig_atomic_t g_interrupted = 0;

void on_interrupt(int) {
  g_interrupted = 1;
}

class RealTerminal : public Terminal {
 public:
  RealTerminal(int out_fd, bool plain, ColorMode colour)
      : out_fd_(out_fd),
        tty_(::isatty(0) == 1),
        editing_(tty_ && !plain && ::isatty(out_fd) == 1),
        colour_(!plain && should_use_color(colour, out_fd)),
        width_(terminal_width(out_fd)) {
    if (editing_) {
      // libedit decodes typed multibyte characters (ą, ł...) by the locale's character type.
      std::setlocale(LC_CTYPE, "");
    }
  }

  Read read_line(std::string_view prompt, std::string& line) override {
    if (g_interrupted) return Read::Interrupted;
    if (editing_ && open_editor()) return read_edited(prompt, line);
    // A reader that went away (`| head`) must not change what the answers lead to: the
    // interview goes on silently and ends as it would have; any other failure ends it.
    if (!write(prompt) && !reader_gone_) return Read::EndOfInput;
    line.clear();
    for (;;) {
      char c;
      ssize_t got = ::read(0, &c, 1);
      if (got < 0 && errno == EINTR) {
        if (g_interrupted) return Read::Interrupted;
        continue;
      }
      if (got <= 0) return line.empty() ? Read::EndOfInput : Read::Line;
      if (c == '\n') break;
      line.push_back(c);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    // Piped answers are not echoed by a terminal: show them so the output reads as a dialogue.
    if (!tty_) write(line + "\n");
    return Read::Line;
  }

  bool write(std::string_view text) override {
    if (closed_) return false;
    while (!text.empty()) {
      ssize_t written = ::write(out_fd_, text.data(), text.size());
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        closed_ = true;  // EPIPE (SIGPIPE is ignored) or another failure: stop writing
        reader_gone_ = written < 0 && errno == EPIPE;
        return false;
      }
      text.remove_prefix(static_cast<size_t>(written));
    }
    return true;
  }

  int width() const override { return width_; }
  bool is_tty() const override { return tty_; }
  bool colour() const override { return colour_; }

 private:
  // libedit is opened at the first question, after the first screen is shown. Without it
  // the answers are read as with --plain: the interview goes on, the operator is told once.
  bool open_editor() {
    if (editor_) return true;
    try {
      editor_ = &line_editor(stdin, out_fd_ == 2 ? stderr : stdout);
      return true;
    } catch (const LibraryUnavailable& e) {
      editing_ = false;
      std::fprintf(stderr, "procedura: %s; answers are read without editing\n", e.what());
      return false;
    }
  }

  Read read_edited(std::string_view prompt, std::string& line) {
    std::string owned(prompt);
    char* raw = editor_->readline(owned.c_str());
    if (g_interrupted) {
      std::free(raw);
      return Read::Interrupted;
    }
    if (!raw) return Read::EndOfInput;
    line = raw;
    std::free(raw);
    if (!line.empty()) editor_->add_history(line.c_str());
    return Read::Line;
  }

  int out_fd_;
  bool tty_;
  bool editing_;
  bool colour_;
  int width_;
  bool closed_ = false;
  bool reader_gone_ = false;  // the write failed because nobody reads the output any more
  const LineEditor* editor_ = nullptr;
};

}  // namespace

bool interrupted() {
  return g_interrupted != 0;
}

void install_interrupt_handler() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read returns EINTR
  sigaction(SIGINT, &action, nullptr);
  signal(SIGPIPE, SIG_IGN);  // a closed stdout shows up as a write error
  signal(SIGXFSZ, SIG_IGN);  // a file size limit shows up as a write error (EFBIG)
}

std::unique_ptr<Terminal> make_real_terminal(int out_fd, bool plain, ColorMode colour) {
  return std::make_unique<RealTerminal>(out_fd, plain, colour);
}

}  // namespace procedura::interview
