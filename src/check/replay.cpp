#include "check/replay.h"

#include <fmt/format.h>

#include "engine/session.h"

namespace procedura {

ReplayResult replay(const Procedure& procedure, const AnswerMap& answers) {
  ReplayResult result;
  engine::Session session(procedure);
  while (session.state() == engine::Session::State::Question) {
    const engine::Question& question = *session.question();
    auto it = answers.find(question.key);
    if (it == answers.end()) {
      result.error =
          fmt::format("no answer for '{}' (question '{}')", question.key, question.node->id);
      return result;
    }
    // One fixed answer per question: meeting the question again with it would repeat the
    // same stretch of path forever.
    for (const engine::GivenAnswer& given : session.answers()) {
      if (given.key == question.key && given.value == it->second) {
        result.error = fmt::format("question '{}' would be asked again with the same answer",
                                   question.node->id);
        return result;
      }
    }
    if (session.answer(it->second)) {
      result.error =
          fmt::format("answer {} does not fit question '{}'", question.key, question.node->id);
      return result;
    }
  }
  if (session.state() == engine::Session::State::Error) {
    result.error = session.error();
    return result;
  }
  result.reached = true;
  result.outcome = static_cast<int>(session.outcome() - procedure.nodes.data());
  for (const engine::CollectedAction& collected : session.actions()) {
    if (!collected.action->is_inline()) result.actions.push_back(collected.action->id);
  }
  for (const engine::GivenAnswer& given : session.answers())
    result.answered.push_back({given.key, given.value});
  return result;
}

}  // namespace procedura
