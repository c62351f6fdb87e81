#include "commands/diff/diff_changes.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace procedura {
namespace {

using Fields = std::vector<FieldChange>;

void scalar(Fields& out, std::string field, const std::string& before, const std::string& after) {
  if (before != after) out.push_back({std::move(field), before, after});
}

std::string text_in(const Text& text, const std::string& lang) {
  if (!text.present) return {};
  if (!text.localized) return text.plain;
  for (const auto& [code, value] : text.translations()) {
    if (code == lang) return value;
  }
  return {};
}

// Compares a localized text per language: `field[pl]`, `field[en]`; plain texts as `field`.
void texts(Fields& out, const std::string& field, const Text& before, const Text& after,
           const std::string& only_lang) {
  std::vector<std::string> langs;
  for (const Text* t : {&before, &after}) {
    if (!t->localized) continue;
    for (const auto& [code, value] : t->translations()) {
      if (std::find(langs.begin(), langs.end(), code) == langs.end()) langs.push_back(code);
    }
  }
  if (langs.empty()) {
    scalar(out, field, text_in(before, ""), text_in(after, ""));
    return;
  }
  for (const std::string& lang : langs) {
    if (!only_lang.empty() && lang != only_lang) continue;
    scalar(out, fmt::format("{}[{}]", field, lang), text_in(before, lang), text_in(after, lang));
  }
}

std::string first_text(const Text& text) {
  if (!text.present) return {};
  return text.localized ? (text.translations().empty() ? "" : text.translations().front().second)
                        : text.plain;
}

std::string refs(const std::vector<Ref>& list) {
  std::vector<std::string> ids;
  for (const Ref& r : list) ids.push_back(r.id);
  return fmt::format("{}", fmt::join(ids, ", "));
}

std::string deadline_of(const Action& action) {
  return action.deadline ? action.deadline->raw : std::string();
}

// An inline action has no id: it is named by its kind, recipient, deadline and first text.
std::string describe_use(const ActionUse& use) {
  if (!use.inline_action) return use.ref.id;
  const Action& a = *use.inline_action;
  std::string extra;
  if (a.to.present()) extra += " to " + a.to.id;
  if (a.deadline) extra += " within " + a.deadline->raw;
  return fmt::format("inline {}{} \"{}\"", action_kind_name(a.kind), extra, first_text(a.text));
}

std::string uses(const ActionUses& list) {
  std::vector<std::string> names;
  for (const ActionUse& u : list) names.push_back(describe_use(u));
  return fmt::format("{}", fmt::join(names, ", "));
}

// An inline caution has no id: it is named by its first text.
std::string caution_uses(const CautionUses& list) {
  std::vector<std::string> names;
  for (const CautionUse& u : list) {
    names.push_back(u.inline_caution
                        ? fmt::format("inline \"{}\"", first_text(u.inline_caution->text))
                        : u.ref.id);
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

std::string number(const std::optional<double>& value) {
  return value ? fmt::format("{}", *value) : std::string();
}

std::string option_summary(const Option& option) {
  std::string label = first_text(option.label);
  return fmt::format("{}{}", label.empty() ? "" : "\"" + label + "\" ",
                     option.next.present() ? "→ " + option.next.id : "");
}

std::string case_summary(const Case& c) {
  return fmt::format("when {} → {}", c.when, c.next.id);
}

void compare_nodes(Fields& out, const Node& a, const Node& b, const std::string& lang) {
  scalar(out, "kind", std::string(node_kind_name(a.kind)), std::string(node_kind_name(b.kind)));
  auto type_of = [](const Node& n) {
    return n.kind == NodeKind::Ask ? std::string(answer_type_name(n.ask().type)) : std::string();
  };
  scalar(out, "type", type_of(a), type_of(b));
  texts(out, "text", a.text, b.text, lang);
  texts(out, "help", a.help(), b.help(), lang);
  if (a.kind == NodeKind::Ask || b.kind == NodeKind::Ask) {
    scalar(out, "var", a.ask().var, b.ask().var);
    scalar(out, "min", number(a.ask().min), number(b.ask().min));
    scalar(out, "max", number(a.ask().max), number(b.ask().max));
    texts(out, "unit", a.ask().unit, b.ask().unit, lang);
    scalar(out, "personal", a.ask().personal ? "true" : "", b.ask().personal ? "true" : "");
  }
  scalar(out, "next", a.next.id, b.next.id);
  scalar(out, "call", a.call().callee.id, b.call().callee.id);
  scalar(out, "basis", refs(a.basis()), refs(b.basis()));
  scalar(out, "actions", uses(a.actions), uses(b.actions));
  scalar(out, "cautions", caution_uses(a.cautions()), caution_uses(b.cautions()));

  // Options are matched by value: a relabelled or retargeted option is the same option.
  for (const Option& o : a.ask().options) {
    auto it = std::find_if(b.ask().options.begin(), b.ask().options.end(),
                           [&](const Option& p) { return p.value == o.value; });
    std::string name = fmt::format("option {}", o.value);
    if (it == b.ask().options.end()) {
      scalar(out, name, option_summary(o).empty() ? o.value : option_summary(o), "");
      continue;
    }
    texts(out, name + ": label", o.label, it->label, lang);
    scalar(out, name + ": next", o.next.id, it->next.id);
    scalar(out, name + ": actions", uses(o.actions), uses(it->actions));
    scalar(out, name + ": cautions", caution_uses(o.cautions), caution_uses(it->cautions));
  }
  for (const Option& o : b.ask().options) {
    bool old = std::any_of(a.ask().options.begin(), a.ask().options.end(),
                           [&](const Option& p) { return p.value == o.value; });
    if (!old)
      scalar(out, fmt::format("option {}", o.value), "",
             option_summary(o).empty() ? o.value : option_summary(o));
  }

  // Cases are matched by position: their order decides which one is taken.
  size_t cases = std::max(a.branch().cases.size(), b.branch().cases.size());
  for (size_t i = 0; i < cases; ++i) {
    std::string name = fmt::format("case {}", i + 1);
    if (i >= a.branch().cases.size()) {
      scalar(out, name, "", case_summary(b.branch().cases[i]));
    } else if (i >= b.branch().cases.size()) {
      scalar(out, name, case_summary(a.branch().cases[i]), "");
    } else {
      scalar(out, name + ": when", a.branch().cases[i].when, b.branch().cases[i].when);
      scalar(out, name + ": next", a.branch().cases[i].next.id, b.branch().cases[i].next.id);
      scalar(out, name + ": actions", uses(a.branch().cases[i].actions),
             uses(b.branch().cases[i].actions));
      scalar(out, name + ": cautions", caution_uses(a.branch().cases[i].cautions),
             caution_uses(b.branch().cases[i].cautions));
    }
  }
  scalar(out, "otherwise", a.branch().otherwise.id, b.branch().otherwise.id);
}

void compare_actions(Fields& out, const Action& a, const Action& b, const std::string& lang) {
  scalar(out, "kind", std::string(action_kind_name(a.kind)), std::string(action_kind_name(b.kind)));
  scalar(out, "to", a.to.id, b.to.id);
  texts(out, "text", a.text, b.text, lang);
  texts(out, "short", a.short_text, b.short_text, lang);
  scalar(out, "deadline", deadline_of(a), deadline_of(b));
  auto channel = [](const Action& x) {
    return x.channel ? std::string(channel_name(*x.channel)) : std::string();
  };
  scalar(out, "channel", channel(a), channel(b));
  scalar(out, "basis", refs(a.basis), refs(b.basis));
}

void compare_recipients(Fields& out, const Recipient& a, const Recipient& b,
                        const std::string& lang) {
  texts(out, "name", a.name, b.name, lang);
  texts(out, "short", a.short_name, b.short_name, lang);
}

void compare_cautions(Fields& out, const Caution& a, const Caution& b, const std::string& lang) {
  texts(out, "text", a.text, b.text, lang);
  texts(out, "short", a.short_text, b.short_text, lang);
  scalar(out, "basis", refs(a.basis), refs(b.basis));
}

void compare_bases(Fields& out, const LegalBasis& a, const LegalBasis& b, const std::string& lang) {
  scalar(out, "cite", a.cite, b.cite);
  texts(out, "text", a.text, b.text, lang);
  scalar(out, "url", a.url, b.url);
}

void compare_invariants(Fields& out, const Invariant& a, const Invariant& b,
                        const std::string& lang) {
  texts(out, "text", a.text, b.text, lang);
  scalar(out, "if", refs(a.if_any), refs(b.if_any));
  scalar(out, "require", refs(a.require), refs(b.require));
  scalar(out, "forbid", refs(a.forbid), refs(b.forbid));
}

// Compares two id → element maps, in id order.
template <typename Map, typename Compare>
void compare_scope(std::vector<ElementChange>& out, const std::string& section, const Map& before,
                   const Map& after, Compare compare) {
  std::set<std::string> ids;
  for (const auto& [id, element] : before) ids.insert(id);
  for (const auto& [id, element] : after) ids.insert(id);
  for (const std::string& id : ids) {
    auto a = before.find(id);
    auto b = after.find(id);
    if (b == after.end()) {
      out.push_back({section, id, ElementChange::Kind::Removed, {}});
    } else if (a == before.end()) {
      out.push_back({section, id, ElementChange::Kind::Added, {}});
    } else {
      Fields fields;
      compare(fields, *a->second, *b->second);
      if (!fields.empty()) out.push_back({section, id, ElementChange::Kind::Changed, fields});
    }
  }
}

std::string joined(const std::vector<std::string>& list) {
  return fmt::format("{}", fmt::join(list, ", "));
}

}  // namespace

std::vector<ElementChange> diff_procedures(const Procedure& before, const Procedure& after,
                                           const std::string& lang) {
  std::vector<ElementChange> changes;
  Fields meta;
  scalar(meta, "id", before.id, after.id);
  scalar(meta, "version", before.version, after.version);
  scalar(meta, "review_by", before.review_by, after.review_by);
  texts(meta, "title", before.title, after.title, lang);
  texts(meta, "summary", before.summary, after.summary, lang);
  scalar(meta, "languages", joined(before.languages), joined(after.languages));
  scalar(meta, "audience", joined(before.audience), joined(after.audience));
  scalar(meta, "imports", refs(before.imports), refs(after.imports));
  scalar(meta, "start", before.start.id, after.start.id);
  // A called procedure changes what a run collects without a line of this file changing.
  std::map<std::string, std::pair<std::string, std::string>> callees;
  for (const Node& n : before.nodes) {
    if (n.call().callee_procedure)
      callees[n.call().callee.id].first = n.call().callee_procedure->version;
  }
  for (const Node& n : after.nodes) {
    if (n.call().callee_procedure)
      callees[n.call().callee.id].second = n.call().callee_procedure->version;
  }
  for (const auto& [id, versions] : callees) {
    if (!versions.first.empty() && !versions.second.empty())
      scalar(meta, fmt::format("called {}: version", id), versions.first, versions.second);
  }
  if (!meta.empty()) changes.push_back({"metadata", "", ElementChange::Kind::Changed, meta});

  for (const Node& a : before.nodes) {
    const Node* b = after.node(a.id);
    if (!b) {
      changes.push_back({"node", a.id, ElementChange::Kind::Removed, {}});
      continue;
    }
    Fields fields;
    compare_nodes(fields, a, *b, lang);
    if (!fields.empty()) changes.push_back({"node", a.id, ElementChange::Kind::Changed, fields});
  }
  for (const Node& b : after.nodes) {
    if (!before.node(b.id)) changes.push_back({"node", b.id, ElementChange::Kind::Added, {}});
  }

  compare_scope(
      changes, "action", before.action_scope, after.action_scope,
      [&](Fields& f, const Action& a, const Action& b) { compare_actions(f, a, b, lang); });
  compare_scope(changes, "recipient", before.recipient_scope, after.recipient_scope,
                [&](Fields& f, const Recipient& a, const Recipient& b) {
                  compare_recipients(f, a, b, lang);
                });
  compare_scope(
      changes, "caution", before.caution_scope, after.caution_scope,
      [&](Fields& f, const Caution& a, const Caution& b) { compare_cautions(f, a, b, lang); });
  compare_scope(
      changes, "legal_basis", before.basis_scope, after.basis_scope,
      [&](Fields& f, const LegalBasis& a, const LegalBasis& b) { compare_bases(f, a, b, lang); });

  std::map<std::string, const Invariant*> inv_before, inv_after;
  for (const Invariant& i : before.invariants) inv_before[i.id] = &i;
  for (const Invariant& i : after.invariants) inv_after[i.id] = &i;
  compare_scope(changes, "invariant", inv_before, inv_after,
                [&](Fields& f, const Invariant& a, const Invariant& b) {
                  compare_invariants(f, a, b, lang);
                });
  return changes;
}

}  // namespace procedura
