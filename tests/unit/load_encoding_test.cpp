#include <doctest/doctest.h>

#include <string>

#include "load/encoding_check.h"
#include "util/text.h"

using namespace procedura;

TEST_SUITE("encoding check") {
  // The scan skips eight ASCII bytes at a time: a bad byte is found at every offset of a
  // word, and a sequence cut by a word's end is read whole.
  TEST_CASE("an invalid byte is found at any offset") {
    for (size_t at = 0; at < 20; ++at) {
      std::string text(24, 'a');
      text[at] = '\xFF';
      CHECK(find_invalid_utf8(text) == at);
      text[at] = 'a';
      CHECK(find_invalid_utf8(text) == std::string::npos);
    }
  }

  TEST_CASE("multibyte sequences across word boundaries") {
    for (size_t at = 0; at < 12; ++at) {
      std::string text = std::string(at, 'x') + "zażółć" + std::string(9, 'y');
      CHECK(find_invalid_utf8(text) == std::string::npos);
      std::string cut = std::string(at, 'x') + "\xC5";  // a lead byte at the very end
      CHECK(find_invalid_utf8(cut) == at);
      std::string overlong = std::string(at, 'x') + "\xC0\xAF" + std::string(8, 'y');
      CHECK(find_invalid_utf8(overlong) == at);
    }
  }

  TEST_CASE("encoding_ok decides as check_encoding does") {
    const std::string cases[] = {"id: a\n",
                                 std::string("id: a\0b\n", 8),
                                 "\xFF\xFEi\0d\0",
                                 "\xFE\xFF\0i",
                                 "tytuł: ą\n",
                                 "bad: \xC3\x28\n",
                                 ""};
    for (const std::string& bytes : cases) {
      SourceFile file("t.yaml", bytes);
      Diagnostics diagnostics;
      CHECK(encoding_ok(bytes) == check_encoding(file, diagnostics));
    }
  }
}

TEST_SUITE("text") {
  TEST_CASE("trim drops spaces, tabs and line breaks at both ends only") {
    CHECK(text::trim("") == "");
    CHECK(text::trim(" \t\r\n") == "");
    CHECK(text::trim("  a b \t\r\n") == "a b");
    CHECK(text::trim("x") == "x");
    CHECK(text::trim("\n x\ty \n") == "x\ty");
  }
}
