#include "model/procedure.h"

#include <algorithm>
#include <numeric>
#include <set>

namespace procedura {

const std::string& Procedure::default_language() const {
  static const std::string kNone;
  return languages.empty() ? kNone : languages.front();
}

const Node* Procedure::node(std::string_view node_id) const {
  int index = index_of(node_id);
  return index < 0 ? nullptr : &nodes[index];
}

void Procedure::index_nodes() {
  nodes_by_id_.resize(nodes.size());
  std::iota(nodes_by_id_.begin(), nodes_by_id_.end(), 0);
  // Stable: of repeated ids the first in the file comes first, and is the one found.
  std::ranges::stable_sort(nodes_by_id_, {},
                           [&](int i) -> std::string_view { return nodes[i].id; });
}

int Procedure::index_of(std::string_view node_id) const {
  auto it = std::ranges::lower_bound(nodes_by_id_, node_id, {},
                                     [&](int i) -> std::string_view { return nodes[i].id; });
  return it != nodes_by_id_.end() && nodes[*it].id == node_id ? *it : -1;
}

std::string_view node_kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::Ask:
      return "ask";
    case NodeKind::Step:
      return "step";
    case NodeKind::Branch:
      return "branch";
    case NodeKind::Call:
      return "call";
    case NodeKind::Outcome:
      return "outcome";
  }
  return "?";
}

std::string_view answer_type_name(AnswerType type) {
  switch (type) {
    case AnswerType::YesNo:
      return "yes_no";
    case AnswerType::Choice:
      return "choice";
    case AnswerType::Multi:
      return "multi";
    case AnswerType::Number:
      return "number";
    case AnswerType::Text:
      return "text";
  }
  return "?";
}

std::string_view action_kind_name(ActionKind kind) {
  switch (kind) {
    case ActionKind::Do:
      return "do";
    case ActionKind::Notify:
      return "notify";
    case ActionKind::Document:
      return "document";
  }
  return "?";
}

std::string_view channel_name(Channel channel) {
  switch (channel) {
    case Channel::Phone:
      return "phone";
    case Channel::Written:
      return "written";
    case Channel::InPerson:
      return "in_person";
    case Channel::Electronic:
      return "electronic";
  }
  return "?";
}

std::string joined_cites(const std::vector<const LegalBasis*>& bases) {
  std::string out;
  for (const LegalBasis* basis : bases) out += (out.empty() ? "" : "; ") + basis->cite;
  return out;
}

std::vector<const SourceFile*> involved_source_files(const Procedure& procedure) {
  std::vector<const SourceFile*> files;
  std::set<const SourceFile*> seen;
  std::vector<const Procedure*> pending{&procedure};
  std::set<const Procedure*> visited;
  while (!pending.empty()) {
    const Procedure* p = pending.back();
    pending.pop_back();
    if (!visited.insert(p).second) continue;
    if (p->file && seen.insert(p->file).second) files.push_back(p->file);
    for (auto it = p->imported.rbegin(); it != p->imported.rend(); ++it) pending.push_back(*it);
    for (auto it = p->nodes.rbegin(); it != p->nodes.rend(); ++it) {
      if (it->kind == NodeKind::Call && it->call().callee_procedure)
        pending.push_back(it->call().callee_procedure);
    }
  }
  return files;
}

}  // namespace procedura
