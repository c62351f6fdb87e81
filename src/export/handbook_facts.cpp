#include "export/handbook_facts.h"

#include <algorithm>
#include <deque>
#include <set>

#include "export/flow.h"

namespace procedura::handbook {

namespace {

template <typename T>
void add_unique(std::vector<const T*>& list, const T* item) {
  if (item && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

// Every action a procedure can collect, through its nested calls too (calls never recurse,
// but a visited set keeps a broken file from looping).
void all_actions(const Procedure& procedure, std::vector<const Action*>& out,
                 std::set<const Procedure*>& seen) {
  if (!seen.insert(&procedure).second) return;
  for (int index : flow::reading_order(procedure)) {
    const Node& node = procedure.nodes[index];
    for (const Option& option : node.ask().options) {
      for (const Action* a : resolved(option.actions)) add_unique(out, a);
    }
    for (const Case& c : node.branch().cases) {
      for (const Action* a : resolved(c.actions)) add_unique(out, a);
    }
    if (node.call().callee_procedure) all_actions(*node.call().callee_procedure, out, seen);
    for (const Action* a : resolved(node.actions)) add_unique(out, a);
  }
}

std::vector<const Action*> all_actions(const Procedure& procedure) {
  std::vector<const Action*> out;
  std::set<const Procedure*> seen;
  all_actions(procedure, out, seen);
  return out;
}

template <typename T>
void add_all(std::vector<const T*>& list, const std::vector<const T*>& items) {
  for (const T* item : items) add_unique(list, item);
}

// Every caution a procedure can show, through its nested calls too.
void all_cautions(const Procedure& procedure, std::vector<const Caution*>& out,
                  std::set<const Procedure*>& seen) {
  if (!seen.insert(&procedure).second) return;
  for (int index : flow::reading_order(procedure)) {
    const Node& node = procedure.nodes[index];
    add_all(out, resolved(node.cautions()));
    for (const Option& option : node.ask().options) add_all(out, resolved(option.cautions));
    for (const Case& c : node.branch().cases) add_all(out, resolved(c.cautions));
    if (node.call().callee_procedure) all_cautions(*node.call().callee_procedure, out, seen);
  }
}

void collect_node_bases(const Procedure& procedure, std::vector<const LegalBasis*>& out,
                        std::set<const Procedure*>& seen) {
  if (!seen.insert(&procedure).second) return;
  for (int index : flow::reading_order(procedure)) {
    const Node& node = procedure.nodes[index];
    add_all(out, node.bases());
    if (node.call().callee_procedure) collect_node_bases(*node.call().callee_procedure, out, seen);
  }
}

// The definitions the uses name or write inline; unresolved references left out.
template <typename Use, typename Definition>
std::vector<const Definition*> resolved_uses(const SparseList<Use>& uses,
                                             const Definition* Use::*named,
                                             std::shared_ptr<Definition> Use::*written) {
  std::vector<const Definition*> out;
  for (const Use& use : uses) {
    const Definition* d = use.*named ? use.*named : (use.*written).get();
    if (d) out.push_back(d);
  }
  return out;
}

}  // namespace

std::vector<const Action*> resolved(const ActionUses& uses) {
  return resolved_uses(uses, &ActionUse::action, &ActionUse::inline_action);
}

std::vector<const Caution*> resolved(const CautionUses& uses) {
  return resolved_uses(uses, &CautionUse::caution, &CautionUse::inline_caution);
}

OutcomeChecklists::OutcomeChecklists(const Procedure& procedure)
    : procedure_(&procedure),
      predecessors_(procedure.nodes.size()),
      from_start_(flow::reachable_from_start(procedure)),
      reading_order_(flow::reading_order(procedure)) {
  // Predecessors first: scanning every edge for each node reached was quadratic (minutes
  // for a 5,000-node procedure's handbook).
  for (const flow::Edge& e : flow::all_edges(procedure, "")) {
    if (e.to >= 0) predecessors_[e.to].push_back(e.from);
  }
}

OutcomeChecklist OutcomeChecklists::of(int outcome) const {
  const Procedure& procedure = *procedure_;
  OutcomeChecklist list;
  for (const Action* a : resolved(procedure.nodes[outcome].actions)) add_unique(list.own, a);
  add_all(list.cautions, resolved(procedure.nodes[outcome].cautions()));

  // Nodes that can reach the outcome (walking edges backwards) and can be reached from the start.
  std::vector<bool> reaches(procedure.nodes.size(), false);
  reaches[outcome] = true;
  std::deque<int> queue{outcome};
  while (!queue.empty()) {
    int at = queue.front();
    queue.pop_front();
    for (int from : predecessors_[at]) {
      if (!reaches[from]) {
        reaches[from] = true;
        queue.push_back(from);
      }
    }
  }
  std::vector<const Action*> earlier;
  for (int index : reading_order_) {
    if (index == outcome || !reaches[index] || !from_start_[index]) continue;
    const Node& node = procedure.nodes[index];
    if (node.kind == NodeKind::Ask && node.ask().type == AnswerType::Multi) {
      for (const Option& option : node.ask().options) {
        for (const Action* a : resolved(option.actions)) add_unique(earlier, a);
        add_all(list.cautions, resolved(option.cautions));
      }
    }
    add_all(list.cautions, resolved(node.cautions()));
    for (const flow::Edge& e : flow::edges_from(procedure, index, "")) {
      if (e.to >= 0 && reaches[e.to] && e.actions) {
        for (const Action* a : resolved(*e.actions)) add_unique(earlier, a);
      }
      if (e.to >= 0 && reaches[e.to] && e.cautions) add_all(list.cautions, resolved(*e.cautions));
    }
    if (node.call().callee_procedure) {
      for (const Action* a : all_actions(*node.call().callee_procedure)) add_unique(earlier, a);
      std::set<const Procedure*> seen;
      all_cautions(*node.call().callee_procedure, list.cautions, seen);
    }
    for (const Action* a : resolved(node.actions)) add_unique(earlier, a);
  }
  for (const Action* a : earlier) {
    if (std::find(list.own.begin(), list.own.end(), a) == list.own.end()) list.earlier.push_back(a);
  }
  return list;
}

std::vector<RecipientUse> recipients_notified(const Procedure& procedure) {
  std::vector<RecipientUse> out;
  for (const Action* action : all_actions(procedure)) {
    if (action->kind != ActionKind::Notify || !action->recipient) continue;
    auto it = std::find_if(out.begin(), out.end(),
                           [&](const RecipientUse& r) { return r.recipient == action->recipient; });
    if (it == out.end()) {
      out.push_back(RecipientUse{action->recipient, {action}});
    } else {
      it->actions.push_back(action);
    }
  }
  return out;
}

std::vector<const LegalBasis*> bases_cited(const Procedure& procedure) {
  std::vector<const LegalBasis*> out;
  std::set<const Procedure*> seen;
  collect_node_bases(procedure, out, seen);
  for (const Action* action : all_actions(procedure)) add_all(out, action->bases);
  return out;
}

std::vector<int> node_numbers(const Procedure& procedure) {
  std::vector<int> numbers(procedure.nodes.size(), 0);
  int next = 1;
  for (int index : flow::reading_order(procedure)) numbers[index] = next++;
  return numbers;
}

}  // namespace procedura::handbook
