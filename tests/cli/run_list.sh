#!/usr/bin/env bash
# `procedura list`: the runnable procedures with the menu's numbers, as text and as JSON
# (read back with python3), in Polish and English; libraries are not listed.
source "$(dirname "$0")/lib.sh"
fixtures="$TESTS/fixtures/run/procedures"

run "$PROCEDURA" list --procedures "$fixtures"
expect_status 0 "list as text"
expect_contains "$out" "   1) Uczeń pod wpływem alkoholu" "first entry, numbered as in the menu"
expect_contains "$out" "incydent · wersja 2.1.0 · dla: nauczyciel, pedagog ·" "id, version and audience"
expect_contains "$out" "incydent.yaml" "the file"
expect_not_contains "$out" wspolne "libraries are not listed"

run "$PROCEDURA" list --procedures "$fixtures" --format json --lang en
expect_status 0 "list as JSON"
if python3 - "$out" <<'PY'; then pass "JSON fields"; else fail "JSON fields: $out"; fi
import json, sys
data = json.loads(sys.argv[1])
assert data["lang"] == "en"
rows = data["procedures"]
assert [r["number"] for r in rows] == list(range(1, len(rows) + 1)), rows
by_id = {r["id"]: r for r in rows}
assert set(by_id) == {"incydent", "wezwanie-rodzicow"}, by_id.keys()
one = by_id["incydent"]
assert list(one) == ["number", "id", "title", "area", "audience", "version", "file"], list(one)
assert one["title"] == "A pupil under the influence of alcohol", one
assert one["area"] is None
assert one["audience"] == ["nauczyciel", "pedagog"]
assert one["version"] == "2.1.0"
assert one["file"].endswith("procedures/incydent.yaml"), one["file"]
PY

# The bundled procedures are all listed, each once.
run "$PROCEDURA" list --format json
expect_status 0 "bundled list"
if python3 - "$out" "$REPO/procedures" <<'PY'; then pass "every bundled procedure listed once"; else fail "bundled list: $out"; fi
import json, pathlib, re, sys
ids = [r["id"] for r in json.loads(sys.argv[1])["procedures"]]
files = [p for p in pathlib.Path(sys.argv[2]).rglob("*.yaml") if re.search(r"^start:", p.read_text(), re.M)]
assert len(ids) == len(set(ids)) == len(files), (ids, files)
PY

mkdir -p "$scratch/empty"
run "$PROCEDURA" list --procedures "$scratch/empty"
expect_status 0 "an empty directory lists nothing"
expect_empty "$out" "nothing listed for an empty directory"
# An answers file kept beside the procedures is no entry of the list (nor of the menu).
mkdir -p "$scratch/with-answers"
cp "$fixtures"/*.yaml "$scratch/with-answers/" 2>/dev/null
printf 'zagrozenie: yes\nwiek: 3\n' >"$scratch/with-answers/odpowiedzi-a1.yaml"
run "$PROCEDURA" list --procedures "$scratch/with-answers" --format json
check "a file naming no procedure is not listed" python3 -c '
import json, sys
procs = json.loads(sys.argv[1])["procedures"]
assert procs and all(p["id"] and p["title"] for p in procs), procs
assert not any(p["file"].endswith("odpowiedzi-a1.yaml") for p in procs), procs' "$out"
# --lang takes any language a procedure may declare; a procedure without it shows its default.
mkdir -p "$scratch/uk"
printf 'format: 1\nid: trzy\nversion: 1.0.0\nlanguages: [pl, uk]\ntitle: {pl: "Po polsku", uk: "Українською"}\nstart: e\nnodes:\n  e: {outcome: {pl: "K", uk: "K"}}\n' >"$scratch/uk/trzy.yaml"
run "$PROCEDURA" list --procedures "$scratch/uk" --lang uk
expect_status 0 "list --lang uk"
expect_contains "$out" "Українською" "list --lang uk: the declared translation"
run "$PROCEDURA" list --procedures "$scratch/uk" --lang 'x y'
expect_status 2 "list --lang: not a language code"

# A directory that is not there is an error, not an empty list; a search path may name a
# missing directory beside one that exists, as PATH may.
run "$PROCEDURA" list --procedures "$scratch/nie-ma"
expect_status 2 "list --procedures with a missing directory"
expect_contains "$err" "$scratch/nie-ma does not exist" "the missing directory is named"
run env PROCEDURA_PATH="$scratch/nie-ma" "$PROCEDURA" list --format json
expect_status 2 "PROCEDURA_PATH naming only a missing directory"
expect_contains "$err" "does not exist" "the error says so"
run env PROCEDURA_PATH="$scratch/nie-ma:$fixtures" "$PROCEDURA" list
expect_status 0 "PROCEDURA_PATH with a missing and an existing directory"
expect_not_contains "$out" "does not exist" "the missing entry is passed over"
finish
