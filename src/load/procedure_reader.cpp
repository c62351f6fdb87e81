#include "load/procedure_reader.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cmath>
#include <regex>

#include "load/did_you_mean.h"
#include "load/syntax_checks.h"

namespace procedura {

namespace {
// Nothing but spaces, tabs and line ends: no text to show.
bool is_blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}
}  // namespace
namespace {

using Entry = YamlNode::Entry;
using Keys = std::span<const std::string_view>;

constexpr std::array<std::string_view, 19> kTopKeys = {
    "format",   "id",       "version",   "languages",  "title",      "summary", "area",
    "keywords", "audience", "review_by", "imports",    "recipients", "actions", "legal_basis",
    "cautions", "start",    "nodes",     "invariants", "tests"};
constexpr std::array<std::string_view, 9> kLibraryKeys = {"format",      "kind",       "id",
                                                          "languages",   "recipients", "actions",
                                                          "legal_basis", "cautions",   "imports"};
constexpr std::array<std::string_view, 5> kNodeKinds = {"ask", "step", "branch", "call", "outcome"};
constexpr std::array<std::string_view, 19> kNodeKeys = {
    "ask",     "step",     "branch",   "call",      "outcome", "help", "basis",
    "actions", "cautions", "type",     "var",       "options", "next", "min",
    "max",     "unit",     "personal", "otherwise", "about"};
constexpr std::array<std::string_view, 7> kActionKeys = {"kind",     "to",      "text", "short",
                                                         "deadline", "channel", "basis"};
constexpr std::array<std::string_view, 3> kCautionKeys = {"text", "short", "basis"};
constexpr std::array<std::string_view, 5> kOptionKeys = {"value", "label", "next", "actions",
                                                         "cautions"};
constexpr std::array<std::string_view, 4> kCaseKeys = {"when", "next", "actions", "cautions"};
constexpr std::array<std::string_view, 2> kRecipientKeys = {"name", "short"};
constexpr std::array<std::string_view, 3> kBasisKeys = {"cite", "text", "url"};
constexpr std::array<std::string_view, 5> kInvariantKeys = {"id", "text", "if", "require",
                                                            "forbid"};
constexpr std::array<std::string_view, 4> kTestKeys = {"name", "lang", "answers", "expect"};
constexpr std::array<std::string_view, 5> kExpectKeys = {"outcome", "actions", "notify",
                                                         "not_actions", "exact"};
constexpr std::array<std::string_view, 5> kAnswerTypes = {"yes_no", "choice", "multi", "number",
                                                          "text"};
constexpr std::array<std::string_view, 3> kActionKinds = {"do", "notify", "document"};
constexpr std::array<std::string_view, 4> kChannels = {"phone", "written", "in_person",
                                                       "electronic"};

// Keys allowed per node kind, besides the kind key and help/basis/actions/cautions.
bool key_fits_kind(std::string_view key, NodeKind kind, AnswerType type) {
  if (key == "help" || key == "basis" || key == "actions" || key == "cautions") return true;
  switch (kind) {
    case NodeKind::Ask:
      if (key == "ask" || key == "type" || key == "var" || key == "personal") return true;
      if (key == "options")
        return type == AnswerType::YesNo || type == AnswerType::Choice || type == AnswerType::Multi;
      if (key == "next") return true;
      if (key == "min") return type == AnswerType::Number || type == AnswerType::Multi;
      if (key == "max" || key == "unit") return type == AnswerType::Number;
      return false;
    case NodeKind::Step:
      return key == "step" || key == "next";
    case NodeKind::Branch:
      return key == "branch" || key == "otherwise";
    case NodeKind::Call:
      return key == "call" || key == "next" || key == "about";
    case NodeKind::Outcome:
      return key == "outcome";
  }
  return false;
}

class Fields {
 public:
  const Entry* get(std::string_view key) const {
    for (const auto& [name, entry] : found_) {
      if (name == key) return entry;
    }
    return nullptr;
  }
  const YamlNode* value(std::string_view key) const {
    const Entry* e = get(key);
    return e ? &e->value : nullptr;
  }
  void add(std::string_view key, const Entry* entry) { found_.emplace_back(key, entry); }
  const std::vector<std::pair<std::string_view, const Entry*>>& all() const { return found_; }

 private:
  std::vector<std::pair<std::string_view, const Entry*>> found_;
};

class Reader {
 public:
  Reader(const SourceFile& file, Diagnostics& diagnostics) : file_(file), diags_(diagnostics) {}

  // Where a node of this file's tree is written.
  Location loc(const YamlNode* node) const { return position_at(file_, node->offset()); }
  Location loc(const YamlNode& node) const { return position_at(file_, node.offset()); }

  void report(Rule rule, Location where, std::string message) {
    diags_.report(rule, where, std::move(message));
  }

  // One pass over a map's entries: known keys are kept, unknown ones reported.
  Fields fields(const YamlNode* map, Keys allowed, std::string_view context) {
    Fields result;
    for (const Entry& entry : map->entries()) {
      std::string_view key = entry.key.scalar();
      if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) {
        result.add(key, &entry);
        continue;
      }
      std::string message = fmt::format("unknown key '{}' in {}", key, context);
      if (auto suggestion = closest_match(key, allowed); !suggestion.empty()) {
        message += fmt::format("; did you mean '{}'?", suggestion);
      }
      report(Rule::UnknownKey, loc(entry.key), message);
    }
    return result;
  }

  bool require(const Fields& f, std::string_view key, Location owner, std::string_view context) {
    if (f.get(key)) return true;
    report(Rule::MissingKey, owner, fmt::format("{} needs the key '{}'", context, key));
    return false;
  }

