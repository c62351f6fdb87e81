#pragma once
// A list that most model elements leave empty (the actions of a step, the cautions of an
// option): one pointer, where a vector takes three. A 100,000-node procedure spent 2.9 MB
// on the empty vectors of its nodes, options and cases.
#include <memory>
#include <span>
#include <utility>
#include <vector>

namespace procedura {

template <class T>
class SparseList {
 public:
  SparseList() = default;
  SparseList(std::vector<T> items) { *this = std::move(items); }  // NOLINT: a vector is one
  SparseList(const SparseList& other)
      : items_(other.items_ ? std::make_unique<std::vector<T>>(*other.items_) : nullptr) {}
  SparseList(SparseList&&) noexcept = default;
  SparseList& operator=(const SparseList& other) { return *this = SparseList(other); }
  SparseList& operator=(SparseList&&) noexcept = default;
  SparseList& operator=(std::vector<T> items) {
    items_ = items.empty() ? nullptr : std::make_unique<std::vector<T>>(std::move(items));
    return *this;
  }

  size_t size() const { return items_ ? items_->size() : 0; }
  bool empty() const { return size() == 0; }
  T* begin() { return items_ ? items_->data() : nullptr; }
  T* end() { return begin() + size(); }
  const T* begin() const { return items_ ? items_->data() : nullptr; }
  const T* end() const { return begin() + size(); }
  T& operator[](size_t i) { return (*items_)[i]; }
  const T& operator[](size_t i) const { return (*items_)[i]; }
  const T& front() const { return items_->front(); }
  const T& back() const { return items_->back(); }
  void push_back(T item) { made().push_back(std::move(item)); }
  template <class... Args>
  T& emplace_back(Args&&... args) {
    return made().emplace_back(std::forward<Args>(args)...);
  }
  operator std::span<const T>() const { return {begin(), size()}; }  // NOLINT: a view of it

 private:
  std::vector<T>& made() {
    if (!items_) items_ = std::make_unique<std::vector<T>>();
    return *items_;
  }
  std::unique_ptr<std::vector<T>> items_;
};

}  // namespace procedura
