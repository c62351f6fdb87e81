#pragma once
// What the test scenarios reach, per procedure: nodes, options (the edges leaving nodes,
// see node_out_edges), outcomes and action uses (each entry of an `actions` list, named or
// inline). A run counts for every procedure it passes through, so a called procedure's
// coverage includes what its callers' tests reach inside it.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "engine/session.h"
#include "model/procedure.h"
#include "report/test_results.h"

namespace procedura {

class Coverage {
 public:
  // Marks everything the session's run reached: its path, the question it stopped at and
  // the node where it failed.
  void record(const engine::Session& session);
  bool reached(const Procedure& procedure) const { return procedures_.count(&procedure) > 0; }
  ProcedureCoverage of(const Procedure& procedure) const;

 private:
  std::set<const Procedure*> procedures_;
  std::set<const Node*> nodes_;
  std::set<std::pair<const Node*, size_t>> edges_;
  std::set<const ActionUse*> uses_;
};

}  // namespace procedura
