#pragma once
// Runs independent work items on a few threads. Each item writes only its own result slot,
// so callers merge results in item order afterwards and output never depends on scheduling.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace procedura {

// The number of worker threads for `requested` (0: one per available core), never more
// than there are items and never less than one.
inline size_t worker_count(size_t requested, size_t items) {
  size_t jobs = requested ? requested : std::max<size_t>(1, std::thread::hardware_concurrency());
  return std::max<size_t>(1, std::min(jobs, items));
}

// Calls fn(i) for every i in [0, count), spread over `jobs` threads (0: one per core).
// With one job everything runs on the calling thread. An exception thrown by fn stops the
// remaining items and is rethrown on the calling thread once every worker has stopped.
template <typename Fn>
void parallel_for(size_t count, size_t jobs, Fn&& fn) {
  size_t workers = worker_count(jobs, count);
  if (workers <= 1) {
    for (size_t i = 0; i < count; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto work = [&] {
    try {
      for (size_t i = next++; i < count; i = next++) fn(i);
    } catch (...) {
      next = count;
      std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  {
    std::vector<std::jthread> threads;
    threads.reserve(workers - 1);
    for (size_t t = 1; t < workers; ++t) threads.emplace_back(work);
    work();  // the calling thread works too
  }          // the jthreads join here
  if (failure) std::rethrow_exception(failure);
}

}  // namespace procedura
