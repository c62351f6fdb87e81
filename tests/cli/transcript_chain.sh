#!/usr/bin/env bash
# Transcripts: mode 0600, the hash chain, tampering found by `procedura verify`, personal
# answers withheld, unwritable and full destinations.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/fixtures/run" || exit 1
answers='nie\n14\nJan Kowalski\n1\nb\n1 2\ntak\n2\n'
interview() { printf "$answers"; }

run "$PROCEDURA" run incydent --procedures procedures --transcript "$scratch/t.jsonl" < <(interview)
expect_status 0 "run with transcript"
expect_contains "$out" "Wynik: Uczeń pozostaje pod opieką do przyjazdu rodziców." "the run reached its outcome"
mode=$(stat -c %a "$scratch/t.jsonl")
check "transcript mode is 600 (is $mode)" test "$mode" = 600
events=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["event"] for l in open(sys.argv[1])))' "$scratch/t.jsonl")
check "the events in order: $events" test "$events" = "start answer answer answer answer back answer answer answer report completed sealed"
check "a personal answer is not written" bash -c '! grep -q "Jan Kowalski" "$1"' _ "$scratch/t.jsonl"
check "the withheld answer is marked" grep -q '"var":"imie","node":"imie","personal":true' "$scratch/t.jsonl"
check "start event and hash chain" python3 - "$scratch/t.jsonl" <<'PY'
import json, sys, hashlib
lines = open(sys.argv[1], "rb").read().split(b"\n")[:-1]
start = json.loads(lines[0])
assert start["prev"] == "0" * 64
assert start["procedure"] == {"id": "incydent", "version": "2.1.0"}
assert len(start["files"]) == 3 and all(len(f["sha256"]) == 64 for f in start["files"]), start["files"]
for f in start["files"]:
    assert hashlib.sha256(open(f["path"], "rb").read()).hexdigest() == f["sha256"]
for before, line in zip(lines, lines[1:]):
    assert json.loads(line)["prev"] == hashlib.sha256(before).hexdigest()
PY

run "$PROCEDURA" verify "$scratch/t.jsonl"
expect_status 0 "verify of an intact transcript"
expect_contains "$out" "sealed: 12 events, intact (procedure incydent 2.1.0, completed)" "verify output"

# Changing an answer breaks that event's own hash.
sed '3s/"value":14/"value":19/' "$scratch/t.jsonl" >"$scratch/tampered.jsonl"
run "$PROCEDURA" verify "$scratch/tampered.jsonl"
expect_status 2 "verify of a tampered transcript"
expect_contains "$out" "$scratch/tampered.jsonl:3: broken: event 3: the event's own hash does not match it" "tamper message"
# Removing a line is found too.
sed '5d' "$scratch/t.jsonl" >"$scratch/removed.jsonl"
run "$PROCEDURA" verify "$scratch/removed.jsonl"
expect_status 2 "verify of a transcript with a line removed"
expect_contains "$out" "removed.jsonl:5: broken" "removed line"
run "$PROCEDURA" verify "$scratch/missing.jsonl"
expect_status 2 "verify of a missing file"
expect_contains "$err" "'$scratch/missing.jsonl' does not exist" "the missing file is named"

# --keep-personal writes it.
interview | "$PROCEDURA" run incydent --procedures procedures --transcript "$scratch/k.jsonl" --keep-personal >/dev/null 2>&1
check "--keep-personal keeps the answer" grep -q '"value":"Jan Kowalski"' "$scratch/k.jsonl"

# An existing transcript is not overwritten.
run "$PROCEDURA" run incydent --procedures procedures --transcript "$scratch/t.jsonl" < <(interview)
expect_status 2 "existing transcript"
expect_contains "$err" "already holds a transcript" "existing transcript: the refusal says why"

# An unwritable path is an error before the first question.
run "$PROCEDURA" run incydent --procedures procedures --transcript "$scratch/no/such/dir/t.jsonl" < <(interview)
expect_status 2 "unwritable transcript"
expect_not_contains "$out" "Pytanie 1" "no question asked before the transcript failed"
expect_contains "$err" "Nie można zapisać przebiegu" "unwritable message"

# A device is an existing file: refused before the first question.
if [[ -e /dev/full ]]; then
  run "$PROCEDURA" run incydent --procedures procedures --transcript /dev/full < <(interview)
  expect_status 2 "/dev/full"
  expect_contains "$err" "already exists" "/dev/full message"
  expect_not_contains "$out" "Pytanie 1" "/dev/full: no question asked"
fi

# The disk fills in the middle (a 2 KiB file size limit): a clear error, exit 2, and the
# answers given so far are in the report printed.
( ulimit -f 2; interview | "$PROCEDURA" run incydent --procedures procedures --transcript "$scratch/small.jsonl" --format markdown >"$scratch/out" 2>"$scratch/err"; echo $? >"$scratch/status" )
status=$(cat "$scratch/status") out=$(cat "$scratch/out") err=$(cat "$scratch/err")
expect_status 2 "file size limit"
expect_contains "$err" "Nie można zapisać przebiegu" "file size limit message"
expect_contains "$out" "Ile lat ma uczeń? — **14 lat**" "file size limit: the answers given are in the report"
expect_contains "$out" "niedokończona" "file size limit: the report says it is incomplete"
finish
