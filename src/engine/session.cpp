#include "engine/session.h"

#include <fmt/format.h>

#include <algorithm>

#include "expr/evaluate.h"
#include "model/call_depth.h"
#include "model/source_file.h"

namespace procedura::engine {
namespace {

// Steps, branches and calls between two questions; more means a loop the linter calls `cycle`.
constexpr int kMaxMovesWithoutQuestion = 10000;

std::string describe(const Procedure& procedure, const Node& node) {
  std::string where = node.location.known() ? fmt::format(" ({})", address_of(node.location)) : "";
  return fmt::format("node '{}' of procedure '{}'{}", node.id, procedure.id, where);
}

}  // namespace

std::string address_of(const Location& location) {
  std::string path = location.file ? location.file->path() : "?";
  return fmt::format("{}:{}:{}", path, location.line, location.column);
}

const Text* about_of(const std::vector<const Node*>& calls) {
  for (auto it = calls.rbegin(); it != calls.rend(); ++it) {
    if ((*it)->call().about.present) return &(*it)->call().about;
  }
  return nullptr;
}

std::vector<const Text*> about_chain(const std::vector<const Node*>& calls) {
  std::vector<const Text*> out;
  for (const Node* call : calls) {
    if (call->call().about.present) out.push_back(&call->call().about);
  }
  return out;
}

Session::Session(const Procedure& procedure) : procedure_(&procedure) {
  reset();
}

void Session::reset() {
  state_ = State::Error;
  error_.clear();
  error_kind_ = ErrorKind::None;
  error_place_ = {};
  question_ = {};
  outcome_ = {};
  answers_.clear();
  actions_.clear();
  cautions_.clear();
  path_.clear();
  frames_.clear();
  frames_.push_back(Frame{procedure_, nullptr, {}});
  if (procedure_->start_index < 0) {
    error_kind_ = ErrorKind::MissingNext;
    error_ = fmt::format("procedure '{}' has no valid start node", procedure_->id);
    return;
  }
  advance(procedure_->start_index);
}

Place Session::place_of(const Node& node) const {
  Place place;
  place.procedure = frames_.back().procedure;
  place.node = &node;
  for (size_t i = 1; i < frames_.size(); ++i) place.calls.push_back(frames_[i].call);
  return place;
}

// A called procedure's questions are keyed by the procedure that asks them, however deep
// the call: `callee-id.var`, the name its `when` expressions and answers files use.
std::string Session::key_prefix() const {
  return frames_.size() > 1 ? frames_.back().procedure->id + "." : std::string();
}

void Session::fail(const Node& node, ErrorKind kind, std::string message) {
  state_ = State::Error;
  error_kind_ = kind;
  error_place_ = place_of(node);
  error_ = fmt::format("{}: {}", describe(*frames_.back().procedure, node), message);
}

namespace {

// Adds the definition (action or caution) of each use not collected yet, once, under the
// address a transcript names it by: its id, or for an inline one where it is written.
template <typename Use, typename Definition, typename Collected>
void collect_once(const SparseList<Use>& uses, const Definition* Use::*definition,
                  const Definition* Collected::*collected, std::vector<Collected>& into,
                  const Procedure& owner, const Origin& origin) {
  for (const Use& use : uses) {
    const Definition* d = use.*definition;
    if (!d) continue;  // unresolved reference: the loader reported it
    bool seen = std::any_of(into.begin(), into.end(),
                            [&](const Collected& c) { return c.*collected == d; });
    if (seen) continue;
    std::string address = d->is_inline() ? address_of(d->location) : d->id;
    into.push_back(Collected{d, &owner, std::move(address), origin});
  }
}

}  // namespace

void Session::collect(const Node& node, const ActionUses& actions, const CautionUses& cautions,
                      Origin::Via via, std::string detail) {
  if (actions.empty() && cautions.empty()) return;
  const Procedure& owner = *frames_.back().procedure;
  Origin origin{place_of(node), via, std::move(detail)};
  collect_once(actions, &ActionUse::action, &CollectedAction::action, actions_, owner, origin);
  collect_once(cautions, &CautionUse::caution, &CollectedCaution::caution, cautions_, owner,
               origin);
}

void Session::advance(int index) {
  for (int moves = 0;; ++moves) {
    Frame& frame = frames_.back();
    const Procedure& proc = *frame.procedure;
    const Node& node = proc.nodes[static_cast<size_t>(index)];
    if (moves > kMaxMovesWithoutQuestion) {
      fail(node, ErrorKind::NoQuestionLoop,
           "the path loops through steps, branches or calls without a question");
      return;
    }
    // Moves to `next` of `from`, or fails naming it when the reference did not resolve.
    auto follow = [&](const Node& from, int next, PathStep::Edge edge, std::string detail) {
      path_.push_back(PathStep{place_of(from), edge, std::move(detail)});
      if (next < 0) {
        fail(from, ErrorKind::MissingNext, "there is no valid next node to go to");
        return false;
      }
      index = next;
      return true;
    };
    switch (node.kind) {
      case NodeKind::Ask:
        collect(node, {}, node.cautions());
        state_ = State::Question;
        question_ = Question{place_of(node), &node, key_prefix() + node.ask().var,
                             static_cast<int>(answers_.size()) + 1};
        return;
      case NodeKind::Step:
        collect(node, node.actions, node.cautions());
        if (!follow(node, node.next_index, PathStep::Edge::Next, {})) return;
        break;
      case NodeKind::Branch: {
        collect(node, node.actions, node.cautions());
        auto lookup = [&frame](std::string_view name) -> const Value* {
          auto it = frame.variables.find(std::string(name));
          return it == frame.variables.end() ? nullptr : &it->second;
        };
        const Case* taken = nullptr;
        size_t taken_index = 0;
        for (size_t i = 0; i < node.branch().cases.size() && !taken; ++i) {
          const Case& c = node.branch().cases[i];
          if (!c.condition) {
            fail(node, ErrorKind::CannotEvaluate,
                 fmt::format("the condition \"{}\" did not compile", c.when));
            return;
          }
          std::optional<bool> holds = expr::evaluate(*c.condition, lookup);
          if (!holds) {
            fail(node, ErrorKind::CannotEvaluate,
                 fmt::format("the condition \"{}\" reads a variable that is not set on this path",
                             c.when));
            return;
          }
          if (*holds) {
            taken = &c;
            taken_index = i;
          }
        }
        if (taken) {
          collect(node, taken->actions, taken->cautions, Origin::Via::Case,
                  std::to_string(taken_index));
          if (!follow(node, taken->next_index, PathStep::Edge::Case, std::to_string(taken_index)))
            return;
        } else if (node.branch().otherwise.present()) {
          if (!follow(node, node.branch().otherwise_index, PathStep::Edge::Otherwise, {})) return;
        } else {
          fail(node, ErrorKind::NoCaseMatched,
               "no case of the branch holds and it has no `otherwise`");
          return;
        }
        break;
      }
      case NodeKind::Call: {
        const Procedure* callee = node.call().callee_procedure;
        if (!callee || callee->start_index < 0) {
          fail(node, ErrorKind::MissingCallee,
               fmt::format("the called procedure '{}' is not loaded", node.call().callee.id));
          return;
        }
        bool recursive = std::any_of(frames_.begin(), frames_.end(),
                                     [&](const Frame& f) { return f.procedure == callee; });
        if (recursive) {
          fail(node, ErrorKind::RecursiveCall,
               fmt::format("calling '{}' again would recurse", callee->id));
          return;
        }
        if (frames_.size() >= kMaxCallDepth) {
          fail(node, ErrorKind::RecursiveCall,
               fmt::format("calling '{}' would nest more than {} procedures at once (the limit "
                           "of calls within calls)",
                           callee->id, kMaxCallDepth));
          return;
        }
        collect(node, node.actions, node.cautions());
        path_.push_back(PathStep{place_of(node), PathStep::Edge::Call, callee->id});
        frames_.push_back(Frame{callee, &node, {}});
        index = callee->start_index;
        break;
      }
      case NodeKind::Outcome:
        collect(node, node.actions, node.cautions());
        if (frames_.size() == 1) {
          path_.push_back(PathStep{place_of(node), PathStep::Edge::End, {}});
          outcome_ = place_of(node);
          state_ = State::Finished;
          return;
        } else {
          path_.push_back(PathStep{place_of(node), PathStep::Edge::Return, {}});
          Frame done = std::move(frames_.back());
          frames_.pop_back();
          // Own variables become `callee-id.var`; those the callee got from its own calls
          // already carry their procedure's id and pass through unchanged.
          for (auto& [name, value] : done.variables) {
            bool from_nested_call = name.find('.') != std::string::npos;
            frames_.back().variables[from_nested_call ? name : done.procedure->id + "." + name] =
                std::move(value);
          }
          const Node& call = *done.call;
          if (call.next_index < 0) {
            fail(call, ErrorKind::MissingNext, "there is no valid next node after the call");
            return;
          }
          index = call.next_index;
        }
        break;
    }
  }
}

std::optional<AnswerError> Session::answer(const Value& value) {
  if (state_ != State::Question) return AnswerError{AnswerError::Kind::NotAQuestion, {}};
  const Node& node = *question_.node;
  if (auto error = validate_answer(node, value)) return error;
  answers_.push_back(GivenAnswer{question_.key, question_.place, value, node.ask().personal});
  frames_.back().variables[node.ask().var] = value;
  collect(node, node.actions, {});

  int next = node.next_index;
  std::string detail = value_to_text(value);
  PathStep::Edge edge = PathStep::Edge::Next;
  if (const Option* option = chosen_option(node, value)) {
    collect(node, option->actions, option->cautions, Origin::Via::Option, option->value);
    if (option->next.present()) next = option->next_index;
    edge = PathStep::Edge::Option;
  } else if (node.ask().type == AnswerType::Multi) {
    for (const Option& option : node.ask().options) {
      if (std::find(value.list.begin(), value.list.end(), option.value) != value.list.end()) {
        collect(node, option.actions, option.cautions, Origin::Via::Option, option.value);
      }
    }
    edge = PathStep::Edge::Option;
  }
  path_.push_back(PathStep{question_.place, edge, std::move(detail)});
  if (next < 0) {
    fail(node, ErrorKind::MissingNext, "there is no valid next node for this answer");
    return std::nullopt;
  }
  advance(next);
  return std::nullopt;
}

std::optional<AnswerError> Session::answer_written(const std::vector<std::string>& values,
                                                   bool is_list) {
  if (state_ != State::Question) return AnswerError{AnswerError::Kind::NotAQuestion, {}};
  ParsedAnswer parsed = parse_answer(*question_.node, values, is_list);
  if (parsed.error) return parsed.error;
  return answer(*parsed.value);
}

std::vector<GivenAnswer> Session::truncate(size_t count) {
  if (count >= answers_.size()) return {};
  std::vector<GivenAnswer> kept(answers_.begin(), answers_.begin() + static_cast<long>(count));
  std::vector<GivenAnswer> dropped(answers_.begin() + static_cast<long>(count), answers_.end());
  reset();
  for (const GivenAnswer& given : kept) {
    // Replaying a prefix of answers that were accepted reproduces the same states.
    if (state_ != State::Question || answer(given.value)) break;
  }
  return dropped;
}

std::vector<GivenAnswer> Session::back() {
  if (answers_.empty()) return {};
  return truncate(answers_.size() - 1);
}

}  // namespace procedura::engine
