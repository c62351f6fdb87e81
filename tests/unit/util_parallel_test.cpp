#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "util/parallel.h"

using namespace procedura;

TEST_CASE("parallel_for: every item once, whatever the number of jobs") {
  for (size_t jobs : {size_t{0}, size_t{1}, size_t{2}, size_t{7}}) {
    std::vector<int> seen(1000, 0);
    parallel_for(seen.size(), jobs, [&](size_t i) { seen[i] += 1; });
    CHECK(std::count(seen.begin(), seen.end(), 1) == 1000);
  }
  parallel_for(0, 4, [](size_t) { FAIL("no item"); });
}

TEST_CASE("parallel_for: an exception reaches the caller after the workers stop") {
  for (size_t jobs : {size_t{1}, size_t{3}}) {
    CHECK_THROWS_AS(parallel_for(100, jobs,
                                 [](size_t i) {
                                   if (i == 42) throw std::runtime_error("item 42");
                                 }),
                    std::runtime_error);
  }
}

TEST_CASE("worker_count: at least one, at most one per item") {
  CHECK(worker_count(4, 2) == 2);
  CHECK(worker_count(4, 0) == 1);
  CHECK(worker_count(1, 100) == 1);
  CHECK(worker_count(0, 100) >= 1);
}
