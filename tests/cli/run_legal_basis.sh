# FORMAT.md: a node's `basis` is "shown with the node and kept in the transcript", its
# `help` "shown on request": an outcome's help with --details, in JSON and Markdown. A step's
# basis is printed under its text, an outcome's is referred to on the report's outcome line
# (text, Markdown, JSON), and the transcript keeps every cite: on the answer event of a
# question, and under `bases` of the report event for steps, calls and outcomes, a called
# procedure's nodes named `callee-id.node`.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
mkdir procs && touch procs/.procedura-root
cat > procs/podstawy.yaml <<'YAML'
format: 1
id: podstawy
version: 1.0.0
title: Podstawy
legal_basis:
  pytanie: {cite: "art. 7 u.p.o."}
  krok: {cite: "art. 8 u.p.o."}
  wynik: {cite: "art. 9 u.p.o."}
start: pytanie
nodes:
  pytanie:
    ask: Czy uczeń jest w szkole?
    type: yes_no
    basis: [pytanie]
    next: krok
  krok:
    step: Zapisz godzinę zdarzenia.
    basis: [krok]
    next: wezwanie
  wezwanie:
    call: wezwanie
    next: wynik
  wynik:
    outcome: Sprawa zakończona w szkole.
    help: Notatkę z rozmowy dołącz do dokumentacji ucznia.
    basis: [wynik]
YAML
cat > procs/wezwanie.yaml <<'YAML'
format: 1
id: wezwanie
version: 1.0.0
title: Wezwanie
legal_basis:
  wezwanie: {cite: "art. 10 u.p.o."}
start: telefon
nodes:
  telefon:
    step: Zadzwoń do rodziców.
    basis: [wezwanie]
    next: koniec
  koniec:
    outcome: Rodzice wezwani.
YAML
printf 'pytanie: tak\n' > answers.yaml

run "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --transcript t.jsonl
expect_status 0 "the scripted run completes"
expect_contains "$out" $'Krok: Zapisz godzinę zdarzenia.\nPodstawa prawna: art. 8 u.p.o.' "a step's basis under its text"
expect_contains "$out" $'Krok: Zadzwoń do rodziców.\nPodstawa prawna: art. 10 u.p.o.' "a called procedure's step too"
expect_contains "$out" "Wynik: Sprawa zakończona w szkole. [1]" "the outcome's basis is referred to on its line"
expect_contains "$out" "[1] art. 9 u.p.o." "and numbered first in the list of legal bases"

answer=$(grep '"event":"answer"' t.jsonl)
expect_contains "$answer" '"basis":["art. 7 u.p.o."]' "the answer event keeps its question's basis"
report=$(grep '"event":"report"' t.jsonl)
expect_contains "$report" '"bases":[{"node":"krok","basis":["art. 8 u.p.o."]},{"node":"wezwanie.telefon","basis":["art. 10 u.p.o."]},{"node":"wynik","basis":["art. 9 u.p.o."]}]' "the report event keeps the passed nodes' bases in path order"
run "$PROCEDURA" verify t.jsonl
expect_status 0 "the transcript is sealed and intact"

run "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --no-transcript --format json
basis=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["outcome"]["basis"])')
expect_contains "$basis" "['art. 9 u.p.o.']" "JSON: the outcome carries its basis"
run "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --no-transcript --format markdown
expect_contains "$out" "Sprawa zakończona w szkole. — podstawa: art. 9 u.p.o." "Markdown: the outcome's basis beside it"
expect_not_contains "$(cd . && "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --no-transcript 2>/dev/null)" "Notatkę z rozmowy" "the outcome's help is not in the short report"
run "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --no-transcript --details
expect_contains "$out" $'Wynik: Sprawa zakończona w szkole. [1]\n  Notatkę z rozmowy dołącz do dokumentacji ucznia.' "--details shows the outcome's help under it"
run "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --no-transcript --format json
help=$(printf '%s' "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["outcome"]["help"])')
expect_contains "$help" "Notatkę z rozmowy dołącz do dokumentacji ucznia." "JSON: the outcome carries its help"
run "$PROCEDURA" run --procedures procs podstawy --answers answers.yaml --no-transcript --format markdown
expect_contains "$out" "Notatkę z rozmowy dołącz do dokumentacji ucznia." "Markdown: the outcome's help below it"
finish
