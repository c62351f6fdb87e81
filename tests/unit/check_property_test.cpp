// Property test: thousands of small random procedures (questions, steps, branches, outcomes,
// loops, actions, one invariant each); the verifier's reachability, dead ends, path counts
// and invariant verdicts must agree with brute force (path enumeration and running every
// combination of answers), and maybe-unset-variable with simple-path search.
#include <array>
#include <random>
#include <set>

#include "check/flow_graph.h"
#include "check/invariant_checks.h"
#include "check/replay.h"
#include "check/unset_variables.h"
#include "check_support.h"
#include "commands/drill/drill_path.h"
#include "commands/paths/paths.h"
#include "commands/paths/paths_list.h"
#include "engine/scripted.h"
#include "expr/evaluate.h"
#include "expr/parser.h"
#include "expr/typecheck.h"

namespace procedura {
namespace {

class Generator {
 public:
  explicit Generator(unsigned seed) : rng_(seed) {}

  std::unique_ptr<Procedure> make() {
    auto p = std::make_unique<Procedure>();
    p->id = "p";
    const int n = 3 + below(6);
    p->nodes.resize(n);
    for (int i = 0; i < n; ++i) {
      Node& node = p->nodes[i];
      node.id = "n" + std::to_string(i);
      int roll = below(100);
      node.kind = i == n - 1 || (i > 0 && roll < 15) ? NodeKind::Outcome
                  : roll < 55                        ? NodeKind::Ask
                  : roll < 75                        ? NodeKind::Step
                                                     : NodeKind::Branch;
    }
    std::vector<int> asks;
    for (int i = 0; i < n; ++i) {
      if (p->nodes[i].kind == NodeKind::Ask) asks.push_back(i);
    }
    for (int i = 0; i < n; ++i) {
      Node& node = p->nodes[i];
      maybe_action(node.actions);
      switch (node.kind) {
        case NodeKind::Ask:
          node.ask().type = AnswerType::YesNo;
          node.ask().var = node.id;
          for (const char* value : {"yes", "no"}) {
            Option o;
            o.value = value;
            o.next_index = target(i, n);
            o.next.id = p->nodes[o.next_index].id;
            maybe_action(o.actions);
            node.ask().options.push_back(std::move(o));
          }
          break;
        case NodeKind::Step:
          node.next_index = target(i, n);
          break;
        case NodeKind::Branch: {
          int cases = 1 + below(2);
          for (int k = 0; k < cases; ++k) {
            Case c;
            c.when = asks.empty() ? "true"
                                  : p->nodes[asks[below(static_cast<int>(asks.size()))]].id +
                                        (below(2) ? " == true" : " == false");
            c.condition = compile(c.when);
            c.when_location.line = static_cast<uint32_t>(i + 1);  // to tell findings apart
            c.when_location.column = 1;
            c.next_index = target(i, n);
            maybe_action(c.actions);
            node.branch().cases.push_back(std::move(c));
          }
          if (below(100) < 70) {
            node.branch().otherwise_index = target(i, n);
            node.branch().otherwise.id = p->nodes[node.branch().otherwise_index].id;
          }
          break;
        }
        default:
          break;
      }
    }
    p->start_index = 0;
    p->start.id = "n0";
    Invariant inv;
    inv.id = "inv";
    inv.if_any.push_back(Ref{"a0", {}});
    if (below(2)) {
      inv.require.push_back(Ref{"a1", {}});
    } else {
      inv.forbid.push_back(Ref{"a2", {}});
    }
    p->invariants.push_back(std::move(inv));
    p->index_nodes();
    return p;
  }

 private:
  int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }

  // Mostly forward (a DAG), sometimes anywhere: loops, some through questions.
  int target(int from, int n) {
    return below(100) < 15 || from == n - 1 ? below(n) : from + 1 + below(n - from - 1);
  }

  // Resolved uses of three named actions, as the linker leaves them.
  void maybe_action(ActionUses& uses) {
    static const std::array<Action, 3> defined = [] {
      std::array<Action, 3> out;
      for (size_t i = 0; i < out.size(); ++i) out[i].id = "a" + std::to_string(i);
      return out;
    }();
    if (below(100) >= 30) return;
    ActionUse use;
    use.action = &defined[static_cast<size_t>(below(3))];
    use.ref.id = use.action->id;
    uses.push_back(std::move(use));
  }

  static std::shared_ptr<const expr::Expr> compile(const std::string& source) {
    std::vector<expr::ExprError> errors;
    auto tree = expr::parse(source, errors);
    REQUIRE(tree);
    expr::typecheck(
        *tree,
        [](std::string_view) { return std::optional<expr::VariableInfo>(expr::VariableInfo{}); },
        errors);
    REQUIRE(errors.empty());
    return std::shared_ptr<const expr::Expr>(std::move(tree));
  }

