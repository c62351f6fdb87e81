#pragma once
// Answering a session from an answers map (an answers file, a test scenario's `answers`):
// shared by `procedura run --answers`, resuming and the test runner.
#include <optional>
#include <string>
#include <vector>

#include "engine/session.h"
#include "model/procedure.h"

namespace procedura::engine {

struct FeedResult {
  enum class Stop {
    Ready,          // prepare() only: `value` answers the pending question
    Finished,       // an outcome was reached
    Unanswered,     // the pending question has no answer in the map
    InvalidAnswer,  // the map's answer is not acceptable: `answer`, `error`
    Loop,           // the question would be asked again with the same answer: `loop`
    Error,          // the session cannot go on: Session::error()
  };
  Stop stop = Stop::Finished;
  const Answer* answer = nullptr;
  std::optional<AnswerError> error;
  // For Loop: the questions' keys around the loop, e.g. {"a", "b", "a"}.
  std::vector<std::string> loop;
  std::optional<Value> value;  // Ready: the parsed answer
};

class ScriptedAnswers {
 public:
  explicit ScriptedAnswers(const std::vector<Answer>& answers) : answers_(&answers) {}

  const Answer* find(const std::string& key) const;
  // Looks up and checks the map's answer to the pending question without answering it:
  // Ready with the value, or Unanswered / InvalidAnswer / Loop (or Finished/Error when no
  // question is pending).
  FeedResult prepare(const Session& session) const;
  // Answers pending questions from the map until one is missing, wrong, loops, or the run ends.
  FeedResult feed(Session& session) const;
  // Answers of the map no question of the session's path used (e.g. misspelt variables).
  std::vector<const Answer*> unused(const Session& session) const;

 private:
  const std::vector<Answer>* answers_;
};

}  // namespace procedura::engine
