// `procedura diff` (structural changes, replay of scenarios and transcripts) and
// `procedura drill` (seeded draws, scoring, reading the trainee's choices).
#include <doctest/doctest.h>

#include <algorithm>

#include "commands/diff/diff_changes.h"
#include "commands/diff/diff_impact.h"
#include "commands/drill/drill_score.h"
#include "trainer_support.h"
#include "util/seeded_random.h"

namespace procedura {
namespace {

using trainer_testing::load_ok;
using trainer_testing::TempDir;

std::string diff_fixture(const std::string& name) {
  return std::string(PROCEDURA_TEST_DATA) + "/fixtures/diff/" + name;
}

const FieldChange* field(const std::vector<ElementChange>& changes, const std::string& section,
                         const std::string& id, const std::string& name) {
  for (const ElementChange& c : changes) {
    if (c.section != section || c.id != id) continue;
    for (const FieldChange& f : c.fields) {
      if (f.field == name) return &f;
    }
  }
  return nullptr;
}

TEST_CASE("seeded draws are reproducible and stay in range") {
  SeededRandom a(7), b(7), c(8);
  std::vector<std::uint64_t> from_a, from_b, from_c;
  for (int i = 0; i < 50; ++i) {
    from_a.push_back(a.below(10));
    from_b.push_back(b.below(10));
    from_c.push_back(c.below(10));
  }
  CHECK(from_a == from_b);
  CHECK(from_a != from_c);
  CHECK(std::all_of(from_a.begin(), from_a.end(), [](std::uint64_t v) { return v < 10; }));
  CHECK(a.below(0) == 0);
  CHECK(a.below(1) == 0);
  // The order a seed gives is part of the contract (same seed, same drill, on every
  // platform): mt19937_64 is fixed by the standard and the draws are our own.
  std::vector<int> items{1, 2, 3, 4, 5, 6};
  SeededRandom seven(7);
  seven.shuffle(items);
  std::vector<int> again{1, 2, 3, 4, 5, 6};
  SeededRandom(7).shuffle(again);
  CHECK(items == again);
  std::vector<int> sorted = items;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == std::vector<int>{1, 2, 3, 4, 5, 6});
  CHECK(items == std::vector<int>{6, 2, 5, 3, 1, 4});
}

TEST_CASE("drill scoring: correct, missed, wrong and the percentage") {
  Action a1, a2, a3, a4;
  Recipient r1, r2;
  std::vector<DrillItem> items{
      {DrillItem::Kind::Action, &a1, nullptr, true},      // 0
      {DrillItem::Kind::Action, &a2, nullptr, false},     // 1
      {DrillItem::Kind::Recipient, nullptr, &r1, true},   // 2
      {DrillItem::Kind::Action, &a3, nullptr, true},      // 3
      {DrillItem::Kind::Recipient, nullptr, &r2, false},  // 4
      {DrillItem::Kind::Action, &a4, nullptr, false},     // 5
  };
  SUBCASE("all right") {
    DrillScore s = score_drill(items, {0, 2, 3});
    CHECK(s.correct == std::vector<size_t>{0, 2, 3});
    CHECK(s.missed.empty());
    CHECK(s.wrong.empty());
    CHECK(s.percent == 100);
  }
  SUBCASE("one missed, one wrong: 2 / (3 + 1)") {
    DrillScore s = score_drill(items, {0, 2, 4});
    CHECK(s.correct == std::vector<size_t>{0, 2});
    CHECK(s.missed == std::vector<size_t>{3});
    CHECK(s.wrong == std::vector<size_t>{4});
    CHECK(s.percent == 50);
  }
  SUBCASE("picking everything is not a way out: 3 / (3 + 3)") {
    DrillScore s = score_drill(items, {0, 1, 2, 3, 4, 5});
    CHECK(s.percent == 50);
    CHECK(s.wrong.size() == 3);
  }
  SUBCASE("nothing picked") {
    DrillScore s = score_drill(items, {});
    CHECK(s.percent == 0);
    CHECK(s.missed.size() == 3);
  }
  SUBCASE("rounded to the nearest percent: 2 / 3") {
    DrillScore s = score_drill(items, {0, 2});
    CHECK(s.percent == 67);
  }
  SUBCASE("nothing required, nothing picked") {
    std::vector<DrillItem> none{{DrillItem::Kind::Action, &a2, nullptr, false}};
    CHECK(score_drill(none, {}).percent == 100);
    CHECK(score_drill(none, {0}).percent == 0);
  }
}

TEST_CASE("drill choices: numbers separated by spaces or commas") {
  CHECK(parse_choices("1, 3 4", 5).picked == std::set<size_t>{0, 2, 3});
  CHECK(parse_choices("2,,5,", 5).picked == std::set<size_t>{1, 4});
  CHECK(parse_choices("", 5).ok());
  CHECK(parse_choices("   ", 5).picked.empty());
  CHECK(parse_choices("3 3", 5).picked == std::set<size_t>{2});
  CHECK(parse_choices("0", 5).bad == "0");
  CHECK(parse_choices("1 6", 5).bad == "6");
  CHECK(parse_choices("1 x", 5).bad == "x");
  CHECK(parse_choices("-1", 5).bad == "-1");
  CHECK(parse_choices("99999999999999999999", 5).bad == "99999999999999999999");
}

TEST_CASE("diff lists text, target and node changes") {
  auto v1 = load_ok({diff_fixture("v1.yaml")});
  auto v2 = load_ok({diff_fixture("v2.yaml")});
  auto v3 = load_ok({diff_fixture("v3.yaml")});
  auto v4 = load_ok({diff_fixture("v4.yaml")});
  const Procedure& p1 = *v1->find("spoznienie");
  CHECK(diff_procedures(p1, p1).empty());

  auto texts = diff_procedures(p1, *v2->find("spoznienie"));
  const FieldChange* pl = field(texts, "node", "minuty", "text[pl]");
  REQUIRE(pl != nullptr);
  CHECK(pl->before == "Ile minut spóźnienia?");
  CHECK(pl->after == "Ile minut trwało spóźnienie?");
  CHECK(field(texts, "metadata", "", "version") != nullptr);
  auto only_en = diff_procedures(p1, *v2->find("spoznienie"), "en");
  CHECK(field(only_en, "node", "minuty", "text[pl]") == nullptr);
  CHECK(field(only_en, "node", "minuty", "text[en]") != nullptr);

  auto retarget = diff_procedures(p1, *v3->find("spoznienie"));
  const FieldChange* next = field(retarget, "node", "pierwszy_raz", "option no: next");
  REQUIRE(next != nullptr);
  CHECK(next->before == "minuty");
  CHECK(next->after == "rozmowa");

  auto added = diff_procedures(p1, *v4->find("spoznienie"));
  CHECK(std::any_of(added.begin(), added.end(), [](const ElementChange& c) {
    return c.section == "node" && c.id == "usprawiedliwione" &&
           c.kind == ElementChange::Kind::Added;
  }));
  CHECK(field(added, "node", "minuty", "next") != nullptr);
}

TEST_CASE("diff compares definitions, options and cases") {
  TempDir dir;
  const std::string head =
      "format: 1\nid: p\nversion: 1.0.0\ntitle: T\nrecipients:\n  r: {name: R}\n";
  std::string a = dir.write("a/p.yaml", head + R"(actions:
  x: {kind: notify, to: r, text: "X", deadline: 3d}
  y: {kind: do, text: "Y"}
start: q
nodes:
  q:
    ask: "Q?"
    type: choice
    options:
      - {value: a, label: "A", next: b}
      - {value: c, label: "C", next: e}
  b:
    branch:
      - when: 'q == "a"'
        next: e
    otherwise: e
  e: {outcome: "E", actions: [x]}
)");
  std::string b = dir.write("b/p.yaml", head + R"(actions:
  x: {kind: notify, to: r, text: "X", deadline: 1d}
  z: {kind: do, text: "Z"}
start: q
nodes:
  q:
    ask: "Q?"
    type: choice
    options:
      - {value: a, label: "A!", next: b}
      - {value: d, label: "D", next: e}
  b:
    branch:
      - when: 'q == "d"'
        next: e
    otherwise: e
  e: {outcome: "E", actions: [x, z]}
)");
  auto ca = load_ok({a});
  auto cb = load_ok({b});
  auto changes = diff_procedures(*ca->find("p"), *cb->find("p"));
  const FieldChange* deadline = field(changes, "action", "x", "deadline");
  REQUIRE(deadline != nullptr);
  CHECK(deadline->before == "3d");
  CHECK(deadline->after == "1d");
  auto kind_of = [&](const std::string& section, const std::string& id) {
    for (const ElementChange& c : changes) {
      if (c.section == section && c.id == id) return std::string(change_kind_name(c.kind));
    }
    return std::string("none");
  };
  CHECK(kind_of("action", "y") == "removed");
  CHECK(kind_of("action", "z") == "added");
  CHECK(field(changes, "node", "q", "option a: label")->after == "A!");
  CHECK(field(changes, "node", "q", "option c")->after.empty());
  CHECK(field(changes, "node", "q", "option d")->before.empty());
  CHECK(field(changes, "node", "b", "case 1: when")->after == "q == \"d\"");
  CHECK(field(changes, "node", "e", "actions")->after == "x, z");
}

TEST_CASE("impact: a transcript's retried question takes its later answers") {
  TempDir dir;
  std::string file = dir.write("p.yaml", R"(format: 1
id: p
version: 1.0.0
title: T
start: q
nodes:
  q:
    ask: "Reached?"
    type: yes_no
    options:
      - {value: yes, next: done}
      - {value: no, next: again}
  again: {step: "Try again", next: q}
  done: {outcome: "Done"}
)");
  auto catalog = load_ok({file});
  const Procedure& p = *catalog->find("p");
  std::vector<TranscriptRecord> records{{"q", "q", false, {"no"}, false},
                                        {"q", "q", false, {"yes"}, false}};
  ReplayEnding ending = replay_records(p, records);
  CHECK(ending.finished());
  CHECK(ending.outcome == "done");
  ReplayEnding short_of = replay_records(p, {records[0]});
  CHECK(short_of.status == ReplayEnding::Status::Unanswered);

  ImpactItem both_unfinished;
  both_unfinished.before = short_of;
  both_unfinished.after = short_of;
  compare_endings(both_unfinished);
  CHECK_FALSE(both_unfinished.changed);
  ImpactItem stops;
  stops.before = ending;
  stops.after = short_of;
  compare_endings(stops);
  CHECK(stops.changed);
}

}  // namespace
}  // namespace procedura
