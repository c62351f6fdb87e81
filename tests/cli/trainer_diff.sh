# procedura diff: structural changes between versions, and the impact on test scenarios and
# recorded transcripts (exit 1 only when some would end differently).
source "$(dirname "$0")/lib.sh"
fixtures="$TESTS/fixtures/diff"

# A text-only change: listed, but nothing ends differently, so exit 0.
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v2.yaml"
expect_status 0 "v1 → v2 changes texts only"
expect_contains "$out" "version: 1.0.0 → 1.0.1" "the version change is listed"
expect_contains "$out" "~ node minuty changed" "the changed node is named"
expect_contains "$out" "text[pl]: Ile minut spóźnienia? → Ile minut trwało spóźnienie?" "the Polish text change is listed"
expect_contains "$out" "text[en]: How many minutes late? → How many minutes was the pupil late?" "the English text change is listed"
expect_contains "$out" "Impact: 3 scenarios and 0 transcripts replayed" "every scenario is replayed"
expect_contains "$out" "No scenario or transcript ends differently." "no impact"
# --lang limits the text comparison to one language.
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v2.yaml" --lang en
expect_status 0 "--lang en"
expect_not_contains "$out" "text[pl]" "--lang en leaves Polish texts out"
expect_contains "$out" "text[en]:" "--lang en lists English texts"

# A retargeted option: the scenario whose path it changes is named with what differs.
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v3.yaml"
expect_status 1 "v1 → v3 changes an outcome"
expect_contains "$out" "option no: next: minuty → rozmowa" "the retargeted option is listed"
expect_contains "$out" '! scenario "kolejne, krótkie spóźnienie": outcome upomnienie → rozmowa; actions added: zadzwon_do_rodzicow, powiadom_pedagoga; actions removed: upomnij' "the changed scenario and its differences"
expect_not_contains "$out" 'scenario "pierwsze spóźnienie":' "unchanged scenarios are not listed"
expect_contains "$out" "1 of 3 would end differently." "the summary counts"

# A new question: scenarios that do not answer it no longer finish.
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v4.yaml"
expect_status 1 "v1 → v4 adds a question"
expect_contains "$out" "+ node usprawiedliwione added" "the added node is listed"
expect_contains "$out" "no longer finishes: no answer for 'usprawiedliwione'" "a scenario no longer finishes"

# Transcripts recorded by `procedura run` against v1 are replayed against both versions.
mkdir -p "$scratch/t"
printf 'pierwszy_raz: no\nminuty: 10\n' >"$scratch/krotkie.yaml"
printf 'pierwszy_raz: yes\n' >"$scratch/pierwsze.yaml"
for name in krotkie pierwsze; do
  run "$PROCEDURA" run "$fixtures/v1.yaml" --answers "$scratch/$name.yaml" --transcript "$scratch/t/$name.jsonl"
  expect_status 0 "recording $name"
  expect_contains "$out" "Wynik: Upomnienie ustne" "recording $name: the run reached its outcome"
done
mkdir -p "$scratch/inna"
printf 'format: 1\nid: inna\nversion: 1.0.0\ntitle: "Inna"\nstart: q\nnodes:\n  q: {ask: "Q?", type: yes_no, next: k}\n  k: {outcome: "K"}\n' >"$scratch/inna/inna.yaml"
printf 'q: yes\n' >"$scratch/inna.yaml"
run "$PROCEDURA" run "$scratch/inna/inna.yaml" --answers "$scratch/inna.yaml" --transcript "$scratch/t/inna.jsonl"
expect_status 0 "recording inna"
expect_contains "$out" "Wynik: K" "recording inna: the run reached its outcome"
printf 'not a transcript\n' >"$scratch/t/zepsuty.jsonl"
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v3.yaml" --transcripts "$scratch/t"
expect_status 1 "v1 → v3 with transcripts"
expect_contains "$out" "! transcript $scratch/t/krotkie.jsonl: outcome upomnienie → rozmowa" "the changed transcript is named"
expect_not_contains "$out" "! transcript $scratch/t/pierwsze.jsonl" "the unchanged transcript is not listed"
expect_contains "$out" "note: skipped $scratch/t/inna.jsonl: a transcript of procedure 'inna'" "a transcript of another procedure is skipped with a note"
expect_contains "$out" "note: skipped $scratch/t/zepsuty.jsonl:" "a broken transcript is skipped with a note"
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v2.yaml" --transcripts "$scratch/t"
expect_status 0 "v1 → v2 with transcripts"
expect_contains "$out" "3 scenarios and 2 transcripts replayed" "both transcripts of the procedure are replayed"

