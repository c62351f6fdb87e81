#pragma once
// An interview session: the deterministic heart of `procedura run`, the test runner and
// coverage. It knows nothing of terminals, languages or files.
//
//   Session s(procedure);
//   while (s.state() == Session::State::Question) {
//     const Question& q = *s.question();   // q.node, q.key ("var" or "callee-id.var")
//     s.answer(value);                     // validated; on error nothing changes
//   }
//   s.state() == Finished: s.outcome(), s.actions(), s.answers(), s.path()
//   s.state() == Error:    s.error() names the node (unmatched branch, unset variable...)
//
// The session walks steps, branches (first case whose condition holds, else `otherwise`)
// and calls (a frame per call; the callee's variables become `callee-id.var` in the caller
// when it returns) until a question or an outcome. Actions are collected in path order:
// a node's own actions when it is passed, then the chosen options' or the taken case's,
// the final outcome's last; an action met again on the path is kept at its first place.
// Cautions are collected the same way, into their own list, except that a question's own
// cautions are collected when it is asked (the operator must see them before answering).
// Comparing actions().size() / cautions().size() before and after answer() tells what the
// answer newly collected: the lists only grow while going forward.
// back() undoes the last answer by replaying the others from the start, so every derived
// fact (variables, actions, path) is always exactly what the remaining answers produce.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "engine/answer_value.h"
#include "model/procedure.h"
#include "model/value.h"

namespace procedura::engine {

// A node in a particular call frame: the procedure it belongs to and the call nodes that
// led there (outermost first; empty in the procedure that was started).
struct Place {
  const Procedure* procedure = nullptr;
  const Node* node = nullptr;
  std::vector<const Node*> calls;
};

struct Question {
  Place place;
  const Node* node = nullptr;  // == place.node
  std::string
      key;  // answers-map key: var, or "callee-id.var" in a called procedure (the asking one)
  int number = 0;  // 1 for the first question asked, 2 for the next...
};

struct GivenAnswer {
  std::string key;
  Place place;
  Value value;
  bool personal = false;  // the question is marked `personal: true`
};

// Where something was collected: a node in its frame, and which of its options or cases.
struct Origin {
  enum class Via { Node, Option, Case };
  Place place;
  Via via = Via::Node;
  std::string detail;  // Option: the option value; Case: the case index (0-based)
};

// The `about` label of the innermost call among `calls` that has one, else null: whom an
// action or caution collected inside those calls concerns.
const Text* about_of(const std::vector<const Node*>& calls);
// Every `about` label among `calls`, outermost first ("pokrzywdzony", then "rodzic").
std::vector<const Text*> about_chain(const std::vector<const Node*>& calls);

struct CollectedAction {
  const Action* action = nullptr;
  const Procedure* procedure = nullptr;  // where it was met (for its language/recipient scope)
  // The defined id, or for an inline action its address "file:line:column".
  std::string address;
  Origin origin;

  bool urgent() const { return action->urgent(); }
  const Text* about() const { return about_of(origin.place.calls); }
};

struct CollectedCaution {
  const Caution* caution = nullptr;
  const Procedure* procedure = nullptr;  // where it was met
  // The defined id, or for an inline caution its address "file:line:column".
  std::string address;
  Origin origin;

  const Text* about() const { return about_of(origin.place.calls); }
};

// One move along the path: from a node, by an edge, in a frame.
struct PathStep {
  enum class Edge { Next, Option, Case, Otherwise, Call, Return, End };
  Place place;
  Edge edge = Edge::Next;
  std::string detail;  // Option: the option value(s); Case: the case index (0-based)
};

class Session {
 public:
  enum class State { Question, Finished, Error };

  // The procedure, and everything it refers to (called procedures, definitions), must
  // outlive the session: usually they live in a Catalog.
  explicit Session(const Procedure& procedure);

  const Procedure& procedure() const { return *procedure_; }
  State state() const { return state_; }
  // The pending question (State::Question), else null.
  const Question* question() const { return state_ == State::Question ? &question_ : nullptr; }
  // The outcome reached (State::Finished), else null; outcome_place() has its frame.
  const Node* outcome() const { return state_ == State::Finished ? outcome_.node : nullptr; }
  const Place& outcome_place() const { return outcome_; }
  // Why the run cannot go on (State::Error): a kind for the interview's wording and an
  // English message naming the node, for logs and tests.
  enum class ErrorKind {
    None,
    NoCaseMatched,
    CannotEvaluate,
    MissingNext,
    MissingCallee,
    RecursiveCall,
    NoQuestionLoop
  };
  ErrorKind error_kind() const { return error_kind_; }
  const std::string& error() const { return error_; }
  const Place& error_place() const { return error_place_; }

  // Answers the pending question. On a validation error the session is unchanged.
  std::optional<AnswerError> answer(const Value& value);
  // Parses written values (answers file, typed text) and answers.
  std::optional<AnswerError> answer_written(const std::vector<std::string>& values, bool is_list);

  bool can_go_back() const { return !answers_.empty(); }
  // Undoes the last answer; returns the answers dropped (the last one; empty if none).
  std::vector<GivenAnswer> back();
  // Keeps only the first `count` answers (for resuming and jumping back further).
  std::vector<GivenAnswer> truncate(size_t count);

  const std::vector<GivenAnswer>& answers() const { return answers_; }
  const std::vector<CollectedAction>& actions() const { return actions_; }
  const std::vector<CollectedCaution>& cautions() const { return cautions_; }
  const std::vector<PathStep>& path() const { return path_; }
  // Variables of the started procedure's frame (own names and `callee-id.var`).
  const std::map<std::string, Value>& variables() const { return frames_.front().variables; }
  // How many questions have been asked so far, the pending one included.
  int questions_asked() const {
    return state_ == State::Question ? question_.number : static_cast<int>(answers_.size());
  }

 private:
  struct Frame {
    const Procedure* procedure;
    const Node* call = nullptr;  // the call node in the parent frame
    std::map<std::string, Value> variables;
  };

  void reset();
  void advance(int node_index);  // walk from a node of the top frame until a question/outcome/error
  // Collects a node's (or its option's or case's) actions and cautions.
  void collect(const Node& node, const ActionUses& actions, const CautionUses& cautions,
               Origin::Via via = Origin::Via::Node, std::string detail = {});
  void fail(const Node& node, ErrorKind kind, std::string message);
  Place place_of(const Node& node) const;
  std::string key_prefix() const;

  const Procedure* procedure_;
  State state_ = State::Error;
  Question question_;
  Place outcome_;
  Place error_place_;
  std::string error_;
  ErrorKind error_kind_ = ErrorKind::None;
  std::vector<Frame> frames_;
  std::vector<GivenAnswer> answers_;
  std::vector<CollectedAction> actions_;
  std::vector<CollectedCaution> cautions_;
  std::vector<PathStep> path_;
};

// "file:line:column" of a location (the address of an inline action).
std::string address_of(const Location& location);

}  // namespace procedura::engine
