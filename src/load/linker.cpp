#include "load/linker.h"

#include <fmt/format.h>

#include <map>
#include <set>
#include <vector>

#include "load/did_you_mean.h"

namespace procedura {
namespace {

template <typename Map>
std::string suggestion(const std::string& id, const Map& scope) {
  std::vector<std::string_view> candidates;
  candidates.reserve(scope.size());
  for (const auto& [key, value] : scope) candidates.push_back(key);
  std::string_view best = closest_match(id, candidates);
  return best.empty() ? "" : fmt::format("; did you mean '{}'?", best);
}

class Linker {
 public:
  explicit Linker(Catalog& catalog) : catalog_(catalog), diags_(catalog.diagnostics) {}

  void run() {
    index_procedures();
    for (auto& p : catalog_.procedures) build_scopes(*p);
    for (auto& p : catalog_.procedures) link_definitions(*p);
    for (auto& p : catalog_.procedures) {
      if (!p->is_library) link_procedure(*p);
    }
  }

 private:
  void index_procedures() {
    std::map<std::string, const Procedure*> seen;
    for (auto& p : catalog_.procedures) {
      if (p->id.empty()) continue;
      auto [it, inserted] = seen.emplace(p->id, p.get());
      if (!inserted) {
        Diagnostic& d = diags_.report(Rule::DuplicateId, p->id_location,
                                      fmt::format("procedure id '{}' is already used by {}", p->id,
                                                  it->second->file->path()));
        d.notes.push_back({it->second->id_location, "first defined here"});
      }
    }
    procedures_ = std::move(seen);
  }

  // Definitions visible in a file: its own, then its imports' (transitively).
  void build_scopes(Procedure& proc) {
    std::vector<const Procedure*> order;
    std::set<const Procedure*> visited;
    std::vector<const Procedure*> work{&proc};
    while (!work.empty()) {
      const Procedure* p = work.back();
      work.pop_back();
      if (!visited.insert(p).second) continue;
      order.push_back(p);
      for (auto it = p->imported.rbegin(); it != p->imported.rend(); ++it) work.push_back(*it);
    }
    for (const Procedure* p : order) {
      for (const auto& r : p->recipients) define(proc.recipient_scope, r->id, r.get(), "recipient");
      for (const auto& a : p->actions) define(proc.action_scope, a->id, a.get(), "action");
      for (const auto& b : p->legal_bases) define(proc.basis_scope, b->id, b.get(), "legal basis");
      for (const auto& c : p->cautions) define(proc.caution_scope, c->id, c.get(), "caution");
    }
  }

  template <typename T>
  void define(std::unordered_map<std::string, const T*>& scope, const std::string& id, const T* def,
              std::string_view what) {
    auto [it, inserted] = scope.emplace(id, def);
    if (inserted || it->second == def) return;
    // Report each clashing pair once, even when several files import both.
    if (!reported_.insert({it->second, def}).second) return;
    Diagnostic& d = diags_.report(Rule::DuplicateId, def->location,
                                  fmt::format("{} '{}' is defined twice (also in {})", what, id,
                                              it->second->location.file->path()));
    d.notes.push_back({it->second->location, "first defined here"});
  }

  // Each file's own action definitions resolve `to` and `basis` in that file's scope.
  void link_definitions(Procedure& proc) {
    for (auto& a : proc.actions) link_action(proc, *a);
    for (auto& c : proc.cautions) c->bases = resolve_bases(proc, c->basis);
  }

  void link_action(const Procedure& scope, Action& action) {
    if (action.to.present()) {
      auto it = scope.recipient_scope.find(action.to.id);
      if (it == scope.recipient_scope.end()) {
        diags_.report(Rule::DanglingRef, action.to.location,
                      fmt::format("recipient '{}' is not defined{}", action.to.id,
                                  suggestion(action.to.id, scope.recipient_scope)));
      } else {
        action.recipient = it->second;
        catalog_.used.insert(it->second);
      }
    }
    action.bases = resolve_bases(scope, action.basis);
  }

