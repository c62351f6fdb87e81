#!/usr/bin/env bash
# `run` refuses a procedure lint would refuse, before its first question and with the
# findings at file:line:col: a file that does not parse (named by path or by id), a loop
# without a question, a node from which no outcome can be reached. A sound one still runs.
source "$(dirname "$0")/lib.sh"
cd "$scratch" || exit 1

mkdir broken
cat >broken/zepsuta.yaml <<'YAML'
format: 1
id: zepsuta
version: 1.0.0
title: Zepsuta
start: a
nodes:
  a:
    outcome: [Koniec
YAML
printf 'x: 1\n' >answers.yaml

run "$PROCEDURA" run broken/zepsuta.yaml --answers answers.yaml
expect_status 2 "a file that does not parse is refused by path"
expect_contains "$err" "broken/zepsuta.yaml:9:1: error:" "by path: the YAML error names file, line and column"
expect_contains "$err" "[yaml-syntax]" "by path: the rule is named"
expect_contains "$err" "'broken/zepsuta.yaml' holds no runnable procedure" "by path: then the refusal"

run "$PROCEDURA" run zepsuta --procedures broken --answers answers.yaml
expect_status 2 "a file that does not parse is refused by id"
expect_contains "$err" "zepsuta.yaml:9:1: error:" "by id: the file whose id: line names it shows its error"
expect_contains "$err" "no procedure 'zepsuta'" "by id: then the refusal"

mkdir loops
cat >loops/petla.yaml <<'YAML'
format: 1
id: petla
version: 1.0.0
title: Pętla
start: pytanie
nodes:
  pytanie:
    ask: Czy wejść?
    type: yes_no
    options:
      - {value: yes, next: krok}
      - {value: no, next: koniec}
  krok:
    step: Krok w kółko.
    next: rozstaj
  rozstaj:
    branch:
      - when: "pytanie == true"
        next: krok
    otherwise: koniec
  koniec:
    outcome: Koniec.
YAML
printf 'pytanie: yes\n' >loop-answers.yaml
run timeout 20 "$PROCEDURA" run loops/petla.yaml --answers loop-answers.yaml
expect_status 2 "a loop without a question is refused"
expect_contains "$err" "loops/petla.yaml:13:3: error:" "the loop is shown where it is written"
expect_contains "$err" "[cycle]" "the rule is named"
expect_contains "$err" "'petla' has errors (see \`procedura lint\`); it cannot be run safely" "then the refusal"
expect_not_contains "$out" "Krok w kółko" "no step of the loop was shown"

mkdir dead
cat >dead/slepa.yaml <<'YAML'
format: 1
id: slepa
version: 1.0.0
title: Ślepa
start: pytanie
nodes:
  pytanie:
    ask: Czy iść dalej?
    type: yes_no
    options:
      - {value: yes, next: krok}
      - {value: no, next: koniec}
  krok:
    step: Krok donikąd.
    next: krok_drugi
  krok_drugi:
    step: I jeszcze jeden.
    next: krok
  koniec:
    outcome: Koniec.
YAML
run timeout 20 "$PROCEDURA" run dead/slepa.yaml --answers loop-answers.yaml
expect_status 2 "a node from which no outcome can be reached is refused"
expect_contains "$err" "[dead-end]" "the dead end is named"

# The same procedure, mended, runs to its outcome.
sed -i 's/next: krok$/next: koniec/' dead/slepa.yaml
printf 'pytanie: no\n' >sound-answers.yaml
run "$PROCEDURA" run dead/slepa.yaml --answers sound-answers.yaml
expect_status 0 "a sound procedure still runs"
expect_contains "$out" "Koniec." "and reaches its outcome"
finish
