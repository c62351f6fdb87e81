#!/usr/bin/env bash
# A bundled procedure named by its file, from any directory: checked and run within the
# procedures root it belongs to (marked by procedures/.procedura-root), with its imports and
# the procedures it calls. The transcript records where the procedures were loaded from,
# and `run --resume` reloads exactly that, from any directory.
source "$(dirname "$0")/lib.sh"
s02="$REPO/procedures/szkola/przestepczosc/s02-znaleziona-substancja.yaml"
s01="$REPO/procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml"
cd "$scratch" || exit 1

check "the bundled procedures mark their root" test -f "$REPO/procedures/.procedura-root"

run "$PROCEDURA" lint "$s02"
expect_status 0 "lint of one bundled file by absolute path"
expect_contains "$out" "1 file" "only the named file is counted"
run "$PROCEDURA" lint "$(realpath --relative-to=. "$s02")"
expect_status 0 "lint of one bundled file by relative path"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "by relative path: only the named file, clean"
run "$PROCEDURA" lint "$REPO/procedures/szkola/opieka"
expect_status 0 "lint of one folder of the bundled set"
expect_contains "$out" "0 errors, 0 warnings in $(find "$REPO/procedures/szkola/opieka" -name '*.yaml' | wc -l) files" "the folder's files alone, clean"

# A problem in another file of the root is not reported for the named one, and vice versa.
cp -r "$REPO/procedures" tree
printf 'nodes: [\n' >tree/szkola/opieka/zepsuty.yaml
run "$PROCEDURA" lint tree/szkola/przestepczosc/s02-znaleziona-substancja.yaml
expect_status 0 "a broken neighbour does not fail the named file"
expect_not_contains "$out" "zepsuty.yaml" "the broken neighbour is not reported"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "the named file alone, clean"
run "$PROCEDURA" lint tree/szkola/opieka/zepsuty.yaml
expect_status 1 "the broken file named itself is reported"
expect_contains "$out" "zepsuty.yaml:" "at its position"
rm tree/szkola/opieka/zepsuty.yaml

run "$PROCEDURA" test "$s01"
expect_status 0 "test of one bundled file"
expect_contains "$out" "PASS s01-nietrzezwy-uczen: " "the file's scenarios are run"
expect_contains "$(tail -n 1 <<<"$out")" " passed, 0 failed" "none fails"
run "$PROCEDURA" graph "$s02"
expect_status 0 "graph of one bundled file"
expect_contains "$out" 'digraph "s02-znaleziona-substancja" {' "the graph of the named procedure"
run "$PROCEDURA" render "$s02" --format markdown
expect_status 0 "render of one bundled file"
expect_contains "$out" "# Znalezienie na terenie szkoły substancji przypominającej narkotyk" "the handbook of the named procedure"

# run FILE from elsewhere, interrupted, resumed from a third directory.
mkdir a b
run bash -c "cd a && printf 'tak\n' | \"$PROCEDURA\" run \"$s01\" --transcript ../t.jsonl"
expect_status 3 "run of a bundled file stops at the end of input"
expect_contains "$err" "Koniec danych wejściowych przy pytaniu" "the end of input is named"
expect_contains "$err" "s01-nietrzezwy-uczen.yaml:" "at a question of the named file"
python3 - t.jsonl "$REPO/procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml" <<'PY' && pass "the start event records the file the procedures were loaded from" || fail "loaded_from"
import json, os, sys
start = json.loads(open(sys.argv[1]).readline())
assert start["loaded_from"] == [os.path.realpath(sys.argv[2])] or start["loaded_from"] == [os.path.normpath(sys.argv[2])], start["loaded_from"]
assert len(start["files"]) > 1, start["files"]  # its imports and callees
PY
run bash -c "cd b && \"$PROCEDURA\" run --resume ../t.jsonl </dev/null"
expect_status 3 "resume from another directory reloads the procedures (and waits for answers)"
expect_contains "$out" "odtworzono 1 odpowiedzi" "the recorded answer is restored"

# run ID from the search path records the search path.
(cd a && printf 'tak\n' | "$PROCEDURA" run s01-nietrzezwy-uczen --procedures "$REPO/procedures" --transcript ../u.jsonl >/dev/null 2>&1)
python3 -c 'import json,sys; s=json.loads(open(sys.argv[1]).readline()); assert s["loaded_from"]==[sys.argv[2]], s["loaded_from"]' u.jsonl "$REPO/procedures" \
  && pass "a run by id records the search path" || fail "search path not recorded"
