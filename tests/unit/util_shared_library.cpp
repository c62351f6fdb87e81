#include <doctest/doctest.h>
#include <stdlib.h>

#include <string>

#include "util/shared_library.h"

using namespace procedura;

TEST_SUITE("shared library") {
  // The sonames the code opens, with a symbol of each it uses: a system whose libraries
  // moved to another soname fails here rather than at an operator's first question.
  TEST_CASE("the libraries opened lazily are there, with their symbols") {
    SharedLibrary crypto("libcrypto.so.3", "test", "libssl3");
    CHECK(crypto.symbol("EVP_Digest") != nullptr);
    SharedLibrary edit("libedit.so.2", "test", "libedit2");
    CHECK(edit.symbol("readline") != nullptr);
    CHECK(edit.symbol("rl_outstream") != nullptr);
  }

  TEST_CASE("a missing library names itself, its purpose and its package") {
    try {
      SharedLibrary missing("libprocedura-none.so.0", "testing", "procedura-none");
      FAIL("opened a library that does not exist");
    } catch (const LibraryUnavailable& e) {
      std::string message = e.what();
      CHECK(message.find("testing: libprocedura-none.so.0 (Debian package procedura-none) "
                         "could not be loaded: ") == 0);
    }
  }

  TEST_CASE("a missing symbol is named") {
    SharedLibrary crypto("libcrypto.so.3", "testing", "libssl3");
    try {
      crypto.symbol("procedura_no_such_symbol");
      FAIL("found a symbol that does not exist");
    } catch (const LibraryUnavailable& e) {
      CHECK(std::string(e.what()).find("has no procedura_no_such_symbol") != std::string::npos);
    }
  }

  TEST_CASE("PROCEDURA_TEST_UNLOADABLE makes only the listed libraries fail") {
    setenv("PROCEDURA_TEST_UNLOADABLE", "libfoo.so.1,libcrypto.so.3", 1);
    CHECK_THROWS_AS(SharedLibrary("libcrypto.so.3", "t", "p"), LibraryUnavailable);
    CHECK_NOTHROW(SharedLibrary("libedit.so.2", "t", "p"));
    setenv("PROCEDURA_TEST_UNLOADABLE", "libcrypto.so", 1);  // whole names only
    CHECK_NOTHROW(SharedLibrary("libcrypto.so.3", "t", "p"));
    unsetenv("PROCEDURA_TEST_UNLOADABLE");
  }
}
