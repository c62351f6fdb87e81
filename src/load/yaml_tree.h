#pragma once
// A YAML document as a tree that keeps the position of every key and value. Built from
// yaml-cpp's event API so that duplicate keys, alias bombs, deep nesting and encoding
// problems become diagnostics instead of silent data loss or crashes.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "load/limits.h"
#include "model/diagnostic.h"
#include "model/location.h"
#include "model/source_file.h"
#include "util/arena.h"

namespace procedura {

// Compact (32 bytes, owning nothing): a scalar is a view into the file's bytes (or, when
// escapes or folding changed it, into the document's arena), and a collection's children
// sit in the arena; one pointer and one length serve whichever of the three the kind has.
// Views stay valid as long as the document and its file.
struct YamlNode {
  enum class Kind : uint8_t { Null, Scalar, Sequence, Map };
  struct Entry {
    const YamlNode* key;
    const YamlNode* value;
  };

  Location location;

 private:
  // Declared here so that the node packs into 32 bytes.
  const void* data_ = nullptr;
  uint32_t size_ = 0;

 public:
  Kind kind = Kind::Null;
  bool quoted = false;  // Scalar written in quotes (or as a block scalar)

  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_null() const { return kind == Kind::Null; }

  // Empty for a node of another kind.
  std::string_view scalar() const {
    return is_scalar() ? std::string_view(static_cast<const char*>(data_), size_) : "";
  }
  std::span<const YamlNode* const> items() const {  // Sequence
    if (!is_sequence()) return {};
    return {static_cast<const YamlNode* const*>(data_), size_};
  }
  std::span<const Entry> entries() const {  // Map, first occurrence of each key, file order
    if (!is_map()) return {};
    return {static_cast<const Entry*>(data_), size_};
  }

  // Set once the kind is set; the loader's limits keep every length far below 2^32.
  void set_scalar(std::string_view text) { set(text.data(), text.size()); }
  void set_items(std::span<const YamlNode* const> items) { set(items.data(), items.size()); }
  void set_entries(std::span<const Entry> entries) { set(entries.data(), entries.size()); }

 private:
  void set(const void* data, size_t size) {
    data_ = data;
    size_ = static_cast<uint32_t>(size);
  }
};
static_assert(sizeof(YamlNode) <= 32, "a tree holds about nine nodes per procedure node");

std::string_view yaml_kind_name(YamlNode::Kind kind);

class YamlDocument {
 public:
  const YamlNode* root() const { return root_; }
  bool ok() const { return ok_; }
  // True when an alias put one node in several places: walks that must visit each node
  // once need to remember the ones they saw only then.
  bool shares_nodes() const { return shares_nodes_; }

 private:
  friend YamlDocument parse_yaml(const SourceFile&, const Limits&, Diagnostics&);
  friend class TreeRebuilder;
  friend class TreeBuilder;
  Arena arena_;  // the nodes, their children, and scalars that differ from the file's bytes
  const YamlNode* root_ = nullptr;
  bool ok_ = false;
  bool shares_nodes_ = false;
};

// Parses the file's content. On any error reports a positioned diagnostic and returns a
// document with ok() == false. Never throws.
YamlDocument parse_yaml(const SourceFile& file, const Limits& limits, Diagnostics& diagnostics);

}  // namespace procedura
