#!/usr/bin/env bash
# Commands as users type them: `--procedures DIR ID` (the option takes one DIR and leaves
# ID to the positional), `procedura help CMD`, Usage lines that say `procedura`, the
# defaults of --format shown, and help examples that name procedures that exist.
source "$(dirname "$0")/eco_helpers.bash"

runs="$TESTS/fixtures/run"
basic="$TESTS/fixtures/trainer/basic"

# --- --procedures DIR ID ---------------------------------------------------------------
"$PROCEDURA" run incydent --procedures "$runs/procedures" --answers "$runs/odpowiedzi.yaml" >"$scratch/after.txt" 2>&1
"$PROCEDURA" run --procedures "$runs/procedures" incydent --answers "$runs/odpowiedzi.yaml" >"$scratch/before.txt" 2>"$scratch/err"
status=$?
check "run --procedures DIR ID runs ID (exit $status: $(head -c 200 "$scratch/err"))" test $status -eq 0
check "run --procedures DIR ID reports as run ID --procedures DIR" cmp -s "$scratch/before.txt" "$scratch/after.txt"
check "run --procedures DIR ID reaches the outcome" grep -q '^Wynik: ' "$scratch/before.txt"
"$PROCEDURA" run --procedures "$runs/procedures" --procedures "$basic" incydent --answers "$runs/odpowiedzi.yaml" >"$scratch/twice.txt" 2>"$scratch/err"
status=$?
check "--procedures twice, then the ID (exit $status: $(head -c 200 "$scratch/err"))" test $status -eq 0
check "--procedures twice: the report of incydent" grep -q '^RAPORT KOŃCOWY: Uczeń pod wpływem alkoholu' "$scratch/twice.txt"

echo 1 | "$PROCEDURA" drill --procedures "$basic" interwencja --seed 3 >"$scratch/drill.txt" 2>"$scratch/err"
status=$?
check "drill --procedures DIR ID drills ID (exit $status: $(head -c 200 "$scratch/err"))" test $status -eq 0
check "the drill scored the answer" grep -qE 'Wynik ćwiczenia|Score' "$scratch/drill.txt"

for cmd in graph render paths; do
  extra=()
  [[ $cmd == paths ]] && extra=(--count)
  "$PROCEDURA" "$cmd" --procedures "$basic" interwencja "${extra[@]}" >"$scratch/out" 2>"$scratch/err"
  status=$?
  check "$cmd --procedures DIR ID (exit $status: $(head -c 200 "$scratch/err"))" test $status -eq 0
  case $cmd in  # the output is that of interwencja
    graph) check "graph --procedures DIR ID draws ID" grep -qF 'digraph "interwencja" {' "$scratch/out" ;;
    render) check "render --procedures DIR ID prints ID's handbook" grep -qF '<h1>Uczeń pod wpływem &quot;dopalaczy&quot;</h1>' "$scratch/out" ;;
    paths) check "paths --procedures DIR ID counts ID's paths" grep -qx '[0-9][0-9]*' "$scratch/out" ;;
  esac
done

# --- procedura help CMD ----------------------------------------------------------------
while read -r sub; do
  [[ $sub == help ]] && continue
  "$PROCEDURA" "$sub" --help >"$scratch/a" 2>&1
  "$PROCEDURA" help "$sub" >"$scratch/b" 2>&1
  status=$?
  check "procedura help $sub exits 0 (exit $status)" test $status -eq 0
  check "procedura help $sub prints what $sub --help prints" cmp -s "$scratch/a" "$scratch/b"
done < <(subcommands)
"$PROCEDURA" help >"$scratch/b" 2>&1
"$PROCEDURA" --help >"$scratch/a" 2>&1
check "procedura help alone prints procedura --help" cmp -s "$scratch/a" "$scratch/b"
"$PROCEDURA" help nie-ma-takiej >/dev/null 2>"$scratch/err"
status=$?
check "help of an unknown command exits 2 (exit $status)" test $status -eq 2
check "and says there is no such command" grep -q "no command 'nie-ma-takiej'" "$scratch/err"

# --- Usage lines and --format defaults ---------------------------------------------------
while read -r sub; do
  help=$("$PROCEDURA" "$sub" --help)
  usage=$(grep -m1 '^Usage:' <<<"$help")
  check "$sub --help: '$usage' names procedura, not the binary's path" grep -q "^Usage: procedura $sub" <<<"$usage"
  if format=$(grep -E '^ +--format ' <<<"$help"); then
    check "$sub --help shows the default of --format: $format" grep -qE -- '--format [^ ]+=[a-z]+( |$)' <<<"$format"
  fi
done < <(subcommands)
check "procedura --help: Usage names procedura" grep -q '^Usage: procedura ' <<<"$("$PROCEDURA" --help)"

# --- help examples name procedures that exist -------------------------------------------
ids=$(grep -rhoE '^id: *[a-z0-9-]+' "$REPO/procedures" "$REPO/examples" | sed 's/^id: *//' | sort -u)
while read -r sub; do
  while read -r word; do
    case "$word" in
      procedures/* | examples/*)
        check "$sub example: $word exists" test -e "$REPO/$word"
        ;;
      */* | *.* | -*) ;;
      *-*)
        # A hyphenated word that is not an option, file or rule is a procedure id.
        if "$PROCEDURA" explain "$word" >/dev/null 2>&1; then continue; fi
        check "$sub example: procedure '$word' exists" grep -qx -- "$word" <<<"$ids"
        ;;
    esac
  done < <("$PROCEDURA" "$sub" --help | awk '/^Examples:/ {on = 1; next} on && /^  procedura / {print} on && !/^  / {on = 0}' |
    tr ' ' '\n' | grep -v '^$')
done < <(subcommands)
finish