  bool is_map(const YamlNode* node, std::string_view what) {
    if (node->is_map()) return true;
    report(Rule::WrongType, loc(node),
           fmt::format("{} must be a map, not {}", what, yaml_kind_name(node->kind())));
    return false;
  }
  bool is_list(const YamlNode* node, std::string_view what) {
    if (node->is_sequence()) return true;
    report(Rule::WrongType, loc(node),
           fmt::format("{} must be a list, not {}", what, yaml_kind_name(node->kind())));
    return false;
  }
  bool is_scalar(const YamlNode* node, std::string_view what) {
    if (node->is_scalar()) return true;
    report(Rule::WrongType, loc(node),
           fmt::format("{} must be a single value, not {}", what, yaml_kind_name(node->kind())));
    return false;
  }

  std::string scalar(const YamlNode* node, std::string_view what) {
    return is_scalar(node, what) ? std::string(node->scalar()) : std::string();
  }

  Ref ref(const YamlNode* node, std::string_view what) {
    if (!is_scalar(node, what) || node->scalar().empty()) {
      if (node->is_scalar())
        report(Rule::WrongType, loc(node), fmt::format("{} must not be empty", what));
      return {};
    }
    return Ref{std::string(node->scalar()), loc(node)};
  }

  std::vector<Ref> ref_list(const YamlNode* node, std::string_view what) {
    std::vector<Ref> refs;
    if (node->is_scalar()) {  // a single id is accepted where a list is expected
      if (Ref r = ref(node, what); r.present()) refs.push_back(r);
      return refs;
    }
    if (!is_list(node, what)) return refs;
    for (const YamlNode* item : node->items()) {
      if (Ref r = ref(item, what); r.present()) refs.push_back(r);
    }
    return refs;
  }

  std::vector<std::string> string_list(const YamlNode* node, std::string_view what) {
    std::vector<std::string> out;
    if (!is_list(node, what)) return out;
    for (const YamlNode* item : node->items()) {
      if (is_scalar(item, what)) out.emplace_back(item->scalar());
    }
    return out;
  }

  std::optional<bool> boolean(const YamlNode* node, std::string_view what) {
    if (!is_scalar(node, what)) return std::nullopt;
    std::string_view s = node->scalar();
    if (s == "true" || s == "yes") return true;
    if (s == "false" || s == "no") return false;
    report(Rule::WrongType, loc(node), fmt::format("{} must be true or false, not '{}'", what, s));
    return std::nullopt;
  }

  std::optional<double> number(const YamlNode* node, std::string_view what) {
    if (!is_scalar(node, what)) return std::nullopt;
    if (auto n = parse_number(node->scalar())) return n;
    report(Rule::WrongType, loc(node),
           fmt::format("{} must be a number, not '{}'", what, node->scalar()));
    return std::nullopt;
  }

  void check_definition_id(const YamlNode* key, std::string_view what) {
    if (!is_definition_id(key->scalar())) {
      report(Rule::BadId, loc(key),
             fmt::format("{} id '{}' must consist of letters a-z, A-Z, digits, '_' and '-'", what,
                         key->scalar()));
    }
  }

  // Localized text per FORMAT.md: plain string, or a map holding every declared language.
  Text text(const Entry* entry, std::string_view what) {
    Text t;
    if (!entry) return t;
    const YamlNode* node = &entry->value;
    t.location = node->is_null() ? loc(entry->key) : loc(node);
    t.present = true;
    if (node->is_scalar()) {
      t.plain = node->scalar();
      // `''`, blanks or `!!null` read as nothing to show, as a missing value does.
      if (is_blank(t.plain)) {
        report(Rule::WrongType, loc(node), fmt::format("{} is empty", what));
        return t;
      }
      if (languages_.size() > 1) {
        report(Rule::MissingTranslation, loc(node),
               fmt::format("{} is plain text, but the file declares languages [{}]; write a map "
                           "with every language",
                           what, fmt::join(languages_, ", ")));
      }
      return t;
    }
    if (node->is_null()) {
      report(Rule::WrongType, loc(entry->key), fmt::format("{} is empty", what));
      return t;
    }
    if (!is_map(node, what)) return t;
    t.localized = true;
    for (const Entry& e : node->entries()) {
      std::string_view lang = e.key.scalar();
      if (!declared_language(e)) continue;
      if (!is_scalar(&e.value, fmt::format("{} in '{}'", what, lang))) continue;
      if (is_blank(e.value.scalar()))
        report(Rule::WrongType, loc(e.value), fmt::format("{} in '{}' is empty", what, lang));
      t.add_translation(lang, e.value.scalar());
    }
    for (const std::string& lang : languages_) {
      if (!t.has(lang)) {
        report(Rule::MissingTranslation, loc(node),
               fmt::format("{} has no '{}' translation", what, lang));
      }
    }
    return t;
  }

  void read_languages(const Entry* entry) {
    if (!entry) return;
    for (const YamlNode* item :
         entry->value.is_sequence() ? entry->value.items() : YamlNode::Items{}) {
      if (!is_scalar(item, "a language code")) continue;
      if (!is_language_code(item->scalar())) {
        report(Rule::BadId, loc(item),
               fmt::format("'{}' is not a language code such as pl or en", item->scalar()));
        continue;
      }
      if (std::find(languages_.begin(), languages_.end(), item->scalar()) != languages_.end()) {
        report(Rule::DuplicateId, loc(item),
               fmt::format("language '{}' is listed twice", item->scalar()));
        continue;
      }
      languages_.emplace_back(item->scalar());
    }
    if (!entry->value.is_sequence()) {
      is_list(&entry->value, "`languages`");
    } else if (entry->value.items().empty()) {
      // The first language is the default: an empty list names none. Leave the key out for
      // plain texts.
      report(Rule::WrongType, loc(entry->value),
             "`languages` is empty; list at least one (the first is the default), or leave the "
             "key out for plain texts");
    }
  }

  const std::vector<std::string>& languages() const { return languages_; }

  // --- definitions -------------------------------------------------------------------

