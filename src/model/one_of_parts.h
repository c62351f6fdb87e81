#pragma once
// The part of a model element that depends on its kind (a node's question, branch or call
// fields): one pointer for all the kinds, as an element is of one kind, allocated when first
// written and read as an empty part when absent or of another kind.
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <type_traits>

namespace procedura {

template <class... Parts>
class OneOfParts {
 public:
  OneOfParts() = default;
  OneOfParts(const OneOfParts& other) : held_(other.held_ ? copy(*other.held_) : nullptr) {}
  OneOfParts(OneOfParts&&) noexcept = default;
  OneOfParts& operator=(const OneOfParts& other) { return *this = OneOfParts(other); }
  OneOfParts& operator=(OneOfParts&&) noexcept = default;

  template <class T>
  const T& get() const {
    static const T empty;
    return held_ && held_->tag == tag_of<T>() ? static_cast<const Held<T>&>(*held_).value : empty;
  }
  // The part of kind T, made when absent. Writing another kind's part into an element that
  // holds one is a mistake of the caller: an element is of one kind.
  template <class T>
  T& made() {
    if (!held_) held_.reset(new Held<T>());
    if (held_->tag != tag_of<T>()) throw std::logic_error("the part of another kind was written");
    return static_cast<Held<T>&>(*held_).value;
  }
  template <class T>
  bool holds() const {
    return held_ && held_->tag == tag_of<T>();
  }

 private:
  template <class T>
  static constexpr uint8_t tag_of() {
    uint8_t tag = 0, at = 0;
    ((std::is_same_v<T, Parts> ? (tag = at, ++at) : ++at), ...);
    return tag;
  }
  static_assert(sizeof...(Parts) < 256);

  struct Header {
    uint8_t tag;
  };
  template <class T>
  struct Held : Header {
    Held() : Header{tag_of<T>()} {}
    T value;
  };
  // No virtual functions: the tag says which part to free or copy.
  struct Free {
    void operator()(Header* part) const {
      const uint8_t tag = part->tag;  // read once: the part is gone after its delete
      ((tag == tag_of<Parts>() ? (delete static_cast<Held<Parts>*>(part), 0) : 0), ...);
    }
  };
  static Header* copy(const Header& part) {
    Header* out = nullptr;
    ((part.tag == tag_of<Parts>()
          ? (out = new Held<Parts>(static_cast<const Held<Parts>&>(part)), 0)
          : 0),
     ...);
    return out;
  }

  std::unique_ptr<Header, Free> held_;
};

}  // namespace procedura
