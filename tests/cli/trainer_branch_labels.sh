#!/usr/bin/env bash
# Branches in trainers' prints speak the questions' language: a branch node shows the
# question it decides on and its edges the answers they take, never the node id or the raw
# `when` expression (graph, and the handbook's outline).
source "$(dirname "$0")/eco_helpers.bash"

fixture="$TESTS/fixtures/trainer/basic/interwencja.yaml"
"$PROCEDURA" graph "$fixture" --format mermaid >"$scratch/m.txt"
check "the branch node shows the question it decides on" \
  grep -qF 'n_wedlug_wieku{"Ile lat ma uczeń?"}' "$scratch/m.txt"
check "its edges show the answers with the unit" grep -qF 'n_wedlug_wieku -->|"#60; 13 lat"|' "$scratch/m.txt"
check "no raw expression is left" bash -c '! grep -q "wiek < 13" "$1"' _ "$scratch/m.txt"
"$PROCEDURA" graph "$fixture" --format mermaid --lang en >"$scratch/en.txt"
check "in English too" grep -qF 'n_wedlug_wieku -->|"#60; 13 years"|' "$scratch/en.txt"

"$PROCEDURA" render "$fixture" --format markdown --flow outline >"$scratch/h.md"
check "the outline says what the branch decides on" grep -qF '⋄ rozstrzygnięcie według warunków: Ile lat ma uczeń?' "$scratch/h.md"
check "the outline names no branch node id" bash -c '! grep -qF "(\`wedlug_wieku\`)" "$1"' _ "$scratch/h.md"

# Every bundled procedure: no branch node id and no expression operator in any label.
# From the checkout: a bundled file named by path has its imports inside procedures/.
cd "$REPO" || exit 1
while IFS= read -r file; do
  grep -q '^start:' "$file" || continue
  name=$(basename "$file" .yaml)
  "$PROCEDURA" graph "$file" --format dot >"$scratch/g.dot" 2>/dev/null || { fail "graph $name"; continue; }
  check "$name: the graph is drawn" grep -qF "digraph \"$(sed -n 's/^id: *//p' "$file")\" {" "$scratch/g.dot"
  labels=$(grep -oE 'label="([^"\\]|\\.)*"' "$scratch/g.dot")
  raw=$(grep -E '==|!=| and | or |contains' <<<"$labels" | head -n 3)
  check "$name: branch edges in words${raw:+ (raw: $raw)}" test -z "$raw"
  while read -r id; do
    grep -q "^  \"$id\" \[.*label=\"$id\"\]" "$scratch/g.dot" && fail "$name: branch $id labelled with its id"
  done < <(grep -B1 -E '^    branch:' "$file" | sed -nE 's/^  ([a-z0-9_]+):$/\1/p')
done < <(find "$REPO/procedures" -name '*.yaml' | sort)
finish
