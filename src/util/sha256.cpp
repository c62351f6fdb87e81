#include "util/sha256.h"

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include <new>
#include <stdexcept>

#include "util/shared_library.h"

namespace procedura {
namespace {

#define PROCEDURA_STRINGIFY2(x) #x
#define PROCEDURA_STRINGIFY(x) PROCEDURA_STRINGIFY2(x)

// The EVP functions used, from libcrypto opened at the first digest (util/shared_library.h
// says why); the header's prototypes type them. The soname follows the headers built against.
struct Evp {
  decltype(EVP_MD_CTX_new)* md_ctx_new;
  decltype(EVP_MD_CTX_free)* md_ctx_free;
  decltype(EVP_DigestInit_ex)* digest_init;
  decltype(EVP_DigestUpdate)* digest_update;
  decltype(EVP_DigestFinal_ex)* digest_final;
  decltype(EVP_Digest)* digest;
  const EVP_MD* sha256;
};

Evp load_evp() {
  SharedLibrary lib("libcrypto.so." PROCEDURA_STRINGIFY(OPENSSL_SHLIB_VERSION),
                    "SHA-256 (file fingerprints)", "libssl3");
  return Evp{lib.get<decltype(EVP_MD_CTX_new)>("EVP_MD_CTX_new"),
             lib.get<decltype(EVP_MD_CTX_free)>("EVP_MD_CTX_free"),
             lib.get<decltype(EVP_DigestInit_ex)>("EVP_DigestInit_ex"),
             lib.get<decltype(EVP_DigestUpdate)>("EVP_DigestUpdate"),
             lib.get<decltype(EVP_DigestFinal_ex)>("EVP_DigestFinal_ex"),
             lib.get<decltype(EVP_Digest)>("EVP_Digest"),
             lib.get<decltype(EVP_sha256)>("EVP_sha256")()};
}

// Loaded once, by whichever thread hashes first; a failed load throws and is retried.
const Evp& evp() {
  static const Evp loaded = load_evp();
  return loaded;
}

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
  evp().md_ctx_free(context);
}

Sha256::Sha256() : context_(evp().md_ctx_new()) {
  if (!context_) throw std::bad_alloc();
  reset();
}

Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;
Sha256::~Sha256() = default;

void Sha256::reset() {
  require(evp().digest_init(context_.get(), evp().sha256, nullptr));
}

void Sha256::update(std::string_view bytes) {
  require(evp().digest_update(context_.get(), bytes.data(), bytes.size()));
}

std::array<uint8_t, 32> Sha256::digest() {
  std::array<uint8_t, 32> out{};
  unsigned int length = 0;
  require(evp().digest_final(context_.get(), out.data(), &length));
  return out;
}

std::string Sha256::hex_digest() {
  return to_hex(digest());
}

std::string sha256_hex(std::string_view bytes) {
  std::array<uint8_t, 32> out{};
  unsigned int length = 0;
  require(evp().digest(bytes.data(), bytes.size(), out.data(), &length, evp().sha256, nullptr));
  return to_hex(out);
}

}  // namespace procedura
