#include "load/yaml_tree_cache.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "load/control_characters.h"
#include "load/quoted_scalar_checks.h"
#include "util/atomic_file.h"
#include "util/file_paths.h"
#include "util/read_file.h"

namespace procedura {
namespace fs = std::filesystem;

// Named, not anonymous: TreeRebuilder (a friend of YamlDocument) holds an Entry.
namespace tree_cache {

// Bumped whenever the layout below or the meaning of a tree changes.
constexpr uint32_t kFormatVersion = 3;
constexpr char kMagic[8] = {'p', 'r', 'o', 'c', 't', 'r', 'e', 'e'};

// Layout of an entry: Header, the file's bytes, Record[node_count] in pre-order (every
// child after its parent), uint32 links[link_count] (a sequence's items, a map's key and
// value pairs), then the scalars that differ from the file's bytes.
struct Header {
  char magic[8];
  uint32_t version;
  uint32_t node_count;
  uint64_t content_bytes;
  uint64_t link_count;
  uint64_t string_bytes;
  uint64_t max_depth;
  uint64_t max_yaml_nodes;
  // The program that wrote the entry (size and modification time of its executable): a
  // kept tree also stands for the checks that program made, so another build, with other
  // checks, must parse and check again.
  uint64_t build_bytes;
  uint64_t build_mtime_ns;
};

struct BuildIdentity {
  uint64_t bytes = 0, mtime_ns = 0;
  bool known() const { return bytes != 0; }
};

BuildIdentity build_identity() {
  static const BuildIdentity identity = [] {
    BuildIdentity id;
    struct stat st {};
    if (::stat("/proc/self/exe", &st) == 0 && st.st_size > 0) {
      id.bytes = static_cast<uint64_t>(st.st_size);
      id.mtime_ns = static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000ull +
                    static_cast<uint64_t>(st.st_mtim.tv_nsec);
    }
    return id;
  }();
  return identity;
}

struct Record {
  uint8_t kind;
  uint8_t quoted;
  uint8_t scalar_in_file;  // the scalar is a view into the file's bytes, else into the strings
  uint8_t unused = 0;
  uint32_t offset;  // where the node is written in the file
  uint32_t unused_too = 0;
  uint32_t child_count;  // items, or key-value pairs
  uint64_t child_begin;  // first link
  uint64_t scalar_offset;
  uint64_t scalar_bytes;
};

// FNV-1a: the name of an entry only spreads entries over names; the stored bytes decide.
uint64_t content_hash(std::string_view content) {
  uint64_t hash = 1469598103934665603ull;
  for (unsigned char c : content) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string entry_path(const std::string& dir, const SourceFile& file) {
  return (fs::path(dir) /
          fmt::format("{:016x}-{}.tree", content_hash(file.content()), file.content().size()))
      .string();
}

class Writer {
 public:
  explicit Writer(const SourceFile& file) : content_(file.content()) {}

  uint32_t add(const YamlNode& node) {
    const auto index = static_cast<uint32_t>(records_.size());
    records_.push_back(Record{static_cast<uint8_t>(node.kind()), node.quoted(), 0, 0, node.offset(),
                              0, 0, 0, 0, 0});
    place_scalar(index, node.scalar());
    if (node.is_sequence()) {
      const size_t begin = reserve_links(index, node.items().size(), node.items().size());
      for (size_t i = 0; i < node.items().size(); ++i) links_[begin + i] = add(*node.items()[i]);
    } else if (node.is_map()) {
      const size_t begin = reserve_links(index, node.entries().size(), 2 * node.entries().size());
      for (size_t i = 0; i < node.entries().size(); ++i) {
        links_[begin + 2 * i] = add(node.entries()[i].key);
        links_[begin + 2 * i + 1] = add(node.entries()[i].value);
      }
    }
    return index;
  }

  std::string bytes(const Limits& limits) const {
    Header header{};
    std::memcpy(header.magic, kMagic, sizeof kMagic);
    header.version = kFormatVersion;
    header.node_count = static_cast<uint32_t>(records_.size());
    header.content_bytes = content_.size();
    header.link_count = links_.size();
    header.string_bytes = strings_.size();
    header.max_depth = limits.max_depth;
    header.max_yaml_nodes = limits.max_yaml_nodes;
    header.build_bytes = build_identity().bytes;
    header.build_mtime_ns = build_identity().mtime_ns;
    std::string out;
    out.reserve(sizeof header + content_.size() + records_.size() * sizeof(Record) +
                links_.size() * sizeof(uint32_t) + strings_.size());
    out.append(reinterpret_cast<const char*>(&header), sizeof header);
    out.append(content_);
    out.append(reinterpret_cast<const char*>(records_.data()), records_.size() * sizeof(Record));
    out.append(reinterpret_cast<const char*>(links_.data()), links_.size() * sizeof(uint32_t));
    out.append(strings_);
    return out;
  }

 private:
  void place_scalar(uint32_t index, std::string_view scalar) {
    Record& record = records_[index];
    record.scalar_bytes = scalar.size();
    const char* begin = content_.data();
    if (!scalar.empty() && scalar.data() >= begin &&
        scalar.data() + scalar.size() <= begin + content_.size()) {
      record.scalar_in_file = 1;
      record.scalar_offset = static_cast<uint64_t>(scalar.data() - begin);
    } else {
      record.scalar_offset = strings_.size();
      strings_.append(scalar);
    }
  }

  size_t reserve_links(uint32_t index, size_t children, size_t links) {
    const size_t begin = links_.size();
    records_[index].child_count = static_cast<uint32_t>(children);
    records_[index].child_begin = begin;
    links_.resize(begin + links);
    return begin;
  }

  std::string_view content_;
  std::vector<Record> records_;
  std::vector<uint32_t> links_;
  std::string strings_;
};

// The parts of an entry, each checked against the entry's own size.
struct Entry {
  std::vector<Record> records;
  std::vector<uint32_t> links;
  std::string_view strings;  // into the entry's bytes
};

std::optional<Entry> split_entry(const std::string& bytes, const std::string& content,
                                 const Limits& limits) {
  if (bytes.size() < sizeof(Header)) return std::nullopt;
  Header header;
  std::memcpy(&header, bytes.data(), sizeof header);
  if (std::memcmp(header.magic, kMagic, sizeof kMagic) != 0 || header.version != kFormatVersion ||
      header.max_depth != limits.max_depth || header.max_yaml_nodes != limits.max_yaml_nodes ||
      header.build_bytes != build_identity().bytes ||
      header.build_mtime_ns != build_identity().mtime_ns ||
      header.content_bytes != content.size() || header.node_count == 0 ||
      header.link_count > bytes.size() || header.string_bytes > bytes.size())
    return std::nullopt;
  const uint64_t records_at = sizeof header + header.content_bytes;
  const uint64_t links_at = records_at + uint64_t{header.node_count} * sizeof(Record);
  const uint64_t strings_at = links_at + header.link_count * sizeof(uint32_t);
  if (strings_at + header.string_bytes != bytes.size()) return std::nullopt;
  if (std::memcmp(bytes.data() + sizeof header, content.data(), content.size()) != 0)
    return std::nullopt;
  Entry entry;
  entry.records.resize(header.node_count);
  std::memcpy(entry.records.data(), bytes.data() + records_at,
              entry.records.size() * sizeof(Record));
  entry.links.resize(header.link_count);
  std::memcpy(entry.links.data(), bytes.data() + links_at, entry.links.size() * sizeof(uint32_t));
  entry.strings = std::string_view(bytes.data() + strings_at, header.string_bytes);
  return entry;
}

}  // namespace tree_cache

using tree_cache::build_identity;
using tree_cache::Entry;
using tree_cache::entry_path;
using tree_cache::Header;
using tree_cache::Record;
using tree_cache::split_entry;
using tree_cache::Writer;

// Rebuilds a document from an entry's records; any record that does not fit (a kind out of
// range, a scalar or a child list outside the entry, an offset past the file, a child that
// is not after its parent or has a second parent, nesting beyond the limit) fails the whole
// entry. Children are stored in their parents, so the records are filled last to first:
// in pre-order every child comes after its parent, and so is complete when its parent is.
class TreeRebuilder {
 public:
  TreeRebuilder(const Entry& entry, const SourceFile& file, const Limits& limits)
      : entry_(entry), file_(file), limits_(limits) {}

