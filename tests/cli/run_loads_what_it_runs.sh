#!/usr/bin/env bash
# `procedura run ID` loads only the procedure, its imports and its callees, yet refuses, as
# before, one that has errors or that calls or imports a broken file, with the same
# diagnostics; a broken file that the procedure does not involve does not stop it (an
# operator in a crisis can still run a sound procedure), while lint still fails on it.
source "$(dirname "$0")/lib.sh"
export PROCEDURA_NOW=2024-05-06T10:30:00 TZ=UTC
answers="$TESTS/fixtures/run/p02-odpowiedzi.yaml"
copy() { rm -rf "$scratch/$1"; cp -r "$REPO/procedures" "$scratch/$1"; echo "$scratch/$1"; }

run "$PROCEDURA" run p02-interwencja-przemoc-domowa --answers "$answers"
expect_status 0 "the bundled p02 runs by its id"
expect_contains "$out" "Wynik:" "with its report"
good_report=$out

dir=$(copy unrelated)
printf 'format: 1.1\nid: zepsuta\n  title: [\n' >"$dir/szkola/zepsuta.yaml"
run "$PROCEDURA" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers"
expect_status 0 "a broken file the procedure does not involve does not stop it"
if [[ "$out" == "$good_report" ]]; then pass "the same report"; else fail "the report differs"; fi
run "$PROCEDURA" lint "$dir"
expect_status 1 "lint still fails on the broken file"
expect_contains "$out" "zepsuta.yaml:3" "lint names it"
run "$PROCEDURA" run zepsuta --procedures "$dir" --answers "$answers"
expect_status 2 "the broken file itself cannot be run"
expect_contains "$err" "no procedure 'zepsuta' (available: p01-zatrzymanie-opiekuna, p02-interwencja-przemoc-domowa, s01-nietrzezwy-uczen," "it is not a procedure that loads; the ids there are"

run "$PROCEDURA" run p02-interwencja --answers "$answers"
expect_status 2 "an unknown id"
expect_contains "$err" "procedura run: no procedure 'p02-interwencja' (available: p01-zatrzymanie-opiekuna, p02-interwencja-przemoc-domowa," "is named with every id there is"

dir=$(copy own-error)
sed -i 's/^start: .*/start: nie_ma_takiego/' "$dir/policja/p02-interwencja-przemoc-domowa.yaml"
run "$PROCEDURA" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers"
expect_status 2 "a procedure with an error is refused"
line=$(grep -n '^start:' "$dir/policja/p02-interwencja-przemoc-domowa.yaml" | cut -d: -f1)
expect_contains "$err" "p02-interwencja-przemoc-domowa.yaml:$line:8: error: start node 'nie_ma_takiego' is not a node of this procedure [dangling-ref]" "with its diagnostic"
expect_contains "$err" "procedura run: 'p02-interwencja-przemoc-domowa' has errors (see \`procedura lint\`); it cannot be run safely" "and the reason"
if [[ -z "$out" ]]; then pass "nothing is asked"; else fail "output of a refused run: $out"; fi

dir=$(copy broken-import)
printf 'zzz: [\n' >>"$dir/biblioteka/przestrogi.yaml"
run "$PROCEDURA" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers"
expect_status 2 "a procedure whose import is broken is refused"
expect_contains "$err" "error: imported file '../biblioteka/przestrogi.yaml' could not be loaded (see its errors) [import-error]" "the import named"

dir=$(copy broken-callee)
printf 'nodes: [\n' >>"$dir/szkola/opieka/s07-niebieska-karta.yaml"
run "$PROCEDURA" run s06-uczen-ofiara --procedures "$dir" --answers "$answers"
expect_status 2 "a procedure calling a broken one is refused"
line=$(grep -n 'call: s07-niebieska-karta' "$dir/szkola/przestepczosc/s06-uczen-ofiara.yaml" | head -1 | cut -d: -f1)
expect_contains "$err" "s06-uczen-ofiara.yaml:$line:11: error: called procedure 's07-niebieska-karta' is not loaded [dangling-ref]" "the call named"

dir=$(copy misspelt-call)
sed -i 's/call: s07-niebieska-karta$/call: s07-niebieska-kartaa/' "$dir/szkola/przestepczosc/s06-uczen-ofiara.yaml"
run "$PROCEDURA" run s06-uczen-ofiara --procedures "$dir" --answers "$answers"
expect_status 2 "a call of an id no file holds is refused"
expect_contains "$err" "called procedure 's07-niebieska-kartaa' is not loaded; did you mean 's07-niebieska-karta'?" "with the id suggested from every file"

# Two files holding one id: the first found runs, as before (the second is the duplicate).
dir=$(copy duplicate)
cp "$dir/policja/p02-interwencja-przemoc-domowa.yaml" "$dir/policja/a-kopia.yaml"
sed -i 's/^version: .*/version: 9.9.9/' "$dir/policja/a-kopia.yaml"
run "$PROCEDURA" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers"
expect_status 0 "a duplicated id still runs the first file found"
expect_contains "$out" "(wersja 9.9.9)" "the copy found first"
finish
