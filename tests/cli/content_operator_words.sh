# Operators (teachers, police officers) never read the authors' words: no "brief",
# "plakat", TODO, and no node, variable or action id in any text they are shown by a
# bundled procedure. The checker itself is proven on a planted file first.
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
    outcome: {pl: "Koniec", en: "End"}
tests:
  - name: "brief test names are for authors"
    answers: {pytanie: yes}
    expect: {outcome: koniec_sciezki}
YAML
run python3 "$checker" words "$scratch/planted"
expect_status 1 "a planted internal word fails the check"
expect_contains "$out" "nodes.pytanie.help.pl: internal word 'briefu'" "the finding names the file path and the word"
expect_contains "$out" "nodes.pytanie.help.en: id 'koniec_sciezki'" "a node id in an operator text is found"
expect_not_contains "$out" "tests" "test names are not checked"

run python3 "$checker" words "$REPO/procedures"
expect_status 0 "no internal words or ids in the bundled procedures' operator texts"
expect_empty "$out" "no internal word or id is reported"
finish
