#pragma once
// One file's record in the lint cache: what the file links to (so a warm run can tell which
// files depend on which without parsing them) and the diagnostics reported in it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostic.h"

namespace procedura {

// What a file contributes to the dependency graph of the files linted together.
struct FileLinks {
  bool loaded = false;  // read into the model as a procedure or library
  std::string id;
  bool is_library = false;
  std::vector<std::string> imports;  // canonical paths of imported files
  std::vector<std::string> calls;    // ids of called procedures
};

struct CachedNote {
  int file = -1;  // index into CacheEntry::files; -1: no file
  uint32_t line = 0, column = 0;
  std::string message;
};

struct CachedDiagnostic {
  std::string rule;  // rule id, as in rules.def
  Severity severity = Severity::Error;
  int file = -1;
  uint32_t line = 0, column = 0, end_line = 0, end_column = 0;
  std::string message;
  std::vector<CachedNote> notes;
};

struct CachedFile {
  std::string path;    // display path, as the diagnostics print it
  bool empty = false;  // the model held no content for it (e.g. a file over the size limit)
};

// Entries are read as untrusted input: larger ones are not read at all, and every count
// must fit in the bytes left, so a forged entry cannot make the reader allocate more than
// a few times its own size.
inline constexpr uint64_t kMaxCacheEntryBytes = 16u << 20;

struct CacheEntry {
  std::string key;     // of the file and everything it depends on
  std::string source;  // hash of the file's own bytes (and companions') it was made from
  FileLinks links;
  std::vector<CachedFile> files;
  std::vector<CachedDiagnostic> diagnostics;
};

std::string serialize_cache_entry(const CacheEntry& entry);
// Nullopt for anything but an intact entry of this format (truncated, corrupt, other
// version, a count larger than the bytes left, a rule with another severity than its own).
std::optional<CacheEntry> parse_cache_entry(std::string_view bytes);

}  // namespace procedura
