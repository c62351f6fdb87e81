#pragma once
// A YAML document as a tree that keeps the position of every key and value. Built from
// yaml-cpp's event API so that duplicate keys, alias bombs, deep nesting and encoding
// problems become diagnostics instead of silent data loss or crashes.
#include <cstdint>
#include <deque>
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

// Compact: a scalar is a view into the file's bytes (or, when escapes or folding changed
// it, into the document's arena), and a collection's children sit in the arena, so a node
// owns no heap memory of its own. Views stay valid as long as the document and its file.
struct YamlNode {
  enum class Kind : uint8_t { Null, Scalar, Sequence, Map };
  struct Entry {
    const YamlNode* key;
    const YamlNode* value;
  };

  Kind kind = Kind::Null;
  bool quoted = false;  // Scalar written in quotes (or as a block scalar)
  Location location;
  std::string_view scalar;                 // Scalar only
  std::span<const YamlNode* const> items;  // Sequence
  std::span<const Entry> entries;          // Map, first occurrence of each key, file order

  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_map() const { return kind == Kind::Map; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_null() const { return kind == Kind::Null; }
};

std::string_view yaml_kind_name(YamlNode::Kind kind);

class YamlDocument {
 public:
  const YamlNode* root() const { return root_; }
  bool ok() const { return ok_; }

 private:
  friend YamlDocument parse_yaml(const SourceFile&, const Limits&, Diagnostics&);
  friend class TreeRebuilder;
  friend class TreeBuilder;
  std::deque<YamlNode> nodes_;
  Arena arena_;  // scalars that differ from the file's bytes, and every node's children
  const YamlNode* root_ = nullptr;
  bool ok_ = false;
};

// Parses the file's content. On any error reports a positioned diagnostic and returns a
// document with ok() == false. Never throws.
YamlDocument parse_yaml(const SourceFile& file, const Limits& limits, Diagnostics& diagnostics);

}  // namespace procedura
