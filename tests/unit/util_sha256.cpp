#include <doctest/doctest.h>

#include <string>

#include "util/sha256.h"

using namespace procedura;

TEST_SUITE("sha256") {
  // Test vectors of FIPS 180-4 (NIST example messages).
  TEST_CASE("empty message") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  TEST_CASE("abc") {
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  TEST_CASE("448-bit message") {
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  }

  TEST_CASE("one million 'a', fed in uneven pieces") {
    Sha256 hash;
    std::string piece(997, 'a');
    size_t remaining = 1'000'000;
    while (remaining > 0) {
      size_t n = std::min(remaining, piece.size());
      hash.update(std::string_view(piece).substr(0, n));
      remaining -= n;
    }
    CHECK(hash.hex_digest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  }

  TEST_CASE("incremental updates equal a single update, across block boundaries") {
    std::string text(200, 'x');
    for (size_t i = 0; i < text.size(); ++i) text[i] = static_cast<char>('a' + i % 26);
    for (size_t split : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 128u, 200u}) {
      Sha256 hash;
      hash.update(std::string_view(text).substr(0, split));
      hash.update(std::string_view(text).substr(split));
      CHECK(hash.hex_digest() == sha256_hex(text));
    }
  }

  TEST_CASE("reset starts a new hash") {
    Sha256 hash;
    hash.update("something else");
    (void)hash.digest();
    hash.reset();
    hash.update("abc");
    CHECK(hash.hex_digest() == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
