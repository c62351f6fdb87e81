#include "commands/test/test_runner.h"

#include <fmt/format.h>

#include <algorithm>

#include "check/sample_domains.h"
#include "commands/paths/path_walk.h"
#include "engine/scripted.h"
#include "engine/session.h"
#include "interview/input.h"
#include "model/source_file.h"

namespace procedura {

namespace {

// "question 'q' (file:line)", with the called procedure when it is not the tested one.
std::string describe_node(const Node& node, const Procedure* owner, const Procedure& tested) {
  std::string kind =
      node.kind == NodeKind::Ask ? "question" : std::string(node_kind_name(node.kind));
  std::string of = owner && owner != &tested ? fmt::format(" of '{}'", owner->id) : "";
  std::string where = file_line(node.location);
  return fmt::format("{} '{}'{}{}", kind, node.id, of, where.empty() ? "" : " (" + where + ")");
}

// The question that stores `key` ("var" in the tested procedure, "callee-id.var" in a
// called one), for naming it when the path never asks it.
const Node* question_for(const std::string& key, const Procedure& tested, const Catalog& catalog,
                         const Procedure** owner) {
  size_t dot = key.find('.');
  const Procedure* proc = dot == std::string::npos ? &tested : catalog.find(key.substr(0, dot));
  std::string var = dot == std::string::npos ? key : key.substr(dot + 1);
  if (!proc) return nullptr;
  *owner = proc;
  for (const Node& node : proc->nodes) {
    if (node.kind == NodeKind::Ask && node.ask().var == var) return &node;
  }
  return nullptr;
}

std::string list_text(const std::vector<std::string>& items) {
  return fmt::format("[{}]", fmt::join(items, ", "));
}

class TestCheck {
 public:
  TestCheck(const Procedure& procedure, const TestCase& test, const Catalog& catalog,
            TestResult& result)
      : procedure_(procedure), test_(test), catalog_(catalog), result_(result) {}

  void run(Coverage* coverage) {
    engine::Session session(procedure_);
    engine::ScriptedAnswers scripted(test_.answers);
    engine::FeedResult fed = scripted.feed(session);
    if (coverage) coverage->record(session);
    steps_ = walk_path(session);
    record_path(session);
    if (fed.stop != engine::FeedResult::Stop::Finished) {
      stopped(session, fed);
      return;
    }
    for (const Answer* unused : scripted.unused(session)) unused_answer(*unused);
    check_expectations(session);
  }

 private:
  Location answers_location() const {
    return test_.answers_location.known() ? test_.answers_location : test_.location;
  }

  void fail(TestFailure::Kind kind, std::string message, Location location) {
    result_.failures.push_back({kind, std::move(message), location});
  }

  void record_path(const engine::Session& session) {
    for (const WalkStep& step : steps_) {
      if (step.call_return) continue;
      PathEntry entry;
      entry.procedure = step.procedure ? step.procedure->id : procedure_.id;
      entry.node = qualified_node(step);
      entry.location = step.node->location;
      if (step.answer) {
        entry.answered = true;
        entry.answer = answer_text(step.answer->value);
      }
      entry.branch = step.branch;
      result_.path.push_back(std::move(entry));
    }
    if (const engine::Question* q = session.question()) {
      PathEntry entry;
      entry.procedure = q->place.procedure->id;
      entry.node =
          q->place.calls.empty() ? q->node->id : q->place.procedure->id + "." + q->node->id;
      entry.pending = true;
      entry.location = q->node->location;
      result_.path.push_back(std::move(entry));
    }
    if (session.state() == engine::Session::State::Error && session.error_place().node) {
      const engine::Place& at = session.error_place();
      PathEntry entry;
      entry.procedure = at.procedure->id;
      entry.node = at.calls.empty() ? at.node->id : at.procedure->id + "." + at.node->id;
      entry.stopped = true;
      entry.location = at.node->location;
      result_.path.push_back(std::move(entry));
    }
  }