  std::mt19937 rng_;
};

bool reaches(const Procedure& p, int from, const std::function<bool(int)>& goal) {
  std::vector<char> seen(p.nodes.size(), 0);
  std::function<bool(int)> visit = [&](int v) {
    if (goal(v)) return true;
    if (seen[v]) return false;
    seen[v] = 1;
    for (const Edge& e : node_edges(p.nodes[v])) {
      if (visit(e.target)) return true;
    }
    return false;
  };
  return visit(from);
}

// Counts start-to-outcome edge sequences; a productive path longer than the node count
// must repeat a node, so the count is infinite.
std::optional<uint64_t> brute_count(const Procedure& p, const std::vector<char>& live) {
  uint64_t count = 0;
  bool infinite = false;
  std::function<void(int, size_t)> walk = [&](int v, size_t depth) {
    if (infinite || !live[v]) return;
    if (depth > p.nodes.size()) {
      infinite = true;
      return;
    }
    if (p.nodes[v].kind == NodeKind::Outcome) {
      ++count;
      return;
    }
    for (const Edge& e : node_edges(p.nodes[v])) walk(e.target, depth + 1);
  };
  walk(p.start_index, 0);
  if (infinite) return std::nullopt;
  return count;
}

// One combination of yes/no answers to every question, as the verifier takes it and as an
// answers file writes it.
struct Combination {
  AnswerMap answers;
  std::vector<Answer> written;
};

// Every combination of answers to the procedure's (yes/no) questions: what brute force runs.
std::vector<Combination> answer_combinations(const Procedure& p) {
  std::vector<std::string> vars;
  for (const Node& node : p.nodes) {
    if (node.kind == NodeKind::Ask) vars.push_back(node.ask().var);
  }
  std::vector<Combination> out;
  for (size_t bits = 0; bits < (size_t{1} << vars.size()); ++bits) {
    Combination& c = out.emplace_back();
    for (size_t i = 0; i < vars.size(); ++i) {
      bool yes = (bits >> i) & 1;
      c.answers[vars[i]] = Value::of_bool(yes);
      c.written.push_back(Answer{vars[i], {}, false, {yes ? "yes" : "no"}, {}});
    }
  }
  return out;
}

bool brute_violation(const Procedure& p) {
  for (const Combination& c : answer_combinations(p)) {
    ReplayResult r = replay(p, c.answers);
    if (r.reached && violates(p.invariants.front(), r.actions)) return true;
  }
  return false;
}

TEST_CASE("random procedures: the verifier agrees with brute force") {
  Generator gen(20240611);
  int violations = 0, infinite = 0, unset = 0;
  for (int round = 0; round < 3000; ++round) {
    Catalog catalog;
    catalog.procedures.push_back(gen.make());
    const Procedure& p = *catalog.procedures.front();
    CatalogGraph graph(catalog);
    const ProcedureFacts& facts = graph.facts(p);
    CAPTURE(round);
    std::vector<char> live(p.nodes.size());
    for (size_t v = 0; v < p.nodes.size(); ++v) {
      bool reachable = reaches(p, p.start_index, [&](int w) { return w == static_cast<int>(v); });
      live[v] = reaches(p, static_cast<int>(v),
                        [&](int w) { return p.nodes[w].kind == NodeKind::Outcome; });
      CHECK(bool(facts.reachable[v]) == reachable);
      CHECK(bool(facts.live[v]) == bool(live[v]));
    }

    // maybe-unset-variable: some simple path from start to the branch avoids every
    // question that sets the variable.
    check_unset_variables(catalog, graph);
    std::set<std::pair<uint32_t, std::string>> reported, expected_unset;
    for (const Diagnostic& d : catalog.diagnostics.items()) {
      if (d.rule == Rule::MaybeUnsetVariable)
        reported.insert({d.location.line, d.message.substr(1, d.message.find('\'', 1) - 1)});
    }
    for (size_t b = 0; b < p.nodes.size(); ++b) {
      if (p.nodes[b].kind != NodeKind::Branch || !facts.reachable[b]) continue;
      for (const Case& c : p.nodes[b].branch().cases) {
        for (const std::string& var : expr::variables_read(*c.condition)) {
          std::vector<char> on(p.nodes.size(), 0);
          std::function<bool(int)> avoids = [&](int v) {
            if (v == static_cast<int>(b)) return true;
            if (on[v] || (p.nodes[v].kind == NodeKind::Ask && p.nodes[v].ask().var == var))
              return false;
            on[v] = 1;
            bool found = false;
            for (const Edge& e : node_edges(p.nodes[v])) found = found || avoids(e.target);
            on[v] = 0;
            return found;
          };
          if (avoids(p.start_index)) expected_unset.insert({static_cast<uint32_t>(b + 1), var});
        }
      }
    }
    CHECK(reported == expected_unset);
    unset += !reported.empty();

    PathCount count = count_paths(p);
    auto expected = brute_count(p, live);
    CHECK(count.infinite == !expected.has_value());
    if (expected) CHECK(count.count.to_string() == std::to_string(*expected));
    infinite += count.infinite;

    bool feasible = brute_violation(p);
    auto found = find_violation(p, p.invariants.front());
    CHECK(found.has_value() == feasible);
    if (found) {
      CHECK(found->confirmed);
      ReplayResult r = replay(p, answer_map(*found));
      CHECK(r.reached);
      CHECK(violates(p.invariants.front(), r.actions));
      ++violations;
    }
  }
  // The generator must exercise both verdicts and both kinds of count.
  CHECK(violations > 100);
  CHECK(infinite > 100);
  CHECK(unset > 100);
}

// What a finished run leaves: the outcome node and the named actions in collection order.
using Ending = std::pair<int, std::vector<std::string>>;

Ending ending_of(const Procedure& p, const engine::Session& session) {
  std::vector<std::string> actions;
  for (const engine::CollectedAction& a : session.actions()) actions.push_back(a.action->id);
  return {static_cast<int>(session.outcome() - p.nodes.data()), actions};
}

TEST_CASE("random procedures: every consumer of answers runs them alike") {
  // The verifier (replay), the answers-file and test path (ScriptedAnswers), `paths --list`
  // and `drill` all drive engine::Session; this pins that they agree on what each set of
  // answers reaches, so none can drift into an interpreter of its own again.
  Generator gen(20261204);
  int finished = 0, listed = 0, drilled = 0;
  for (int round = 0; round < 1500; ++round) {
    Catalog catalog;
    catalog.procedures.push_back(gen.make());
    const Procedure& p = *catalog.procedures.front();
    CAPTURE(round);
    std::set<Ending> by_replay;
    for (const Combination& c : answer_combinations(p)) {
      ReplayResult replayed = replay(p, c.answers);
      engine::Session scripted(p);
      engine::FeedResult fed = engine::ScriptedAnswers(c.written).feed(scripted);
      REQUIRE(replayed.reached == (fed.stop == engine::FeedResult::Stop::Finished));
      if (!replayed.reached) continue;
      Ending ending = ending_of(p, scripted);
      CHECK(ending == Ending{replayed.outcome, replayed.actions});
      by_replay.insert(ending);
      ++finished;
    }
    // `paths --list`: each listed scenario replays to what it lists, and together they
    // reach exactly the endings some full set of answers reaches.
    PathList list = list_paths(p, 100000);
    REQUIRE_FALSE(list.stopped_at_limit);
    std::set<Ending> by_list;
    for (const ListedPath& path : list.paths) {
      AnswerMap answers;
      for (const auto& [key, text] : path.answers) answers[key] = Value::of_bool(text == "yes");
      ReplayResult replayed = replay(p, answers);
      REQUIRE(replayed.reached);
      std::vector<std::string> actions;
      for (const engine::CollectedAction& a : path.actions) actions.push_back(a.action->id);
      CHECK(Ending{replayed.outcome, replayed.actions} ==
            Ending{static_cast<int>(path.outcome - p.nodes.data()), actions});
      by_list.insert({replayed.outcome, replayed.actions});
      ++listed;
    }
    CHECK(by_list == by_replay);
    // `drill`: a random walk that answers each question once replays to the same ending.
    SeededRandom random(static_cast<uint64_t>(round));
    engine::Session session(p);
    WalkResult walk = walk_random_path(session, random, "x");
    if (walk.end != WalkResult::End::Outcome) continue;
    AnswerMap answers;
    bool once = true;
    for (const engine::GivenAnswer& given : session.answers())
      once = once && answers.emplace(given.key, given.value).second;
    if (!once) continue;
    ReplayResult replayed = replay(p, answers);
    REQUIRE(replayed.reached);
    CHECK(ending_of(p, session) == Ending{replayed.outcome, replayed.actions});
    ++drilled;
  }
  CHECK(finished > 1000);
  CHECK(listed > 1000);
  CHECK(drilled > 500);
}

}  // namespace
}  // namespace procedura
