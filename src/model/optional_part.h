#pragma once
// A part of a model element that most elements do not have: allocated when first written,
// copied with its owner, and read as an empty T when absent, so readers need no checks.
#include <memory>

namespace procedura {

template <class T>
class OptionalPart {
 public:
  OptionalPart() = default;
  OptionalPart(const OptionalPart& other)
      : value_(other.value_ ? std::make_unique<T>(*other.value_) : nullptr) {}
  OptionalPart(OptionalPart&&) noexcept = default;
  OptionalPart& operator=(const OptionalPart& other) { return *this = OptionalPart(other); }
  OptionalPart& operator=(OptionalPart&&) noexcept = default;

  const T& get() const {
    static const T empty;
    return value_ ? *value_ : empty;
  }
  T& made() {
    if (!value_) value_ = std::make_unique<T>();
    return *value_;
  }
  bool held() const { return value_ != nullptr; }

 private:
  std::unique_ptr<T> value_;
};

}  // namespace procedura
