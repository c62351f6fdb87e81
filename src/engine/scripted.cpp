#include "engine/scripted.h"

#include <algorithm>

namespace procedura::engine {

const Answer* ScriptedAnswers::find(const std::string& key) const {
  for (const Answer& answer : *answers_) {
    if (answer.var == key) return &answer;
  }
  return nullptr;
}

FeedResult ScriptedAnswers::prepare(const Session& session) const {
  FeedResult result;
  if (session.state() != Session::State::Question) {
    result.stop = session.state() == Session::State::Finished ? FeedResult::Stop::Finished
                                                              : FeedResult::Stop::Error;
    return result;
  }
  const Question& question = *session.question();
  const Answer* answer = find(question.key);
  if (!answer) {
    result.stop = FeedResult::Stop::Unanswered;
    return result;
  }
  result.answer = answer;
  ParsedAnswer parsed = parse_answer(*question.node, answer->values, answer->is_list);
  if (parsed.error) {
    result.stop = FeedResult::Stop::InvalidAnswer;
    result.error = parsed.error;
    return result;
  }
  // With one fixed answer per question, meeting the same question (the same node in the same
  // calls) with the same answer again would repeat the same stretch of path forever. Two
  // questions sharing a `var` are two questions: the second takes the same answer once.
  const auto& given = session.answers();
  for (size_t i = 0; i < given.size(); ++i) {
    if (given[i].place.node == question.node && given[i].place.calls == question.place.calls &&
        given[i].value == *parsed.value) {
      result.stop = FeedResult::Stop::Loop;
      for (size_t j = i; j < given.size(); ++j) result.loop.push_back(given[j].key);
      result.loop.push_back(question.key);
      return result;
    }
  }
  result.stop = FeedResult::Stop::Ready;
  result.value = parsed.value;
  return result;
}

FeedResult ScriptedAnswers::feed(Session& session) const {
  for (;;) {
    FeedResult result = prepare(session);
    if (result.stop != FeedResult::Stop::Ready) return result;
    session.answer(*result.value);
  }
}

std::vector<const Answer*> ScriptedAnswers::unused(const Session& session) const {
  std::vector<const Answer*> result;
  for (const Answer& answer : *answers_) {
    bool used = std::any_of(session.answers().begin(), session.answers().end(),
                            [&](const GivenAnswer& g) { return g.key == answer.var; });
    if (!used) result.push_back(&answer);
  }
  return result;
}

}  // namespace procedura::engine
