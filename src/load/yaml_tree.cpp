#include "load/yaml_tree.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <span>
#include <unordered_map>

#include "util/utf8.h"
#include "util/view_stream.h"

namespace procedura {

std::string_view yaml_kind_name(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::Null:
      return "nothing";
    case YamlNode::Kind::Scalar:
      return "a single value";
    case YamlNode::Kind::Sequence:
      return "a list";
    case YamlNode::Kind::Map:
      return "a map";
  }
  return "?";
}

namespace {
struct ParseAborted {};  // a limit or structural error was reported; stop parsing

bool is_one_of(char c, std::string_view set) {
  return set.find(c) != std::string_view::npos;
}
}  // namespace

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(YamlDocument& doc, const SourceFile& file, size_t base, const Limits& limits,
              Diagnostics& diagnostics)
      : doc_(doc), file_(file), base_(base), limits_(limits), diagnostics_(diagnostics) {
    doc_.file_ = &file_;
  }

  size_t offset_of(const YAML::Mark& mark) const {
    return mark.pos < 0 ? 0 : base_ + static_cast<size_t>(mark.pos);
  }
  Location at(const YAML::Mark& mark) const { return position_at(file_, offset_of(mark)); }
  Location at(const YamlNode& node) const { return position_at(file_, node.offset()); }

  // The offset of a node's text past the tags and anchors written before it, and the
  // blanks, line breaks and comments after them.
  size_t past_properties(size_t at) const {
    const std::string& text = file_.content();
    while (at < text.size() && (text[at] == '!' || text[at] == '&')) {
      while (at < text.size() && !is_one_of(text[at], " \t\r\n")) ++at;
      for (;;) {
        while (at < text.size() && is_one_of(text[at], " \t\r\n")) ++at;
        if (at >= text.size() || text[at] != '#') break;
        while (at < text.size() && text[at] != '\n') ++at;  // a comment after the property
      }
    }
    return std::min(at, text.size());
  }

  // Where a null was written. An empty value (`next:` and nothing) has no text of its own,
  // and the parser marks the token after it, often the next key or the end of the file: it
  // is placed just after what precedes it instead (the key's colon, a list's dash).
  size_t null_offset(const YAML::Mark& mark) const {
    if (mark.pos < 0) return offset_of(mark);
    const std::string& text = file_.content();
    size_t i = std::min(base_ + static_cast<size_t>(mark.pos), text.size());
    std::string_view rest = std::string_view(text).substr(i);
    auto ends_token = [&](size_t n) {
      return n >= rest.size() || is_one_of(rest[n], " \t\r\n,]}#:");
    };
    for (std::string_view written : {"~", "null", "Null", "NULL"}) {
      if (rest.starts_with(written) && ends_token(written.size())) return offset_of(mark);
    }
    // A tag or an anchor.
    if (rest.starts_with("!") || rest.starts_with("&")) return offset_of(mark);
    while (i > base_) {
      char c = text[i - 1];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        --i;
        continue;
      }
      size_t line_start = text.rfind('\n', i - 1);
      line_start = line_start == std::string::npos ? 0 : line_start + 1;
      size_t comment = std::string::npos;
      char quote = 0;  // a '#' inside a quoted key starts no comment
      for (size_t j = std::max(line_start, base_); j < i; ++j) {
        if (quote) {
          if (text[j] == quote) quote = 0;
        } else if (text[j] == '"' || text[j] == '\'') {
          quote = text[j];
        } else if (text[j] == '#' &&
                   (j == line_start || text[j - 1] == ' ' || text[j - 1] == '\t')) {
          comment = j;
          break;
        }
      }
      if (comment == std::string::npos) break;
      i = comment;
    }
    return i;
  }

  bool saw_document() const { return saw_document_; }
  Location document_start() const { return document_start_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    saw_document_ = true;
    document_start_ = at(mark);
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node = make(YamlNode::Kind::Null, mark);
    node.set_offset(null_offset(mark));
    count(1, node);
    remember(anchor, node);
    attach(node, 1);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      fail(Rule::YamlSyntax, at(mark), "alias refers to an unknown anchor");
    }
    for (const Frame& frame : stack_) {
      if (frame.anchor == anchor) {
        fail(Rule::YamlSyntax, at(mark),
             "alias refers to a node that contains it; recursive structures are not allowed");
      }
    }
    count(it->second.weight, make(YamlNode::Kind::Null, mark));
    attach(it->second.node, it->second.weight);
    doc_.shares_nodes_ = true;
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node = make(YamlNode::Kind::Scalar, mark);
    node.set_quoted(tag == "!");
    if (!utf8::is_valid(value)) {
      // The file is valid UTF-8 (checked before parsing), so these bytes come from an escape
      // the parser wrote as one byte: \_ (U+00A0), \N (U+0085), \xE9. Each byte is the
      // code point of that value.
      std::string repaired;
      for (size_t i = 0; i < value.size();) {
        utf8::Decoded d = utf8::decode(value, i);
        if (d.valid)
          repaired.append(value, i, d.length);
        else
          utf8::append(repaired, static_cast<unsigned char>(value[i]));
        i += d.length;
      }
      node.set_scalar(text_of(repaired, mark));
    } else {
      node.set_scalar(text_of(value, mark));
    }
    if (mark.pos < 0) return finish_scalar(node, anchor);
    // The parser marks a tag or an anchor written before the text (`!!str "…"`, `&a …`):
    // positions inside the scalar count from its text.
    // An empty value written as its tag alone (`!!null`, `!!str`) stays at the tag.
    size_t text_at = value.empty() ? base_ + static_cast<size_t>(mark.pos)
                                   : past_properties(base_ + static_cast<size_t>(mark.pos));
    node.set_offset(text_at);
    // With a tag the parser does not say how the text was written: the text itself does.
    if (!value.empty() && text_at < file_.content().size() &&
        is_one_of(file_.content()[text_at], "\"'|>"))
      node.set_quoted(true);
    if (node.quoted()) check_quote_closed(text_at);
    finish_scalar(node, anchor);
  }

  void finish_scalar(const YamlNode& node, YAML::anchor_t anchor) {
    count(1, node);
    remember(anchor, node);
    attach(node, 1);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::Sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::Map, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YamlNode node;  // its children are set when it closes
    YAML::anchor_t anchor = 0;
    size_t weight = 1;  // nodes below, aliases expanded
    YamlNode pending_key;
    bool expecting_key = true;
    size_t first_child = 0;  // where this node's children start in items_ / entries_
    // Keys seen (text to offset), for duplicates: a scan of the entries while a map is
    // small, an index once it is not (a procedure's `nodes` may hold thousands).
    std::unique_ptr<std::unordered_map<std::string_view, uint32_t>> keys;
  };
  static constexpr size_t kScanKeysUpTo = 16;

  // The scalar's text as a view into the file where the bytes there are the value (plain
  // text, or quoted text without escapes on one line); otherwise a copy in the arena.
  std::string_view text_of(const std::string& value, const YAML::Mark& mark) {
    if (mark.pos >= 0) {
      std::string_view content = file_.content();
      size_t offset = base_ + static_cast<size_t>(mark.pos);
      for (size_t skip : {0, 1}) {
        if (offset + skip <= content.size() && content.substr(offset + skip, value.size()) == value)
          return content.substr(offset + skip, value.size());
      }
    }
    return doc_.arena_.copy(value);
  }
  struct Anchored {
    YamlNode node;
    size_t weight;
  };

  // yaml-cpp 0.7.0 accepts a quoted scalar left open at the end of the file, silently
  // swallowing the rest of the file into it.
  void check_quote_closed(size_t offset) {
    std::string_view text = file_.content();
    if (offset >= text.size() || (text[offset] != '"' && text[offset] != '\'')) return;
    char quote = text[offset];
    for (size_t i = offset + 1; i < text.size(); ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i;  // '' is an escaped quote
          continue;
        }
        return;
      }
    }
    fail(Rule::YamlSyntax, position_at(file_, offset),
         "this quoted text is never closed: the closing quote is missing");
  }

  [[noreturn]] void fail(Rule rule, Location where, std::string message) {
    diagnostics_.report(rule, where, std::move(message));
    throw ParseAborted{};
  }

  YamlNode make(YamlNode::Kind kind, const YAML::Mark& mark) const {
    YamlNode node;
    node.set_kind(kind);
    node.set_offset(offset_of(mark));
    return node;
  }

  void remember(YAML::anchor_t anchor, const YamlNode& node) {
    if (anchor != 0) anchors_[anchor] = Anchored{node, 1};
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    YamlNode node = make(kind, mark);
    if (stack_.size() >= limits_.max_depth) {
      fail(Rule::LimitExceeded, at(node),
           fmt::format("nesting deeper than {} levels", limits_.max_depth));
    }
    count(1, node);
    if (anchor != 0) anchors_[anchor] = Anchored{node, 1};
    Frame frame;
    frame.node = node;
    frame.anchor = anchor;
    frame.first_child = kind == YamlNode::Kind::Sequence ? items_.size() : entries_.size();
    stack_.push_back(std::move(frame));
  }

  // Children are gathered on shared stacks while a collection is open (an inner one closes
  // first, so the top segment is always the closing node's) and then copied to the arena.
  void close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    if (frame.node.is_sequence()) {
      frame.node.set_items(
          doc_.arena_.copy(std::span<const YamlNode>(items_).subspan(frame.first_child)));
      items_.resize(frame.first_child);
    } else {
      frame.node.set_entries(
          doc_.arena_.copy(std::span<const YamlNode::Entry>(entries_).subspan(frame.first_child)));
      entries_.resize(frame.first_child);
    }
    if (frame.anchor != 0) anchors_[frame.anchor] = Anchored{frame.node, frame.weight};
    attach(frame.node, frame.weight);
  }

  // The entry of this map whose key reads `key`, or null; indexes the keys once the map
  // outgrows a scan.
  // The offset of the first key of this map that reads like `key`, if any.
  std::optional<uint32_t> seen_key(Frame& frame, const YamlNode& key) {
    const size_t count = entries_.size() - frame.first_child;
    if (!frame.keys && count < kScanKeysUpTo) {
      for (size_t i = frame.first_child; i < entries_.size(); ++i) {
        if (entries_[i].key.scalar() == key.scalar()) return entries_[i].key.offset();
      }
      return std::nullopt;
    }
    if (!frame.keys) {
      frame.keys = std::make_unique<std::unordered_map<std::string_view, uint32_t>>();
      for (size_t i = frame.first_child; i < entries_.size(); ++i)
        frame.keys->emplace(entries_[i].key.scalar(), entries_[i].key.offset());
    }
    auto [it, inserted] = frame.keys->emplace(key.scalar(), key.offset());
    if (inserted) return std::nullopt;
    return it->second;
  }

  // Counts each node once as it starts, and an alias as a copy of everything it names.
  void count(size_t weight, const YamlNode& where) {
    total_weight_ += weight;
    if (total_weight_ > limits_.max_yaml_nodes) {
      fail(Rule::LimitExceeded, at(where),
           fmt::format("more than {} YAML nodes (aliases counted at every use)",
                       limits_.max_yaml_nodes));
    }
  }

  void attach(const YamlNode& node, size_t weight) {
    if (stack_.empty()) {
      doc_.root_ = node;
      doc_.has_root_ = true;
      return;
    }
    Frame& parent = stack_.back();
    parent.weight += weight;
    if (parent.node.is_sequence()) {
      items_.push_back(node);
      return;
    }
    if (parent.expecting_key) {
      if (!node.is_scalar() && !node.is_null()) {
        fail(Rule::YamlSyntax, at(node), "a map key must be a single value, not a list or a map");
      }
      parent.pending_key = node;
      parent.expecting_key = false;
      return;
    }
    parent.expecting_key = true;
    const YamlNode& key = parent.pending_key;
    if (std::optional<uint32_t> first = seen_key(parent, key)) {
      Diagnostic& d = diagnostics_.report(
          Rule::DuplicateKey, at(key),
          fmt::format("duplicate key '{}'; the first one is used", key.scalar()));
      d.notes.push_back({position_at(file_, *first), "first defined here"});
      return;
    }
    entries_.push_back({key, node});
  }

  YamlDocument& doc_;
  const SourceFile& file_;
  size_t base_;
  const Limits& limits_;
  Diagnostics& diagnostics_;
  std::vector<Frame> stack_;
  std::vector<YamlNode> items_;           // children of the open sequences
  std::vector<YamlNode::Entry> entries_;  // entries of the open maps
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  size_t total_weight_ = 0;
  bool saw_document_ = false;
  Location document_start_;
};