  // A map of definitions (`actions:`, `cautions:`, ...) of one kind, `what`: each key an id,
  // each value a map whose fields `read_body(value, definition, key location, context)` reads.
  template <typename Definition, typename ReadBody>
  void read_definitions(const YamlNode* map, std::string_view section, std::string_view what,
                        Procedure& proc, std::vector<std::unique_ptr<Definition>>& into,
                        ReadBody read_body) {
    if (!is_map(map, fmt::format("`{}`", section))) return;
    for (const Entry& e : map->entries()) {
      check_definition_id(&e.key, what);
      auto d = std::make_unique<Definition>();
      d->id = e.key.scalar();
      d->location = loc(e.key);
      d->owner = &proc;
      std::string context = fmt::format("{} '{}'", what, d->id);
      if (is_map(&e.value, context)) (this->*read_body)(&e.value, *d, loc(e.key), context);
      into.push_back(std::move(d));
    }
  }

  void read_recipient_body(const YamlNode* map, Recipient& r, Location owner,
                           const std::string& context) {
    Fields f = fields(map, kRecipientKeys, context);
    require(f, "name", owner, context);
    r.name = text(f.get("name"), "the recipient's name");
    r.short_name = text(f.get("short"), "the recipient's short name");
  }

  void read_recipients(const YamlNode* map, Procedure& proc) {
    read_definitions(map, "recipients", "recipient", proc, proc.recipients,
                     &Reader::read_recipient_body);
  }

  void read_basis_body(const YamlNode* map, LegalBasis& b, Location owner,
                       const std::string& context) {
    Fields f = fields(map, kBasisKeys, context);
    if (require(f, "cite", owner, context)) b.cite = scalar(f.value("cite"), "`cite`");
    b.text = text(f.get("text"), "the legal basis text");
    if (const YamlNode* url = f.value("url")) b.url = scalar(url, "`url`");
  }

  void read_legal_bases(const YamlNode* map, Procedure& proc) {
    read_definitions(map, "legal_basis", "legal basis", proc, proc.legal_bases,
                     &Reader::read_basis_body);
  }

  void read_action_body(const YamlNode* map, Action& a, Location owner,
                        const std::string& context) {
    Fields f = fields(map, kActionKeys, context);
    if (const YamlNode* kind = f.value("kind")) {
      if (auto k = read_choice<ActionKind>(kind, "`kind`", "action kind", kActionKinds))
        a.kind = *k;
    }
    if (const Entry* to = f.get("to")) {
      if (a.kind != ActionKind::Notify) {
        report(Rule::UnknownKey, loc(to->key),
               fmt::format("`to` is only for actions of kind notify ({} is '{}')", context,
                           action_kind_name(a.kind)));
      } else {
        a.to = ref(&to->value, "`to`");
      }
    } else if (a.kind == ActionKind::Notify) {
      report(Rule::MissingKey, owner,
             fmt::format("{} is a notification and needs `to` (a recipient id)", context));
    }
    require(f, "text", owner, context);
    a.text = text(f.get("text"), "the action text");
    a.short_text = text(f.get("short"), "the action's short text");
    if (const YamlNode* deadline = f.value("deadline")) a.deadline = read_deadline(deadline);
    if (const YamlNode* channel = f.value("channel")) {
      if (auto c = read_choice<Channel>(channel, "`channel`", "channel", kChannels)) a.channel = *c;
    }
    if (const YamlNode* basis = f.value("basis")) a.basis = ref_list(basis, "a legal basis id");
  }

  void read_action_definitions(const YamlNode* map, Procedure& proc) {
    read_definitions(map, "actions", "action", proc, proc.actions, &Reader::read_action_body);
  }

  void read_caution_body(const YamlNode* map, Caution& c, Location owner,
                         const std::string& context) {
    Fields f = fields(map, kCautionKeys, context);
    require(f, "text", owner, context);
    c.text = text(f.get("text"), "the caution text");
    c.short_text = text(f.get("short"), "the caution's short text");
    if (const YamlNode* basis = f.value("basis")) c.basis = ref_list(basis, "a legal basis id");
  }

  void read_caution_definitions(const YamlNode* map, Procedure& proc) {
    read_definitions(map, "cautions", "caution", proc, proc.cautions, &Reader::read_caution_body);
  }

  std::vector<CautionUse> read_caution_uses(const YamlNode* node, Procedure& proc) {
    return read_uses(
        node, proc,
        UseList<CautionUse, Caution>{"`cautions`", "a caution id", "an inline caution",
                                     "a caution is a caution id or an inline map {text, basis}",
                                     &CautionUse::inline_caution, &Reader::read_caution_body});
  }

  // Whether the key of a per-language entry is a language the file declares (any, when it
  // declares none); an undeclared one is reported.
  bool declared_language(const Entry& e) {
    std::string_view lang = e.key.scalar();
    if (languages_.empty() ||
        std::find(languages_.begin(), languages_.end(), lang) != languages_.end())
      return true;
    report(Rule::UnknownKey, loc(e.key),
           fmt::format("language '{}' is not declared in `languages` [{}]", lang,
                       fmt::join(languages_, ", ")));
    return false;
  }

  // `keywords`: a plain list (no or one declared language) or a map language → list.
  LocalizedList keywords(const Entry* entry) {
    LocalizedList list;
    if (!entry) return list;
    const YamlNode* node = &entry->value;
    list.location = node->is_null() ? loc(entry->key) : loc(node);
    list.present = true;
    if (node->is_sequence()) {
      list.plain = string_list(node, "a keyword");
      if (languages_.size() > 1) {
        report(Rule::MissingTranslation, loc(node),
               fmt::format("`keywords` is a plain list, but the file declares languages [{}]; "
                           "write a map with a list for every language",
                           fmt::join(languages_, ", ")));
      }
      return list;
    }
    if (!node->is_map()) {
      report(Rule::WrongType, node->is_null() ? loc(entry->key) : loc(node),
             fmt::format("`keywords` must be a list of words or a map language → list, not {}",
                         yaml_kind_name(node->kind())));
      return list;
    }
    list.localized = true;
    for (const Entry& e : node->entries()) {
      std::string_view lang = e.key.scalar();
      if (!declared_language(e)) continue;
      list.translations.emplace_back(lang,
                                     string_list(&e.value, fmt::format("a keyword in '{}'", lang)));
    }
    for (const std::string& lang : languages_) {
      bool found = std::any_of(list.translations.begin(), list.translations.end(),
                               [&](const auto& t) { return t.first == lang; });
      if (!found) {
        report(Rule::MissingTranslation, loc(node),
               fmt::format("`keywords` has no '{}' list", lang));
      }
    }
    return list;
  }

