#pragma once
// What a procedure file says about itself, read from its lines without parsing the YAML:
// its top-level `id`, the files it imports and the procedures it calls. `procedura run ID`
// uses it to find the file holding ID and what that file needs, so that only those are
// loaded; the menu and `procedura list` use the top-level blocks to read only the keys
// they show. Imports and calls are hints (loading resolves them for real); the id is given
// only when the lines leave no doubt, otherwise `id_known` is false and the caller loads
// everything as before.
#include <string>
#include <string_view>
#include <vector>

namespace procedura {

// A top-level key and the bytes of its block: its line up to the next key at column 0.
struct TopLevelBlock {
  std::string key;
  size_t begin = 0;
  size_t end = 0;
};

struct ProcedureHints {
  bool id_known = false;
  std::string id;
  std::vector<std::string> imports;  // as written, relative to the file's folder
  std::vector<std::string> calls;    // procedure ids of `call:` nodes
  // Every top-level key in file order, complete only when `id_known` (the lines left no
  // doubt): the menu reads the few keys it shows from these blocks alone.
  std::vector<TopLevelBlock> blocks;
};

ProcedureHints scan_procedure_hints(std::string_view content);

}  // namespace procedura
