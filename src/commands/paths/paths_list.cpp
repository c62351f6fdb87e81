#include "commands/paths/paths_list.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "check/answer_candidates.h"
#include "commands/paths/path_walk.h"

namespace procedura {
namespace {

class Lister {
 public:
  Lister(const Procedure& procedure, size_t limit, size_t budget)
      : limit_(limit), budget_(budget), constants_(constants_by_answer_key(procedure)) {}

  PathList run(const engine::Session& session) {
    explore(session);
    return std::move(result_);
  }

 private:
  bool done() const { return result_.stopped_at_limit || result_.stopped_at_budget; }

  void explore(const engine::Session& session) {
    if (done()) return;
    switch (session.state()) {
      case engine::Session::State::Finished:
        finished(session);
        return;
      case engine::Session::State::Error:
        ++result_.errors;
        return;
      case engine::Session::State::Question:
        break;
    }
    if (session.answers().size() >= kMaxQuestionsOnPath ||
        session.path().size() >= kMaxStepsOnPath) {
      result_.stopped_at_budget = result_.path_too_long = true;
      return;
    }
    const engine::Question& q = *session.question();
    for (const engine::GivenAnswer& given : session.answers()) {
      if (given.place.node == q.node && given.place.calls == q.place.calls) {
        ++result_.loops_cut;
        return;
      }
    }
    for (const Value& value : answer_candidates(*q.node, q.key, constants_)) {
      if (done()) return;
      if (tried_++ >= budget_) {
        result_.stopped_at_budget = true;
        return;
      }
      engine::Session next = session;
      if (next.answer(value)) continue;  // not acceptable (multi min/max...)
      explore(next);
    }
  }

  // The route and the actions: what makes two scenarios different. Values of number,
  // text and multi answers count only through where they lead and what they collect.
  std::string signature(const engine::Session& session) const {
    std::string key;
    for (const WalkStep& step : walk_path(session)) {
      key += fmt::format("{}/{}:", static_cast<const void*>(step.node), step.calls.size());
      bool by_option =
          step.node->kind == NodeKind::Ask && (step.node->ask().type == AnswerType::YesNo ||
                                               step.node->ask().type == AnswerType::Choice);
      if (by_option || step.node->kind == NodeKind::Branch) {
        for (size_t e : step.edges) key += std::to_string(e) + ",";
      }
      key += ";";
    }
    key += "|";
    for (const engine::CollectedAction& a : session.actions()) key += a.address + ";";
    return key;
  }

  void finished(const engine::Session& session) {
    if (!seen_.insert(signature(session)).second) return;
    if (result_.paths.size() >= limit_) {
      result_.stopped_at_limit = true;
      return;
    }
    ListedPath path;
    for (const engine::GivenAnswer& given : session.answers())
      path.answers.push_back({given.key, answer_text(given.value)});
    path.outcome = session.outcome();
    path.actions = session.actions();
    result_.paths.push_back(std::move(path));
  }

  size_t limit_;
  size_t budget_;
  size_t tried_ = 0;
  ComparedConstants constants_;
  std::set<std::string> seen_;
  PathList result_;
};

}  // namespace

PathList list_paths(const Procedure& procedure, size_t limit, size_t budget) {
  Lister lister(procedure, limit, budget);
  return lister.run(engine::Session(procedure));
}

}  // namespace procedura