  std::vector<const LegalBasis*> resolve_bases(const Procedure& scope,
                                               const std::vector<Ref>& refs) {
    std::vector<const LegalBasis*> out;
    for (const Ref& ref : refs) {
      auto it = scope.basis_scope.find(ref.id);
      if (it == scope.basis_scope.end()) {
        diags_.report(Rule::DanglingRef, ref.location,
                      fmt::format("legal basis '{}' is not defined{}", ref.id,
                                  suggestion(ref.id, scope.basis_scope)));
        continue;
      }
      out.push_back(it->second);
      catalog_.used.insert(it->second);
    }
    return out;
  }

  const Action* resolve_action(const Procedure& proc, const Ref& ref) {
    auto it = proc.action_scope.find(ref.id);
    if (it == proc.action_scope.end()) {
      diags_.report(Rule::DanglingRef, ref.location,
                    fmt::format("action '{}' is not defined{}", ref.id,
                                suggestion(ref.id, proc.action_scope)));
      return nullptr;
    }
    catalog_.used.insert(it->second);
    return it->second;
  }

  void link_uses(Procedure& proc, ActionUses& uses) {
    for (ActionUse& use : uses) {
      if (use.inline_action) {
        link_action(proc, *use.inline_action);
        use.action = use.inline_action.get();
      } else {
        use.action = resolve_action(proc, use.ref);
      }
    }
  }

  void link_cautions(Procedure& proc, CautionUses& uses) {
    for (CautionUse& use : uses) {
      if (use.inline_caution) {
        use.inline_caution->bases = resolve_bases(proc, use.inline_caution->basis);
        use.caution = use.inline_caution.get();
        continue;
      }
      auto it = proc.caution_scope.find(use.ref.id);
      if (it == proc.caution_scope.end()) {
        diags_.report(Rule::DanglingRef, use.ref.location,
                      fmt::format("caution '{}' is not defined{}", use.ref.id,
                                  suggestion(use.ref.id, proc.caution_scope)));
        continue;
      }
      catalog_.used.insert(it->second);
      use.caution = it->second;
    }
  }

  int resolve_node(const Procedure& proc, const Ref& ref, std::string_view what) {
    if (!ref.present()) return -1;
    if (int index = proc.index_of(ref.id); index >= 0) return index;
    std::vector<std::string_view> ids;
    for (const Node& n : proc.nodes) ids.push_back(n.id);
    std::string_view best = closest_match(ref.id, ids);
    diags_.report(Rule::DanglingRef, ref.location,
                  fmt::format("{} '{}' is not a node of this procedure{}", what, ref.id,
                              best.empty() ? "" : fmt::format("; did you mean '{}'?", best)));
    return -1;
  }

  void link_procedure(Procedure& proc) {
    proc.start_index = resolve_node(proc, proc.start, "start node");
    for (Node& node : proc.nodes) {
      // Notes are made only for nodes that wrote some (the order keeps the findings' order).
      if (node.has_notes()) node.notes().bases = resolve_bases(proc, node.notes().basis);
      link_uses(proc, node.actions);
      if (node.has_notes()) link_cautions(proc, node.notes().cautions);
      node.next_index = resolve_node(proc, node.next, "next node");
      if (node.kind == NodeKind::Ask) {
        for (Option& option : node.ask().options) {
          option.next_index = option.next.present() ? resolve_node(proc, option.next, "next node")
                                                    : node.next_index;
          link_uses(proc, option.actions);
          link_cautions(proc, option.cautions);
        }
      }
      if (node.kind == NodeKind::Branch) {
        for (Case& c : node.branch().cases) {
          c.next_index = resolve_node(proc, c.next, "next node");
          link_uses(proc, c.actions);
          link_cautions(proc, c.cautions);
        }
        node.branch().otherwise_index =
            resolve_node(proc, node.branch().otherwise, "otherwise node");
      }
      if (node.kind == NodeKind::Call && node.call().callee.present()) link_call(proc, node);
    }
    for (Invariant& inv : proc.invariants) {
      for (auto* list : {&inv.if_any, &inv.require, &inv.forbid}) {
        // As a test's expectations: an action a called procedure collects may be named.
        for (const Ref& ref : *list)
          resolve_here_or_in_callee(proc, ref, "action", &Procedure::action_scope);
      }
    }
    for (TestCase& test : proc.tests) link_test(proc, test);
  }

