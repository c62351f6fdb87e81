#!/usr/bin/env bash
# procedura graph: DOT accepted by Graphviz (Polish text, quotes, backslashes survive into
# the SVG), Mermaid shape, --lang, and clear errors for unusable targets.
set -euo pipefail
: "${PROCEDURA:?}" "${TESTS:?}"
fixtures="$TESTS/fixtures/trainer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

command -v dot >/dev/null || fail "Graphviz dot is missing: run scripts/setup.sh --tests"

for file in basic/interwencja.yaml basic/kontakt-z-rodzicami.yaml escaping/znaki.yaml; do
  for lang in "" en; do
    [[ -n "$lang" && "$file" == escaping/* ]] && continue
    args=("$fixtures/$file" --format dot)
    [[ -n "$lang" ]] && args+=(--lang "$lang")
    "$PROCEDURA" graph "${args[@]}" > "$work/g.dot" || fail "graph $file $lang"
    [[ -s "$work/g.dot" ]] || fail "empty DOT for $file"
    dot -Tsvg "$work/g.dot" > "$work/g.svg" 2> "$work/dot.err" || fail "dot rejected $file: $(cat "$work/dot.err")"
    [[ ! -s "$work/dot.err" ]] || fail "dot warned on $file: $(cat "$work/dot.err")"
    grep -q '<svg' "$work/g.svg" || fail "no SVG for $file"
  done
done

# Texts reach the drawing exactly (SVG escapes them its own way).
"$PROCEDURA" graph "$fixtures/escaping/znaki.yaml" | dot -Tsvg > "$work/z.svg"
for text in 'Czy &quot;cytat&quot; zawiera \ukośnik\,' '&lt;tag&gt;, &amp; oraz #quot; ?' \
            'Druga linia: zażółć gęślą jaźń' '[opcja] &quot;pierwsza&quot; | {1}' \
            'Koniec (graph) digraph { } &quot;&quot;'; do
  grep -qF ">$text</text>" "$work/z.svg" || fail "SVG lacks the text: $text"
done
"$PROCEDURA" graph "$fixtures/basic/interwencja.yaml" | dot -Tsvg > "$work/i.svg"
grep -qF '>✉ Sąd rejonowy — wydział rodzinny i</text>' "$work/i.svg" || fail "notification line missing"
grep -qF '>w przeciwnym razie</text>' "$work/i.svg" || fail "otherwise edge label missing"
"$PROCEDURA" graph "$fixtures/basic/interwencja.yaml" --lang en | dot -Tsvg > "$work/e.svg"
grep -qF '>‼ ✉ Head teacher (immediately)</text>' "$work/e.svg" || fail "English labels missing"

# By id through --procedures, and Mermaid.
"$PROCEDURA" graph interwencja --procedures "$fixtures/basic" --format mermaid > "$work/m.txt"
head -4 "$work/m.txt" | tail -1 | grep -qx 'flowchart TD' || fail "Mermaid header"
grep -qF '  n_wedlug_wieku -.->|"w przeciwnym razie"| n_dorosly' "$work/m.txt" || fail "Mermaid edge"

# Unusable targets: exit 2 with a message saying why.
set +e
"$PROCEDURA" graph interwencj --procedures "$fixtures/basic" > "$work/out" 2> "$work/err"; status=$?
set -e
[[ $status -eq 2 ]] || fail "unknown id: exit $status"
grep -qF "no procedure 'interwencj'" "$work/err" && grep -qF "did you mean 'interwencja'?" "$work/err" \
  || fail "unknown id message: $(cat "$work/err")"
[[ ! -s "$work/out" ]] || fail "output on error"

set +e
"$PROCEDURA" graph "$fixtures/basic/interwencja.yaml" --lang de > /dev/null 2> "$work/err"; status=$?
set -e
[[ $status -eq 2 ]] && grep -qF "has no language 'de' (it has: pl, en)" "$work/err" || fail "bad --lang: $status"

printf 'format: 1\nid: zly\nversion: 1.0.0\ntitle: X\nstart: a\nnodes:\n  a:\n    step: S\n    next: brak\n' \
  > "$work/zly.yaml"
set +e
"$PROCEDURA" graph "$work/zly.yaml" > /dev/null 2> "$work/err"; status=$?
set -e
[[ $status -eq 2 ]] && grep -qF "[dangling-ref]" "$work/err" && grep -qF "zly cannot be used: 1 error" "$work/err" \
  || fail "broken file: $status $(cat "$work/err")"

set +e
"$PROCEDURA" graph "$work/missing.yaml" > /dev/null 2> "$work/err"; status=$?
set -e
[[ $status -eq 2 ]] && grep -qF "missing.yaml is not a readable file" "$work/err" || fail "missing file"
echo "trainer_graph: ok"