  std::vector<ActionUse> read_action_uses(const YamlNode* node, Procedure& proc) {
    return read_uses(
        node, proc,
        UseList<ActionUse, Action>{"`actions`", "an action id", "an inline action",
                                   "an action is an action id or an inline action map",
                                   &ActionUse::inline_action, &Reader::read_action_body});
  }

  // How a list of uses of one kind of definition is read: its words, where an inline
  // definition goes, and what reads its body.
  template <typename Use, typename Definition>
  struct UseList {
    const char* list;
    const char* id_what;
    const char* inline_what;
    const char* wrong_type;
    std::shared_ptr<Definition> Use::*inline_definition;
    void (Reader::*read_body)(const YamlNode*, Definition&, Location, const std::string&);
  };

  // Each item is a defined id or an inline map of the definition's own fields.
  template <typename Use, typename Definition>
  std::vector<Use> read_uses(const YamlNode* node, Procedure& proc,
                             const UseList<Use, Definition>& kind) {
    std::vector<Use> uses;
    if (!is_list(node, kind.list)) return uses;
    for (const YamlNode* item : node->items()) {
      Use use;
      use.location = loc(item);
      if (item->is_scalar()) {
        use.ref = ref(item, kind.id_what);
        if (!use.ref.present()) continue;
      } else if (item->is_map()) {
        auto definition = std::make_shared<Definition>();
        definition->location = loc(item);
        definition->owner = &proc;
        (this->*kind.read_body)(item, *definition, loc(item), kind.inline_what);
        use.*kind.inline_definition = std::move(definition);
      } else {
        report(Rule::WrongType, loc(item), kind.wrong_type);
        continue;
      }
      uses.push_back(std::move(use));
    }
    return uses;
  }

  std::optional<Deadline> read_deadline(const YamlNode* node) {
    if (!is_scalar(node, "`deadline`")) return std::nullopt;
    if (auto d = parse_deadline(node->scalar())) return d;
    report(Rule::BadDeadline, loc(node),
           fmt::format(
               "deadline '{}' is not `immediately`, `Nh` (hours) or `Nd` (days), e.g. 24h or 3d",
               node->scalar()));
    return std::nullopt;
  }

  // The value `node` names among `names`, which lists them in the order of Enum's values;
  // a single value that is none of them is reported (another kind of node was already).
  template <typename Enum, size_t N>
  std::optional<Enum> read_choice(const YamlNode* node, std::string_view key, std::string_view what,
                                  const std::array<std::string_view, N>& names) {
    std::string value = scalar(node, key);
    auto it = std::find(names.begin(), names.end(), value);
    if (it != names.end()) return static_cast<Enum>(it - names.begin());
    if (node->is_scalar()) report_choice(node, what, names);
    return std::nullopt;
  }

  void report_choice(const YamlNode* node, std::string_view what, Keys allowed) {
    std::string message =
        fmt::format("'{}' is not a valid {} ({})", node->scalar(), what, fmt::join(allowed, ", "));
    if (auto s = closest_match(node->scalar(), allowed); !s.empty())
      message += fmt::format("; did you mean '{}'?", s);
    report(Rule::WrongType, loc(node), message);
  }

  // --- nodes -------------------------------------------------------------------------

  void read_nodes(const YamlNode* map, Procedure& proc) {
    if (!is_map(map, "`nodes`")) return;
    proc.nodes.reserve(map->entries().size());
    for (const Entry& e : map->entries()) {
      if (!is_definition_id(e.key.scalar())) {
        report(Rule::BadId, loc(e.key),
               fmt::format("node id '{}' must consist of letters a-z, A-Z, digits, '_' and '-'",
                           e.key.scalar()));
      }
      Node node;
      node.id = e.key.scalar();
      node.location = loc(e.key);
      if (is_map(&e.value, fmt::format("node '{}'", node.id))) read_node(e, node, proc);
      proc.nodes.push_back(std::move(node));
    }
    proc.index_nodes();
  }

