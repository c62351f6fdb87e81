#!/usr/bin/env bash
# procedura test: results and totals, exit statuses 0/1/2, JSON shape, well-formed JUnit,
# coverage and --min-coverage, the search path; procedura paths --list and its limit.
source "$(dirname "$0")/lib.sh"
fx="$TESTS/fixtures/test-runner"

run "$PROCEDURA" test "$fx/covered"
expect_status 0 "all tests pass"
expect_contains "$out" "PASS tr-main: zagrożenie życia" "a line per passing test"
last=$(tail -n 1 <<<"$out")
[[ "$last" == "2 passed, 0 failed" ]] && pass "closing line" || fail "closing line is [$last]"

run "$PROCEDURA" test "$fx/failing"
expect_status 1 "a failing test"
[[ "$(tail -n 1 <<<"$out")" == "1 passed, 9 failed" ]] && pass "failure totals" || fail "totals: $out"
expect_contains "$out" "FAIL tr-bledy: zły wynik ($fx/failing/tr-bledy.yaml:61)" "a failing test names its place"
expect_contains "$out" "expected outcome 'rodzice_odebrali', reached 'policja_wezwana'" "expected vs actual outcome"
expect_contains "$out" "  path: zagrozenie = no → wiek = 10 → po_wieku [wiek < 13] → mlodszy → rodzice_odebrali" "the path taken"
expect_contains "$out" "the test has no answer for 'wiek', asked by question 'wiek' ($fx/failing/tr-bledy.yaml:32)" "unanswered question named with file:line"

# Input that does not load: the diagnostics with file:line:col, exit 2, nothing on stdout.
mkdir -p "$scratch/broken"
cat >"$scratch/broken/zla.yaml" <<'YAML'
format: 1
id: zla
version: 1.0.0
title: Zła
start: a
nodes:
  a:
    step: A
    next: nie_ma
YAML
run "$PROCEDURA" test --format json "$scratch/broken"
expect_status 2 "procedures that do not load"
expect_contains "$err" "zla.yaml:9:11: error:" "diagnostics with file:line:col"
# A CI step reads the report whatever the status: the load error is a failed test in it.
grep -q '"kind": "load-error"' <<<"$out" && pass "the JSON report lists the load error as a failed test" || fail "stdout: $out"

# No tests at all: a note, zero totals, exit 0.
mkdir -p "$scratch/empty"
sed 's/nie_ma/b/' "$scratch/broken/zla.yaml" >"$scratch/empty/pusta.yaml"
printf '  b:\n    outcome: B\n' >>"$scratch/empty/pusta.yaml"
run "$PROCEDURA" test "$scratch/empty"
expect_status 0 "no tests"
[[ "$out" == "0 passed, 0 failed" ]] && pass "zero totals" || fail "no tests printed [$out]"
expect_contains "$err" "no tests found" "a note when there are no tests"

# The search path: PROCEDURA_PATH when no PATH is named.
out=$(PROCEDURA_PATH="$fx/covered" "$PROCEDURA" test 2>/dev/null); status=$?
expect_status 0 "PROCEDURA_PATH"
expect_contains "$out" "2 passed, 0 failed" "tests of the PROCEDURA_PATH procedures"

# A companion test file named alone, its callee from --procedures.
run "$PROCEDURA" test --procedures "$fx/covered" "$fx/covered/tr-main.test.yaml"
expect_status 0 "a test file named alone"
expect_contains "$out" "2 passed, 0 failed" "the procedure's tests run"

# JSON: one document on stdout with the documented members.
run "$PROCEDURA" test --format json --coverage "$fx/failing"
expect_status 1 "JSON with failures"
if python3 - "$out" <<'PY'; then pass "JSON shape"; else fail "JSON shape: $out"; fi
import json, sys
doc = json.loads(sys.argv[1])
assert doc["totals"] == {"tests": 10, "passed": 1, "failed": 9}, doc["totals"]
t = doc["tests"][1]
assert set(t) == {"procedure", "name", "file", "line", "status", "failures", "path"}, set(t)
assert t["procedure"] == "tr-bledy" and t["status"] == "fail" and t["line"] == 61
f = t["failures"][0]
assert f["kind"] == "wrong-outcome" and f["line"] == 63 and f["file"].endswith("tr-bledy.yaml")
p = t["path"][0]
assert p["file"].endswith("failing/tr-bledy.yaml"), p
del p["file"]
assert p == {"procedure": "tr-bledy", "node": "zagrozenie", "answer": "yes", "line": 26}, p
c = doc["coverage"][0]
assert c["procedure"] == "tr-bledy" and set(c["nodes"]) == {"reached", "total", "percent"}
assert all("description" in u and "line" in u for u in c["unreached"])
PY

# JUnit: well-formed XML, Polish text as UTF-8, names escaped.
run "$PROCEDURA" test --format junit "$fx/failing"
expect_status 1 "JUnit with failures"
if python3 -c 'import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.stdin)' <<<"$out"; then
  pass "JUnit is well-formed"
