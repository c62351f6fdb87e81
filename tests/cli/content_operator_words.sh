# Operators (teachers, police officers) never read the authors' words: no "brief",
# "plakat", TODO, no note on legal uncertainty ("wymaga weryfikacji", "is uncertain": that
# belongs in a YAML comment above the text) and no node, variable or action id in any text
# they are shown by a bundled procedure. The checker itself is proven on a planted file first.
source "$(dirname "$0")/lib.sh"
checker="$TESTS/cli/operator_texts.py"

mkdir -p "$scratch/planted"
cat >"$scratch/planted/p.yaml" <<'YAML'
format: 1
id: planted
version: 1.0.0
languages: [pl, en]
title: {pl: "Próba", en: "Trial"}
start: pytanie
nodes:
  pytanie:
    ask: {pl: "Czy?", en: "Yes?"}
    type: yes_no
    help: {pl: "Według briefu: prawdopodobne.", en: "Go on to koniec_sciezki."}
    next: koniec_sciezki
  koniec_sciezki:
    outcome: {pl: "Dziecko wydane po weryfikacji", en: "Child handed over once verified"}
    help: {pl: "Uwaga: ten termin wymaga weryfikacji.", en: "Note: this limit is uncertain."}
tests:
  - name: "brief test names are for authors"
    answers: {pytanie: yes}
    expect: {outcome: koniec_sciezki}
YAML
run python3 "$checker" words "$scratch/planted"
expect_status 1 "a planted internal word fails the check"
expect_contains "$out" "nodes.pytanie.help.pl: internal word 'briefu'" "the finding names the file path and the word"
expect_contains "$out" "nodes.pytanie.help.en: id 'koniec_sciezki'" "a node id in an operator text is found"
expect_contains "$out" "nodes.koniec_sciezki.help.pl: internal word 'wymaga weryfikacji'" "an author's note on legal uncertainty is found"
expect_contains "$out" "nodes.koniec_sciezki.help.en: internal word 'is uncertain'" "the English form of the note is found"
expect_not_contains "$out" "nodes.koniec_sciezki.outcome" "'po weryfikacji' (once the person is checked) is an operator's word"
expect_not_contains "$out" "tests" "test names are not checked"

run python3 "$checker" words "$REPO/procedures"
expect_status 0 "no internal words or ids in the bundled procedures' operator texts"
expect_empty "$out" "no internal word or id is reported"
finish
