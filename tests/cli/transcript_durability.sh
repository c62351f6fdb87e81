#!/usr/bin/env bash
# What `procedura verify` and `run --resume` promise about a transcript: every one-byte edit
# and every cut-off tail of a sealed transcript is found; a write that fails (file-size
# limit) leaves whole lines only; an incomplete last line is ignored with a warning; two runs
# never write one transcript at once; existing files and symbolic links are never written.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/fixtures/run" || exit 1
t=$scratch
answers='nie\n14\nJan Kowalski\n1\nb\n1 2\ntak\n2\n'
straight='nie\n14\nJan Kowalski\n1 2\ntak\n2\n'  # the same without going back

printf "$answers" | "$PROCEDURA" run incydent --procedures procedures --transcript "$t/sealed.jsonl" >/dev/null 2>&1
run "$PROCEDURA" verify "$t/sealed.jsonl"
expect_status 0 "a finished interview is sealed and intact"
expect_contains "$out" "sealed: 12 events, intact (procedure incydent 2.1.0, completed)" "verify names it sealed"
events=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["event"] for l in open(sys.argv[1])))' "$t/sealed.jsonl")
[[ "$events" == *"report completed sealed" ]] && pass "the closing event comes last" || fail "events: $events"

# One-byte edits are broken (exit 2), never sealed or merely interrupted: here 150 of them
# through the binary, at random places and at the final newline; the unit test
# "every one-byte edit of a sealed transcript is found" tries every byte.
python3 - "$PROCEDURA" "$t/sealed.jsonl" "$t/edit.jsonl" <<'PY' || fail "one-byte edits"
import random, re, subprocess, sys
procedura, source, edited = sys.argv[1:]
data = open(source, "rb").read()
rng = random.Random(13)
places = sorted(rng.sample(range(len(data)), 146)) + [len(data) - 1, len(data) - 2, 0, 1]
wrong = []
for n, i in enumerate(places):
    # Flip the lowest bit (a newline becomes a vertical tab); every 4th also splits the line.
    for replacement in [data[i] ^ 1] + ([10] if n % 4 == 0 and data[i] != 10 else []):
        open(edited, "wb").write(data[:i] + bytes([replacement]) + data[i + 1:])
        done = subprocess.run([procedura, "verify", edited], capture_output=True)
        # Exit 2, and the verdict the user reads names the edited file's line as broken.
        if done.returncode != 2 or not re.search(rb":\d+: broken: ", done.stdout):
            wrong.append((i, replacement, done.returncode, done.stdout[:200]))
print(f"ok: {len(places)} places edited, {len(wrong)} edits not found as broken {wrong[:10]}")
sys.exit(1 if wrong else 0)
PY

# Dropping 1 to 5 final lines: never sealed (exit 1: it reads as an interrupted interview).
for n in 1 2 3 4 5; do
  head -n -"$n" "$t/sealed.jsonl" >"$t/cut.jsonl"
  run "$PROCEDURA" verify "$t/cut.jsonl"
  expect_status 1 "$n final line(s) dropped: not sealed"
  expect_contains "$out" "not sealed: $((12 - n)) events, intact so far" "$n final line(s) dropped: verify says not sealed, intact"
  expect_contains "$out" "the interview was interrupted" "$n final line(s) dropped: verify says it was interrupted"
done

# A sealed transcript cannot be resumed; one quit with q is sealed too.
run "$PROCEDURA" run --resume "$t/sealed.jsonl"
expect_status 2 "resume of a sealed transcript"
expect_contains "$err" "already completed; there is nothing to resume" "refusal names why"
printf 'nie\nq\ntak\n' | "$PROCEDURA" run incydent --procedures procedures --transcript "$t/quit.jsonl" >/dev/null 2>&1
run "$PROCEDURA" verify "$t/quit.jsonl"
expect_status 0 "a quit interview is sealed"
expect_contains "$out" "ended by the operator" "verify says it was ended"
run "$PROCEDURA" run --resume "$t/quit.jsonl"
expect_status 2 "resume of a quit interview"
expect_contains "$err" "was ended by the operator and sealed" "refusal names the quit"

# A write that fails half-way (the file-size limit stands in for a full disk) is rolled back.
(trap '' XFSZ; ulimit -f 2; printf "$straight" | "$PROCEDURA" run incydent --procedures procedures --keep-personal --transcript "$t/full.jsonl" >/dev/null 2>"$t/full.err")
status=$?
err=$(cat "$t/full.err")
expect_status 2 "a failed transcript write stops the run"
expect_contains "$err" "File too large" "the failure is reported"
size=$(stat -c %s "$t/full.jsonl")
(( size <= 2048 )) && [[ $(tail -c 1 "$t/full.jsonl" | od -An -c | tr -d ' ') == '\n' ]] \
  && pass "the transcript ends with a whole line ($size bytes)" || fail "the transcript ends in half a line"
run "$PROCEDURA" verify "$t/full.jsonl"
expect_status 1 "the cut transcript is intact and resumable"
expect_contains "$out" "not sealed: " "the cut transcript: verify says not sealed"
expect_contains "$out" "intact so far" "the cut transcript: verify says intact"
recorded=$(grep -c '"event":"answer"' "$t/full.jsonl")
remaining=$(printf "$straight" | python3 -c "import sys; l=sys.stdin.read().split('\n'); print('\n'.join(l[$recorded:]))")
run bash -c "printf '%s\n' \"\$1\" | \"$PROCEDURA\" run --resume \"$t/full.jsonl\" --format json" _ "$remaining"
expect_status 0 "resume after the failed write finishes"
expect_contains "$out" '"completed": true' "the resumed report is complete"

