#pragma once
// SHA-256, used to fingerprint procedure files in run reports, transcripts and the lint
// cache so a record names the exact content it was produced from. OpenSSL's EVP interface
// computes it: maintained, using the CPU's SHA instructions where there are any, and faster
// here than the hand-written version it replaced (bench/README.md).
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

struct evp_md_ctx_st;

namespace procedura {

class Sha256 {
 public:
  Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;
  ~Sha256();
  // Feeds more bytes; may be called any number of times before a digest is taken.
  void update(std::string_view bytes);
  // The 32-byte digest. Finishes the hash: call reset() before reusing the object.
  std::array<uint8_t, 32> digest();
  // The digest as 64 lowercase hexadecimal characters.
  std::string hex_digest();
  void reset();

 private:
  struct FreeContext {
    void operator()(evp_md_ctx_st* context) const;
  };
  std::unique_ptr<evp_md_ctx_st, FreeContext> context_;
};

// Hex SHA-256 of a whole string.
std::string sha256_hex(std::string_view bytes);

}  // namespace procedura
