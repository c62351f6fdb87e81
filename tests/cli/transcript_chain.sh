#!/usr/bin/env bash
# Transcripts: mode 0600, the hash chain, tampering found by `procedura verify`, personal
# answers withheld, unwritable and full destinations.
set -uo pipefail
cd "$TESTS/fixtures/run" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
answers='nie\n14\nJan Kowalski\n1\nb\n1 2\ntak\n2\n'

printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript "$tmp/t.jsonl" >"$tmp/out" 2>"$tmp/err"
[[ $? -eq 0 ]] || { fail "run with transcript"; cat "$tmp/err"; }
mode=$(stat -c %a "$tmp/t.jsonl")
[[ "$mode" == 600 ]] || fail "transcript mode is $mode, expected 600"
events=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["event"] for l in open(sys.argv[1])))' "$tmp/t.jsonl")
[[ "$events" == "start answer answer answer answer back answer answer answer report completed sealed" ]] || fail "events: $events"
grep -q "Jan Kowalski" "$tmp/t.jsonl" && fail "a personal answer was written"
grep -q '"var":"imie","node":"imie","personal":true' "$tmp/t.jsonl" || fail "the withheld answer is not marked"
python3 - "$tmp/t.jsonl" <<'PY' || fail "start event"
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

"$PROCEDURA" verify "$tmp/t.jsonl" >"$tmp/out" 2>&1
[[ $? -eq 0 ]] || fail "verify of an intact transcript"
grep -q "^sealed: 12 events, intact (procedure incydent 2.1.0, completed)" "$tmp/out" || { fail "verify output"; cat "$tmp/out"; }

# Changing an answer breaks that event's own hash.
sed '3s/"value":14/"value":19/' "$tmp/t.jsonl" >"$tmp/tampered.jsonl"
"$PROCEDURA" verify "$tmp/tampered.jsonl" >"$tmp/out" 2>&1
[[ $? -eq 2 ]] || fail "verify of a tampered transcript should exit 2"
grep -qF "$tmp/tampered.jsonl:3: broken: event 3: the event's own hash does not match it" "$tmp/out" || { fail "tamper message"; cat "$tmp/out"; }
# Removing a line is found too.
sed '5d' "$tmp/t.jsonl" >"$tmp/removed.jsonl"
"$PROCEDURA" verify "$tmp/removed.jsonl" >"$tmp/out" 2>&1
[[ $? -eq 2 ]] && grep -q ":5: broken" "$tmp/out" || { fail "removed line"; cat "$tmp/out"; }
"$PROCEDURA" verify "$tmp/missing.jsonl" >"$tmp/out" 2>&1
[[ $? -eq 2 ]] || fail "verify of a missing file should exit 2"

# --keep-personal writes it.
printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript "$tmp/k.jsonl" --keep-personal >/dev/null 2>&1
grep -q '"value":"Jan Kowalski"' "$tmp/k.jsonl" || fail "--keep-personal did not keep the answer"

# An existing transcript is not overwritten.
printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript "$tmp/t.jsonl" >/dev/null 2>"$tmp/err"
[[ $? -eq 2 ]] && grep -q "already holds a transcript" "$tmp/err" || { fail "existing transcript"; cat "$tmp/err"; }

# An unwritable path is an error before the first question.
printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript "$tmp/no/such/dir/t.jsonl" >"$tmp/out" 2>"$tmp/err"
[[ $? -eq 2 ]] || fail "unwritable transcript: exit status"
grep -q "Pytanie 1" "$tmp/out" && fail "a question was asked before the transcript failed"
grep -q "Nie można zapisać przebiegu" "$tmp/err" || { fail "unwritable message"; cat "$tmp/err"; }

# A device is an existing file: refused before the first question.
if [[ -e /dev/full ]]; then
  printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript /dev/full >"$tmp/out" 2>"$tmp/err"
  [[ $? -eq 2 ]] || fail "/dev/full: exit status"
  grep -q "already exists" "$tmp/err" || { fail "/dev/full message"; cat "$tmp/err"; }
  grep -q "Pytanie 1" "$tmp/out" && fail "/dev/full: a question was asked"
fi

# The disk fills in the middle (a 2 KiB file size limit): a clear error, exit 2, and the
# answers given so far are in the report printed.
( ulimit -f 2; printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript "$tmp/small.jsonl" --format markdown >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/status" )
[[ $(cat "$tmp/status") == 2 ]] || fail "file size limit: exit status $(cat "$tmp/status")"
grep -q "Nie można zapisać przebiegu" "$tmp/err" || { fail "file size limit message"; cat "$tmp/err"; }
grep -q "Ile lat ma uczeń? — \*\*14 lat\*\*" "$tmp/out" || { fail "file size limit: answers missing from the report"; cat "$tmp/out"; }
grep -q "niedokończona" "$tmp/out" || fail "file size limit: the report does not say it is incomplete"

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "transcript_chain: all passed"
