#include <doctest/doctest.h>

#include "util/utf8.h"

using namespace procedura;

TEST_SUITE("utf8") {
  TEST_CASE("Polish text: 26 bytes, 17 code points, 17 columns") {
    std::string_view text = "Zażółć gęślą jaźń";
    CHECK(text.size() == 26);
    CHECK(utf8::is_valid(text));
    CHECK(utf8::count_code_points(text) == 17);
    CHECK(utf8::display_width(text) == 17);
  }

  TEST_CASE("decode reads one to four byte sequences") {
    CHECK(utf8::decode("a", 0).code_point == U'a');
    auto two = utf8::decode("ż", 0);
    CHECK(two.code_point == 0x17C);
    CHECK(two.length == 2);
    auto three = utf8::decode("€", 0);
    CHECK(three.code_point == 0x20AC);
    CHECK(three.length == 3);
    auto four = utf8::decode("😀", 0);
    CHECK(four.code_point == 0x1F600);
    CHECK(four.length == 4);
    CHECK(utf8::decode_all("aż€") == U"aż€");
  }

  TEST_CASE("first_invalid gives the byte offset of the first bad sequence") {
    CHECK_FALSE(utf8::first_invalid("").has_value());
    CHECK(utf8::first_invalid("ab\xff") == 2u);
    CHECK(utf8::first_invalid("ż\x80") == 2u);             // stray continuation byte
    CHECK(utf8::first_invalid("a\xc3") == 1u);             // truncated two-byte sequence
    CHECK(utf8::first_invalid("\xc0\xaf") == 0u);          // overlong '/'
    CHECK(utf8::first_invalid("\xe0\x80\xaf") == 0u);      // overlong, three bytes
    CHECK(utf8::first_invalid("x\xed\xa0\x80") == 1u);     // UTF-16 surrogate
    CHECK(utf8::first_invalid("\xf4\x90\x80\x80") == 0u);  // above U+10FFFF
    CHECK(utf8::first_invalid("\xc5\x82z") == std::nullopt);
    CHECK(utf8::first_invalid(std::string_view("a\0b", 3)) == std::nullopt);  // NUL is valid
  }

  TEST_CASE("invalid bytes decode as U+FFFD, one byte at a time") {
    auto d = utf8::decode(
        "\xff"
        "a",
        0);
    CHECK_FALSE(d.valid);
    CHECK(d.code_point == utf8::kReplacementChar);
    CHECK(d.length == 1);
    CHECK(utf8::count_code_points("a\xff\xfe"
                                  "b") == 4);
    CHECK(utf8::sanitize("a\xff"
                         "b") ==
          "a\xEF\xBF\xBD"
          "b");
    CHECK(utf8::sanitize("żółw") == "żółw");
  }

  TEST_CASE("append encodes and replaces invalid code points") {
    std::string out;
    utf8::append(out, U'ł');
    utf8::append(out, 0x1F600);
    utf8::append(out, 0xD800);
    CHECK(out == "ł😀\xEF\xBF\xBD");
  }

  TEST_CASE("display widths") {
    CHECK(utf8::display_width("abc") == 3);
    CHECK(utf8::display_width("e\xcc\x81") == 1);  // e + combining acute accent
    CHECK(utf8::display_width("日本") == 4);       // CJK wide
    CHECK(utf8::display_width("ＡＢ") == 4);       // fullwidth Latin
    CHECK(utf8::display_width("한") == 2);         // Hangul syllable
    CHECK(utf8::display_width("😀") == 2);          // emoji
    CHECK(utf8::display_width("a\x1b"
                              "b") == 2);  // control characters take no column
    CHECK(utf8::display_width("a\xe2\x80\x8b"
                              "b") == 2);   // zero-width space
    CHECK(utf8::display_width("—§") == 2);  // dash and section sign are narrow
    CHECK(utf8::code_point_width(U'\t') == 0);
    CHECK(utf8::code_point_width(0x0301) == 0);
    CHECK(utf8::code_point_width(0x4E00) == 2);
    CHECK(utf8::code_point_width(0x0105) == 1);  // ą
  }

  TEST_CASE("wrap breaks at spaces by display width") {
    using V = std::vector<std::string>;
    CHECK(utf8::wrap("Zażółć gęślą jaźń", 12) == V{"Zażółć gęślą", "jaźń"});
    CHECK(utf8::wrap("Zażółć gęślą jaźń", 11) == V{"Zażółć", "gęślą jaźń"});
    CHECK(utf8::wrap("aa bb cc", 5) == V{"aa bb", "cc"});
    CHECK(utf8::wrap("aa bb cc", 100) == V{"aa bb cc"});
  }

  TEST_CASE("wrap keeps explicit newlines, indentation and overlong words") {
    using V = std::vector<std::string>;
    CHECK(utf8::wrap("one\ntwo three", 5) == V{"one", "two", "three"});
    CHECK(utf8::wrap("a\n\nb", 10) == V{"a", "", "b"});
    CHECK(utf8::wrap("  indented text", 10) == V{"  indented", "text"});
    CHECK(utf8::wrap("niepełnoletni x", 5) == V{"niepełnoletni", "x"});
    CHECK(utf8::wrap("trailing   ", 20) == V{"trailing"});
    CHECK(utf8::wrap("日本語 日本語", 7) == V{"日本語", "日本語"});
    CHECK(utf8::wrap("", 10) == V{""});
    CHECK(utf8::wrap("no wrap at zero width", 0) == V{"no wrap at zero width"});
  }

  TEST_CASE("shorten cuts at a space by display width and marks the cut") {
    CHECK(utf8::shorten("Ustawa o wspieraniu", 100) == "Ustawa o wspieraniu");
    CHECK(utf8::shorten("Ustawa o wspieraniu", 19) == "Ustawa o wspieraniu");
    CHECK(utf8::shorten("Ustawa o wspieraniu", 18) == "Ustawa o\u2026");
    CHECK(utf8::display_width(utf8::shorten("Prawo oświatowe, stan prawny 2025", 20)) <= 20);
    CHECK(utf8::shorten("Prawo oświatowe, stan prawny 2025", 20) == "Prawo oświatowe\u2026");
    CHECK(utf8::shorten("niepełnoletni", 6) == "niepe\u2026");
    CHECK(utf8::shorten("日本語日本語", 5) == "日本\u2026");
    CHECK(utf8::shorten("no cut at zero width", 0) == "no cut at zero width");
    CHECK(utf8::shorten("Ustawa z 14 grudnia 2016 r. – Prawo oświatowe", 30) ==
          "Ustawa z 14 grudnia 2016 r.\u2026");
  }
}
