#!/usr/bin/env bash
# Machine outputs a CI reads: a write error on stdout (a full disk: /dev/full) exits 2 with a
# message for every command; `test --format junit|json` writes a valid document also when
# the procedures do not load; JUnit validates against Jenkins' junit-10 schema and carries
# `time`.
source "$(dirname "$0")/eco_helpers.bash"

basic="$TESTS/fixtures/trainer/basic"
runs="$TESTS/fixtures/run"
failing="$TESTS/fixtures/test-runner/failing"
xsd="$TESTS/fixtures/junit/junit-10.xsd"
# A procedure with one error, so that every lint format has something to write.
broken="$scratch/broken"
mkdir -p "$broken"
printf 'format: 1\nid: zly\nversion: 1.0.0\ntitle: Zły\nstart: a\nnodes:\n  a:\n    step: Krok\n    next: brak\n' \
  >"$broken/zly.yaml"

# --- a full disk ------------------------------------------------------------------------
full() {  # full DESCRIPTION ARGS...: the command's stdout is /dev/full
  local what=$1
  shift
  "$PROCEDURA" "$@" >/dev/full 2>"$scratch/err" </dev/null
  local status=$?
  if [[ $status -eq 2 ]] && grep -q "could not write the output" "$scratch/err"; then
    pass "$what to a full disk: exit 2 with a message"
  else
    fail "$what to a full disk: exit $status, stderr: $(head -c 300 "$scratch/err")"
  fi
}
for format in text json sarif github; do full "lint --format $format" lint --format "$format" "$broken"; done
for format in dot mermaid; do full "graph --format $format" graph "$basic/interwencja.yaml" --format "$format"; done
full "render --format html" render "$basic/interwencja.yaml" --flow outline
full "render --format markdown" render "$basic/interwencja.yaml" --format markdown
for format in text json junit; do full "test --format $format" test --format "$format" "$failing"; done
full "paths --count" paths --count interwencja --procedures "$basic"
full "paths --list" paths --list interwencja --procedures "$basic"
full "explain" explain dangling-ref
full "schema" schema
for format in text json markdown; do
  full "run --format $format" run incydent --procedures "$runs/procedures" --answers "$runs/odpowiedzi.yaml" --format "$format"
done
full "diff" diff "$basic/interwencja.yaml" "$basic/interwencja.yaml" --procedures "$basic"
full "--help" --help
full "help lint" help lint
full "--version" --version

# The same commands to a working stdout still exit as before.
"$PROCEDURA" graph "$basic/interwencja.yaml" >"$scratch/graph.dot" 2>"$scratch/err"
check "graph to a file exits 0" test $? -eq 0
check "and writes the whole graph" grep -qx '}' "$scratch/graph.dot"
check "with no message" test ! -s "$scratch/err"

# --- procedures that do not load --------------------------------------------------------
"$PROCEDURA" test --format junit "$broken" >"$scratch/broken.xml" 2>"$scratch/err"
status=$?
check "test --format junit on procedures that do not load exits 2 (exit $status)" test $status -eq 2
check "it still writes a JUnit document" test -s "$scratch/broken.xml"
if command -v xmllint >/dev/null; then
  check "the document validates against junit-10.xsd" xmllint --noout --schema "$xsd" "$scratch/broken.xml"
else
  fail "xmllint is missing (scripts/setup.sh --tests installs libxml2-utils)"
fi
check "the load error is a failed testcase naming file:line:col" \
  grep -qE '<failure message="[^"]*\[dangling-ref\]" type="load-error">[^<]*zly.yaml:9:11: ' "$scratch/broken.xml"
"$PROCEDURA" test --format json "$broken" >"$scratch/broken.json" 2>/dev/null
if python3 - "$scratch/broken.json" <<'PY'; then pass "test --format json: the load error as a failed test"; else fail "test --format json on procedures that do not load"; fi
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
assert doc["totals"]["failed"] == 1 and doc["totals"]["tests"] == 1, doc["totals"]
test = doc["tests"][0]
assert test["status"] == "fail" and test["file"].endswith("zly.yaml") and test["line"] == 9, test
assert "dangling-ref" in test["failures"][0]["message"], test
PY

# --- JUnit for runs that load ------------------------------------------------------------
for dir in "$failing" "$TESTS/fixtures/test-runner/covered" "$REPO/procedures"; do
  "$PROCEDURA" test --format junit "$dir" >"$scratch/run.xml" 2>/dev/null
  check "test --format junit $(basename "$dir") validates against junit-10.xsd" \
    xmllint --noout --schema "$xsd" "$scratch/run.xml"
done
"$PROCEDURA" test --format junit "$failing" >"$scratch/run.xml" 2>/dev/null
if python3 - "$scratch/run.xml" <<'PY'; then pass "JUnit: time on every testcase and suite, file of each suite, where a failed test is written"; else fail "JUnit attributes"; fi
import sys, xml.dom.minidom
doc = xml.dom.minidom.parse(sys.argv[1])
for tag in ("testsuites", "testsuite", "testcase"):
    for element in doc.getElementsByTagName(tag):
        float(element.getAttribute("time"))  # present and a number
suite = doc.getElementsByTagName("testsuite")[0]
props = {p.getAttribute("name"): p.getAttribute("value") for p in suite.getElementsByTagName("property")}
assert props["file"].endswith(".yaml"), props
failure = doc.getElementsByTagName("failure")[0]
first = failure.firstChild.data.split("\n")[0]
assert first.startswith("at ") and ".yaml:" in first, first
PY
finish
