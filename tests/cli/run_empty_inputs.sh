#!/usr/bin/env bash
# Files that parse to no YAML document at all (empty, only comments): every reader says so
# with the file named, exit 2 for run and drill, never a crash.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/fixtures/run" || exit 1
: >"$scratch/empty.yaml"
comments="$TESTS/hostile/comment-only.yaml"

for answers in "$scratch/empty.yaml" "$comments"; do
  run "$PROCEDURA" run incydent --procedures procedures --answers "$answers"
  expect_status 2 "run --answers $(basename "$answers")"
  expect_contains "$err" "$answers:1:1: error: the answers file holds no answers" "the message names the file"
  run "$PROCEDURA" drill incydent --procedures procedures --answers "$answers"
  [[ $status -eq 2 || $status -eq 1 ]] && pass "drill --answers $(basename "$answers") (exit $status)" || fail "drill: exit $status: $err"
  expect_contains "$err" "$answers:1:1" "drill names the file"
  run "$PROCEDURA" run incydent --procedures procedures --directory "$answers" --answers odpowiedzi.yaml
  expect_status 2 "run --directory $(basename "$answers")"
  expect_contains "$err" "$answers: a contacts directory is a map" "the directory message names the file"
done

# A companion test file holding nothing, and a transcript holding only a comment.
mkdir "$scratch/p"
cp procedures/*.yaml "$scratch/p/"
cp "$comments" "$scratch/p/incydent.test.yaml"
run "$PROCEDURA" lint "$scratch/p"
[[ $status -le 1 ]] && pass "lint with a comment-only test file (exit $status)" || fail "lint: exit $status: $err"
expect_contains "$out" "incydent.test.yaml:1:1: warning: the test file holds no tests" "lint names the empty test file"
expect_contains "$out" "0 errors, 1 warning in 3 files" "lint reports on the three procedure files"
run "$PROCEDURA" test "$scratch/p"
[[ $status -le 2 && $status -ge 0 ]] && pass "test with a comment-only test file (exit $status)" || fail "test: exit $status"
expect_contains "$err" "no tests found" "test says it found no tests"
printf '# nothing\n' >"$scratch/t.jsonl"
run "$PROCEDURA" verify "$scratch/t.jsonl"
expect_status 2 "verify of a comment-only transcript"
expect_contains "$out" "t.jsonl:1: broken" "names the line"
run "$PROCEDURA" run --resume "$scratch/t.jsonl"
expect_status 2 "resume of a comment-only transcript"
expect_contains "$err" "cannot resume from '$scratch/t.jsonl': line 1: the line is not a JSON object" "resume names the file and the line"
finish