  void read_node(const Entry& e, Node& node, Procedure& proc) {
    const YamlNode* map = &e.value;
    std::string context = fmt::format("node '{}'", node.id);
    const Entry* kind_entry = nullptr;
    for (const Entry& field : map->entries()) {
      if (std::find(kNodeKinds.begin(), kNodeKinds.end(), field.key.scalar()) == kNodeKinds.end())
        continue;
      if (kind_entry) {
        report(Rule::WrongType, loc(field.key),
               fmt::format("{} has two kinds, '{}' and '{}'; a node is exactly one of ask, step, "
                           "branch, call, outcome",
                           context, kind_entry->key.scalar(), field.key.scalar()));
        continue;
      }
      kind_entry = &field;
    }
    if (!kind_entry) {
      report(Rule::MissingKey, loc(e.key),
             fmt::format("{} needs one of the keys ask, step, branch, call, outcome", context));
      return;
    }
    std::string_view kind = kind_entry->key.scalar();
    node.kind = kind == "ask"      ? NodeKind::Ask
                : kind == "step"   ? NodeKind::Step
                : kind == "branch" ? NodeKind::Branch
                : kind == "call"   ? NodeKind::Call
                                   : NodeKind::Outcome;

    Fields f = fields(map, kNodeKeys, context);
    if (node.kind == NodeKind::Ask) {
      node.ask().var = node.id;  // until a `var` key says otherwise
      node.ask().var_location = node.location;
      if (require(f, "type", loc(e.key), fmt::format("question '{}'", node.id))) {
        if (auto t =
                read_choice<AnswerType>(f.value("type"), "`type`", "question type", kAnswerTypes))
          node.ask().type = *t;
      }
    }
    // Keys that exist in the format but not for this kind of node.
    for (const auto& [key, entry] : f.all()) {
      if (key == kind || std::find(kNodeKinds.begin(), kNodeKinds.end(), key) != kNodeKinds.end())
        continue;
      if (!key_fits_kind(key, node.kind, std::as_const(node).ask().type)) {
        std::string what =
            node.kind == NodeKind::Ask
                ? fmt::format("a {} question", answer_type_name(std::as_const(node).ask().type))
                : fmt::format("a node of kind {}", node_kind_name(node.kind));
        report(Rule::UnknownKey, loc(entry->key),
               fmt::format("'{}' does not belong in {} ({})", key, what, context));
      }
    }

    if (node.kind != NodeKind::Branch && node.kind != NodeKind::Call) {
      node.text = text(kind_entry, fmt::format("the text of {}", context));
    }
    if (Text help = text(f.get("help"), "the help text"); help.present)
      node.notes().help = std::move(help);
    if (const YamlNode* basis = f.value("basis"))
      node.notes().basis = ref_list(basis, "a legal basis id");
    if (const YamlNode* actions = f.value("actions"))
      node.actions = read_action_uses(actions, proc);
    if (const YamlNode* cautions = f.value("cautions"))
      node.notes().cautions = read_caution_uses(cautions, proc);
    auto next_of = [&](const Fields& fl) {
      const YamlNode* n = fl.value("next");
      return n ? ref(n, "`next`") : Ref{};
    };

    switch (node.kind) {
      case NodeKind::Ask:
        read_question(e, f, node, proc);
        break;
      case NodeKind::Step:
        node.next = next_of(f);
        if (!node.next.present()) require(f, "next", loc(e.key), fmt::format("step '{}'", node.id));
        break;
      case NodeKind::Call:
        node.call().callee = ref(&kind_entry->value, "`call` (a procedure id)");
        node.call().about = text(f.get("about"), "`about`");
        node.next = next_of(f);
        if (!node.next.present()) require(f, "next", loc(e.key), fmt::format("call '{}'", node.id));
        break;
      case NodeKind::Branch:
        read_branch(kind_entry, f, node, proc);
        break;
      case NodeKind::Outcome:
        break;
    }
  }

  void read_question(const Entry& e, const Fields& f, Node& node, Procedure& proc) {
    std::string context = fmt::format("question '{}'", node.id);
    read_question_variable(f, node);
    read_question_limits(f, node);
    bool has_options = node.ask().type == AnswerType::YesNo ||
                       node.ask().type == AnswerType::Choice ||
                       node.ask().type == AnswerType::Multi;
    if (!has_options) {
      if (!node.next.present()) require(f, "next", loc(e.key), context);
      return;
    }
    const Entry* options = f.get("options");
    if (!options) {
      if (node.ask().type != AnswerType::YesNo || !node.next.present()) {
        report(Rule::MissingKey, loc(e.key), fmt::format("{} needs `options`", context));
      }
      imply_yes_no_options(node);
      return;
    }
    if (!is_list(&options->value, "`options`")) return;
    if (node.ask().type == AnswerType::Multi && !node.next.present()) {
      require(f, "next", loc(e.key), fmt::format("multiple-choice {}", context));
    }
    for (const YamlNode* item : options->value.items()) {
      if (is_map(item, "an option")) read_option(item, context, node, proc);
    }
    if (node.ask().type == AnswerType::YesNo && !node.next.present())
      require_yes_and_no(*options, context, node);
    if (node.ask().options.empty())
      report(Rule::WrongType, loc(options->value), fmt::format("{} has no options", context));
    // More options required than there are: the interview could never accept an answer.
    const AskPart& ask = node.ask();
    if (ask.type == AnswerType::Multi && ask.min && !ask.options.empty() &&
        *ask.min > static_cast<double>(ask.options.size())) {
      report(
          Rule::WrongType, loc(f.value("min")),
          fmt::format("`min` {} asks for more answers than the {} option{} of {}; no answer "
                      "could be accepted",
                      *ask.min, ask.options.size(), ask.options.size() == 1 ? "" : "s", context));
    }
    imply_yes_no_options(node);
  }

  // `var` (or the node id standing for it) and `personal`.
  void read_question_variable(const Fields& f, Node& node) {
    if (const Entry* var = f.get("var")) {
      node.ask().var = scalar(&var->value, "`var`");
      node.ask().var_location = loc(var->value);
      if (!node.ask().var.empty() && !is_variable_name(node.ask().var)) {
        report(Rule::BadId, loc(var->value),
               fmt::format("variable name '{}' must start with a letter or '_' and hold letters, "
                           "digits, '_' and '-'",
                           node.ask().var));
      }
    } else if (!is_variable_name(node.id)) {
      report(Rule::BadId, node.location,
             fmt::format("node id '{}' cannot serve as a variable name; add `var`", node.id));
    }
    if (const YamlNode* personal = f.value("personal"))
      node.ask().personal = boolean(personal, "`personal`").value_or(false);
  }

  // `next`, `min`, `max` and `unit`.
  void read_question_limits(const Fields& f, Node& node) {
    if (const YamlNode* next = f.value("next")) node.next = ref(next, "`next`");
    if (const YamlNode* min = f.value("min")) node.ask().min = number(min, "`min`");
    if (const YamlNode* max = f.value("max")) node.ask().max = number(max, "`max`");
    if (node.ask().min && node.ask().max && *node.ask().min > *node.ask().max) {
      report(Rule::WrongType, loc(f.value("max")),
             fmt::format("`max` {} is below `min` {}", *node.ask().max, *node.ask().min));
    }
    node.ask().unit = text(f.get("unit"), "the unit");
  }