  std::optional<YamlDocument> rebuild() {
    const size_t count = entry_.records.size();
    nodes_.assign(count, YamlNode{});
    height_.assign(count, 0);
    has_parent_.assign(count, false);
    for (size_t i = count; i-- > 0;)
      if (!fill(i)) return std::nullopt;
    for (size_t i = 1; i < count; ++i)
      if (!has_parent_[i]) return std::nullopt;
    doc_.file_ = &file_;
    doc_.root_ = nodes_[0];
    doc_.has_root_ = true;
    doc_.ok_ = true;
    return std::move(doc_);
  }

 private:
  bool fill(size_t i) {
    const Record& r = entry_.records[i];
    if (r.kind > static_cast<uint8_t>(YamlNode::Kind::Map) || r.quoted > 1) return false;
    if (r.offset > file_.content().size()) return false;
    YamlNode& n = nodes_[i];
    n.set_kind(static_cast<YamlNode::Kind>(r.kind));
    n.set_quoted(r.quoted != 0);
    n.set_offset(r.offset);
    const std::string_view source =
        r.scalar_in_file ? std::string_view(file_.content()) : entry_.strings;
    if (r.scalar_offset > source.size() || r.scalar_bytes > source.size() - r.scalar_offset)
      return false;
    const std::string_view scalar = source.substr(r.scalar_offset, r.scalar_bytes);
    if (n.is_scalar()) n.set_scalar(r.scalar_in_file ? scalar : doc_.arena_.copy(scalar));
    if (r.child_count == 0) return true;
    if (!n.is_sequence() && !n.is_map()) return false;
    const uint64_t links = r.child_count * uint64_t{n.is_map() ? 2u : 1u};
    if (r.child_begin > entry_.links.size() || links > entry_.links.size() - r.child_begin)
      return false;
    return n.is_sequence() ? fill_items(i, n) : fill_entries(i, n);
  }

