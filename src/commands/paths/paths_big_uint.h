#pragma once
// An unsigned integer for path counts (a ladder of 60 diamonds has 2^60 paths; larger
// procedures overflow any fixed width), exact up to 2^8192 and saturated above: calls that
// each call the next twice reach 2^(2^N) paths, whose exact digits would take minutes to
// compute and mean nothing more than "astronomically many". Only what counting needs.
#include <cstdint>
#include <string>
#include <vector>

namespace procedura {

class BigUint {
 public:
  BigUint() = default;
  explicit BigUint(uint64_t value);

  BigUint& operator+=(const BigUint& other);
  BigUint operator*(const BigUint& other) const;
  bool is_zero() const { return limbs_.empty() && !saturated_; }
  bool saturated() const { return saturated_; }  // the value is 2^8192 or more
  bool operator==(const BigUint&) const = default;
  std::string to_string() const;  // decimal, or "more than 10^2466" when saturated

  static constexpr size_t kMaxLimbs = 256;  // 8192 bits

 private:
  void trim();
  void saturate();
  std::vector<uint32_t> limbs_;  // base 2^32, least significant first, no leading zeros
  bool saturated_ = false;       // limbs_ then hold nothing
};

}  // namespace procedura
