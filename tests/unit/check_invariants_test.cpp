// Counterexamples of invariant-violated: concrete, feasible, and replayable to the violation.
#include "check/invariant_checks.h"
#include "check/replay.h"
#include "check_support.h"

namespace procedura {
namespace {

// Replays the counterexample and checks it reaches its outcome and breaks the invariant.
void check_replays(const Procedure& proc, const Invariant& inv, const Counterexample& c) {
  REQUIRE(c.confirmed);
  ReplayResult r = replay(proc, answer_map(c));
  INFO(r.error);
  REQUIRE(r.reached);
  CHECK(proc.nodes[r.outcome].id == c.outcome);
  CHECK(violates(inv, r.actions));
}

const Procedure& only(const Catalog& c) {
  REQUIRE(c.runnable().size() >= 1);
  return *c.runnable().front();
}

const char* kHeader = R"(format: 1
id: p
version: 1.0.0
title: T
actions:
  piecza: {kind: do, text: piecza}
  sad: {kind: do, text: sad}
  policja: {kind: do, text: policja}
)";

TEST_CASE("the invariant fixtures' counterexamples replay to the violation") {
  Catalog c =
      testing::checked(testing::fixture_dir() + "/invariant-violated/bad-no-court.yaml", true);
  const Procedure& proc = only(c);
  auto found = find_violation(proc, proc.invariants.front());
  REQUIRE(found);
  check_replays(proc, proc.invariants.front(), *found);
  CHECK(describe(*found) == "wiek = 0, rodzice = no -> outcome 'placowka'");
  CHECK(found->missing == std::vector<std::string>{"zawiadom_sad"});
}

TEST_CASE("a violation only a longer path through a callee reaches gets concrete answers") {
  Catalog c = testing::checked(
      testing::fixture_dir() + "/invariant-violated/bad-through-callee-paths", true);
  const Procedure* proc = c.find("glowna-sciezki");
  REQUIRE(proc);
  auto found = find_violation(*proc, proc->invariants.front());
  REQUIRE(found);
  check_replays(*proc, proc->invariants.front(), *found);
  CHECK(describe(*found) == "rozmowa.pierwsze = yes, rozmowa.drugie = no -> outcome 'z_sadem'");
}

TEST_CASE("a number answer is chosen inside the interval the branches need") {
  Catalog c = testing::checked(std::string(kHeader) + R"(start: wiek
nodes:
  wiek: {ask: "Wiek", type: number, min: 0, max: 18, next: b}
  b:
    branch:
      - {when: "wiek < 13", next: ok}
      - {when: "wiek < 15", next: zle}
    otherwise: ok
  zle: {outcome: Zle, actions: [piecza]}
  ok: {outcome: Ok}
invariants:
  - {id: inv, if: [piecza], require: [sad]}
)",
                               false);
  const Procedure& proc = only(c);
  auto found = find_violation(proc, proc.invariants.front());
  REQUIRE(found);
  check_replays(proc, proc.invariants.front(), *found);
  CHECK(describe(*found) == "wiek = 13 -> outcome 'zle'");
}

TEST_CASE("an infeasible violating path is not reported; a feasible one behind it is found") {
  // The shortest path to `zle` needs x = yes then x == false: impossible.
  const std::string nodes = R"(start: x
nodes:
  x:
    ask: X?
    type: yes_no
    options:
      - {value: yes, next: b}
      - {value: no, next: ok}
  b:
    branch:
      - {when: "x == false", next: zle}
    otherwise: ok
  zle: {outcome: Zle, actions: [piecza]}
  ok: {outcome: Ok}
invariants:
  - {id: inv, if: [piecza], require: [sad]}
)";
  Catalog c = testing::checked(std::string(kHeader) + nodes, false);
  CHECK(testing::rules_found(c).count("invariant-violated") == 0);
  CHECK_FALSE(find_violation(only(c), only(c).invariants.front()));
}

TEST_CASE("forbidden actions, and actions collected inside a called procedure") {
  // A second file, the callee, next to it.
  Catalog both = [&] {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("procedura-call-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    std::ofstream(dir / "p.yaml") << std::string(kHeader) + R"(start: q
nodes:
  q:
    ask: Q?
    type: yes_no
    options:
      - {value: yes, next: wywolaj}
      - {value: no, next: ok}
  wywolaj: {call: pod, next: koniec}
  koniec: {outcome: Koniec, actions: [piecza]}
  ok: {outcome: Ok}
invariants:
  - {id: bez-policji, if: [piecza], forbid: [policja]}
)";
    std::ofstream(dir / "pod.yaml") << R"(format: 1
id: pod
version: 1.0.0
title: Pod
actions:
  policja: {kind: notify, to: policja-rcpt, text: policja}
recipients:
  policja-rcpt: {name: Policja}
start: r
nodes:
  r:
    ask: Czy zagrożenie?
    type: yes_no
    options:
      - {value: yes, next: wezwij}
      - {value: no, next: k}
  wezwij: {step: Wezwij policję, actions: [policja], next: k}
  k: {outcome: Koniec}
)";
    Catalog loaded = load_catalog({dir.string()});
    run_checks(loaded, CheckOptions{"2000-01-01"});
    return loaded;
  }();
  const Procedure* proc = both.find("p");
  REQUIRE(proc);
  auto found = find_violation(*proc, proc->invariants.front());
  REQUIRE(found);
  check_replays(*proc, proc->invariants.front(), *found);
  CHECK(describe(*found) == "q = yes, pod.r = yes -> outcome 'koniec'");
  CHECK(found->forbidden == std::vector<std::string>{"policja"});
}

TEST_CASE("a 60-diamond ladder is verified without enumerating its 2^60 paths") {
  std::string yaml = std::string(kHeader) + "start: d0\nnodes:\n";
  for (int i = 0; i < 60; ++i) {
    std::string next = i + 1 < 60 ? "d" + std::to_string(i + 1) : "koniec";
    yaml += "  d" + std::to_string(i) + ":\n    ask: Q?\n    type: yes_no\n    options:\n" +
            "      - {value: yes, next: l" + std::to_string(i) + "}\n      - {value: no, next: r" +
            std::to_string(i) + "}\n  l" + std::to_string(i) + ": {step: L, next: " + next +
            "}\n  r" + std::to_string(i) + ": {step: R, next: " + next +
            (i == 30 ? ", actions: [piecza]" : "") + "}\n";
  }
  yaml += "  koniec: {outcome: Koniec}\ninvariants:\n  - {id: inv, if: [piecza], require: [sad]}\n";
  Catalog c = testing::checked(yaml, false);
  const Procedure& proc = only(c);
  auto found = find_violation(proc, proc.invariants.front());
  REQUIRE(found);
  check_replays(proc, proc.invariants.front(), *found);
  CHECK(found->answers.size() == 60);
}

}  // namespace
}  // namespace procedura
