#!/usr/bin/env bash
# `kill -9` in the middle of an interview, then `run --resume`: nothing answered is lost.
# Also: a changed procedure file or a broken chain refuses to resume, and says why.
set -uo pipefail
tmp=$(mktemp -d)
pid=
cleanup() { [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
cp -r "$TESTS/fixtures/run/procedures" "$tmp/procedures"
cd "$tmp" || exit 1
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

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
[[ $(wc -l <t.jsonl) -eq 4 ]] || fail "expected start and three answers, got: $(cat t.jsonl)"
"$PROCEDURA" verify t.jsonl >/dev/null; [[ $? -eq 1 ]] || fail "the transcript of a killed run is not intact and unsealed"

# The personal answer (withheld) is asked again; the others are not.
printf 'Jan Kowalski\n1\ntak\n2\n' | "$PROCEDURA" run --resume t.jsonl --format json >out.json 2>err
status=$?
[[ $status -eq 0 ]] || { fail "resume: exit status $status"; cat err; }
grep -q "odtworzono 2 z 3 zapisanych odpowiedzi" err || { fail "resume message"; cat err; }
grep -q "podaj ją ponownie" err || fail "the withheld personal answer was not asked again"
grep -q "Pytanie 2" err && fail "an answered question was asked again"
python3 - out.json <<'PY' || fail "resumed report"
import json, sys
doc = json.load(open(sys.argv[1]))
assert doc["completed"] and doc["outcome"]["node"] == "koniec_szkola"
got = {a["var"]: a["value"] for a in doc["answers"]}
assert got == {"zagrozenie": False, "wiek": 14, "objawy": ["zapach"],
               "wezwanie-rodzicow.rodzice_osiagalni": True, "sprawca": "dorosly"}, got
PY
"$PROCEDURA" verify t.jsonl >verify.out || { fail "the resumed transcript does not verify"; cat verify.out; }
events=$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["event"] for l in open(sys.argv[1])))' t.jsonl)
[[ "$events" == "start answer answer answer resume answer answer answer answer report completed sealed" ]] || fail "events: $events"

# A completed interview cannot be resumed.
"$PROCEDURA" run --resume t.jsonl </dev/null >/dev/null 2>err
[[ $? -eq 2 ]] && grep -q "already completed" err || { fail "resume of a completed interview"; cat err; }

# A procedure file changed since the start: refused, naming the file.
interrupt_after_three u.jsonl
sed -i 's/Ile lat ma uczeń?/Ile lat ma uczennica lub uczeń?/' procedures/incydent.yaml
"$PROCEDURA" run --resume u.jsonl </dev/null >/dev/null 2>err
[[ $? -eq 2 ]] && grep -q "incydent.yaml' changed since the interview started" err || { fail "changed file"; cat err; }

# A broken chain: refused, naming the line.
cp -r "$TESTS/fixtures/run/procedures/." procedures/
interrupt_after_three v.jsonl
sed -i '2s/"value":false/"value":true/' v.jsonl
"$PROCEDURA" run --resume v.jsonl </dev/null >/dev/null 2>err
[[ $? -eq 2 ]] && grep -q "line 2: the event's own hash does not match it" err || { fail "broken chain"; cat err; }

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "transcript_resume: all passed"
