#pragma once
// A bump allocator for data that lives exactly as long as its owner (a parsed YAML
// document): copies go into large blocks that never move, so views into them stay valid
// when the owner is moved, and nothing is freed one by one.
#include <algorithm>
#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace procedura {

class Arena {
 public:
  Arena() = default;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;

  std::string_view copy(std::string_view text) {
    if (text.empty()) return {};
    char* out = static_cast<char*>(allocate(text.size(), 1));
    std::memcpy(out, text.data(), text.size());
    return {out, text.size()};
  }

  // `count` default-built objects that never need destroying (the arena frees blocks only).
  template <typename T>
  std::span<T> make(size_t count) {
    static_assert(std::is_trivially_destructible_v<T>);
    if (count == 0) return {};
    T* out = static_cast<T*>(allocate(count * sizeof(T), alignof(T)));
    for (size_t i = 0; i < count; ++i) new (out + i) T();
    return {out, count};
  }

  template <typename T>
  std::span<const T> copy(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (items.empty()) return {};
    T* out = static_cast<T*>(allocate(items.size_bytes(), alignof(T)));
    std::memcpy(out, items.data(), items.size_bytes());
    return {out, items.size()};
  }

 private:
  static constexpr size_t kBlockBytes = 64 * 1024;

  void* allocate(size_t bytes, size_t align) {
    size_t start = (used_ + align - 1) & ~(align - 1);
    if (blocks_.empty() || start + bytes > capacity_) {
      // A request larger than a block gets a block of its own, so blocks stay mostly full.
      capacity_ = std::max(kBlockBytes, bytes);
      blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(capacity_));
      start = 0;
    }
    used_ = start + bytes;
    return blocks_.back().get() + start;
  }

  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  size_t used_ = 0, capacity_ = 0;
};

}  // namespace procedura
