#include "load/control_characters.h"

#include <fmt/format.h>

#include <set>
#include <utility>

#include "load/scalar_position.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura {
namespace {

std::string_view kind_of(char32_t c) {
  if (c < 0x20 || c == 0x7F) return "control character";
  if (c < 0xA0) return "C1 control character";
  if (c == 0x2028 || c == 0x2029) return "line or paragraph separator";
  return "bidirectional text control";
}

// Quoted scalars start at their quote; block scalars at `|` or `>`, with the text below.
bool opens_with_quote(const Location& at) {
  if (!at.known() || at.line > at.file->line_count()) return false;
  std::string_view line = at.file->line_text(at.line);
  size_t column = at.file->offset_of(at.line, at.column) - at.file->offset_of(at.line, 1);
  return column < line.size() && (line[column] == '"' || line[column] == '\'');
}

// Whether `text` has a byte that can begin a hidden control: below 0x20 but tab and line
// feed, DEL, or the lead byte of one above 0x7F (C2: U+0080-U+009F, D8: U+061C, E2: U+200E
// to U+2069). Most values have none and skip the decoding below, 5 % of `run ID`'s work.
bool may_hold_hidden_control(std::string_view text) {
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xC2 || c == 0xD8 || c == 0xE2)
      return true;
  }
  return false;
}

void check_scalar(const YamlDocument& document, const YamlNode& node, Diagnostics& diagnostics) {
  std::string_view text = node.scalar();
  if (!may_hold_hidden_control(text)) return;
  size_t code_points = 0;
  bool single_line = true;
  for (size_t i = 0; i < text.size();) {
    utf8::Decoded d = utf8::decode(text, i);
    // A CR inside a value only comes from an escape: YAML turns line breaks into '\n'.
    if (d.valid && is_hidden_control(d.code_point)) {
      Location at = document.location_of(node);
      if (single_line && (!node.quoted() || opens_with_quote(at))) {
        if (node.quoted()) ++at.column;  // past the opening quote
        at = position_in_scalar(at, code_points);
      }
      diagnostics.report(
          Rule::ControlCharacter, at,
          fmt::format("the text holds the invisible {} U+{:04X} (shown as {}); it can rewrite "
                      "an operator's terminal or hide what the text says: remove it",
                      kind_of(d.code_point), static_cast<unsigned>(d.code_point),
                      visible_text(text.substr(i, d.length))));
      return;
    }
    if (d.code_point == '\n') single_line = false;
    ++code_points;
    i += d.length;
  }
}

}  // namespace

void check_control_characters(const YamlDocument& document, Diagnostics& diagnostics) {
  if (!document.root()) return;
  // Aliases share nodes: each is checked once (remembered only when there are aliases; the
  // set was most of this walk's time).
  std::set<std::pair<const void*, uint64_t>> seen;  // identities of the nodes checked
  std::vector<const YamlNode*> work{document.root()};
  while (!work.empty()) {
    const YamlNode* node = work.back();
    work.pop_back();
    if (!node || (document.shares_nodes() && !seen.insert(node->identity()).second)) continue;
    if (node->is_scalar()) check_scalar(document, *node, diagnostics);
    for (const YamlNode* item : node->items()) work.push_back(item);
    for (auto it = node->entries().rbegin(); it != node->entries().rend(); ++it) {
      work.push_back(&it->value);
      work.push_back(&it->key);
    }
  }
}

}  // namespace procedura
