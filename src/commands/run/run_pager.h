#pragma once
// Showing the final report on a terminal: a report taller than the screen goes through
// $PAGER (default `less -R`) so its first, most urgent lines do not scroll away.
#include <iosfwd>
#include <string>

namespace procedura {

// Writes `text` to `out`, or through the pager when standard output is a terminal shorter
// than the text. Falls back to `out` when the pager cannot be started.
void show_report(const std::string& text, std::ostream& out);

// Rows of the terminal on standard output; else the LINES environment variable; else 0.
int terminal_rows();

}  // namespace procedura
