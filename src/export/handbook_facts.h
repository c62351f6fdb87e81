#pragma once
// What a handbook says about a procedure beyond its nodes: section numbers, the checklist
// of each outcome, who is notified by what, and every legal basis cited.
#include <map>
#include <string>
#include <vector>

#include "model/procedure.h"

namespace procedura::handbook {

struct OutcomeChecklist {
  std::vector<const Action*> own;        // the outcome's own actions, in order
  std::vector<const Action*> earlier;    // collected on some path before it (by answers)
  std::vector<const Caution*> cautions;  // the outcome's own, then those of the paths to it
};

// The checklist of each outcome of one procedure: its edges backwards, what the start
// reaches and the reading order are found once, not again for every outcome.
class OutcomeChecklists {
 public:
  explicit OutcomeChecklists(const Procedure& procedure);
  // Actions of an outcome node and those that some path from the start to it may collect
  // earlier (on nodes, chosen answers, branch cases, and inside called procedures); the
  // cautions met on those paths and at the outcome.
  OutcomeChecklist of(int outcome) const;

 private:
  const Procedure* procedure_;
  std::vector<std::vector<int>> predecessors_;
  std::vector<bool> from_start_;
  std::vector<int> reading_order_;
};

struct RecipientUse {
  const Recipient* recipient = nullptr;
  std::vector<const Action*> actions;  // notify actions addressed to it
};
// Recipients notified anywhere in the procedure (and the procedures it calls), in first-use order.
std::vector<RecipientUse> recipients_notified(const Procedure& procedure);

// Legal bases cited by the procedure's nodes and actions (and its callees'), in first-use order.
std::vector<const LegalBasis*> bases_cited(const Procedure& procedure);

// 1-based number of each node in reading order (index: node index).
std::vector<int> node_numbers(const Procedure& procedure);

// Every action a use list resolves to (dangling references skipped).
std::vector<const Action*> resolved(const ActionUses& uses);
std::vector<const Caution*> resolved(const CautionUses& uses);

}  // namespace procedura::handbook
