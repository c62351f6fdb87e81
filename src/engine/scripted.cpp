#include "engine/scripted.h"

#include <algorithm>

namespace procedura::engine {

const Answer* ScriptedAnswers::find(const std::string& key) const {
  for (const Answer& answer : *answers_) {
    if (answer.var == key) return &answer;
  }
  return nullptr;
}

FeedResult ScriptedAnswers::feed(Session& session) const {
  FeedResult result;
  while (session.state() == Session::State::Question) {
    const Question& question = *session.question();
    const Answer* answer = find(question.key);
    if (!answer) {
      result.stop = FeedResult::Stop::Unanswered;
      return result;
    }
    ParsedAnswer parsed = parse_answer(*question.node, answer->values, answer->is_list);
    if (parsed.error) {
      result.stop = FeedResult::Stop::InvalidAnswer;
      result.answer = answer;
      result.error = parsed.error;
      return result;
    }
    // With one fixed answer per question, meeting the same question with the same answer
    // again would repeat the same stretch of path forever.
    const auto& given = session.answers();
    for (size_t i = 0; i < given.size(); ++i) {
      if (given[i].key == question.key && given[i].value == *parsed.value) {
        result.stop = FeedResult::Stop::Loop;
        result.answer = answer;
        for (size_t j = i; j < given.size(); ++j) result.loop.push_back(given[j].key);
        result.loop.push_back(question.key);
        return result;
      }
    }
    session.answer(*parsed.value);
  }
  result.stop = session.state() == Session::State::Finished ? FeedResult::Stop::Finished : FeedResult::Stop::Error;
  return result;
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
