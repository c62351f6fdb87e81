# procedura drill: a seeded story, the trainee's choice read from a pipe, the reveal and the
# score; the same seed gives the same drill, another seed another order; end of input is 3.
source "$(dirname "$0")/lib.sh"
fixture="$TESTS/fixtures/diff/v1.yaml"
printf 'pierwszy_raz: no\nminuty: 45\n' >"$scratch/dlugie.yaml"

# The exact score of a fixed choice with a fixed seed and path: the shuffle is our own, so it
# is the same with every standard library.
run bash -c "echo '1 2 3' | '$PROCEDURA' drill '$fixture' --seed 7 --lang en --answers '$scratch/dlugie.yaml'"
expect_status 0 "a scored drill"
expect_contains "$out" "Score: 1 correct, 4 missed, 2 wrong: 14%" "the exact score line for seed 7"
expect_contains "$out" "  Question 2: How many minutes late?"$'\n'"    Answer: 45" "the story tells each question and its answer"
expect_contains "$out" "    2. Call the parents (notify: The pupil's parents; deadline: immediately)" "the reveal gives recipients and deadlines in order"
expect_contains "$out" "Recipients to notify: The pupil's parents; School counsellor" "the reveal lists the recipients"
first=$out
run bash -c "echo '1 2 3' | '$PROCEDURA' drill '$fixture' --seed 7 --lang en --answers '$scratch/dlugie.yaml'"
if [[ "$out" == "$first" ]]; then pass "the same seed gives identical output"; else fail "seed 7 twice differs:"$'\n'"$(diff <(echo "$first") <(echo "$out"))"; fi
run bash -c "echo '1 2 3' | '$PROCEDURA' drill '$fixture' --seed 8 --lang en --answers '$scratch/dlugie.yaml'"
list7=$(grep -E '^ +[0-9]+\. \[' <<<"$first")
list8=$(grep -E '^ +[0-9]+\. \[' <<<"$out")
if [[ "$list7" != "$list8" && "$(sed 's/^ *[0-9]*\. //' <<<"$list7" | sort)" == "$(sed 's/^ *[0-9]*\. //' <<<"$list8" | sort)" ]]; then
  pass "another seed shuffles the same candidates into another order"
else
  fail "seed 8 gives the same order (or other items):"$'\n'"$list7"$'\n---\n'"$list8"
fi

# Choosing exactly the required items scores 100%.
numbers=""
for item in "Record the late arrival" "Call the parents" "Tell the school counsellor" "\[recipient\] The pupil's parents" "\[recipient\] School counsellor"; do
  numbers+=" $(grep -E "^ +[0-9]+\. .*$item" <<<"$list7" | head -1 | sed -E 's/^ *([0-9]+)\..*/\1/')"
done
run bash -c "echo '$numbers' | '$PROCEDURA' drill '$fixture' --seed 7 --lang en --answers '$scratch/dlugie.yaml'"
expect_contains "$out" "Score: 5 correct, 0 missed, 0 wrong: 100%" "the required items score 100% ($numbers)"

# A random path (no --answers) is also reproducible, in Polish by default, and prints its seed.
run bash -c "printf '1,2\n' | '$PROCEDURA' drill '$fixture' --seed 7"
expect_status 0 "a random drill"
expect_contains "$out" "Ziarno losowania: 7 (powtórz ćwiczenie: --seed 7)" "the seed is printed"
expect_contains "$out" "Wynik ćwiczenia: trafne" "the score in Polish"
again=$(printf '1,2\n' | "$PROCEDURA" drill "$fixture" --seed 7 2>&1)
if [[ "$again" == "$out" ]]; then pass "a random path repeats with its seed"; else fail "seed 7 random path differs"; fi

# Random paths reach both sides of a number branch (values from each interval), and a
# "try again" loop ends because an answer already given is not drawn again.
outcomes=""
for seed in $(seq 1 30); do
  outcomes+=$(echo | "$PROCEDURA" drill "$fixture" --seed "$seed" --lang en 2>/dev/null | grep -o 'Outcome: .*')$'\n'
