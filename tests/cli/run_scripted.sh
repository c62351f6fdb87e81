#!/usr/bin/env bash
# Scripted runs and their failures: exit statuses and messages that name the question.
set -uo pipefail
cd "$TESTS/fixtures/run" || exit 1
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect_status() {  # expected, actual, what
  [[ "$1" == "$2" ]] || fail "$3: exit status $2, expected $1"
}
contains() {  # file, text, what
  grep -qF -- "$2" "$1" || { fail "$3: '$2' not in output:"; cat "$1"; }
}

# A question missing from the answers file, stdin not a terminal: exit 3, question and file:line named.
grep -v sprawca odpowiedzi.yaml >"$tmp/partial.yaml"
"$PROCEDURA" run incydent --procedures procedures --answers "$tmp/partial.yaml" </dev/null >"$tmp/out" 2>"$tmp/err"
expect_status 3 $? "missing answer"
contains "$tmp/err" "Brak odpowiedzi na pytanie „Kto dostarczył alkohol?” (procedures/incydent.yaml:77)" "missing answer"
contains "$tmp/err" '`sprawca`' "missing answer"

# The same question again with the same answer is a loop, named.
sed 's/rodzice_osiagalni: yes/rodzice_osiagalni: no/' odpowiedzi.yaml >"$tmp/loop.yaml"
"$PROCEDURA" run incydent --procedures procedures --answers "$tmp/loop.yaml" --lang en </dev/null >"$tmp/out" 2>"$tmp/err"
expect_status 2 $? "loop"
contains "$tmp/err" "Loop: the question 'wezwanie-rodzicow.rodzice_osiagalni' would be asked again" "loop"

# An invalid answer in the file names its file:line.
sed 's/wiek: 14/wiek: 40/' odpowiedzi.yaml >"$tmp/bad.yaml"
"$PROCEDURA" run incydent --procedures procedures --answers "$tmp/bad.yaml" --lang en </dev/null >"$tmp/out" 2>"$tmp/err"
expect_status 2 $? "invalid answer"
contains "$tmp/err" "$tmp/bad.yaml:2: the answer to 'How old is the pupil?' is not valid: The largest allowed value is 21." "invalid answer"

# An answer no question uses is a warning; JSON answers files work too; stdout is the JSON alone.
printf '{"zagrozenie": "yes", "wiek": 9, "imie": "A", "objawy": [], "wezwanie-rodzicow.rodzice_osiagalni": "true", "sprawca": "nieznany", "wiekk": 3}\n' >"$tmp/a.json"
"$PROCEDURA" run incydent --procedures procedures --answers "$tmp/a.json" --format json >"$tmp/out" 2>"$tmp/err"
expect_status 0 $? "json answers"
contains "$tmp/err" "odpowiedź na „wiekk” nie została użyta" "unused answer"
python3 - "$tmp/out" <<'PY' || fail "JSON shape"
import json, sys
doc = json.load(open(sys.argv[1]))
assert list(doc) == ["procedure", "lang", "completed", "outcome", "answers", "actions", "cautions"], list(doc)
assert list(doc["procedure"]) == ["id", "version", "sha256"] and len(doc["procedure"]["sha256"]) == 64
assert doc["completed"] is True and doc["outcome"]["node"] == "koniec_szkola"
assert all(list(a) == ["var", "node", "value"] for a in doc["answers"])
assert "imie" not in [a["var"] for a in doc["answers"]], "personal answer leaked"
assert doc["answers"][0]["value"] is True
for a in doc["actions"]:
    assert list(a) == ["id", "kind", "to", "recipient", "text", "deadline", "channel", "basis", "group", "about"], list(a)
    assert isinstance(a["basis"], list)
    assert a["group"] == {"immediately": "now"}.get(a["deadline"], a["group"]), a
    assert a["group"] in ("now", "hours", "days", "none"), a
# Actions keep the order of collection; the group lets a reader put urgent ones first.
assert [a["group"] for a in doc["actions"]][:2] == ["now", "now"], doc["actions"]
assert doc["actions"][0]["id"] == "powiadom_dyrektora"
assert any(a["id"] is None for a in doc["actions"])
PY

# EOF at a prompt names the question; exit 3.
printf 'nie\n' | "$PROCEDURA" run incydent --procedures procedures >"$tmp/out" 2>"$tmp/err"
expect_status 3 $? "end of input"
contains "$tmp/err" "Koniec danych wejściowych przy pytaniu „Ile lat ma uczeń?” (procedures/incydent.yaml:42)" "end of input"

# A closed stdout ends quietly (no error message, no crash).
printf 'nie\n14\nJan\n1\ntak\n1\n' | "$PROCEDURA" run incydent --procedures procedures 2>"$tmp/err" | head -1 >/dev/null
status=${PIPESTATUS[1]}
[[ $status -eq 0 ]] || fail "closed stdout: exit status $status"
[[ ! -s "$tmp/err" ]] || { fail "closed stdout printed:"; cat "$tmp/err"; }

# Unknown procedure and no menu without a terminal: usage errors.
"$PROCEDURA" run nieznana --procedures procedures </dev/null >"$tmp/out" 2>"$tmp/err"
expect_status 2 $? "unknown procedure"
contains "$tmp/err" "no procedure 'nieznana' (available: incydent, wezwanie-rodzicow)" "unknown procedure"
"$PROCEDURA" run --procedures procedures </dev/null >"$tmp/out" 2>"$tmp/err"
expect_status 2 $? "menu without terminal"

# A procedure with load errors is refused before any question.
mkdir "$tmp/broken"
printf 'format: 1\nid: zepsuta\nversion: 1.0.0\ntitle: "X"\nstart: a\nnodes:\n  a:\n    step: "s"\n    next: nigdzie\n' >"$tmp/broken/zepsuta.yaml"
"$PROCEDURA" run "$tmp/broken/zepsuta.yaml" </dev/null >"$tmp/out" 2>"$tmp/err"
expect_status 2 $? "broken procedure"
contains "$tmp/err" "it cannot be run safely" "broken procedure"

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "run_scripted: all passed"
