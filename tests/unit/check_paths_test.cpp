// Path counting: BigUint arithmetic and exact counts through diamonds, calls and loops.
#include "check_support.h"
#include "commands/paths/paths.h"

namespace procedura {
namespace {

TEST_CASE("BigUint adds, multiplies and prints beyond 64 bits") {
  CHECK(BigUint().to_string() == "0");
  CHECK(BigUint(1234567890123ull).to_string() == "1234567890123");
  BigUint x(1);
  for (int i = 0; i < 100; ++i) {
    BigUint copy = x;
    x += copy;
  }
  CHECK(x.to_string() == "1267650600228229401496703205376");  // 2^100
  BigUint y = BigUint(uint64_t{1} << 40) * BigUint(uint64_t{1} << 60);
  CHECK(y.to_string() == "1267650600228229401496703205376");
  CHECK(BigUint(1000000000ull).to_string() == "1000000000");
  CHECK((BigUint(0) * BigUint(5)).is_zero());
}

TEST_CASE("BigUint is exact up to 2^8192 and saturates above it") {
  // 2^8191 by doubling: exact, 2466 digits.
  BigUint x(1);
  for (int i = 0; i < 8191; ++i) {
    BigUint copy = x;
    x += copy;
  }
  CHECK_FALSE(x.saturated());
  CHECK(x.to_string().size() == 2466);
  CHECK(x.to_string().starts_with("545374"));  // 2^8191 = 5.45374… × 10^2465
  BigUint doubled = x;
  doubled += x;  // 2^8192
  CHECK(doubled.saturated());
  CHECK(doubled.to_string() == "more than 10^2466");
  // A product of two large factors saturates without computing it; saturation stays.
  BigUint big = x * x;
  CHECK(big.saturated());
  CHECK((big * BigUint(0)).is_zero());
  BigUint sum = BigUint(1);
  sum += big;
  CHECK(sum.saturated());
  CHECK_FALSE(big.is_zero());
}

const char* kHead = "format: 1\nid: p\nversion: 1.0.0\ntitle: T\n";

TEST_CASE("paths are counted per edge: options, cases, and a multi question as one") {
  Catalog c = testing::checked(std::string(kHead) + R"(start: q
nodes:
  q:
    ask: Q
    type: choice
    options:
      - {value: a, label: A, next: m}
      - {value: b, label: B, next: m}
      - {value: c, label: C, next: k}
  m:
    ask: M
    type: multi
    options:
      - {value: x, label: X}
      - {value: y, label: Y}
    next: b
  b:
    branch:
      - {when: "q == \"a\"", next: k}
      - {when: "m contains \"x\"", next: k}
    otherwise: k
  k: {outcome: K}
)",
                               false);
  PathCount count = count_paths(*c.runnable().front());
  CHECK_FALSE(count.infinite);
  CHECK(count.count.to_string() == "7");  // 2 options x 3 branch edges + 1
}

TEST_CASE("a question loop makes the count infinite and names the question") {
  Catalog c = testing::checked(std::string(kHead) + R"(start: s
nodes:
  s: {step: S, next: q}
  q:
    ask: Again?
    type: yes_no
    options:
      - {value: yes, next: s}
      - {value: no, next: k}
  k: {outcome: K}
)",
                               false);
  PathCount count = count_paths(*c.runnable().front());
  CHECK(count.infinite);
  CHECK(count.loop_node == "q");
  CHECK(count.through_question);
}

TEST_CASE("a 60-diamond ladder has 2^60 paths; nodes that reach no outcome add none") {
  std::string yaml = std::string(kHead) + "start: d0\nnodes:\n";
  for (int i = 0; i < 60; ++i) {
    std::string next = i + 1 < 60 ? "d" + std::to_string(i + 1) : "koniec";
    yaml += "  d" + std::to_string(i) +
            ":\n    ask: Q\n    type: yes_no\n    options:\n      - {value: yes, next: " + next +
            "}\n      - {value: no, next: " + next + "}\n";
  }
  yaml += "  koniec: {outcome: K}\n";
  Catalog c = testing::checked(yaml, false);
  CHECK(count_paths(*c.runnable().front()).count.to_string() == "1152921504606846976");
}

}  // namespace
}  // namespace procedura