namespace {

// Only `---` or `...` at the start of a line separates YAML documents; yaml-cpp also
// starts a "second document" at text it cannot place (a lone `,`), which is no document.
bool has_document_marker(const SourceFile& file, uint32_t up_to_line) {
  for (uint32_t line = 1; line <= std::min(up_to_line, file.line_count()); ++line) {
    std::string_view text = file.line_text(line);
    if (text.starts_with("---") || text.starts_with("...")) return true;
  }
  return false;
}

std::string stray_text_message(const SourceFile& file, const Location& at) {
  std::string_view text =
      at.line >= 1 && at.line <= file.line_count() ? file.line_text(at.line) : "";
  size_t column = at.column >= 1 ? at.column - 1 : 0;
  char c = column < text.size() ? text[column] : ' ';
  if (c == ',' || c == ']' || c == '}') {
    return fmt::format(
        "unexpected '{}' outside a [ ] or {{ }} collection; put the text in quotes "
        "if it is meant as text",
        c);
  }
  return "unexpected text where YAML expects nothing more; a procedure file holds one map";
}

// yaml-cpp reports tab indentation as "illegal map value" or similar; find the tab instead.
std::optional<Location> find_tab_indentation(const SourceFile& file, uint32_t up_to_line) {
  for (uint32_t line = 1; line <= std::min(up_to_line, file.line_count()); ++line) {
    std::string_view text = file.line_text(line);
    size_t i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i == text.size() || text[i] == '#') continue;
    size_t tab = text.substr(0, i).find('\t');
    if (tab != std::string_view::npos) {
      return Location{&file, line, static_cast<uint32_t>(tab + 1)};
    }
  }
  return std::nullopt;
}

}  // namespace

