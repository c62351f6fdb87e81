#!/usr/bin/env bash
# One limit of calls within calls, the same in lint and run: a chain of 32 procedures passes
# lint and runs to its end; a chain of 33 is limit-exceeded at its first call, and run stops
# there with a message that says so (not a false "would recurse").
source "$(dirname "$0")/lib.sh"
chain="$TESTS/lint/limit-exceeded/bad-call-chain"
cp -r "$chain" "$scratch/33"
cp -r "$chain" "$scratch/32"
rm "$scratch/32/ogniwo-01.yaml"
cd "$scratch" || exit 1

run "$PROCEDURA" lint 32
expect_status 0 "a chain of 32 procedures passes lint"
expect_contains "$out" "0 errors, 0 warnings in 32 files" "all 32 files linted, no finding"
run "$PROCEDURA" run ogniwo-02 --procedures 32 --format json
expect_status 0 "a chain of 32 procedures runs to its end"
expect_contains "$out" '"completed": true' "the report says the run completed"

run "$PROCEDURA" lint 33
expect_status 1 "a chain of 33 procedures fails lint"
expect_contains "$out" "33/ogniwo-01.yaml:7:3: error: calls nested 33 procedures deep (ogniwo-01 -> ogniwo-02" "limit-exceeded at the call"
expect_contains "$out" "a run allows at most 32 at once [limit-exceeded]" "the limit is named"
run "$PROCEDURA" run ogniwo-01 --procedures 33 --lang en
[[ $status -ne 0 ]] && pass "the run of 33 stops (exit $status)" || fail "the run of 33 did not stop"
# run refuses it before the first question, with lint's finding (the engine's own guard,
# "would nest more than 32 procedures at once", is never reached).
expect_contains "$err" "a run allows at most 32 at once [limit-exceeded]" "run names the same limit"
expect_contains "$err" "'ogniwo-01' has errors (see \`procedura lint\`); it cannot be run safely" "run refuses up front"
expect_not_contains "$err$out" "would recurse" "no false recursion message"
finish
