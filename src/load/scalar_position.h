#pragma once
// Positions inside a YAML scalar. Expressions report offsets in the decoded text; in a
// double-quoted scalar an escape like \" is two characters in the file but one decoded, and
// in a single-quoted one '' is one. This maps a decoded offset back to the file's column.
#include <cstddef>

#include "model/location.h"

namespace procedura {

// `start` is where the scalar's text begins (inside the opening quote for quoted scalars,
// one past the indicator for block scalars); `offset` counts code points of the decoded
// text. A scalar spanning lines is followed as YAML folds it (plain, quoted, literal `|` and
// folded `>`); where the walk cannot follow (a more-indented folded line, a tab indent), the
// simple sum start + offset is kept.
Location position_in_scalar(const Location& start, size_t offset);

}  // namespace procedura
