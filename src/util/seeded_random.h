#pragma once
// Reproducible random choices: the same seed gives the same draws on every platform and
// standard library. std::mt19937_64's output sequence is fixed by the C++ standard, but
// std::uniform_int_distribution and std::shuffle are implementation-defined, so the
// draws below are our own (rejection sampling, Fisher–Yates).
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace procedura {

class SeededRandom {
 public:
  explicit SeededRandom(std::uint64_t seed) : engine_(seed) {}

  // A uniform integer in [0, n); 0 when n is 0.
  std::uint64_t below(std::uint64_t n);

  // Shuffles in place (Fisher–Yates from the back, drawing with below()).
  template <typename T>
  void shuffle(std::vector<T>& items) {
    for (size_t i = items.size(); i > 1; --i) {
      size_t j = static_cast<size_t>(below(i));
      std::swap(items[i - 1], items[j]);
    }
  }

 private:
  std::mt19937_64 engine_;
};

}  // namespace procedura
