#include "util/terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>
#include <cstdlib>
#include <string_view>

namespace procedura {
namespace {

std::string_view env(const char* name) {
  const char* value = std::getenv(name);
  return value ? std::string_view(value) : std::string_view();
}

}  // namespace

bool should_use_color(ColorMode mode, int fd) {
  if (mode == ColorMode::Always) return true;
  if (mode == ColorMode::Never) return false;
  if (!env("NO_COLOR").empty()) return false;
  std::string_view force = env("CLICOLOR_FORCE");
  if (!force.empty() && force != "0") return true;
  std::string_view term = env("TERM");
  return ::isatty(fd) == 1 && !term.empty() && term != "dumb";
}

int terminal_width(int fd) {
  struct winsize size {};
  if (::ioctl(fd, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  std::string_view columns = env("COLUMNS");
  if (!columns.empty() && columns.size() <= 5) {
    int value = 0;
    for (char c : columns) {
      if (c < '0' || c > '9') return 80;
      value = value * 10 + (c - '0');
    }
    if (value > 0) return value;
  }
  return 80;
}

}  // namespace procedura
