#!/usr/bin/env bash
# Scripted runs and their failures: exit statuses and messages that name the question.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/fixtures/run" || exit 1

# A question missing from the answers file, stdin not a terminal: exit 3, question and file:line named.
grep -v sprawca odpowiedzi.yaml >"$scratch/partial.yaml"
run "$PROCEDURA" run incydent --procedures procedures --answers "$scratch/partial.yaml" </dev/null
expect_status 3 "missing answer"
expect_contains "$err" "Brak odpowiedzi na pytanie „Kto dostarczył alkohol?” (procedures/incydent.yaml:77)" "missing answer: the question and file:line"
expect_contains "$err" '`sprawca`' "missing answer: the variable to write"

# The same question again with the same answer is a loop, named.
sed 's/rodzice_osiagalni: yes/rodzice_osiagalni: no/' odpowiedzi.yaml >"$scratch/loop.yaml"
run "$PROCEDURA" run incydent --procedures procedures --answers "$scratch/loop.yaml" --lang en </dev/null
expect_status 2 "loop"
expect_contains "$err" "Loop: the question 'wezwanie-rodzicow.rodzice_osiagalni' would be asked again" "loop"

# An invalid answer in the file names its file:line.
sed 's/wiek: 14/wiek: 40/' odpowiedzi.yaml >"$scratch/bad.yaml"
run "$PROCEDURA" run incydent --procedures procedures --answers "$scratch/bad.yaml" --lang en </dev/null
expect_status 2 "invalid answer"
expect_contains "$err" "$scratch/bad.yaml:2:7: the answer to 'How old is the pupil?' is not valid: The largest allowed value is 21." "invalid answer, at its value's line and column"
# In a list, the position is the value at fault.
sed 's/objawy: \[zapach, chwiejny\]/objawy: [zapach, chwiejnyy]/' odpowiedzi.yaml >"$scratch/bad-list.yaml"
run "$PROCEDURA" run incydent --procedures procedures --answers "$scratch/bad-list.yaml" --lang en </dev/null
expect_status 2 "an invalid value in a list"
expect_contains "$err" "$scratch/bad-list.yaml:4:18: the answer to" "the list's wrong value is pointed at"

# An answer no question uses is a warning; JSON answers files work too; stdout is the JSON alone.
printf '{"zagrozenie": "yes", "wiek": 9, "imie": "A", "objawy": [], "wezwanie-rodzicow.rodzice_osiagalni": "true", "sprawca": "nieznany", "wiekk": 3}\n' >"$scratch/a.json"
run "$PROCEDURA" run incydent --procedures procedures --answers "$scratch/a.json" --format json
expect_status 0 "json answers"
expect_contains "$err" "odpowiedź na „wiekk” nie została użyta" "unused answer"
check "JSON shape" python3 - "$out" <<'PY'
import json, sys
doc = json.loads(sys.argv[1])
assert list(doc) == ["procedure", "lang", "completed", "outcome", "answers", "actions", "cautions"], list(doc)
assert list(doc["procedure"]) == ["id", "version", "sha256", "title", "area", "keywords"] and len(doc["procedure"]["sha256"]) == 64
assert doc["completed"] is True and doc["outcome"]["node"] == "koniec_szkola"
assert all(list(a) == ["var", "node", "value"] for a in doc["answers"])
assert "imie" not in [a["var"] for a in doc["answers"]], "personal answer leaked"
assert doc["answers"][0]["value"] is True
for a in doc["actions"]:
    assert list(a) == ["id", "kind", "to", "recipient", "recipient_short", "text", "short", "deadline", "channel", "basis", "group", "about"], list(a)
    assert a["short"] == a["text"], a  # the fixture writes no `short`: the text stands in
    assert isinstance(a["basis"], list)
    assert a["group"] == {"immediately": "now"}.get(a["deadline"], a["group"]), a
    assert a["group"] in ("now", "hours", "days", "none"), a
# Actions keep the order of collection; the group lets a reader put urgent ones first.
assert [a["group"] for a in doc["actions"]][:2] == ["now", "now"], doc["actions"]
assert doc["actions"][0]["id"] == "powiadom_dyrektora"
assert any(a["id"] is None for a in doc["actions"])
PY

# EOF at a prompt names the question; exit 3.
run "$PROCEDURA" run incydent --procedures procedures < <(printf 'nie\n')
expect_status 3 "end of input"
expect_contains "$err" "Koniec danych wejściowych przy pytaniu „Ile lat ma uczeń?” (procedures/incydent.yaml:42)" "end of input"

# A closed stdout ends quietly (no error message, no crash).
printf 'nie\n14\nJan\n1\ntak\n1\n' | "$PROCEDURA" run incydent --procedures procedures 2>"$scratch/err" | head -1 >/dev/null
status=${PIPESTATUS[1]} err=$(cat "$scratch/err")
expect_status 0 "closed stdout"
expect_empty "$err" "closed stdout: no message"
# However early the reader goes (here before reading anything), the answers lead where
# they would have: the interview goes on silently and the status is that of the run.
for attempt in 1 2 3 4 5; do
  printf 'nie\n14\nJan\n1\ntak\n1\n' | "$PROCEDURA" run incydent --procedures procedures --no-transcript 2>"$scratch/err" | true
  status=${PIPESTATUS[1]} err=$(cat "$scratch/err")
  expect_status 0 "stdout closed before the first question ($attempt)"
  expect_empty "$err" "stdout closed before the first question ($attempt): no message"
done

# Unknown procedure and no menu without a terminal: usage errors.
run "$PROCEDURA" run nieznana --procedures procedures </dev/null
expect_status 2 "unknown procedure"
expect_contains "$err" "no procedure 'nieznana' (available: incydent, wezwanie-rodzicow)" "unknown procedure"
run "$PROCEDURA" run --procedures procedures </dev/null
expect_status 2 "menu without terminal"
expect_contains "$err" "name a procedure (ID or FILE); the menu needs a terminal" "menu without terminal: says what to do"

# A procedure with load errors is refused before any question.
mkdir "$scratch/broken"
printf 'format: 1\nid: zepsuta\nversion: 1.0.0\ntitle: "X"\nstart: a\nnodes:\n  a:\n    step: "s"\n    next: nigdzie\n' >"$scratch/broken/zepsuta.yaml"
run "$PROCEDURA" run "$scratch/broken/zepsuta.yaml" </dev/null
expect_status 2 "broken procedure"
expect_contains "$err" "it cannot be run safely" "broken procedure"
# Format 1.1: the JSON report names the procedure's title, area and keywords in its language.
printf 'faza: proba_poza_szkola\nniebezpieczenstwo_teraz: nie\npodejrzenie_przemocy_lub_przestepstwa: nie\nwiek: 15\n' >"$scratch/s09.yaml"
run "$PROCEDURA" run s09-ryzyko-samobojcze --procedures "$REPO/procedures" --answers "$scratch/s09.yaml" --no-transcript --format json --lang en
check "json: title, area and keywords of the procedure" python3 - "$out" <<'PY'
import json, sys
p = json.loads(sys.argv[1])["procedure"]
assert p["title"].startswith("Suicide risk"), p
assert p["area"] == "School — care and upbringing", p
assert "suicide attempt" in p["keywords"], p
PY
finish