YamlDocument parse_yaml(const SourceFile& file, const Limits& limits, Diagnostics& diagnostics) {
  YamlDocument doc;
  doc.file_ = &file;
  std::string_view content = file.content();
  if (content.size() > YamlNode::kMaxBytes) {  // a node's lengths and offsets are 29-bit
    diagnostics.report(Rule::LimitExceeded, Location{&file, 1, 1},
                       "the file is 512 MiB or larger; procedure files are read whole");
    return doc;
  }
  size_t base = content.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;  // UTF-8 byte-order mark
  ViewStream in(content.substr(base));
  TreeBuilder builder(doc, file, base, limits, diagnostics);
  try {
    YAML::Parser parser(in);
    parser.HandleNextDocument(builder);
    // yaml-cpp would silently drop a second document; a stray `---` or `...` makes one.
    YamlDocument extra;
    TreeBuilder second(extra, file, base, limits, diagnostics);
    if (parser.HandleNextDocument(second) && second.saw_document()) {
      Location at = second.document_start();
      diagnostics.report(Rule::YamlSyntax, at,
                         has_document_marker(file, at.line)
                             ? "a second YAML document starts here; a procedure file holds "
                               "exactly one"
                             : stray_text_message(file, at));
      return doc;
    }
    doc.ok_ = true;
  } catch (const ParseAborted&) {
  } catch (const YAML::Exception& e) {
    Location where{&file, 1, 1};
    if (e.mark.pos >= 0) {
      size_t offset = std::min(base + static_cast<size_t>(e.mark.pos), content.size());
      where = position_at(file, offset);
    }
    // Line breaks written as a lone CR (old Mac files) are no line breaks to YAML: the file
    // reads as one line, and the parser's complaint about it would not say why.
    const bool cr_only = content.find('\r') != std::string_view::npos &&
                         content.find('\n') == std::string_view::npos;
    if (cr_only) {
      diagnostics.report(Rule::YamlSyntax, where,
                         fmt::format("{}; the file's lines end in CR alone (old Mac line "
                                     "endings), which YAML does not read as line breaks: save "
                                     "it with LF (or CRLF) line endings",
                                     e.msg.empty() ? "malformed YAML" : e.msg));
    } else if (auto tab = find_tab_indentation(file, where.line)) {
      diagnostics.report(Rule::YamlSyntax, *tab,
                         "tab character in indentation; YAML indents with spaces only");
    } else if (e.msg == "unknown token" && e.mark.pos >= 0 &&
               base + static_cast<size_t>(e.mark.pos) < content.size() &&
               content[base + static_cast<size_t>(e.mark.pos)] == '?') {
      // yaml-cpp refuses a plain `?` before `,` `]` `}` in a flow collection (Czy?, ...).
      diagnostics.report(Rule::YamlSyntax, where,
                         "unknown token: a '?' at the end of unquoted text inside { } or [ ] "
                         "is read as YAML syntax; put the text in quotes");
    } else {
      diagnostics.report(Rule::YamlSyntax, where, e.msg.empty() ? "malformed YAML" : e.msg);
    }
  } catch (const std::exception& e) {
    diagnostics.report(Rule::YamlSyntax, Location{&file, 1, 1},
                       fmt::format("cannot parse the file: {}", e.what()));
  }
  return doc;
}

}  // namespace procedura