# JSON: the document alone on stdout.
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v3.yaml" --transcripts "$scratch/t" --format json
expect_status 1 "--format json"
if python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["would_change"] is True; c=[i for i in d["impact"] if i["changed"]]; assert [i["name"] for i in c][0]=="kolejne, krótkie spóźnienie", c; assert c[0]["old"]["outcome"]=="upomnienie" and c[0]["new"]["outcome"]=="rozmowa"; assert any(f["field"]=="option no: next" and f["old"]=="minuty" and f["new"]=="rozmowa" for ch in d["changes"] for f in ch["fields"])' <<<"$out"; then
  pass "the JSON document holds the changes and the impact"
else
  fail "unexpected JSON: $out"
fi

# A text with a line break stays on one line of the listing.
sed -e 's/^title: .*/title: {pl: "Spóźniony uczeń", en: "A late pupil"}\nsummary:\n  pl: |\n    Pierwsza linia.\n    Druga linia.\n  en: "One line."/' "$fixtures/v1.yaml" >"$scratch/summary.yaml"
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$scratch/summary.yaml"
expect_status 0 "an added summary"
expect_contains "$out" 'summary[pl] added: Pierwsza linia.\nDruga linia.\n'$'\n' "a multi-line text is listed on one line"

# Identical files: nothing to report.
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v1.yaml"
expect_status 0 "a file against itself"
expect_contains "$out" "No changes in content." "no changes"

# Versions with their own library and callee, named from outside both trees: each loads
# from its own tree, so imports (../biblioteka) and calls resolve within its version.
cd "$scratch" || exit 1
run "$PROCEDURA" diff "$fixtures/tree-v1/szkola/bojka.yaml" "$fixtures/tree-v2/szkola/bojka.yaml"
expect_status 1 "a library and a callee changed"
expect_contains "$out" "~ action powiadom_dyrektora changed"$'\n'"      deadline: immediately → 2h" "the imported action's deadline change"
expect_contains "$out" "called pierwsza-pomoc: version: 1.0.0 → 1.1.0" "the callee's new version"
expect_contains "$out" '! scenario "ranny uczeń": actions added: inline "Wezwij pogotowie (112)"' "the scenario through the call collects a new action"
expect_not_contains "$out" 'scenario "bez rannych":' "the scenario without the call is unchanged"

# Unusable input: exit 2 with file:line:col.
printf 'format: 1\nid: spoznienie\nversion: 1.0.0\ntitle: "x"\nstart: a\nnodes:\n  a: {outcome: "A", next: [}\n' >"$scratch/zly.yaml"
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$scratch/zly.yaml"
expect_status 2 "a version with errors"
expect_contains "$err" "zly.yaml:7:" "the error names file:line:col"
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$scratch/brak.yaml"
expect_status 2 "a missing file"
expect_contains "$err" "$scratch/brak.yaml is not a readable file" "the missing file is named"
run "$PROCEDURA" diff "$fixtures/v1.yaml" "$fixtures/v2.yaml" --transcripts "$scratch/nie-ma"
expect_status 2 "a missing transcripts directory"
expect_contains "$err" "--transcripts: '$scratch/nie-ma' is not a readable directory" "the option and the directory are named"
# Cautions (definitions and the lists on nodes) and the one-line `short` forms are compared too.
mkdir -p "$scratch/short-old" "$scratch/short-new"
cp "$TESTS/fixtures/short/krotkie.yaml" "$scratch/short-old/"
sed -e 's/short: {pl: "Powiadomić dyrektora", en: "Inform the director"}/short: {pl: "Zadzwonić do dyrektora", en: "Phone the director"}/' \
  -e 's/short: {pl: "dyrektor", en: "director"}/short: {pl: "dyrekcja", en: "director"}/' \
  -e 's/Nie zostawiaj ucznia samego ani na chwilę", en/Nie zostawiaj ucznia samego", en/' \
  -e 's/    cautions: \[nie_zostawiaj\]/    cautions: [nie_zostawiaj, {text: {pl: "Nie krzycz.", en: "Do not shout."}}]/' \
  "$TESTS/fixtures/short/krotkie.yaml" >"$scratch/short-new/krotkie.yaml"
run "$PROCEDURA" diff "$scratch/short-old/krotkie.yaml" "$scratch/short-new/krotkie.yaml"
expect_status 0 "diff of cautions and short forms"
expect_contains "$out" "cautions: nie_zostawiaj → nie_zostawiaj, inline \"Nie krzycz.\"" "a caution added to a node"
expect_contains "$out" "short[pl]: Powiadomić dyrektora → Zadzwonić do dyrektora" "an action's short form"
expect_contains "$out" "short[pl]: dyrektor → dyrekcja" "a recipient's short name"
expect_contains "$out" "~ caution nie_zostawiaj changed" "a caution definition"

finish
