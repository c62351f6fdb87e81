#include <doctest/doctest.h>

#include <fcntl.h>
#include <pty.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <cstdlib>
#include <optional>
#include <string>

#include "util/terminal.h"

using namespace procedura;

namespace {

// Sets (or unsets) an environment variable for one scope, restoring it afterwards.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

// A descriptor that is certainly not a terminal.
struct NotATerminal {
  int fd = ::open("/dev/null", O_WRONLY);
  ~NotATerminal() { ::close(fd); }
};

// A pseudo-terminal pair, so the TTY branch can be tested without a real terminal.
struct PseudoTerminal {
  int controller = -1;
  int terminal = -1;
  PseudoTerminal() { REQUIRE(::openpty(&controller, &terminal, nullptr, nullptr, nullptr) == 0); }
  ~PseudoTerminal() {
    ::close(terminal);
    ::close(controller);
  }
};

}  // namespace

TEST_SUITE("terminal") {
  TEST_CASE("--color always and never win over the environment") {
    NotATerminal file;
    ScopedEnv no_color("NO_COLOR", "1");
    ScopedEnv force("CLICOLOR_FORCE", "1");
    CHECK(should_use_color(ColorMode::Always, file.fd));
    CHECK_FALSE(should_use_color(ColorMode::Never, file.fd));
  }

  TEST_CASE("NO_COLOR non-empty turns colour off, even when forced") {
    NotATerminal file;
    ScopedEnv no_color("NO_COLOR", "1");
    ScopedEnv force("CLICOLOR_FORCE", "1");
    CHECK_FALSE(should_use_color(ColorMode::Auto, file.fd));
  }

  TEST_CASE("an empty NO_COLOR is ignored") {
    NotATerminal file;
    ScopedEnv no_color("NO_COLOR", "");
    ScopedEnv force("CLICOLOR_FORCE", "1");
    CHECK(should_use_color(ColorMode::Auto, file.fd));
  }

  TEST_CASE("CLICOLOR_FORCE turns colour on unless empty or 0") {
    NotATerminal file;
    ScopedEnv no_color("NO_COLOR", nullptr);
    {
      ScopedEnv force("CLICOLOR_FORCE", "yes");
      CHECK(should_use_color(ColorMode::Auto, file.fd));
    }
    {
      ScopedEnv force("CLICOLOR_FORCE", "0");
      CHECK_FALSE(should_use_color(ColorMode::Auto, file.fd));
    }
    {
      ScopedEnv force("CLICOLOR_FORCE", "");
      CHECK_FALSE(should_use_color(ColorMode::Auto, file.fd));
    }
  }

  TEST_CASE("auto without overrides: no colour when not a terminal") {
    NotATerminal file;
    ScopedEnv no_color("NO_COLOR", nullptr);
    ScopedEnv force("CLICOLOR_FORCE", nullptr);
    ScopedEnv term("TERM", "xterm-256color");
    CHECK_FALSE(should_use_color(ColorMode::Auto, file.fd));
  }

  TEST_CASE("terminal width falls back to COLUMNS, then 80") {
    NotATerminal file;
    {
      ScopedEnv columns("COLUMNS", "132");
      CHECK(terminal_width(file.fd) == 132);
    }
    {
      ScopedEnv columns("COLUMNS", "wide");
      CHECK(terminal_width(file.fd) == 80);
    }
    {
      ScopedEnv columns("COLUMNS", nullptr);
      CHECK(terminal_width(file.fd) == 80);
    }
  }

  TEST_CASE("auto on a terminal: colour unless TERM is dumb or unset") {
    PseudoTerminal pty;
    ScopedEnv no_color("NO_COLOR", nullptr);
    ScopedEnv force("CLICOLOR_FORCE", nullptr);
    {
      ScopedEnv term("TERM", "xterm-256color");
      CHECK(should_use_color(ColorMode::Auto, pty.terminal));
    }
    {
      ScopedEnv term("TERM", "dumb");
      CHECK_FALSE(should_use_color(ColorMode::Auto, pty.terminal));
    }
    {
      ScopedEnv term("TERM", nullptr);
      CHECK_FALSE(should_use_color(ColorMode::Auto, pty.terminal));
    }
  }

  TEST_CASE("terminal width comes from the terminal first") {
    PseudoTerminal pty;
    struct winsize size {};
    size.ws_col = 57;
    size.ws_row = 20;
    REQUIRE(::ioctl(pty.terminal, TIOCSWINSZ, &size) == 0);
    ScopedEnv columns("COLUMNS", "132");
    CHECK(terminal_width(pty.terminal) == 57);
  }
}
