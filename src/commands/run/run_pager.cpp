#include "commands/run/run_pager.h"

#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ostream>

namespace procedura {

int terminal_rows() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) return size.ws_row;
  if (const char* lines = std::getenv("LINES")) return std::atoi(lines);
  return 0;
}

void show_report(const std::string& text, std::ostream& out) {
  int rows = ::isatty(STDOUT_FILENO) ? terminal_rows() : 0;
  long lines = std::count(text.begin(), text.end(), '\n');
  if (rows <= 0 || lines < rows) {
    out << text;
    out.flush();
    return;
  }
  const char* pager = std::getenv("PAGER");
  std::string command = pager && *pager ? pager : "less -R";
  out.flush();
  // The operator leaving the pager early must not kill the run before it finishes.
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  FILE* pipe = ::popen(command.c_str(), "w");
  bool shown = false;
  if (pipe) {
    std::fwrite(text.data(), 1, text.size(), pipe);
    int status = ::pclose(pipe);
    shown = !(WIFEXITED(status) && WEXITSTATUS(status) == 127);  // 127: no such command
  }
  std::signal(SIGPIPE, previous);
  if (!shown) {
    out << text;
    out.flush();
  }
}

}  // namespace procedura