  void read_option(const YamlNode* item, const std::string& context, Node& node, Procedure& proc) {
    Option option;
    option.location = loc(item);
    Fields of = fields(item, kOptionKeys, fmt::format("an option of {}", context));
    if (const YamlNode* value = of.value("value")) {
      read_option_value(value, node, option);
    } else {
      report(Rule::MissingKey, loc(item), fmt::format("an option of {} needs `value`", context));
    }
    option.label = text(of.get("label"), "the option label");
    if (!option.label.present && node.ask().type != AnswerType::YesNo) {
      report(Rule::MissingKey, loc(item),
             fmt::format("option '{}' of {} needs `label`", option.value, context));
    }
    if (const Entry* next = of.get("next")) {
      if (node.ask().type == AnswerType::Multi) {
        report(Rule::UnknownKey, loc(next->key),
               "options of a multi question have no `next`; the question's own `next` is followed");
      } else {
        option.next = ref(&next->value, "`next`");
      }
    } else if (node.ask().type != AnswerType::Multi && !node.next.present()) {
      report(Rule::MissingKey, loc(item),
             fmt::format("option '{}' of {} needs `next` (or the question needs a default `next`)",
                         option.value, context));
    }
    if (const YamlNode* actions = of.value("actions"))
      option.actions = read_action_uses(actions, proc);
    if (const YamlNode* cautions = of.value("cautions"))
      option.cautions = read_caution_uses(cautions, proc);
    for (const Option& earlier : node.ask().options) {
      if (!option.value.empty() && earlier.value == option.value) {
        Diagnostic& d = diags_.report(
            Rule::DuplicateId, option.location,
            fmt::format("option value '{}' appears twice in {}", option.value, context));
        d.notes.push_back({earlier.location, "first defined here"});
      }
    }
    node.ask().options.push_back(std::move(option));
  }

  // A yes_no option's value is yes or no (true/false read as such); others are not empty.
  void read_option_value(const YamlNode* value, const Node& node, Option& option) {
    option.value = scalar(value, "`value`");
    option.location = loc(value);
    if (node.ask().type == AnswerType::YesNo) {
      if (option.value == "true") option.value = "yes";
      if (option.value == "false") option.value = "no";
      if (option.value != "yes" && option.value != "no") {
        report(Rule::WrongType, loc(value),
               fmt::format("a yes_no option's value is yes or no, not '{}'", option.value));
      }
    } else if (option.value.empty() && value->is_scalar()) {
      report(Rule::WrongType, loc(value), "an option's value must not be empty");
    }
  }

  // Without a default `next`, a yes_no question needs an option for each answer.
  void require_yes_and_no(const Entry& options, const std::string& context, const Node& node) {
    for (std::string_view needed : {"yes", "no"}) {
      bool found = std::any_of(node.ask().options.begin(), node.ask().options.end(),
                               [&](const Option& o) { return o.value == needed; });
      if (!found) {
        report(Rule::MissingKey, loc(options.key),
               fmt::format("yes_no {} has no option '{}' and no default `next`", context, needed));
      }
    }
  }

  // A yes_no question answers yes and no wherever it is asked: an answer the file gives no
  // option for follows the question's `next`, so it gets an option standing for that `next`
  // (yes first, no last). Every reader of options then treats both shapes alike.
  static void imply_yes_no_options(Node& node) {
    if (node.ask().type != AnswerType::YesNo || !node.next.present()) return;
    auto has = [&](std::string_view value) {
      return std::any_of(node.ask().options.begin(), node.ask().options.end(),
                         [&](const Option& o) { return o.value == value; });
    };
    auto implied = [&](std::string value) {
      Option option;
      option.value = std::move(value);
      option.location = node.next.location;
      option.implied = true;
      return option;
    };
    if (!has("yes")) node.ask().options.insert(node.ask().options.begin(), implied("yes"));
    if (!has("no")) node.ask().options.push_back(implied("no"));
  }

  void read_branch(const Entry* kind_entry, const Fields& f, Node& node, Procedure& proc) {
    if (const YamlNode* otherwise = f.value("otherwise"))
      node.branch().otherwise = ref(otherwise, "`otherwise`");
    if (!is_list(&kind_entry->value, "`branch` (a list of cases)")) return;
    for (const YamlNode* item : kind_entry->value.items()) {
      if (!is_map(item, "a branch case")) continue;
      Case c;
      c.location = loc(item);
      Fields cf = fields(item, kCaseKeys, fmt::format("a case of branch '{}'", node.id));
      if (require(cf, "when", loc(item), "a branch case")) {
        const YamlNode* when = cf.value("when");
        c.when = scalar(when, "`when`");
        c.when_location = loc(when);
        if (when->quoted()) ++c.when_location.column;  // point inside the quotes
        // An empty condition would be compiled by nobody and fail at the prompt.
        if (when->is_scalar() && c.when.empty())
          report(Rule::BadExpression, loc(when), "the condition is empty");
      }
      if (require(cf, "next", loc(item), "a branch case")) c.next = ref(cf.value("next"), "`next`");
      if (const YamlNode* actions = cf.value("actions"))
        c.actions = read_action_uses(actions, proc);
      if (const YamlNode* cautions = cf.value("cautions"))
        c.cautions = read_caution_uses(cautions, proc);
      node.branch().cases.push_back(std::move(c));
    }
    if (node.branch().cases.empty()) {
      report(Rule::WrongType, loc(kind_entry->value),
             fmt::format("branch '{}' has no cases", node.id));
    }
  }

  // --- invariants and tests ----------------------------------------------------------

  void read_invariants(const YamlNode* list, Procedure& proc) {
    if (!is_list(list, "`invariants`")) return;
    for (const YamlNode* item : list->items()) {
      if (!is_map(item, "an invariant")) continue;
      Invariant inv;
      inv.location = loc(item);
      Fields f = fields(item, kInvariantKeys, "an invariant");
      if (require(f, "id", loc(item), "an invariant")) {
        const YamlNode* id = f.value("id");
        inv.id = scalar(id, "`id`");
        inv.location = loc(id);
        if (!inv.id.empty() && !is_definition_id(inv.id)) {
          report(Rule::BadId, loc(id),
                 fmt::format("invariant id '{}' must consist of letters, digits, '_' and '-'",
                             inv.id));
        }
        for (const Invariant& earlier : proc.invariants) {
          if (earlier.id == inv.id && !inv.id.empty()) {
            Diagnostic& d = diags_.report(Rule::DuplicateId, inv.location,
                                          fmt::format("invariant '{}' is defined twice", inv.id));
            d.notes.push_back({earlier.location, "first defined here"});
          }
        }
      }
      inv.text = text(f.get("text"), "the invariant text");
      if (require(f, "if", loc(item), fmt::format("invariant '{}'", inv.id)))
        inv.if_any = ref_list(f.value("if"), "an action id");
      if (const YamlNode* r = f.value("require")) inv.require = ref_list(r, "an action id");
      if (const YamlNode* r = f.value("forbid")) inv.forbid = ref_list(r, "an action id");
      if (!f.get("require") && !f.get("forbid")) {
        report(Rule::MissingKey, inv.location,
               fmt::format("invariant '{}' needs `require` or `forbid`", inv.id));
      }
      proc.invariants.push_back(std::move(inv));
    }
  }

