#pragma once
// A session's path read back move by move, with what each move passed: the node, the
// edges it took and the action uses it collected. The test runner uses it to say where an
// action was collected and to print the path; coverage uses it to mark what a run reached.
#include <string>
#include <vector>

#include "engine/session.h"
#include "model/procedure.h"

namespace procedura {

// The edges coverage counts for a node, in order: `yes` then `no` (yes_no); each option
// (choice, multi: a multi option is taken when it is chosen); `next` (number, text, step,
// call); each case then `otherwise` (branch). Outcomes have none.
struct NodeEdge {
  std::string label;  // "option 'yes'", "case 2 (wiek < 17)", "otherwise", "next"
  Location location;
};
std::vector<NodeEdge> node_out_edges(const Node& node);

struct WalkStep {
  const Procedure* procedure = nullptr;  // the procedure the node belongs to
  const Node* node = nullptr;
  const engine::GivenAnswer* answer = nullptr;  // questions: the answer given
  std::vector<size_t> edges;                    // indexes into node_out_edges(*node)
  std::vector<const ActionUse*> uses;           // action uses passed here, in order
  std::vector<const Node*> calls;               // call nodes leading to this frame
  std::string branch;        // branches: the condition of the case taken, or "otherwise"
  bool call_return = false;  // the caller's call node again, as its callee returns
};

// Every move of the session's path. A call node appears twice: when the callee starts
// (its own actions) and when the callee returns (its `next` edge).
std::vector<WalkStep> walk_path(const engine::Session& session);

// "node" in the started procedure, "callee-id.node" in a called one.
std::string qualified_node(const WalkStep& step);

}  // namespace procedura
