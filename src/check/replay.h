#pragma once
// Follows a procedure with a fixed set of answers, as a scripted run would, collecting
// actions. The verifier confirms its counterexamples with it. It drives engine::Session,
// the interpreter of `run`, `test`, `paths`, `drill` and `diff`, so a counterexample is
// exactly what an interview with those answers would do.
// Answers are keyed like an answers file: a question of the procedure by its variable,
// a question of a called procedure X by `X.var`.
#include <map>
#include <string>
#include <vector>

#include "model/procedure.h"
#include "model/value.h"

namespace procedura {

using AnswerMap = std::map<std::string, Value, std::less<>>;

struct AnsweredQuestion {
  std::string var;  // as keyed in the answers
  Value value;
};

struct ReplayResult {
  bool reached = false;                    // an outcome of the procedure was reached
  std::string error;                       // why not
  int outcome = -1;                        // node index in the procedure
  std::vector<std::string> actions;        // named actions collected, first occurrence first
  std::vector<AnsweredQuestion> answered;  // in the order the questions came
};

ReplayResult replay(const Procedure& procedure, const AnswerMap& answers);

}  // namespace procedura
