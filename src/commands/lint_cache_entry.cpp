#include "commands/lint_cache_entry.h"

#include <charconv>

#include "util/sha256.h"

namespace procedura {
namespace {

constexpr std::string_view kMagic = "procedura-lint-cache 2\n";

// Fields are length-prefixed ("5:hello"), numbers decimal ("42;"), so messages may hold any
// byte. The entry ends with the SHA-256 of everything before it: a torn or edited entry is
// recognised and ignored.
class Writer {
 public:
  void number(uint64_t n) { out_ += std::to_string(n) + ";"; }
  void text(std::string_view s) {
    out_ += std::to_string(s.size()) + ":";
    out_ += s;
  }
  std::string finish() {
    std::string sum = sha256_hex(out_);
    return out_ + sum;
  }
  std::string out_{kMagic};
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool number(uint64_t& n) {
    auto [end, ec] = std::from_chars(in_.data() + pos_, in_.data() + in_.size(), n);
    if (ec != std::errc() || end == in_.data() + in_.size() || *end != ';') return false;
    pos_ = static_cast<size_t>(end - in_.data()) + 1;
    return true;
  }
  template <typename T>
  bool small(T& value, uint64_t max) {
    uint64_t n = 0;
    if (!number(n) || n > max) return false;
    value = static_cast<T>(n);
    return true;
  }
  bool text(std::string& s) {
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(in_.data() + pos_, in_.data() + in_.size(), n);
    if (ec != std::errc() || end == in_.data() + in_.size() || *end != ':') return false;
    size_t start = static_cast<size_t>(end - in_.data()) + 1;
    if (n > in_.size() - start) return false;
    s.assign(in_.substr(start, n));
    pos_ = start + n;
    return true;
  }
  bool at_end() const { return pos_ == in_.size(); }
  // A count of items each taking at least `item_bytes` bytes: no more than what is left.
  bool count(size_t& n, size_t item_bytes) {
    uint64_t v = 0;
    if (!number(v) || v > (in_.size() - pos_) / item_bytes) return false;
    n = static_cast<size_t>(v);
    return true;
  }

 private:
  std::string_view in_;
  size_t pos_ = 0;
};

// The fewest bytes an item can take: a text "0:", a file "0:0;", a diagnostic or a note.
constexpr size_t kMinText = 2, kMinFile = 4, kMinDiagnostic = 20, kMinNote = 8;

bool read_file_index(Reader& r, int& file, size_t files) {
  uint64_t n = 0;
  if (!r.number(n) || n > files) return false;
  file = static_cast<int>(n) - 1;  // stored +1 so that "no file" is 0
  return true;
}

}  // namespace

std::string serialize_cache_entry(const CacheEntry& entry) {
  Writer w;
  w.text(entry.key);
  w.text(entry.source);
  w.number(entry.links.loaded);
  w.text(entry.links.id);
  w.number(entry.links.is_library);
  w.number(entry.links.imports.size());
  for (const auto& s : entry.links.imports) w.text(s);
  w.number(entry.links.calls.size());
  for (const auto& s : entry.links.calls) w.text(s);
  w.number(entry.files.size());
  for (const CachedFile& f : entry.files) {
    w.text(f.path);
    w.number(f.empty);
  }
  w.number(entry.diagnostics.size());
  for (const CachedDiagnostic& d : entry.diagnostics) {
    w.text(d.rule);
    w.number(d.severity == Severity::Error ? 0 : 1);
    w.number(static_cast<uint64_t>(d.file + 1));
    for (uint32_t n : {d.line, d.column, d.end_line, d.end_column}) w.number(n);
    w.text(d.message);
    w.number(d.notes.size());
    for (const CachedNote& note : d.notes) {
      w.number(static_cast<uint64_t>(note.file + 1));
      w.number(note.line);
      w.number(note.column);
      w.text(note.message);
    }
  }
  return w.finish();
}

std::optional<CacheEntry> parse_cache_entry(std::string_view bytes) {
  constexpr size_t kSumChars = 64;
  if (bytes.size() < kMagic.size() + kSumChars || bytes.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - kSumChars);
  if (sha256_hex(body) != bytes.substr(body.size())) return std::nullopt;

  Reader r(body.substr(kMagic.size()));
  CacheEntry e;
  size_t count = 0;
  if (!r.text(e.key) || !r.text(e.source) || !r.small(e.links.loaded, 1) || !r.text(e.links.id) ||
      !r.small(e.links.is_library, 1)) {
    return std::nullopt;
  }
  for (auto* list : {&e.links.imports, &e.links.calls}) {
    if (!r.count(count, kMinText)) return std::nullopt;
    list->resize(count);
    for (auto& s : *list) {
      if (!r.text(s)) return std::nullopt;
    }
  }
  if (!r.count(count, kMinFile)) return std::nullopt;
  e.files.resize(count);
  for (CachedFile& f : e.files) {
    if (!r.text(f.path) || !r.small(f.empty, 1)) return std::nullopt;
  }
  if (!r.count(count, kMinDiagnostic)) return std::nullopt;
  e.diagnostics.resize(count);
  for (CachedDiagnostic& d : e.diagnostics) {
    int severity = 0;
    if (!r.text(d.rule) || !rule_from_id(d.rule) || !r.small(severity, 1) ||
        !read_file_index(r, d.file, e.files.size()) || !r.small(d.line, UINT32_MAX) ||
        !r.small(d.column, UINT32_MAX) || !r.small(d.end_line, UINT32_MAX) ||
        !r.small(d.end_column, UINT32_MAX) || !r.text(d.message) || !r.count(count, kMinNote)) {
      return std::nullopt;
    }
    d.severity = severity == 0 ? Severity::Error : Severity::Warning;
    // Every rule reports at its own severity: an entry saying otherwise was edited.
    if (d.severity != rule_info(*rule_from_id(d.rule)).default_severity) return std::nullopt;
    d.notes.resize(count);
    for (CachedNote& note : d.notes) {
      if (!read_file_index(r, note.file, e.files.size()) || !r.small(note.line, UINT32_MAX) ||
          !r.small(note.column, UINT32_MAX) || !r.text(note.message)) {
        return std::nullopt;
      }
    }
  }
  if (!r.at_end()) return std::nullopt;
  return e;
}

}  // namespace procedura
