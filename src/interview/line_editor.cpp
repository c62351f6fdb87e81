#include "interview/line_editor.h"

#include <editline/readline.h>

#include "util/shared_library.h"

namespace procedura::interview {
namespace {

LineEditor open_line_editor(FILE* in, FILE* out) {
  SharedLibrary lib("libedit.so.2", "line editing", "libedit2");
  LineEditor editor{lib.get<decltype(readline)>("readline"),
                    lib.get<decltype(add_history)>("add_history")};
  auto using_history_fn = lib.get<decltype(using_history)>("using_history");
  *lib.get<decltype(rl_instream)>("rl_instream") = in;
  *lib.get<decltype(rl_outstream)>("rl_outstream") = out;
  using_history_fn();
  return editor;
}

}  // namespace

const LineEditor& line_editor(FILE* in, FILE* out) {
  static const LineEditor editor = open_line_editor(in, out);
  return editor;
}

}  // namespace procedura::interview
