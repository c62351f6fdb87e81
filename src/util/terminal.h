#pragma once
// Terminal facts the output code needs: whether to colour, and how wide the screen is.

namespace procedura {

enum class ColorMode { Auto, Always, Never };

// Decides colour for output on `fd`: an explicit --color=always/never wins; otherwise a
// non-empty NO_COLOR turns colour off, a non-empty CLICOLOR_FORCE other than "0" turns it
// on, and else colour is used only on a terminal whose TERM is set and not "dumb".
bool should_use_color(ColorMode mode, int fd);

// Columns of the terminal on `fd`; else the COLUMNS environment variable; else 80.
int terminal_width(int fd);

}  // namespace procedura
