#pragma once
// SHA-256 (FIPS 180-4), used to fingerprint procedure files in run reports and transcripts
// so a record names the exact content it was produced from.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace procedura {

class Sha256 {
 public:
  Sha256();
  // Feeds more bytes; may be called any number of times before a digest is taken.
  void update(std::string_view bytes);
  // The 32-byte digest. Finishes the hash: call reset() before reusing the object.
  std::array<uint8_t, 32> digest();
  // The digest as 64 lowercase hexadecimal characters.
  std::string hex_digest();
  void reset();

 private:
  void compress(const uint8_t* block);

  std::array<uint32_t, 8> state_;
  std::array<uint8_t, 64> buffer_;
  size_t buffered_ = 0;
  uint64_t total_bytes_ = 0;
};

// Hex SHA-256 of a whole string.
std::string sha256_hex(std::string_view bytes);

}  // namespace procedura
