#!/usr/bin/env bash
# One-line forms: the text report shows `short` for actions, cautions and recipients and cuts
# the titles of acts to a line; the interview, `--details`, Markdown and JSON keep full texts.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/fixtures/short" || exit 1
printf 'zdarzenie: yes\n' >"$scratch/yes.yaml"
full_action="Niezwłocznie powiadomić dyrektora szkoły lub osobę upoważnioną"
full_caution="także w toalecie, na korytarzu"
full_name="dyrektor szkoły (lub wicedyrektor"

run "$PROCEDURA" run krotkie.yaml --answers "$scratch/yes.yaml" --no-transcript
expect_status 0 "text report"
report=$(printf '%s\n' "$out" | sed -n '/^RAPORT KOŃCOWY/,$p')
expect_contains "$report" "  1. [ ] Powiadomić dyrektora — dyrektor · tel. · [1]" "action: short form and recipient's short name on one line"
expect_contains "$report" "  2. [ ] Powiadomić pedagoga. — pedagog szkolny · w ciągu 24 h" "no short: the full text and name"
expect_contains "$report" "  - Nie zostawiaj ucznia samego ani na chwilę [1]" "caution: short form"
expect_contains "$report" "  dyrektor         telefonicznie  natychmiast   1" "table: the recipient's short name"
expect_contains "$report" "  [1] art. 68 ust. 1 pkt 6 u.p.o. — Ustawa z 14 grudnia 2016 r. – Prawo…" "basis: one line, cut at a word"
expect_not_contains "$report" "$full_action" "report: no full action text"
expect_not_contains "$report" "$full_name" "report: no full recipient name"
check "report: every line within 80 columns" python3 -c '
import sys; bad = [l for l in sys.argv[1].splitlines() if len(l) > 80]; sys.exit(1 if bad else 0)' "$report"
# The interview shows an urgent action and a caution in full when reached.
run "$PROCEDURA" run krotkie.yaml --no-transcript --plain < <(printf 'tak\n')
expect_status 0 "interview"
interview=$(printf '%s\n' "$out" | sed '/^RAPORT KOŃCOWY/,$d')
expect_contains "$(tr -s ' \n' ' ' <<<"$interview")" "TERAZ: $full_action" "interview: urgent action in full"
expect_contains "$(tr -s ' \n' ' ' <<<"$interview")" "$full_caution" "interview: caution in full"

run "$PROCEDURA" run krotkie.yaml --answers "$scratch/yes.yaml" --no-transcript --details --lang en
expect_status 0 "--details"
flat=$(tr -s ' \n' ' ' <<<"$out")
expect_contains "$flat" "1. [ ] Inform the school director or the authorised person at once" "--details: full action text"
expect_contains "$flat" "- Do not leave the pupil alone even for a moment – not in the toilet" "--details: full caution"
expect_contains "$flat" "the school director (or the deputy director, or a person the director authorised)" "--details: full recipient name"
expect_contains "$flat" "as in force in 2025, as amended later" "--details: the title of the act uncut"

run "$PROCEDURA" run krotkie.yaml --answers "$scratch/yes.yaml" --format markdown
expect_status 0 "markdown"
expect_contains "$(tr -s ' \n' ' ' <<<"$out")" "$full_action" "markdown: full action text"

run "$PROCEDURA" run krotkie.yaml --answers "$scratch/yes.yaml" --format json
expect_status 0 "json"
check "json: text, short and recipient_short" python3 - "$out" <<'PY'
import json, sys
doc = json.loads(sys.argv[1])
a = doc["actions"][0]
assert a["text"].startswith("Niezwłocznie powiadomić dyrektora"), a
assert a["short"] == "Powiadomić dyrektora" and a["recipient_short"] == "dyrektor", a
assert a["recipient"].startswith("dyrektor szkoły (lub wicedyrektor"), a
b = doc["actions"][1]
assert b["short"] == b["text"] == "Powiadomić pedagoga." and b["recipient_short"] == "pedagog szkolny", b
c = doc["cautions"][0]
assert c["short"] == "Nie zostawiaj ucznia samego ani na chwilę" and c["text"].endswith("gabinetu dyrektora."), c
PY

# The bundled S1 on a first incident (calm pupil of 14, parents come, first time, no known
# source): the whole report fits one 40-line screen of 80 columns, the title wrapped too.
printf 'stan_zagraza_zyciu: nie\nwiek: 14\nrodzice_osiagalni: przyjada\npowtorny_przypadek: no\nzrodlo_alkoholu: nie\n' >"$scratch/s01.yaml"
run "$PROCEDURA" run s01-nietrzezwy-uczen --procedures "$REPO/procedures" --answers "$scratch/s01.yaml" --no-transcript
expect_status 0 "S1 first incident"
report=$(printf '%s\n' "$out" | sed -n '/^RAPORT KOŃCOWY/,$p')
check "S1 first incident: at most 40 lines" test "$(wc -l <<<"$report")" -le 40
expect_contains "$report" "Wezwać rodziców do szkoły niezwłocznie — rodzice · tel. · [3][2]" "S1: a notification on one line"
run "$PROCEDURA" run s04-demoralizacja-poza-szkola --procedures "$REPO/procedures" --answers "$REPO/tests/fixtures/short/s04-longest.yaml" --no-transcript
expect_status 0 "S4, the longest report"
check "S4: every line within 80 columns" python3 -c '
import sys; bad = [l for l in sys.argv[1].splitlines() if len(l) > 80]; print(*bad, sep="\n"); sys.exit(1 if bad else 0)' "$out"

# `short` is a localized text like `text`: a missing language and a wrong type are named.
sed 's/    short: {pl: "Powiadomić dyrektora", en: "Inform the director"}/    short: {pl: "Powiadomić dyrektora"}/' krotkie.yaml >"$scratch/missing.yaml"
run "$PROCEDURA" lint "$scratch/missing.yaml"
expect_status 1 "short without a translation"
expect_contains "$out" "missing.yaml:26:12: error: the action's short text has no 'en' translation [missing-translation]" "short without a translation"
sed 's/    short: {pl: "dyrektor", en: "director"}/    short: [dyrektor]/' krotkie.yaml >"$scratch/list.yaml"
run "$PROCEDURA" lint "$scratch/list.yaml"
expect_status 1 "short as a list"
expect_contains "$out" "list.yaml:12:12: error: " "short as a list: file:line:col"
expect_contains "$out" "short name" "short as a list: names the key"
finish