  void read_tests(const YamlNode* list, Procedure& proc) {
    if (!is_list(list, "`tests`")) return;
    for (const YamlNode* item : list->items()) {
      if (!is_map(item, "a test")) continue;
      TestCase test;
      test.location = loc(item);
      Fields f = fields(item, kTestKeys, "a test");
      if (require(f, "name", loc(item), "a test"))
        test.name = scalar(f.value("name"), "the test name");
      if (const YamlNode* lang = f.value("lang")) {
        test.lang = scalar(lang, "`lang`");
        if (!languages_.empty() && !test.lang.empty() &&
            std::find(languages_.begin(), languages_.end(), test.lang) == languages_.end()) {
          report(Rule::DanglingRef, loc(lang),
                 fmt::format("test language '{}' is not declared in `languages`", test.lang));
        }
      }
      if (const YamlNode* answers = f.value("answers")) {
        test.answers_location = loc(answers);
        if (answers->is_null()) {
        } else if (is_map(answers, "`answers`")) {
          test.answers = read_answers(answers, file_, diags_);
        }
      }
      if (const YamlNode* expect = f.value("expect")) {
        test.expect.location = loc(expect);
        if (is_map(expect, "`expect`")) {
          Fields ef = fields(expect, kExpectKeys, "`expect`");
          if (const YamlNode* o = ef.value("outcome"))
            test.expect.outcome = ref(o, "`outcome` (a node id)");
          if (const YamlNode* a = ef.value("actions"))
            test.expect.actions = ref_list(a, "an action id");
          if (const YamlNode* n = ef.value("notify"))
            test.expect.notify = ref_list(n, "a recipient id");
          if (const YamlNode* n = ef.value("not_actions"))
            test.expect.not_actions = ref_list(n, "an action id");
          if (const YamlNode* x = ef.value("exact"))
            test.expect.exact = boolean(x, "`exact`").value_or(false);
        }
      }
      proc.tests.push_back(std::move(test));
    }
  }

  void set_languages(std::vector<std::string> langs) { languages_ = std::move(langs); }

 private:
  const SourceFile& file_;
  Diagnostics& diags_;
  std::vector<std::string> languages_;
};

}  // namespace

std::vector<Answer> read_answers(const YamlNode* map, const SourceFile& file,
                                 Diagnostics& diagnostics) {
  std::vector<Answer> answers;
  // An empty or comment-only file parses to no document at all.
  if (!map || map->is_null()) {
    diagnostics.report(Rule::MissingKey, Location{&file, 1, 1},
                       "the answers file holds no answers; write one `variable: value` per line");
    return answers;
  }
  Reader r(file, diagnostics);
  if (!r.is_map(map, "the answers")) return answers;
  for (const Entry& e : map->entries()) {
    Answer a;
    a.var = e.key.scalar();
    a.location = r.loc(e.key);
    const YamlNode* v = &e.value;
    if (v->is_sequence()) {
      a.is_list = true;
      for (const YamlNode* item : v->items()) {
        if (!r.is_scalar(item, fmt::format("an answer to '{}'", a.var))) continue;
        a.values.emplace_back(item->scalar());
        a.value_locations.push_back(r.loc(item));
      }
    } else if (v->is_scalar()) {
      a.values.emplace_back(v->scalar());
      a.value_locations.push_back(r.loc(v));
    } else if (v->is_null()) {
      r.report(Rule::WrongType, r.loc(e.key), fmt::format("the answer to '{}' is empty", a.var));
      continue;
    } else {
      r.report(Rule::WrongType, r.loc(v),
               fmt::format("the answer to '{}' must be a value or a list of values", a.var));
      continue;
    }
    answers.push_back(std::move(a));
  }
  return answers;
}

namespace {
// Any line that is neither blank nor a comment.
bool has_content(const SourceFile& file) {
  for (uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.line_text(line);
    size_t i = text.find_first_not_of(" \t\r\xEF\xBB\xBF");
    if (i != std::string_view::npos && text[i] != '#') return true;
  }
  return false;
}
}  // namespace

