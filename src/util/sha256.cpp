#include "util/sha256.h"

#include <openssl/evp.h>

#include <new>
#include <stdexcept>

namespace procedura {
namespace {

// EVP fails only when memory or the algorithm is missing: nothing the caller could mend.
void require(int ok) {
  if (ok != 1) throw std::runtime_error("SHA-256 (OpenSSL EVP) failed");
}

std::string to_hex(const std::array<uint8_t, 32>& digest) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(64);
  for (uint8_t byte : digest) {
    out += kDigits[byte >> 4];
    out += kDigits[byte & 15];
  }
  return out;
}

}  // namespace

void Sha256::FreeContext::operator()(evp_md_ctx_st* context) const {
  EVP_MD_CTX_free(context);
}

Sha256::Sha256() : context_(EVP_MD_CTX_new()) {
  if (!context_) throw std::bad_alloc();
  reset();
}

Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;
Sha256::~Sha256() = default;

void Sha256::reset() {
  require(EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr));
}

void Sha256::update(std::string_view bytes) {
  require(EVP_DigestUpdate(context_.get(), bytes.data(), bytes.size()));
}

std::array<uint8_t, 32> Sha256::digest() {
  std::array<uint8_t, 32> out{};
  unsigned int length = 0;
  require(EVP_DigestFinal_ex(context_.get(), out.data(), &length));
  return out;
}

std::string Sha256::hex_digest() {
  return to_hex(digest());
}

std::string sha256_hex(std::string_view bytes) {
  std::array<uint8_t, 32> out{};
  unsigned int length = 0;
  require(EVP_Digest(bytes.data(), bytes.size(), out.data(), &length, EVP_sha256(), nullptr));
  return to_hex(out);
}

}  // namespace procedura
