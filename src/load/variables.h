#pragma once
// The variables a procedure's `when` expressions may read: its questions' variables and,
// after a call, the called procedure's as `callee-id.var`.
#include <string>
#include <unordered_map>
#include <vector>

#include "expr/typecheck.h"
#include "model/procedure.h"

namespace procedura {

struct VariableDefinition {
  expr::VariableInfo info;
  const Node* question = nullptr;        // first question that sets it
  const Procedure* procedure = nullptr;  // owner (the callee for callee-id.var)
  std::vector<const Node*> questions;    // every question that sets it (a shared `var`)
};

using VariableTable = std::unordered_map<std::string, VariableDefinition>;

expr::VariableInfo variable_info(const Node& question);

// Own variables, then `callee.var` for every procedure this one calls.
VariableTable variable_table(const Procedure& procedure);

}  // namespace procedura
