#pragma once
// A YAML document as a tree that keeps the position of every key and value. Built from
// yaml-cpp's event API so that duplicate keys, alias bombs, deep nesting and encoding
// problems become diagnostics instead of silent data loss or crashes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "load/limits.h"
#include "model/diagnostic.h"
#include "model/location.h"
#include "model/source_file.h"
#include "util/arena.h"

namespace procedura {

// Compact (16 bytes, owning nothing): a scalar is a view into the file's bytes (or, when
// escapes or folding changed it, into the document's arena), and a collection's children
// sit in the arena, stored in place (a map's entries hold their key and value nodes); one
// pointer and one length serve whichever of the three the kind has. A node keeps where it
// was written as a byte offset: its document turns that into a line and column on demand,
// for the few nodes whose position is ever shown. Views stay valid as long as the document
// and its file.
class YamlNode {
 public:
  enum class Kind : uint8_t { Null, Scalar, Sequence, Map };
  struct Entry;
  // A sequence's items, walked as pointers to the nodes stored in place.
  class Items {
   public:
    class iterator {
     public:
      using value_type = const YamlNode*;
      using difference_type = std::ptrdiff_t;
      explicit iterator(const YamlNode* at = nullptr) : at_(at) {}
      const YamlNode* operator*() const { return at_; }
      iterator& operator++() {
        ++at_;
        return *this;
      }
      iterator operator++(int) {
        iterator was = *this;
        ++at_;
        return was;
      }
      bool operator==(const iterator&) const = default;

     private:
      const YamlNode* at_;
    };
    Items() = default;
    Items(const YamlNode* first, size_t size) : first_(first), size_(size) {}
    iterator begin() const { return iterator(first_); }
    iterator end() const { return iterator(first_ + size_); }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const YamlNode* operator[](size_t i) const { return first_ + i; }

   private:
    const YamlNode* first_ = nullptr;
    size_t size_ = 0;
  };

  // Largest length and offset a node holds: parse_yaml refuses larger files.
  static constexpr uint32_t kMaxBytes = (1u << 29) - 1;

  Kind kind() const { return static_cast<Kind>(kind_); }
  bool quoted() const { return quoted_; }  // Scalar written in quotes (or as a block scalar)
  // Byte offset in the file where the node is written.
  uint32_t offset() const { return offset_; }

  bool is_scalar() const { return kind() == Kind::Scalar; }
  bool is_map() const { return kind() == Kind::Map; }
  bool is_sequence() const { return kind() == Kind::Sequence; }
  bool is_null() const { return kind() == Kind::Null; }

  // Empty for a node of another kind.
  std::string_view scalar() const {
    return is_scalar() ? std::string_view(static_cast<const char*>(data_), size_) : "";
  }
  Items items() const {  // Sequence
    if (!is_sequence()) return {};
    return {static_cast<const YamlNode*>(data_), size_};
  }
  inline std::span<const Entry> entries() const;  // Map, first of each key, file order

  // Whether two nodes are one written node (or copies of it placed by aliases).
  bool same_as(const YamlNode& other) const {
    return data_ == other.data_ && offset_ == other.offset_ && kind_ == other.kind_;
  }
  // What same_as compares, as one value for a set.
  std::pair<const void*, uint64_t> identity() const {
    return {data_, (uint64_t{offset_} << 8) | kind_};
  }

  void set_kind(Kind kind) { kind_ = static_cast<uint32_t>(kind); }
  void set_quoted(bool quoted) { quoted_ = quoted; }
  void set_offset(size_t offset) { offset_ = static_cast<uint32_t>(offset); }
  // Set once the kind is set; parse_yaml keeps every length at most kMaxBytes.
  void set_scalar(std::string_view text) { set(text.data(), text.size()); }
  void set_items(std::span<const YamlNode> items) { set(items.data(), items.size()); }
  inline void set_entries(std::span<const Entry> entries);

 private:
  void set(const void* data, size_t size) {
    data_ = data;
    size_ = static_cast<uint32_t>(size);
  }

  const void* data_ = nullptr;
  uint32_t size_ : 29 = 0;
  uint32_t kind_ : 2 = 0;
  uint32_t quoted_ : 1 = 0;
  uint32_t offset_ = 0;
};
static_assert(sizeof(YamlNode) == 16, "a tree holds about nine nodes per procedure node");

struct YamlNode::Entry {
  YamlNode key;
  YamlNode value;
};

std::span<const YamlNode::Entry> YamlNode::entries() const {
  if (!is_map()) return {};
  return {static_cast<const Entry*>(data_), size_};
}
void YamlNode::set_entries(std::span<const Entry> entries) {
  set(entries.data(), entries.size());
}

std::string_view yaml_kind_name(YamlNode::Kind kind);

class YamlDocument {
 public:
  const YamlNode* root() const { return has_root_ ? &root_ : nullptr; }
  const SourceFile* file() const { return file_; }
  // Where a node of this document is written.
  Location location_of(const YamlNode& node) const { return position_at(*file_, node.offset()); }
  Location location_of(const YamlNode* node) const { return location_of(*node); }
  bool ok() const { return ok_; }
  // True when an alias put one node in several places: walks that must visit each node
  // once need to remember the ones they saw only then.
  bool shares_nodes() const { return shares_nodes_; }

 private:
  friend YamlDocument parse_yaml(const SourceFile&, const Limits&, Diagnostics&);
  friend class TreeRebuilder;
  friend class TreeBuilder;
  Arena arena_;  // the nodes, their children, and scalars that differ from the file's bytes
  const SourceFile* file_ = nullptr;
  YamlNode root_;
  bool has_root_ = false;
  bool ok_ = false;
  bool shares_nodes_ = false;
};

// Parses the file's content. On any error reports a positioned diagnostic and returns a
// document with ok() == false. Never throws.
YamlDocument parse_yaml(const SourceFile& file, const Limits& limits, Diagnostics& diagnostics);

}  // namespace procedura
