#include "util/seeded_random.h"

#include <limits>

namespace procedura {

std::uint64_t SeededRandom::below(std::uint64_t n) {
  if (n <= 1) return 0;
  // Draws at or above the largest multiple of n would favour small results: draw again.
  const std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
  const std::uint64_t limit = max - (max % n + 1) % n;
  for (;;) {
    std::uint64_t draw = engine_();
    if (draw <= limit) return draw % n;
  }
}

}  // namespace procedura