else
  fail "JUnit is not well-formed: $out"
fi
if python3 - "$out" <<'PY'; then pass "JUnit content"; else fail "JUnit content"; fi
import sys, xml.dom.minidom
doc = xml.dom.minidom.parseString(sys.argv[1].encode("utf-8"))
suites = doc.getElementsByTagName("testsuite")
assert len(suites) == 1 and suites[0].getAttribute("failures") == "9"
cases = doc.getElementsByTagName("testcase")
names = [c.getAttribute("name") for c in cases]
assert "pętla <&>" in names and "zły wynik" in names, names
failures = doc.getElementsByTagName("failure")
assert len(failures) == 9
assert "reached 'policja_wezwana'" in failures[0].getAttribute("message")
PY

# Coverage and --min-coverage.
run "$PROCEDURA" test --coverage "$fx/covered"
expect_contains "$out" "tr-main: nodes 6/8 (75.0%), options 5/8 (62.5%), outcomes 2/3 (66.7%), actions 3/4 (75.0%)" "coverage line"
expect_contains "$out" "  not reached: outcome 'dorosly' ($fx/covered/tr-main.yaml:64)" "unreached items with file:line"
expect_contains "$out" "tr-kontakt: nodes 2/3 (66.7%)" "a callee's coverage through its caller's tests"
run "$PROCEDURA" test --min-coverage 60 "$fx/covered"
expect_status 1 "coverage below the minimum"
expect_contains "$err" "tr-kontakt is below the minimum coverage of 60%: options 33.3%" "names the procedure and measure"
# Named alone, tr-main is held to the minimum and its callee is not: its lowest measure is
# options 62.5%.
run "$PROCEDURA" test --min-coverage 62.5 "$fx/covered/tr-main.yaml" --procedures "$fx/covered"
expect_status 0 "only named procedures are held to the minimum; 62.5% meets 62.5"
expect_not_contains "$err" "below the minimum coverage" "neither tr-main nor its callee is reported below the minimum"
expect_contains "$out" "2 passed, 0 failed" "tr-main's tests run"
run "$PROCEDURA" test --min-coverage 63 "$fx/covered/tr-main.yaml" --procedures "$fx/covered"
expect_status 1 "62.5% is below 63"
expect_contains "$err" "tr-main is below the minimum coverage of 63%: options 62.5%" "the measure below"
run "$PROCEDURA" test --min-coverage 101 "$fx/covered"
expect_status 2 "a minimum above 100"
expect_contains "$err" "--min-coverage: Value 101 not in range" "the usage error names the option and the value"

# paths --list
run "$PROCEDURA" paths --list tr-main --procedures "$fx/covered"
expect_status 0 "paths --list"
expect_contains "$out" "4. zagrozenie = no, wiek = 13, tr-kontakt.osiagalni = no
   outcome: rodzice_odebrali
   actions: notatka, zadzwon_ponownie, powiadom_rodzicow
   notify: rodzice" "a scenario with answers, outcome, actions and notifications"
[[ "$(tail -n 1 <<<"$out")" == "5 paths" ]] && pass "path total" || fail "paths total: $out"
run "$PROCEDURA" paths --list --limit 2 tr-main --procedures "$fx/covered"
expect_status 0 "paths --list --limit"
[[ "$(tail -n 1 <<<"$out")" == "... stopped after 2 paths; use --limit to list more" ]] && pass "limit message" || fail "limit: $out"
[[ "$(grep -c '^[0-9]*\. ' <<<"$out")" == 2 ]] && pass "two paths listed" || fail "listed: $out"
run "$PROCEDURA" paths --list "$fx/failing/tr-bledy.yaml"
expect_contains "$err" "note: 2 route(s) that come back to an answered question were not followed" "question loops are cut"
run "$PROCEDURA" paths --list --count "$fx/failing/tr-bledy.yaml"
expect_status 2 "--list and --count together"
expect_contains "$err" "--count excludes --list" "the usage error names both options"

# A path of 300 questions is too long to list: the listing says so, not that the procedure
# has too many answers to try (it printed that, and 0 paths, even with --limit 2).
python3 - "$scratch/dluga.yaml" <<'PY'
import sys
lines = ["format: 1", "id: dluga", "version: 1.0.0", "title: Długa", "start: q0", "nodes:"]
for i in range(300):
    lines += [f"  q{i}:", "    ask: Dalej?", "    type: yes_no", f"    next: q{i + 1}"]
lines += ["  q300:", "    outcome: Koniec."]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
run "$PROCEDURA" paths --list --limit 2 "$scratch/dluga.yaml"
expect_status 0 "paths --list of a 300-question path"
expect_contains "$out" "a path asks more than 250 questions or takes more than 5000 steps, too long to list" "the reason is the path's length"
run "$PROCEDURA" paths --count "$scratch/dluga.yaml"
expect_contains "$out" "2037035976334486086268445688409378161051468393665936250636140449354381299763336706183397376" "the count still counts them (2^300)"
finish
