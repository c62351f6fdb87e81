#pragma once
// An unsigned integer of any size, for path counts (a ladder of 60 diamonds has 2^60
// paths; larger procedures overflow any fixed width). Only what counting needs.
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
  bool is_zero() const { return limbs_.empty(); }
  bool operator==(const BigUint&) const = default;
  std::string to_string() const;  // decimal

 private:
  void trim();
  std::vector<uint32_t> limbs_;  // base 2^32, least significant first, no leading zeros
};

}  // namespace procedura
