#pragma once
// Compiles every `when` of the catalog once, at load time: parse, type-check against the
// procedure's variables, and report bad-expression / type-mismatch / dangling-ref at the
// column of the offending token. Also checks that two questions sharing a variable agree
// on its type and that test answers name known variables.
#include "load/catalog.h"

namespace procedura {

void compile_expressions(Catalog& catalog, const Limits& limits, size_t jobs = 1);

}  // namespace procedura
