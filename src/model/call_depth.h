#pragma once
#include <cstddef>

namespace procedura {

// Procedures active at once in a run: the first one and the calls nested in it. Lint reports
// a longer chain at the call that starts it (limit-exceeded); a run never goes deeper.
inline constexpr size_t kMaxCallDepth = 32;

}  // namespace procedura