done
expect_contains "$outcomes" "Outcome: A verbal warning" "some seed draws a short late arrival"
expect_contains "$outcomes" "Outcome: A talk with the parents and the counsellor" "some seed draws a long one"
cat >"$scratch/petla.yaml" <<'YAML'
format: 1
id: petla
version: 1.0.0
title: "Kontakt z rodzicami"
start: odebrali
nodes:
  odebrali:
    ask: "Czy rodzice odebrali telefon?"
    type: yes_no
    options:
      - {value: yes, next: koniec}
      - {value: no, next: ponownie}
  ponownie: {step: "Zadzwoń ponownie za 10 minut", next: odebrali}
  koniec:
    outcome: "Rodzice powiadomieni"
    actions: [{kind: do, text: "Zapisz godzinę rozmowy"}]
YAML
loops=0
for seed in $(seq 1 12); do
  story=$(echo 1 | "$PROCEDURA" drill "$scratch/petla.yaml" --seed "$seed" 2>&1) || loops=$((loops + 1))
  # At most "no" then "yes": the same answer to the same question is never drawn twice.
  (($(grep -c 'Pytanie [0-9]' <<<"$story") <= 2)) || loops=$((loops + 1))
done
if ((loops == 0)); then pass "drills through a question loop finish without repeating an answer"; else fail "$loops drills of a loop repeated an answer or failed"; fi

# A wrong number is asked again; end of input before any choice exits with 3.
run bash -c "printf 'x\n9\n' | '$PROCEDURA' drill '$fixture' --seed 7 --lang en"
expect_status 3 "end of input after wrong numbers"
expect_contains "$out" "'x' is not a number from 1 to" "a non-number is refused"
expect_contains "$err" "End of input before an answer" "end of input is explained"
run bash -c "'$PROCEDURA' drill '$fixture' --seed 7 </dev/null"
expect_status 3 "empty input"
expect_contains "$err" "Koniec danych wejściowych przed odpowiedzią" "end of input is explained, in Polish"

# A file importing ../biblioteka and calling a procedure beside it, named from elsewhere.
(cd "$scratch" && printf 'ranni: yes\npierwsza-pomoc.przytomny: no\n' >bojka.yaml &&
  echo 1 | "$PROCEDURA" drill "$TESTS/fixtures/diff/tree-v1/szkola/bojka.yaml" --answers bojka.yaml >drill.out 2>drill.err)
status=$? err=$(cat "$scratch/drill.err") out=$(cat "$scratch/drill.out")
expect_status 0 "a file with its own library and callee"
expect_contains "$out" "Pytanie 2 (procedura: Pierwsza pomoc): Czy poszkodowany jest przytomny?" "the callee's question is told with its procedure"
expect_contains "$out" "2. Powiadom dyrektora (powiadom: Dyrektor szkoły; termin: natychmiast)" "the imported action is revealed"

# Unusable input.
printf 'pierwszy_raz: no\n' >"$scratch/niepelne.yaml"
run bash -c "echo 1 | '$PROCEDURA' drill '$fixture' --answers '$scratch/niepelne.yaml'"
expect_status 3 "an answers file that leaves a question open"
expect_contains "$err" "brak odpowiedzi na pytanie „Ile minut spóźnienia?” (minuty); dopisz ją jako \`minuty\`" "the open question is named, in Polish"
run bash -c "echo 1 | '$PROCEDURA' drill '$fixture' --lang en --answers '$scratch/niepelne.yaml'"
expect_contains "$err" "no answer for the question 'How many minutes late?' (minuty); add it as \`minuty\`" "the open question is named, in English"
run "$PROCEDURA" drill "$scratch/brak.yaml"
expect_status 2 "a missing file"
expect_contains "$err" "$scratch/brak.yaml is not a readable file" "the missing file is named"
run "$PROCEDURA" drill nie-ma-takiej --procedures "$TESTS/fixtures/diff"
expect_status 2 "an unknown id"
expect_contains "$err" "no procedure 'nie-ma-takiej' in $TESTS/fixtures/diff" "the unknown id and the folder searched are named"
finish
