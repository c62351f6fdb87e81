#include "commands/lint/lint_cache_entry.h"

#include <charconv>

#include "util/sha256.h"

namespace procedura {
namespace {

// A file index as stored: 0 for none (-1), else the index plus one.
uint64_t file_number(int file) {
  return file < 0 ? 0 : static_cast<uint64_t>(file) + 1;
}

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

// Where a diagnostic points, in the order the entry stores it (the writer and the reader
// share it).
constexpr uint32_t CachedDiagnostic::*kDiagnosticPlace[] = {
    &CachedDiagnostic::line, &CachedDiagnostic::column, &CachedDiagnostic::end_line,
    &CachedDiagnostic::end_column};

// Reads a count, then that many items with `read_item`. The count is checked against the
// bytes left (each item taking at least `item_bytes`) before the list is allocated.
template <typename T, typename ReadItem>
bool read_list(Reader& r, std::vector<T>& list, size_t item_bytes, ReadItem read_item) {
  size_t count = 0;
  if (!r.count(count, item_bytes)) return false;
  list.resize(count);
  for (T& item : list) {
    if (!read_item(r, item)) return false;
  }
  return true;
}

bool read_text(Reader& r, std::string& s) {
  return r.text(s);
}

bool read_links(Reader& r, FileLinks& links) {
  return r.small(links.loaded, 1) && r.text(links.id) && r.small(links.is_library, 1) &&
         read_list(r, links.imports, kMinText, read_text) &&
         read_list(r, links.calls, kMinText, read_text);
}

bool read_cached_file(Reader& r, CachedFile& file) {
  return r.text(file.path) && r.small(file.empty, 1);
}

bool read_note(Reader& r, CachedNote& note, size_t files) {
  return read_file_index(r, note.file, files) && r.small(note.line, UINT32_MAX) &&
         r.small(note.column, UINT32_MAX) && r.text(note.message);
}

bool read_diagnostic(Reader& r, CachedDiagnostic& d, size_t files) {
  int severity = 0;
  if (!r.text(d.rule) || !rule_from_id(d.rule) || !r.small(severity, 1) ||
      !read_file_index(r, d.file, files))
    return false;
  for (uint32_t CachedDiagnostic::*field : kDiagnosticPlace) {
    if (!r.small(d.*field, UINT32_MAX)) return false;
  }
  if (!r.text(d.message)) return false;
  d.severity = severity == 0 ? Severity::Error : Severity::Warning;
  // Every rule reports at its own severity: an entry saying otherwise was edited.
  if (d.severity != rule_info(*rule_from_id(d.rule)).default_severity) return false;
  return read_list(r, d.notes, kMinNote,
                   [files](Reader& in, CachedNote& note) { return read_note(in, note, files); });
}

// The fields of an entry of this format, between its magic line and its checksum; nothing
// for another format or when the checksum does not match (a torn or edited entry).
std::optional<std::string_view> checked_fields(std::string_view bytes) {
  constexpr size_t kSumChars = 64;
  if (bytes.size() < kMagic.size() + kSumChars || bytes.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  std::string_view body = bytes.substr(0, bytes.size() - kSumChars);
  if (sha256_hex(body) != bytes.substr(body.size())) return std::nullopt;
  return body.substr(kMagic.size());
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
    w.number(file_number(d.file));
    for (uint32_t CachedDiagnostic::*field : kDiagnosticPlace) w.number(d.*field);
    w.text(d.message);
    w.number(d.notes.size());
    for (const CachedNote& note : d.notes) {
      w.number(file_number(note.file));
      w.number(note.line);
      w.number(note.column);
      w.text(note.message);
    }
  }
  return w.finish();
}

std::optional<CacheEntry> parse_cache_entry(std::string_view bytes) {
  std::optional<std::string_view> fields = checked_fields(bytes);
  if (!fields) return std::nullopt;
  Reader r(*fields);
  CacheEntry e;
  auto read_diagnostic_of_e = [&e](Reader& in, CachedDiagnostic& d) {
    return read_diagnostic(in, d, e.files.size());
  };
  if (!r.text(e.key) || !r.text(e.source) || !read_links(r, e.links) ||
      !read_list(r, e.files, kMinFile, read_cached_file) ||
      !read_list(r, e.diagnostics, kMinDiagnostic, read_diagnostic_of_e) || !r.at_end())
    return std::nullopt;
  return e;
}

}  // namespace procedura
