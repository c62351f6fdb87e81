#include "commands/drill/drill_path.h"

#include <set>

#include "check/answer_candidates.h"
#include "engine/answer_value.h"

namespace procedura {

WalkResult walk_random_path(engine::Session& session, SeededRandom& random,
                            const std::string& any_text) {
  WalkResult result;
  const ComparedConstants constants = constants_by_answer_key(session.procedure());
  // Every subset of up to ten options: a drill should meet unusual combinations too.
  const CandidateLimits limits{10, any_text};
  std::set<std::pair<std::string, std::string>> given;  // question key, answer as written
  while (session.state() == engine::Session::State::Question) {
    const engine::Question& question = *session.question();
    std::vector<Value> fresh;
    for (Value& v : answer_candidates(*question.node, question.key, constants, limits)) {
      if (!given.count({question.key, engine::value_to_text(v)})) fresh.push_back(std::move(v));
    }
    if (fresh.empty()) {
      result.end = WalkResult::End::Exhausted;
      result.node = question.node->id;
      return result;
    }
    const Value& pick = fresh[random.below(fresh.size())];
    given.insert({question.key, engine::value_to_text(pick)});
    session.answer(pick);  // valid: the candidates were checked
  }
  if (session.state() == engine::Session::State::Error) {
    result.end = WalkResult::End::Error;
    result.error = session.error();
  }
  return result;
}

}  // namespace procedura
