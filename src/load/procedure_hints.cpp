#include "load/procedure_hints.h"

#include "load/syntax_checks.h"
#include "util/text.h"

namespace procedura {
namespace {

// The value after `key:` without a trailing comment (a '#' after a space starts one).
std::string_view value_of(std::string_view rest) {
  for (size_t i = 0; i < rest.size(); ++i) {
    if (rest[i] == '#' && (i == 0 || rest[i - 1] == ' ' || rest[i - 1] == '\t')) {
      rest = rest.substr(0, i);
      break;
    }
  }
  return text::trim(rest);
}

// A plain or simply quoted scalar with nothing YAML could read differently; "" otherwise.
std::string_view simple_scalar(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  for (char c : v) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.' || c == '/';
    if (!ok) return {};
  }
  return v;
}

// A top-level value that opens a quote or a flow collection must close it on its line:
// otherwise a later line at column 0 might be part of it, not a key.
bool closes_on_its_line(std::string_view v) {
  if (v.empty()) return true;
  char open = v.front();
  char close = open == '[' ? ']' : open == '{' ? '}' : open;
  if (open != '"' && open != '\'' && open != '[' && open != '{') return true;
  return v.size() >= 2 && v.back() == close;
}

void add_flow_list(std::string_view v, std::vector<std::string>& out) {
  if (v.size() < 2 || v.front() != '[' || v.back() != ']') return;
  v = v.substr(1, v.size() - 2);
  while (!v.empty()) {
    size_t comma = v.find(',');
    std::string_view item = simple_scalar(text::trim(v.substr(0, comma)));
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
}

// A key's block starts at its line and ends where the next one starts.
void open_block(std::vector<TopLevelBlock>& blocks, std::string_view key, size_t at) {
  if (!blocks.empty()) blocks.back().end = at;
  blocks.push_back({std::string(key), at, at});
}

}  // namespace

ProcedureHints scan_procedure_hints(std::string_view content) {
  ProcedureHints hints;
  const char* const start = content.data();
  const size_t total = content.size();
  bool doubtful = false, in_imports = false, any_key = false;
  int ids = 0;
  while (!content.empty() && !doubtful) {
    size_t nl = content.find('\n');
    std::string_view line = content.substr(0, nl);
    content.remove_prefix(nl == std::string_view::npos ? content.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    std::string_view body = text::trim(line);
    if (body.empty() || body.front() == '#') continue;
    if (line.front() == ' ') {
      if (in_imports && body.size() > 2 && body.substr(0, 2) == "- ") {
        std::string_view item = simple_scalar(value_of(body.substr(2)));
        if (!item.empty()) hints.imports.emplace_back(item);
      } else if (body.substr(0, 5) == "call:") {
        std::string_view callee = simple_scalar(value_of(body.substr(5)));
        if (!callee.empty()) hints.calls.emplace_back(callee);
      }
      continue;
    }
    in_imports = false;
    // Column 0: a document start before any key, or `key: value`; anything else is doubt.
    if (!any_key && value_of(line) == "---") continue;
    size_t colon = line.find(':');
    std::string_view key = line.substr(0, colon);
    if (colon == std::string_view::npos || simple_scalar(key) != key || key.empty() ||
        (colon + 1 < line.size() && line[colon + 1] != ' ' && line[colon + 1] != '\t')) {
      doubtful = true;
      break;
    }
    any_key = true;
    open_block(hints.blocks, key, static_cast<size_t>(line.data() - start));
    std::string_view value = value_of(line.substr(colon + 1));
    if (!closes_on_its_line(value)) doubtful = true;
    if (key == "id") {
      ++ids;
      std::string_view id = simple_scalar(value);
      if (!is_procedure_id(id)) doubtful = true;
      hints.id = std::string(id);
    } else if (key == "imports") {
      in_imports = value.empty();
      add_flow_list(value, hints.imports);
    }
  }
  hints.id_known = !doubtful && ids == 1;
  if (!hints.id_known) hints.id.clear();
  open_block(hints.blocks, {}, total);  // ends the last block
  hints.blocks.pop_back();
  return hints;
}

}  // namespace procedura
