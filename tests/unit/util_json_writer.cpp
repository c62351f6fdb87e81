#include <doctest/doctest.h>

#include <limits>
#include <sstream>

#include "util/json_writer.h"

using namespace procedura;

TEST_SUITE("json") {
  TEST_CASE("json_escape escapes quotes, backslashes and control characters") {
    CHECK(json_escape("plain") == "\"plain\"");
    CHECK(json_escape("say \"hi\"") == "\"say \\\"hi\\\"\"");
    CHECK(json_escape("C:\\path") == "\"C:\\\\path\"");
    CHECK(json_escape("a\nb\tc\rd") == "\"a\\nb\\tc\\rd\"");
    CHECK(json_escape("\b\f") == "\"\\b\\f\"");
    CHECK(json_escape(std::string_view("\0\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
    CHECK(json_escape("\xe2\x80\xa8") == "\"\\u2028\"");
  }

  TEST_CASE("json_escape keeps UTF-8 and replaces invalid bytes with U+FFFD") {
    CHECK(json_escape("Sąd rodzinny") == "\"Sąd rodzinny\"");
    CHECK(json_escape("a\xff"
                      "b") ==
          "\"a\xEF\xBF\xBD"
          "b\"");
    CHECK(json_escape("\xc5") == "\"\xEF\xBF\xBD\"");
  }

  TEST_CASE("compact output") {
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object();
    json.member("name", "procedura").member("count", 3).member("ok", true);
    json.key("none").null();
    json.key("list").begin_array().value(1).value("two").value(false).end_array();
    json.key("empty").begin_object().end_object();
    json.end_object();
    CHECK(json.done());
    CHECK(
        out.str() ==
        R"({"name":"procedura","count":3,"ok":true,"none":null,"list":[1,"two",false],"empty":{}})");
  }

  TEST_CASE("numbers: integers without a fraction, doubles round-trip") {
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_array()
        .value(2.0)
        .value(-17.0)
        .value(0.5)
        .value(0.1)
        .value(int64_t{-9000000000})
        .value(uint64_t{18446744073709551615u})
        .value(1e300)
        .value(std::numeric_limits<double>::quiet_NaN())
        .end_array();
    CHECK(out.str() == "[2,-17,0.5,0.1,-9000000000,18446744073709551615,1e+300,null]");
  }

  TEST_CASE("pretty output indents by two spaces and ends with a newline") {
    std::ostringstream out;
    JsonWriter json(out, true);
    json.begin_object();
    json.member("a", 1);
    json.key("b").begin_array().value("x").begin_object().member("c", "d").end_object().end_array();
    json.key("e").begin_array().end_array();
    json.end_object();
    CHECK(out.str() ==
          "{\n"
          "  \"a\": 1,\n"
          "  \"b\": [\n"
          "    \"x\",\n"
          "    {\n"
          "      \"c\": \"d\"\n"
          "    }\n"
          "  ],\n"
          "  \"e\": []\n"
          "}\n");
  }

  TEST_CASE("keys are escaped too") {
    std::ostringstream out;
    JsonWriter json(out);
    json.begin_object().member("k\"ey", "v").end_object();
    CHECK(out.str() == R"({"k\"ey":"v"})");
  }
}