  void link_call(const Procedure& proc, Node& node) {
    auto it = procedures_.find(node.call().callee.id);
    if (it == procedures_.end()) {
      std::vector<std::string_view> ids;
      for (const auto& [id, p] : procedures_) {
        if (!p->is_library) ids.push_back(id);
      }
      std::string_view best = closest_match(node.call().callee.id, ids);
      diags_.report(Rule::DanglingRef, node.call().callee.location,
                    fmt::format("called procedure '{}' is not loaded{}", node.call().callee.id,
                                best.empty() ? "" : fmt::format("; did you mean '{}'?", best)));
      return;
    }
    if (it->second->is_library) {
      diags_.report(Rule::DanglingRef, node.call().callee.location,
                    fmt::format("'{}' is a library file; only procedures can be called",
                                node.call().callee.id));
      return;
    }
    (void)proc;
    node.call().callee_procedure = it->second;
  }

  // Procedures reachable through calls (by id, so it works before they are linked).
  std::vector<const Procedure*> callees_of(const Procedure& proc) {
    std::vector<const Procedure*> out;
    std::set<const Procedure*> seen{&proc};
    std::vector<const Procedure*> work{&proc};
    while (!work.empty()) {
      const Procedure* p = work.back();
      work.pop_back();
      for (const Node& n : p->nodes) {
        if (n.kind != NodeKind::Call) continue;
        auto it = procedures_.find(n.call().callee.id);
        if (it == procedures_.end() || it->second->is_library || !seen.insert(it->second).second)
          continue;
        out.push_back(it->second);
        work.push_back(it->second);
      }
    }
    return out;
  }

  // A test or an invariant may name actions (and a test recipients) that a called procedure
  // collects.
  template <typename T>
  const T* resolve_here_or_in_callee(const Procedure& proc, const Ref& ref, std::string_view what,
                                     std::unordered_map<std::string, const T*> Procedure::*scope) {
    auto it = (proc.*scope).find(ref.id);
    if (it != (proc.*scope).end()) {
      catalog_.used.insert(it->second);
      return it->second;
    }
    for (const Procedure* callee : callees_of(proc)) {
      auto c = (callee->*scope).find(ref.id);
      if (c != (callee->*scope).end()) {
        catalog_.used.insert(c->second);
        return c->second;
      }
    }
    diags_.report(Rule::DanglingRef, ref.location,
                  fmt::format("{} '{}' is not defined here or in a called procedure{}", what,
                              ref.id, suggestion(ref.id, proc.*scope)));
    return nullptr;
  }

  void link_test(const Procedure& proc, TestCase& test) {
    if (test.expect.outcome.present()) {
      int index = resolve_node(proc, test.expect.outcome, "expected outcome");
      if (index >= 0 && proc.nodes[index].kind != NodeKind::Outcome) {
        diags_.report(Rule::WrongType, test.expect.outcome.location,
                      fmt::format("expected outcome '{}' is a {} node, not an outcome",
                                  test.expect.outcome.id, node_kind_name(proc.nodes[index].kind)));
      }
    }
    for (const Ref& ref : test.expect.actions)
      resolve_here_or_in_callee(proc, ref, "action", &Procedure::action_scope);
    for (const Ref& ref : test.expect.not_actions)
      resolve_here_or_in_callee(proc, ref, "action", &Procedure::action_scope);
    for (const Ref& ref : test.expect.notify)
      resolve_here_or_in_callee(proc, ref, "recipient", &Procedure::recipient_scope);
  }

  Catalog& catalog_;
  Diagnostics& diags_;
  std::map<std::string, const Procedure*> procedures_;
  std::set<std::pair<const void*, const void*>> reported_;
};

}  // namespace

void link_catalog(Catalog& catalog) {
  Linker(catalog).run();
}

}  // namespace procedura