run bash -c "cd b && \"$PROCEDURA\" run --resume ../u.jsonl </dev/null"
expect_status 3 "resume of a run by id from elsewhere"
expect_contains "$out" "odtworzono 1 odpowiedzi" "the recorded answer is restored"
# Without any marker, a file named alone finds the procedures it calls in its own folder,
# for lint, test and paths as for run, graph and render; the folder's other files are not
# reported, and the lint cache rechecks such a file rather than replay it.
mkdir -p "$scratch/loose" && cd "$scratch/loose" || exit 1
printf 'format: 1\nid: sub\nversion: 1.0.0\ntitle: "Sub"\nstart: a\nnodes:\n  a: {ask: "A?", type: yes_no, next: k}\n  k: {outcome: "K"}\n' >sub.yaml
printf 'format: 1\nid: top\nversion: 1.0.0\ntitle: "Top"\nstart: c1\nnodes:\n  c1: {call: sub, next: e}\n  e: {outcome: "E"}\ntests:\n  - name: t\n    answers: {sub.a: yes}\n    expect: {outcome: e}\n' >top.yaml
printf 'format: 1\nid: broken\nversion: x\n' >other.yaml
run "$PROCEDURA" lint top.yaml
expect_status 0 "lint FILE: a callee beside it is found"
expect_not_contains "$out" "other.yaml" "lint FILE: the folder's other files are not reported"
run "$PROCEDURA" test top.yaml
expect_status 0 "test FILE: a callee beside it is found"
run "$PROCEDURA" paths --count top.yaml
expect_status 0 "paths FILE: a callee beside it is found"
expect_contains "$out" "2" "paths FILE: both answers of the callee counted"
run "$PROCEDURA" lint --cache-dir "$scratch/loose-cache" top.yaml
run "$PROCEDURA" lint --cache-dir "$scratch/loose-cache" top.yaml
expect_status 0 "lint --cache FILE: found again"
# The callee's own findings (an unreachable node) are not reported; a callee saved with a
# byte-order mark is found too.
printf '\xef\xbb\xbfformat: 1\nid: sub\nversion: 1.0.0\ntitle: "Sub"\nstart: a\nnodes:\n  a: {ask: "A?", type: yes_no, next: k}\n  k: {outcome: "K"}\n  lost: {outcome: "L"}\n' >sub.yaml
run "$PROCEDURA" lint top.yaml
expect_status 0 "lint FILE: a callee with a BOM is found, its own findings are not reported"
expect_not_contains "$out" "sub.yaml" "lint FILE: nothing reported from the callee"
mv sub.yaml sub.moved
run "$PROCEDURA" lint --cache-dir "$scratch/loose-cache" top.yaml
expect_status 1 "lint --cache FILE: a callee gone from the folder is seen, not replayed"
expect_contains "$out" "called procedure 'sub' is not loaded" "lint --cache FILE: the missing callee"
cd "$scratch" || exit 1
# A procedure whose calls come back to it has no paths to count: refused, as lint refuses it.
mkdir -p "$scratch/loop" && cd "$scratch/loop" || exit 1
printf 'format: 1\nid: main\nversion: 1.0.0\ntitle: "M"\nstart: c\nnodes:\n  c: {call: a, next: e}\n  e: {outcome: "K"}\n' >main.yaml
printf 'format: 1\nid: a\nversion: 1.0.0\ntitle: "A"\nstart: c\nnodes:\n  c: {call: main, next: e}\n  e: {outcome: "K"}\n' >a.yaml
run "$PROCEDURA" paths --count main.yaml
expect_status 2 "paths --count: a call loop is refused"
expect_contains "$err" "calls itself (main -> a -> main)" "paths --count: the loop named"
cd "$scratch" || exit 1

# In a marked root, a procedure found only to resolve a call is context for lint, but its
# errors still refuse whatever runs, tests or counts the caller.
mkdir -p "$scratch/callee-broken" && cd "$scratch/callee-broken" || exit 1
touch .procedura-root
cat >main.yaml <<'YAML'
format: 1
id: main
version: 0.1.0
title: Main
start: c
nodes:
  c: {call: sub, next: o}
  o: {outcome: Done}
tests:
  - name: through
    answers: {}
    expect: {outcome: o}
YAML
cat >sub.yaml <<'YAML'
format: 1
id: sub
version: 0.1.0
title: Sub
start: s
nodes:
  s: {step: "Sub step", actions: [{text: "X", deadline: 3x}], next: o}
  o: {outcome: Sub done}
YAML
run "$PROCEDURA" lint main.yaml
expect_status 0 "lint of the caller alone does not report its callee"
run "$PROCEDURA" run main.yaml </dev/null
expect_status 2 "run refuses a caller whose callee has errors"
expect_contains "$err" "sub.yaml:7:" "run names the callee's error"
expect_not_contains "$out" "Sub step" "no step of the broken callee is shown"
run "$PROCEDURA" test main.yaml
expect_status 2 "test refuses a caller whose callee has errors"
expect_contains "$err" "[bad-deadline]" "test names the callee's error"
run "$PROCEDURA" paths --count main.yaml
expect_status 2 "paths refuses a caller whose callee has errors"
expect_contains "$err" "sub.yaml:7:" "paths names the callee's error"
sed -i 's/deadline: 3x/deadline: 3d/' sub.yaml
run "$PROCEDURA" run main.yaml </dev/null
expect_status 0 "with the callee mended, the caller runs"
expect_contains "$out" "Sub step" "the callee's step is shown"
run "$PROCEDURA" test main.yaml
expect_status 0 "with the callee mended, the caller's scenario passes"
cd "$scratch" || exit 1
finish