  bool fill_items(size_t i, YamlNode& n) {
    std::vector<YamlNode> items;
    for (uint64_t k = 0; k < entry_.records[i].child_count; ++k) {
      const YamlNode* item = child(i, k);
      if (!item) return false;
      items.push_back(*item);
    }
    n.set_items(doc_.arena_.copy(std::span<const YamlNode>(items)));
    return true;
  }

  bool fill_entries(size_t i, YamlNode& n) {
    std::vector<YamlNode::Entry> entries;
    for (uint64_t k = 0; k < entry_.records[i].child_count; ++k) {
      const YamlNode* key = child(i, 2 * k);
      const YamlNode* value = key ? child(i, 2 * k + 1) : nullptr;
      if (!value) return false;
      entries.push_back({*key, *value});
    }
    n.set_entries(doc_.arena_.copy(std::span<const YamlNode::Entry>(entries)));
    return true;
  }

  // The k-th link of record i, when it names a node after i that has no parent yet and
  // leaves the nesting within the limit.
  const YamlNode* child(size_t i, uint64_t k) {
    const uint32_t c = entry_.links[entry_.records[i].child_begin + k];
    if (c <= i || c >= entry_.records.size() || has_parent_[c]) return nullptr;
    if (height_[c] + 1 > limits_.max_depth) return nullptr;
    has_parent_[c] = true;
    height_[i] = std::max(height_[i], height_[c] + 1);
    return &nodes_[c];
  }

  const Entry& entry_;
  const SourceFile& file_;
  const Limits& limits_;
  YamlDocument doc_;
  std::vector<YamlNode> nodes_;   // complete once filled; copied into their parents
  std::vector<uint32_t> height_;  // levels of nodes below
  std::vector<bool> has_parent_;
};

std::optional<YamlDocument> read_cached_tree(const std::string& dir, const SourceFile& file,
                                             const Limits& limits) {
  const std::string& content = file.content();
  const uint64_t most = sizeof(Header) + 64 * static_cast<uint64_t>(content.size()) + (1u << 20);
  ReadFileResult read = read_regular_file(entry_path(dir, file), most);
  if (!read.ok()) return std::nullopt;
  std::optional<Entry> entry = split_entry(read.content, content, limits);
  if (!entry) return std::nullopt;
  return TreeRebuilder(*entry, file, limits).rebuild();
}

void write_cached_tree(const std::string& dir, const SourceFile& file, const Limits& limits,
                       const YamlDocument& doc) {
  if (!doc.ok() || !doc.root()) return;
  Writer writer(file);
  writer.add(*doc.root());
  const std::string bytes = writer.bytes(limits);
  // Under a file-size limit too small for the entry, writing it would raise SIGXFSZ.
  struct rlimit size_limit {};
  if (getrlimit(RLIMIT_FSIZE, &size_limit) == 0 && size_limit.rlim_cur != RLIM_INFINITY &&
      bytes.size() > size_limit.rlim_cur)
    return;
  (void)write_file_atomically(entry_path(dir, file), bytes, 0600, false);
}

YamlDocument parse_yaml_checked(const SourceFile& file, const Limits& limits,
                                const std::string& dir, Diagnostics& diagnostics) {
  const bool cache = !dir.empty() && build_identity().known();
  if (cache) {
    if (std::optional<YamlDocument> cached = read_cached_tree(dir, file, limits))
      return std::move(*cached);
  }
  const size_t before = diagnostics.items().size();
  YamlDocument doc = parse_yaml(file, limits, diagnostics);
  if (!doc.ok()) return doc;
  check_control_characters(doc, diagnostics);
  check_quoted_scalars(doc, diagnostics);
  if (cache && diagnostics.items().size() == before) write_cached_tree(dir, file, limits, doc);
  return doc;
}

std::string default_tree_cache_dir() {
  return user_cache_dir("trees");
}

}  // namespace procedura
