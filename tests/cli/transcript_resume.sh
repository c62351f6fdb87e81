#!/usr/bin/env bash
# `kill -9` in the middle of an interview, then `run --resume`: nothing answered is lost.
# Also: a changed procedure file or a broken chain refuses to resume, and says why.
source "$(dirname "$0")/lib.sh"
pid=
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$scratch"; }
trap cleanup EXIT
cp -r "$TESTS/fixtures/run/procedures" "$scratch/procedures"
cd "$scratch" || exit 1

# Starts an interview fed through a FIFO, answers three questions, waits until the
# transcript holds them, and kills the process without warning.
interrupt_after_three() {  # transcript file
  rm -f fifo; mkfifo fifo
  "$PROCEDURA" run incydent --procedures procedures --transcript "$1" <fifo >/dev/null 2>&1 &
  pid=$!
  exec 3>fifo
  printf 'nie\n14\nJan Kowalski\n' >&3
  for _ in $(seq 100); do
    [[ -f "$1" && $(wc -l <"$1") -ge 4 ]] && break
    sleep 0.1
  done
  kill -9 "$pid"; wait "$pid" 2>/dev/null; pid=
  exec 3>&-
}

interrupt_after_three t.jsonl
check "the transcript holds the start and three answers: $(cat t.jsonl)" test "$(wc -l <t.jsonl)" -eq 4
run "$PROCEDURA" verify t.jsonl
expect_status 1 "the transcript of a killed run is intact and unsealed"
expect_contains "$out" "not sealed: 4 events, intact so far" "verify says intact, not sealed"
expect_contains "$out" "the interview was interrupted" "verify says the interview was interrupted"

# The personal answer (withheld) is asked again; the others are not.
run "$PROCEDURA" run --resume t.jsonl --format json < <(printf 'Jan Kowalski\n1\ntak\n2\n')
expect_status 0 "resume"
expect_contains "$err" "odtworzono 2 z 3 zapisanych odpowiedzi" "resume message"
expect_contains "$err" "podaj ją ponownie" "the withheld personal answer is asked again"
expect_not_contains "$err" "Pytanie 2" "an answered question is not asked again"
check "resumed report" python3 - "$out" <<'PY'
import json, sys
doc = json.loads(sys.argv[1])
assert doc["completed"] and doc["outcome"]["node"] == "koniec_szkola"
got = {a["var"]: a["value"] for a in doc["answers"]}
assert got == {"zagrozenie": False, "wiek": 14, "objawy": ["zapach"],
               "wezwanie-rodzicow.rodzice_osiagalni": True, "sprawca": "dorosly"}, got
PY
run "$PROCEDURA" verify t.jsonl
expect_status 0 "the resumed transcript verifies"
expect_contains "$out" "sealed: 12 events, intact (procedure incydent 2.1.0, completed)" "verify says sealed"
events=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["event"] for l in open(sys.argv[1])))' t.jsonl)
check "the events in order: $events" test "$events" = "start answer answer answer resume answer answer answer answer report completed sealed"

# A completed interview cannot be resumed.
run "$PROCEDURA" run --resume t.jsonl </dev/null
expect_status 2 "resume of a completed interview"
expect_contains "$err" "already completed" "the refusal says it is completed"

# A procedure file changed since the start: refused, naming the file.
interrupt_after_three u.jsonl
sed -i 's/Ile lat ma uczeń?/Ile lat ma uczennica lub uczeń?/' procedures/incydent.yaml
run "$PROCEDURA" run --resume u.jsonl </dev/null
expect_status 2 "resume after the procedure file changed"
expect_contains "$err" "incydent.yaml' changed since the interview started" "the changed file is named"

# A broken chain: refused, naming the line.
cp -r "$TESTS/fixtures/run/procedures/." procedures/
interrupt_after_three v.jsonl
sed -i '2s/"value":false/"value":true/' v.jsonl
run "$PROCEDURA" run --resume v.jsonl </dev/null
expect_status 2 "resume of a broken chain"
expect_contains "$err" "line 2: the event's own hash does not match it" "the broken line is named"
finish
