#pragma once
// libedit's readline interface, opened at the first edited read (util/shared_library.h says
// why it is not linked). One per process: libedit keeps its state, history included, globally.
#include <cstdio>

namespace procedura::interview {

struct LineEditor {
  char* (*readline)(const char* prompt);  // the typed line, malloc'd; null at end of input
  int (*add_history)(const char* line);
};

// Opens libedit on first call and points it at `in` and `out`; throws LibraryUnavailable.
const LineEditor& line_editor(FILE* in, FILE* out);

}  // namespace procedura::interview
