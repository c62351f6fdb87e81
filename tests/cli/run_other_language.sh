# FORMAT.md: `languages` lists the codes a procedure is written in. `run --lang` takes any
# of them (the interface itself speaks Polish, else English); a code the procedure does not
# declare, other than pl and en, is refused before any question.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
cat > pomoc.yaml <<'YAML'
format: 1
id: pomoc
version: 1.0.0
languages: [pl, uk]
title: {pl: "Pomoc dla rodzica", uk: "Допомога для батьків"}
start: tlumacz
nodes:
  tlumacz:
    ask: {pl: "Czy rodzic potrzebuje tłumacza?", uk: "Чи потрібен батькам перекладач?"}
    type: yes_no
    options:
      - {value: yes, next: z_tlumaczem}
      - {value: no, next: bez}
  z_tlumaczem:
    outcome: {pl: "Rozmowa z tłumaczem.", uk: "Розмова з перекладачем."}
  bez:
    outcome: {pl: "Rozmowa bez tłumacza.", uk: "Розмова без перекладача."}
YAML
printf 'tlumacz: yes\n' > answers.yaml

run "$PROCEDURA" run ./pomoc.yaml --lang uk --answers answers.yaml --no-transcript
expect_status 0 "a declared language other than pl and en runs"
expect_contains "$out" "Розмова з перекладачем." "the procedure's texts in that language"
expect_contains "$out" "FINAL REPORT" "the interface's own words in English"

# At the prompt the answer numbers work in any language.
run bash -c "printf '1\n' | '$PROCEDURA' run ./pomoc.yaml --lang uk --no-transcript"
expect_status 0 "answered by number"
expect_contains "$out" "Розмова з перекладачем." "the numbered option was taken"

run "$PROCEDURA" run ./pomoc.yaml --lang de --answers answers.yaml --no-transcript
expect_status 2 "an undeclared language is refused"
expect_contains "$err" "--lang de: 'pomoc' declares [pl, uk]" "the error names the declared languages"
run "$PROCEDURA" run ./pomoc.yaml --lang ukrainian --answers answers.yaml --no-transcript
expect_status 2 "not a language code"
expect_contains "$err" "'ukrainian' is not a language code" "the usage error says why"
finish