  void stopped(const engine::Session& session, const engine::FeedResult& fed) {
    using Stop = engine::FeedResult::Stop;
    const engine::Question* q = session.question();
    std::string question =
        q ? describe_node(*q->node, q->place.procedure, procedure_) : std::string("the question");
    switch (fed.stop) {
      case Stop::Unanswered:
        fail(TestFailure::Kind::Unanswered,
             fmt::format("no outcome reached: the test has no answer for '{}', asked by {}", q->key,
                         question),
             answers_location());
        break;
      case Stop::InvalidAnswer:
        fail(TestFailure::Kind::InvalidAnswer,
             fmt::format("answer {}: {} does not fit {}: {}", fed.answer->var,
                         fed.answer->is_list ? list_text(fed.answer->values)
                                             : fmt::format("{}", fmt::join(fed.answer->values, "")),
                         question, interview::explain_answer_error(*fed.error, "en")),
             fed.answer->location);
        break;
      case Stop::Loop:
        fail(TestFailure::Kind::Loop,
             fmt::format("the answers loop: {} would be asked again with the same answer ({})",
                         question, fmt::join(fed.loop, " → ")),
             fed.answer ? fed.answer->location : answers_location());
        break;
      case Stop::Error:
        fail(TestFailure::Kind::RuntimeError,
             fmt::format("the run cannot go on: {}", session.error()), answers_location());
        break;
      case Stop::Ready:
      case Stop::Finished:
        break;
    }
  }

  void unused_answer(const Answer& answer) {
    const Procedure* owner = nullptr;
    const Node* node = question_for(answer.var, procedure_, catalog_, &owner);
    if (node) {
      fail(TestFailure::Kind::UnusedAnswer,
           fmt::format("answer {} is for {}, which this path never asks", answer.var,
                       describe_node(*node, owner, procedure_)),
           answer.location);
    } else {
      fail(TestFailure::Kind::UnusedAnswer,
           fmt::format("answer {} is for no question: no question of '{}' stores '{}'", answer.var,
                       owner ? owner->id : answer.var, answer.var.substr(answer.var.find('.') + 1)),
           answer.location);
    }
  }

  void check_expectations(const engine::Session& session) {
    const TestExpectation& expect = test_.expect;
    const Node* outcome = session.outcome();
    if (expect.outcome.present() && outcome->id != expect.outcome.id) {
      fail(TestFailure::Kind::WrongOutcome,
           fmt::format("expected outcome '{}', reached '{}'{}", expect.outcome.id, outcome->id,
                       outcome->location.file ? " (" + file_line(outcome->location) + ")" : ""),
           expect.outcome.location);
    }
    std::vector<std::string> named;  // inline actions have no id a test could name
    std::vector<std::string> notified;
    for (const engine::CollectedAction& c : session.actions()) {
      if (!c.action->is_inline()) named.push_back(c.action->id);
      if (c.action->kind == ActionKind::Notify && c.action->recipient)
        notified.push_back(c.action->recipient->id);
    }
    auto has = [](const std::vector<std::string>& list, const std::string& id) {
      return std::find(list.begin(), list.end(), id) != list.end();
    };
    for (const Ref& ref : expect.actions) {
      if (!has(named, ref.id)) {
        fail(TestFailure::Kind::MissingAction,
             fmt::format("expected action '{}' was not collected", ref.id), ref.location);
      }
    }
    for (const Ref& ref : expect.notify) {
      if (!has(notified, ref.id)) {
        fail(TestFailure::Kind::MissingNotification,
             fmt::format("expected notification of '{}' was not collected (no notify action to it)",
                         ref.id),
             ref.location);
      }
    }
    for (const Ref& ref : expect.not_actions) {
      if (has(named, ref.id)) {
        fail(TestFailure::Kind::ForbiddenAction,
             fmt::format("forbidden action '{}' was collected at {}", ref.id, collected_at(ref.id)),
             ref.location);
      }
    }
    if (expect.exact) {
      std::vector<std::string> expected;
      for (const Ref& ref : expect.actions) expected.push_back(ref.id);
      if (expected != named) {
        fail(TestFailure::Kind::ExactMismatch,
             fmt::format("the collected actions are not exactly the expected list: expected {}, "
                         "collected {}",
                         list_text(expected), list_text(named)),
             expect.location);
      }
    }
  }

  // Where the path first passed a use of the named action.
  std::string collected_at(const std::string& id) const {
    for (const WalkStep& step : steps_) {
      for (const ActionUse* use : step.uses) {
        if (!use->action || use->action->id != id) continue;
        std::string node = describe_node(*step.node, step.procedure, procedure_);
        std::string where = file_line(use->location);
        return where.empty() ? node : fmt::format("{}, listed at {}", node, where);
      }
    }
    return "an unknown place";
  }

  const Procedure& procedure_;
  const TestCase& test_;
  const Catalog& catalog_;
  TestResult& result_;
  std::vector<WalkStep> steps_;
};

}  // namespace

TestResult run_test(const Procedure& procedure, const TestCase& test, const Catalog& catalog,
                    Coverage* coverage) {
  TestResult result;
  result.procedure = &procedure;
  result.test = &test;
  TestCheck(procedure, test, catalog, result).run(coverage);
  return result;
}

}  // namespace procedura