namespace {

// `kind: library` switches the set of allowed keys; it is found before anything is read.
void read_kind(const Reader& r, const YamlNode& root, Procedure& proc, Diagnostics& diagnostics) {
  for (const Entry& e : root.entries()) {
    if (e.key.scalar() != "kind") continue;
    if (e.value.is_scalar() && e.value.scalar() == "library") {
      proc.is_library = true;
    } else {
      diagnostics.report(Rule::WrongType, r.loc(e.value),
                         "`kind` must be `library` (procedures have no `kind`)");
    }
  }
}

// `format` and `id`, which procedures and libraries share.
void read_identity(Reader& r, const Fields& f, const Location& top, std::string_view what,
                   Procedure& proc, Diagnostics& diagnostics) {
  if (const YamlNode* format = f.value("format")) {
    if (!format->is_scalar() || (format->scalar() != "1" && format->scalar() != "1.1")) {
      diagnostics.report(
          Rule::UnsupportedFormat, r.loc(format),
          fmt::format("format '{}' is not supported; this engine reads formats 1 and 1.1",
                      format->is_scalar() ? format->scalar()
                                          : std::string(yaml_kind_name(format->kind()))));
    }
  } else {
    r.require(f, "format", top, what);
  }
  if (const YamlNode* id = f.value("id")) {
    proc.id = r.scalar(id, "`id`");
    proc.id_location = r.loc(id);
    if (id->is_scalar() && !is_procedure_id(proc.id)) {
      diagnostics.report(Rule::BadId, r.loc(id),
                         fmt::format("procedure id '{}' must match [a-z0-9][a-z0-9-]*", proc.id));
    }
  } else {
    r.require(f, "id", top, what);
  }
}

// What the menu, the list and the handbook show of a procedure: version, title, summary,
// area, keywords, audience, review date.
void read_description(Reader& r, const Fields& f, const Location& top, std::string_view what,
                      Procedure& proc, Diagnostics& diagnostics) {
  if (const YamlNode* version = f.value("version")) {
    proc.version = r.scalar(version, "`version`");
    proc.version_location = r.loc(version);
    if (version->is_scalar() && !is_semantic_version(proc.version)) {
      diagnostics.report(
          Rule::BadVersion, r.loc(version),
          fmt::format("version '{}' is not a semantic version MAJOR.MINOR.PATCH such as 1.0.0",
                      proc.version));
    }
  } else {
    r.require(f, "version", top, what);
  }
  r.require(f, "title", top, what);
  proc.title = r.text(f.get("title"), "the title");
  proc.summary = r.text(f.get("summary"), "the summary");
  proc.area = r.text(f.get("area"), "`area`");
  proc.keywords = r.keywords(f.get("keywords"));
  if (const YamlNode* audience = f.value("audience"))
    proc.audience = r.string_list(audience, "`audience`");
  if (const YamlNode* review = f.value("review_by")) {
    proc.review_by = r.scalar(review, "`review_by`");
    proc.review_by_location = r.loc(review);
    if (review->is_scalar() && !is_iso_date(proc.review_by)) {
      diagnostics.report(Rule::WrongType, r.loc(review),
                         fmt::format("review_by '{}' is not a date YYYY-MM-DD", proc.review_by));
      proc.review_by.clear();
    }
  }
}

}  // namespace

std::unique_ptr<Procedure> read_procedure(const YamlDocument& doc, const SourceFile& file,
                                          Diagnostics& diagnostics) {
  const YamlNode* root = doc.root();
  Location top{&file, 1, 1};
  if (!root || root->is_null()) {
    // A lone tag or `~` is a value, just a null one: only comments and blanks are "empty".
    diagnostics.report(Rule::MissingKey, top,
                       fmt::format("{}; a procedure needs `format`, `id`, `version`, `title`, "
                                   "`start` and `nodes`",
                                   has_content(file) ? "the file holds only an empty (null) value"
                                                     : "the file is empty"));
    return nullptr;
  }
  Reader r(file, diagnostics);
  if (!root->is_map()) {
    diagnostics.report(Rule::WrongType, r.loc(root),
                       fmt::format("a procedure file must be a map of keys, not {}",
                                   yaml_kind_name(root->kind())));
    return nullptr;
  }
  auto proc = std::make_unique<Procedure>();
  proc->file = &file;
  read_kind(r, *root, *proc, diagnostics);
  Fields f = proc->is_library ? r.fields(root, kLibraryKeys, "a library file")
                              : r.fields(root, kTopKeys, "a procedure file");
  std::string_view what = proc->is_library ? "a library file" : "a procedure file";
  read_identity(r, f, top, what, *proc, diagnostics);
  r.read_languages(f.get("languages"));
  proc->languages = r.languages();
  if (!proc->is_library) read_description(r, f, top, what, *proc, diagnostics);
  if (const YamlNode* imports = f.value("imports"))
    proc->imports = r.ref_list(imports, "an import path");
  if (const YamlNode* v = f.value("recipients")) r.read_recipients(v, *proc);
  if (const YamlNode* v = f.value("legal_basis")) r.read_legal_bases(v, *proc);
  if (const YamlNode* v = f.value("actions")) r.read_action_definitions(v, *proc);
  if (const YamlNode* v = f.value("cautions")) r.read_caution_definitions(v, *proc);
  if (proc->is_library) return proc;

  if (const YamlNode* start = f.value("start")) {
    proc->start = r.ref(start, "`start`");
  } else {
    r.require(f, "start", top, what);
  }
  if (const YamlNode* nodes = f.value("nodes")) {
    r.read_nodes(nodes, *proc);
  } else {
    r.require(f, "nodes", top, what);
  }
  if (const YamlNode* v = f.value("invariants")) r.read_invariants(v, *proc);
  if (const YamlNode* v = f.value("tests")) r.read_tests(v, *proc);
  return proc;
}

void read_test_file(const YamlDocument& doc, const SourceFile& file, Procedure& into,
                    Diagnostics& diagnostics) {
  const YamlNode* root = doc.root();
  if (!root || root->is_null()) {
    // Most likely a file saved before anything was written in it: said, but not an error.
    diagnostics
        .report(Rule::MissingKey, Location{&file, 1, 1},
                "the test file holds no tests; write a list of tests, or a map with `tests`")
        .severity = Severity::Warning;
    return;
  }
  Reader r(file, diagnostics);
  r.set_languages(into.languages);
  if (root->is_sequence()) {
    r.read_tests(root, into);
    return;
  }
  if (!root->is_map()) {
    diagnostics.report(Rule::WrongType, r.loc(root),
                       "a test file is a list of tests or a map with `tests`");
    return;
  }
  constexpr std::array<std::string_view, 3> kTestFileKeys = {"format", "procedure", "tests"};
  Fields f = r.fields(root, kTestFileKeys, "a test file");
  if (const YamlNode* procedure = f.value("procedure")) {
    if (procedure->is_scalar() && procedure->scalar() != into.id) {
      diagnostics.report(
          Rule::DanglingRef, r.loc(procedure),
          fmt::format("this test file is for '{}', but the procedure beside it is '{}'",
                      procedure->scalar(), into.id));
    }
  }
  if (const YamlNode* tests = f.value("tests")) r.read_tests(tests, into);
}

}  // namespace procedura
