#include "commands/paths/paths_big_uint.h"

#include <algorithm>

namespace procedura {

BigUint::BigUint(uint64_t value) {
  while (value) {
    limbs_.push_back(static_cast<uint32_t>(value));
    value >>= 32;
  }
}

void BigUint::trim() {
  while (!limbs_.empty() && limbs_.back() == 0) limbs_.pop_back();
  if (limbs_.size() > kMaxLimbs) saturate();
}

void BigUint::saturate() {
  limbs_.clear();
  saturated_ = true;
}

BigUint& BigUint::operator+=(const BigUint& other) {
  if (saturated_) return *this;
  if (other.saturated_) {
    saturate();
    return *this;
  }
  if (limbs_.size() < other.limbs_.size()) limbs_.resize(other.limbs_.size(), 0);
  uint64_t carry = 0;
  for (size_t i = 0; i < limbs_.size(); ++i) {
    uint64_t sum = carry + limbs_[i] + (i < other.limbs_.size() ? other.limbs_[i] : 0);
    limbs_[i] = static_cast<uint32_t>(sum);
    carry = sum >> 32;
  }
  if (carry) limbs_.push_back(static_cast<uint32_t>(carry));
  trim();
  return *this;
}

BigUint BigUint::operator*(const BigUint& other) const {
  BigUint product;
  if (is_zero() || other.is_zero()) return product;
  // With top limbs of sizes a and b, the product is at least 2^(32(a+b-2)).
  if (saturated_ || other.saturated_ || limbs_.size() + other.limbs_.size() - 2 >= kMaxLimbs) {
    product.saturate();
    return product;
  }
  product.limbs_.assign(limbs_.size() + other.limbs_.size(), 0);
  for (size_t i = 0; i < limbs_.size(); ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < other.limbs_.size(); ++j) {
      uint64_t cur = product.limbs_[i + j] + uint64_t{limbs_[i]} * other.limbs_[j] + carry;
      product.limbs_[i + j] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
    for (size_t k = i + other.limbs_.size(); carry; ++k) {
      uint64_t cur = product.limbs_[k] + carry;
      product.limbs_[k] = static_cast<uint32_t>(cur);
      carry = cur >> 32;
    }
  }
  product.trim();
  return product;
}

std::string BigUint::to_string() const {
  if (saturated_) return "more than 10^2466";  // 2^8192 > 1.09 × 10^2466
  if (is_zero()) return "0";
  // Repeated division by 10^9, collecting nine digits at a time.
  std::vector<uint32_t> rest = limbs_;
  std::vector<uint32_t> chunks;
  while (!rest.empty()) {
    uint64_t remainder = 0;
    for (size_t i = rest.size(); i-- > 0;) {
      uint64_t cur = (remainder << 32) | rest[i];
      rest[i] = static_cast<uint32_t>(cur / 1000000000u);
      remainder = cur % 1000000000u;
    }
    chunks.push_back(static_cast<uint32_t>(remainder));
    while (!rest.empty() && rest.back() == 0) rest.pop_back();
  }
  std::string out = std::to_string(chunks.back());
  for (size_t i = chunks.size() - 1; i-- > 0;) {
    std::string part = std::to_string(chunks[i]);
    out += std::string(9 - part.size(), '0') + part;
  }
  return out;
}

}  // namespace procedura
