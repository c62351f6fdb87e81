#!/usr/bin/env bash
# The menu of `procedura run` and `procedura list` read only the keys they show from each
# file (load/procedure_headers.h), not every file's nodes. A file broken past its header
# tells which: a full load leaves it out (it does not parse), a header read lists it. Once
# chosen it is refused with its errors. A header in doubt makes both load every file, as
# before, and the broken file is left out again.
source "$(dirname "$0")/lib.sh"
dir="$scratch/procedures"
mkdir -p "$dir"
cp "$TESTS"/fixtures/run/procedures/*.yaml "$dir"/
# A sound header; a flow list left open in the nodes, which no YAML parser reads.
cat >"$dir/zepsuta.yaml" <<'YAML'
format: 1
id: zepsuta
version: 1.0.0
title: Zepsuta procedura
audience: [pedagog]
start: koniec
nodes:
  koniec: {outcome: [niedomknięta
YAML

run "$PROCEDURA" lint "$dir/zepsuta.yaml"
expect_contains "$out" "[yaml-syntax]" "the broken file does not parse"

run "$PROCEDURA" list --procedures "$dir"
expect_status 0 "list"
expect_contains "$out" "Zepsuta procedura" "list reads headers only: the file broken past its header is listed"
expect_contains "$out" "Uczeń pod wpływem alkoholu" "the sound procedures are listed"
run "$PROCEDURA" list --procedures "$dir" --format json
expect_contains "$out" '"id": "zepsuta"' "the JSON list reads headers only too"

# The menu needs a terminal: `script` gives it one, and the lines typed. Every run ends by
# what is typed, never by the end of input: `script` cannot pass an end of input on to a
# terminal in raw mode, and a slow (sanitized) start would leave the run waiting for it.
menu() {  # menu TYPED...: the menu over $dir, each TYPED line entered in turn
  out=$(printf '%s\n' "$@" | timeout $((per_input_seconds * 6)) \
    script -qec "'$PROCEDURA' run --procedures '$dir' --no-transcript" /dev/null 2>&1)
  status=$?
  err=$out
}
if command -v script >/dev/null; then
  menu zepsuta
  expect_status 2 "the broken procedure chosen from the menu is refused"
  expect_contains "$out" "Zepsuta procedura" "the menu lists the file broken past its header"
  expect_contains "$out" "zepsuta.yaml:9:1: error: end of sequence flow not found [yaml-syntax]" \
    "its errors are shown, with their position"
  expect_contains "$out" "'zepsuta' has errors (see \`procedura lint\`); it cannot be run safely" \
    "and why it is refused"
  menu alkoh q tak
  expect_status 130 "a sound procedure chosen from the menu runs (until the operator quits)"
  expect_contains "$out" "Pytanie 1" "its first question is asked"
else
  echo "SKIP: the menu (no \`script\` for a terminal)"
fi

# A header in doubt (a flow map at the top level): every file is loaded, as before.
cat >"$dir/watpliwa.yaml" <<'YAML'
{format: 1, id: watpliwa, version: 1.0.0, title: Wątpliwa, start: k, nodes: {k: {outcome: Koniec}}}
YAML
run "$PROCEDURA" list --procedures "$dir"
expect_status 0 "list with a header in doubt"
expect_contains "$out" "Wątpliwa" "the file in doubt is listed after a full load"
expect_not_contains "$out" "Zepsuta" "the full load leaves out the file that does not parse"
if command -v script >/dev/null; then
  menu q
  expect_contains "$out" "Wątpliwa" "the menu loads every file too"
  expect_not_contains "$out" "Zepsuta" "and leaves out the file that does not parse"
fi
finish
