// `procedura test`: each way a test fails, coverage figures on a fixture whose unreached
// parts are known, the renderers' escaping; `procedura paths --list` enumeration.
#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "commands/paths/paths_list.h"
#include "commands/test/test.h"
#include "report/test_report.h"
#include "trainer_support.h"

using namespace procedura;
using namespace procedura::trainer_testing;

namespace {

std::string runner_fixture(const std::string& relative) {
  return std::string(PROCEDURA_TEST_DATA) + "/fixtures/test-runner/" + relative;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> descriptions(const ProcedureCoverage& c) {
  std::vector<std::string> out;
  for (const UnreachedItem& item : c.unreached) out.push_back(item.description);
  return out;
}

const ProcedureCoverage& coverage_of(const TestSuite& suite, std::string_view id) {
  for (const ProcedureCoverage& c : suite.coverage) {
    if (c.procedure->id == id) return c;
  }
  FAIL("no coverage for " << id);
  throw std::logic_error("unreachable");
}

void check_measure(const CoverageMeasure& m, size_t reached, size_t total) {
  CHECK(m.reached == reached);
  CHECK(m.total == total);
}

// The failures of each test of the failing fixture, by test name.
std::map<std::string, std::vector<TestFailure>> failing_results(const Catalog& catalog) {
  TestSuite suite = run_test_suite(catalog, {&procedure(catalog, "tr-bledy")}, false);
  std::map<std::string, std::vector<TestFailure>> out;
  for (const TestResult& r : suite.results) out[r.test->name] = r.failures;
  return out;
}

}  // namespace

TEST_SUITE("test runner") {
  TEST_CASE("passing tests, in own and companion files, reach the coverage the fixture documents") {
    auto catalog = load_ok({runner_fixture("covered")});
    const Procedure& main = procedure(*catalog, "tr-main");
    REQUIRE(main.tests.size() == 2);  // one in the file, one in tr-main.test.yaml
    TestSuite suite = run_test_suite(*catalog, {&main}, true);
    CHECK(suite.passed() == 2);
    CHECK(suite.failed() == 0);
    CHECK(suite.untested.empty());

    const ProcedureCoverage& c = coverage_of(suite, "tr-main");
    check_measure(c.nodes, 6, 8);
    check_measure(c.options, 5, 8);
    check_measure(c.outcomes, 2, 3);
    check_measure(c.actions, 3, 4);
    CHECK(descriptions(c) == std::vector<std::string>{
                                 "case 1 (wiek < 13) of branch 'po_wieku'",
                                 "otherwise of branch 'po_wieku'",
                                 "step 'mlodszy'",
                                 "inline action of step 'mlodszy'",
                                 "outcome 'dorosly'",
                             });
    CHECK(c.unreached.front().location.line == 44);
    CHECK(coverage_line(c) ==
          "tr-main: nodes 6/8 (75.0%), options 5/8 (62.5%), outcomes 2/3 (66.7%), actions 3/4 "
          "(75.0%)");

    // The callee has no tests: what tr-main's tests reach inside it counts for it.
    const ProcedureCoverage& callee = coverage_of(suite, "tr-kontakt");
    check_measure(callee.nodes, 2, 3);
    check_measure(callee.options, 1, 3);
    check_measure(callee.outcomes, 1, 1);
    check_measure(callee.actions, 0, 1);
    CHECK(descriptions(callee) == std::vector<std::string>{
                                      "answer 'no' of question 'osiagalni'",
                                      "step 'ponow'",
                                      "action 'zadzwon_ponownie' of step 'ponow'",
                                  });
  }

  TEST_CASE("below_minimum names each measure under the minimum") {
    auto catalog = load_ok({runner_fixture("covered")});
    TestSuite suite = run_test_suite(*catalog, {&procedure(*catalog, "tr-main")}, true);
    const ProcedureCoverage& c = coverage_of(suite, "tr-main");
    CHECK(below_minimum(c, 70) == std::vector<std::string>{"options 62.5%", "outcomes 66.7%"});
    CHECK(below_minimum(c, 62.5).empty());
    CHECK(below_minimum(c, 100).size() == 4);
  }

  TEST_CASE("a selected procedure no test reaches is listed as untested") {
    auto catalog = load_ok({runner_fixture("covered")});
    TestSuite suite = run_test_suite(*catalog, {&procedure(*catalog, "tr-kontakt")}, true);
    CHECK(suite.results.empty());
    CHECK(suite.coverage.empty());
    REQUIRE(suite.untested.size() == 1);
    CHECK(suite.untested.front()->id == "tr-kontakt");
  }

  TEST_CASE("every way a test fails is reported with the node, answer or expectation") {
    auto catalog = load_ok({runner_fixture("failing")});
    auto results = failing_results(*catalog);
    using K = TestFailure::Kind;
    auto only = [&](const std::string& name, K kind) -> const TestFailure& {
      const auto& failures = results.at(name);
      REQUIRE_MESSAGE(failures.size() == 1, name);
      CHECK_MESSAGE(failures.front().kind == kind, name);
      return failures.front();
    };
    CHECK(results.at("przechodzi").empty());

    CHECK(only("zły wynik", K::WrongOutcome).message ==
          "expected outcome 'rodzice_odebrali', reached 'policja_wezwana' (" +
              runner_fixture("failing/tr-bledy.yaml") + ":52)");

    const auto& missing = results.at("brak działania i powiadomienia");
    REQUIRE(missing.size() == 2);
    CHECK(missing[0].kind == K::MissingAction);
    CHECK(contains(missing[0].message, "'notatka'"));
    CHECK(missing[1].kind == K::MissingNotification);
    CHECK(contains(missing[1].message, "'rodzice'"));

    const TestFailure& forbidden = only("zakazane działanie", K::ForbiddenAction);
    CHECK(
        contains(forbidden.message, "forbidden action 'notatka' was collected at step 'mlodszy'"));
    CHECK(contains(forbidden.message, "tr-bledy.yaml:50"));  // where it is listed
    CHECK(forbidden.location.line == 69);                    // the not_actions entry

    CHECK(contains(only("dokładna lista", K::ExactMismatch).message,
                   "expected [powiadom_rodzicow], collected [notatka, powiadom_rodzicow]"));

    const TestFailure& unanswered = only("brak odpowiedzi", K::Unanswered);
    CHECK(contains(unanswered.message, "question 'wiek' ("));
    CHECK(contains(unanswered.message, "tr-bledy.yaml:32)"));

    CHECK(contains(only("pytanie nie zadane", K::UnusedAnswer).message,
                   "answer wiek is for question 'wiek'"));
    CHECK(contains(only("zła wartość", K::InvalidAnswer).message,
                   "answer wiek: 40 does not fit question 'wiek'"));
    CHECK(contains(only("pętla <&>", K::Loop).message, "(wiek → powtorz → wiek)"));
    CHECK(contains(only("błąd w trakcie", K::RuntimeError).message, "node 'po_wieku'"));
  }

  TEST_CASE(
      "the path shows answers, branch conditions, the pending question and where a run stops") {
    auto catalog = load_ok({runner_fixture("failing")});
    TestSuite suite = run_test_suite(*catalog, {&procedure(*catalog, "tr-bledy")}, false);
    std::map<std::string, std::string> paths;
    for (const TestResult& r : suite.results) paths[r.test->name] = path_text(r.path);
    CHECK(paths.at("zakazane działanie") ==
          "zagrozenie = no → wiek = 10 → po_wieku [wiek < 13] → mlodszy → rodzice_odebrali");
    CHECK(paths.at("brak odpowiedzi") == "zagrozenie = no → wiek = ?");
    CHECK(paths.at("błąd w trakcie") == "zagrozenie = no → wiek = 20 → po_wieku (stops here)");
  }

  TEST_CASE("a callee's nodes appear in the path under its id") {
    auto catalog = load_ok({runner_fixture("covered")});
    const Procedure& main = procedure(*catalog, "tr-main");
    TestResult r = run_test(main, main.tests[1], *catalog);
    CHECK(r.passed());
    CHECK(path_text(r.path) ==
          "zagrozenie = no → wiek = 15 → po_wieku [wiek < 18] → kontakt → tr-kontakt.osiagalni = "
          "yes → tr-kontakt.kontakt_ok → rodzice_odebrali");
  }

  TEST_CASE("the text report closes with the totals; JUnit escapes names") {
    auto catalog = load_ok({runner_fixture("failing")});
    TestSuite suite = run_test_suite(*catalog, {&procedure(*catalog, "tr-bledy")}, false);
    std::ostringstream text, junit;
    render_tests_text(suite, false, text);
    CHECK(contains(text.str(), "PASS tr-bledy: przechodzi\n"));
    CHECK(contains(text.str(), "FAIL tr-bledy: zły wynik ("));
    CHECK(text.str().ends_with("\n1 passed, 9 failed\n"));
    render_tests_junit(suite, junit);
    CHECK(contains(junit.str(), "<testcase name=\"pętla &lt;&amp;&gt;\""));
    CHECK(contains(junit.str(), "tests=\"10\" failures=\"9\""));
  }

  TEST_CASE("xml_escape covers markup, quotes, line breaks and characters XML cannot hold") {
    CHECK(xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;");
    CHECK(xml_escape("zażółć\ngęślą") == "zażółć&#10;gęślą");
    CHECK(xml_escape(std::string("x\x01y", 3)) == "x\xEF\xBF\xBDy");
  }
}

TEST_SUITE("paths --list") {
  TEST_CASE("lists each scenario with a sample number per interval and the run's actions") {
    auto catalog = load_ok({runner_fixture("covered")});
    PathList list = list_paths(procedure(*catalog, "tr-main"), 100);
    CHECK_FALSE(list.stopped_at_limit);
    REQUIRE(list.paths.size() == 5);
    auto answers = [&](size_t i) {
      std::string text;
      for (const auto& [key, value] : list.paths[i].answers) text += key + "=" + value + " ";
      return text;
    };
    auto actions = [&](size_t i) {
      std::string text;
      for (const auto& a : list.paths[i].actions)
        text += (a.action->is_inline() ? "inline" : a.action->id) + " ";
      return text;
    };
    CHECK(answers(0) == "zagrozenie=yes ");
    CHECK(list.paths[0].outcome->id == "policja_wezwana");
    CHECK(answers(1) == "zagrozenie=no wiek=0 ");
    CHECK(actions(1) == "inline powiadom_rodzicow ");
    CHECK(answers(2) == "zagrozenie=no wiek=13 tr-kontakt.osiagalni=yes ");
    CHECK(answers(3) == "zagrozenie=no wiek=13 tr-kontakt.osiagalni=no ");
    CHECK(actions(3) == "notatka zadzwon_ponownie powiadom_rodzicow ");
    CHECK(answers(4) == "zagrozenie=no wiek=18 ");
    CHECK(list.paths[4].outcome->id == "dorosly");
  }

  TEST_CASE("the limit stops the listing only when more paths exist") {
    auto catalog = load_ok({runner_fixture("covered")});
    const Procedure& main = procedure(*catalog, "tr-main");
    PathList three = list_paths(main, 3);
    CHECK(three.paths.size() == 3);
    CHECK(three.stopped_at_limit);
    PathList five = list_paths(main, 5);
    CHECK(five.paths.size() == 5);
    CHECK_FALSE(five.stopped_at_limit);
  }

  TEST_CASE("a question loop is not followed and runs that stop with an error are counted") {
    auto catalog = load_ok({runner_fixture("failing")});
    PathList list = list_paths(procedure(*catalog, "tr-bledy"), 100);
    REQUIRE(list.paths.size() == 3);
    CHECK(list.paths[2].answers.back() == std::pair<std::string, std::string>{"powtorz", "no"});
    CHECK(list.loops_cut == 2);  // wiek 13 and 14, then powtorz = yes
    CHECK(list.errors == 3);     // wiek 18, 19 and 30: no case of po_wieku holds
  }

  TEST_CASE("the budget of answer combinations stops the listing") {
    auto catalog = load_ok({runner_fixture("covered")});
    PathList list = list_paths(procedure(*catalog, "tr-main"), 100, 3);
    CHECK(list.stopped_at_budget);
    CHECK(list.paths.size() < 5);
  }
}

TEST_CASE(
    "paths --list stops at a path of more than a thousand questions instead of recursing on") {
  std::string yaml = "format: 1\nid: dluga\nversion: 1.0.0\ntitle: T\nstart: q0\nnodes:\n";
  const int n = 1100;
  for (int i = 0; i < n; ++i) {
    yaml += "  q" + std::to_string(i) + ":\n    ask: Q\n    type: number\n    next: " +
            (i + 1 < n ? "q" + std::to_string(i + 1) : std::string("end")) + "\n";
  }
  yaml += "  end:\n    outcome: E\n";
  TempDir dir;
  dir.write("dluga.yaml", yaml);
  auto catalog = load_ok({dir.path()});
  PathList list = list_paths(procedure(*catalog, "dluga"), 100);
  CHECK(list.stopped_at_budget);
  CHECK(list.paths.empty());
}
