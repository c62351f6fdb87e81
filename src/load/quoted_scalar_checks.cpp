#include "load/quoted_scalar_checks.h"

#include <fmt/format.h>

#include <set>
#include <string_view>
#include <utility>

namespace procedura {
namespace {

// The escapes of YAML 1.2 double-quoted scalars (besides a line break).
bool is_yaml_escape(char c) {
  return std::string_view("0abt\tnvfre \"/\\N_LPxuU").find(c) != std::string_view::npos;
}

class QuotedScanner {
 public:
  QuotedScanner(const SourceFile& file, Diagnostics& diagnostics)
      : file_(file), diagnostics_(diagnostics) {}

  // `value` starts with its quote; `key_column` is its key's column in a block map (0: none).
  void check(const YamlNode& value, uint32_t key_column) {
    std::string_view text = file_.content();
    size_t i = value.offset();
    if (i >= text.size() || (text[i] != '"' && text[i] != '\'')) return;
    const char quote = text[i++];
    bool line_start = false;
    for (; i < text.size(); ++i) {
      char c = text[i];
      if (line_start) {
        line_start = false;
        size_t spaces = 0;
        while (i + spaces < text.size() && text[i + spaces] == ' ') ++spaces;
        size_t end = i + spaces;
        bool blank = end >= text.size() || text[end] == '\n' || text[end] == '\r';
        if (key_column > 0 && !blank && spaces < key_column) {
          report(i,
                 "this line of a quoted text is not indented deeper than its key; indent it "
                 "(tabs do not count as indentation)");
          return;
        }
      }
      if (c == '\n') {
        line_start = true;
      } else if (quote == '"' && c == '\\') {
        if (i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r' &&
            !is_yaml_escape(text[i + 1])) {
          report(i, fmt::format("'\\{}' is not an escape YAML knows; write the character "
                                "itself{}",
                                text[i + 1],
                                text[i + 1] == '\'' ? " (' needs no escape in \"...\")" : ""));
          return;
        }
        ++i;
      } else if (c == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;
          continue;
        }
        if (i + 1 < text.size() && text[i + 1] == '#')
          report(i + 1, "a comment needs a space before its '#'");
        return;
      }
    }
  }

 private:
  void report(size_t offset, std::string message) {
    diagnostics_.report(Rule::YamlSyntax, position_at(file_, offset), std::move(message));
  }

  const SourceFile& file_;
  Diagnostics& diagnostics_;
};

// The column of a key in a block map: only spaces (or "- " of a list item) before it.
uint32_t block_key_column(const SourceFile& file, const Location& key) {
  if (!key.known() || key.line > file.line_count()) return 0;
  std::string_view line = file.line_text(key.line);
  size_t before = file.offset_of(key.line, key.column) - file.offset_of(key.line, 1);
  for (size_t i = 0; i < before && i < line.size(); ++i) {
    if (line[i] != ' ' && line[i] != '-') return 0;
  }
  return static_cast<uint32_t>(before + 1);
}

}  // namespace

void check_quoted_scalars(const YamlDocument& document, Diagnostics& diagnostics) {
  if (!document.root() || !document.file()) return;
  const SourceFile& file = *document.file();
  QuotedScanner scanner(file, diagnostics);
  std::set<std::pair<const void*, uint64_t>> seen;  // identities of the nodes checked
  std::vector<std::pair<const YamlNode*, uint32_t>> work{{document.root(), 0}};
  while (!work.empty()) {
    auto [node, key_column] = work.back();
    work.pop_back();
    if (!node || (document.shares_nodes() && !seen.insert(node->identity()).second)) continue;
    if (node->is_scalar() && node->quoted()) scanner.check(*node, key_column);
    for (const YamlNode* item : node->items()) work.push_back({item, 0});
    for (const YamlNode::Entry& e : node->entries()) {
      work.push_back({&e.key, 0});
      work.push_back({&e.value, block_key_column(file, document.location_of(e.key))});
    }
  }
}

}  // namespace procedura