# An incomplete last line (a killed writer, an old version without rollback) is ignored.
printf 'nie\n14\n' | "$PROCEDURA" run incydent --procedures procedures --transcript "$t/tail.jsonl" >/dev/null 2>&1
printf '{"prev":"0123' >>"$t/tail.jsonl"
run "$PROCEDURA" verify "$t/tail.jsonl"
expect_status 1 "an incomplete last line: intact, not sealed"
expect_contains "$out" "tail.jsonl:5: warning: the last line is incomplete" "verify names the line"
run bash -c "printf 'Jan\n1\ntak\n2\n' | \"$PROCEDURA\" run --resume \"$t/tail.jsonl\"" _
expect_status 0 "resume past an incomplete last line"
expect_contains "$err" "(wiersz 5) jest niepełny" "resume warns, naming the line"
run "$PROCEDURA" verify "$t/tail.jsonl"
expect_status 0 "the resumed transcript is whole and sealed"
expect_contains "$out" "sealed: 12 events, intact (procedure incydent 2.1.0, completed)" "verify says sealed and intact"

# Two runs on one transcript: the second is refused while the first holds it.
printf 'nie\n' | "$PROCEDURA" run incydent --procedures procedures --transcript "$t/busy.jsonl" >/dev/null 2>&1
mkfifo "$t/fifo"
"$PROCEDURA" run --resume "$t/busy.jsonl" <"$t/fifo" >/dev/null 2>&1 &
holder=$!
exec 3>"$t/fifo"
for _ in $(seq 200); do grep -q '"event":"resume"' "$t/busy.jsonl" && break; sleep 0.05; done
run "$PROCEDURA" run --resume "$t/busy.jsonl"
expect_status 2 "a second resume of a transcript in use"
expect_contains "$err" "is in use by another procedura process" "the refusal says why"
exec 3>&-
wait "$holder"
run "$PROCEDURA" verify "$t/busy.jsonl"
[[ $status -le 1 ]] && pass "the chain survived" || fail "the chain broke: $out"
expect_contains "$out" "intact" "verify says the chain is intact"

# Transcripts are created new, 0600, never through a symbolic link or into an existing file.
: >"$t/existing.jsonl"; chmod 644 "$t/existing.jsonl"
run bash -c "printf '$answers' | \"$PROCEDURA\" run incydent --procedures procedures --transcript \"$t/existing.jsonl\""
expect_status 2 "an existing empty file is refused"
expect_contains "$err" "already exists" "the refusal names it"
ln -s "$t/elsewhere.jsonl" "$t/link.jsonl"
run bash -c "printf '$answers' | \"$PROCEDURA\" run incydent --procedures procedures --transcript \"$t/link.jsonl\""
expect_status 2 "a symbolic link is refused"
expect_contains "$err" "is a symbolic link" "the refusal names the link"
[[ ! -e "$t/elsewhere.jsonl" ]] && pass "nothing was written at the link's target" || fail "the link was followed"
printf 'nie\n' | "$PROCEDURA" run incydent --procedures procedures --transcript "$t/own.jsonl" >/dev/null 2>&1
[[ $(stat -c %a "$t/own.jsonl") == 600 ]] && pass "created with mode 0600" || fail "mode $(stat -c %a "$t/own.jsonl")"
ln -s "$t/own.jsonl" "$t/own-link.jsonl"
run "$PROCEDURA" run --resume "$t/own-link.jsonl"
expect_status 2 "resume through a symbolic link is refused"
expect_contains "$err" "'$t/own-link.jsonl' is a symbolic link" "the refusal names the link"

# A pasted page is refused at the prompt and asked again: the transcript stays small enough
# for verify and --resume to read back. verify reads larger transcripts when told to.
long=$(head -c 5000 /dev/zero | tr '\0' 'B')
run bash -c "printf 'nie\n14\n%s\nJan Kowalski\n1 2\ntak\n2\n' '$long' | \"$PROCEDURA\" run incydent --procedures procedures --keep-personal --transcript \"$t/pasted.jsonl\""
expect_status 0 "a pasted page, then a short answer: the interview completes"
expect_contains "$out$err" "Odpowiedź jest za długa: najwyżej 4000 znaków" "the pasted page is refused with the limit"
if grep -q BBBBBBBBBB "$t/pasted.jsonl"; then fail "the refused page reached the transcript"; else
  pass "the refused page is not in the transcript"; fi
expect_contains "$(cat "$t/pasted.jsonl")" "Jan Kowalski" "the answer given next is recorded (--keep-personal)"
run "$PROCEDURA" verify "$t/pasted.jsonl"
expect_status 0 "the transcript verifies"
run "$PROCEDURA" verify --max-file-size 100 "$t/sealed.jsonl"
expect_status 2 "verify refuses a transcript above --max-file-size"
expect_contains "$err" "the limit is 100" "the refusal names the limit"
run "$PROCEDURA" verify --max-file-size 100000000 "$t/sealed.jsonl"
expect_status 0 "verify reads a transcript within a raised --max-file-size"
finish
