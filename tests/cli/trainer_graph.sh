#!/usr/bin/env bash
# procedura graph: DOT accepted by Graphviz (Polish text, quotes, backslashes survive into
# the SVG), Mermaid shape, --lang, and clear errors for unusable targets.
source "$(dirname "$0")/lib.sh"
fixtures="$TESTS/fixtures/trainer"
work=$scratch

command -v dot >/dev/null || { fail "Graphviz dot is missing: run scripts/setup.sh --tests"; finish; }

for file in basic/interwencja.yaml basic/kontakt-z-rodzicami.yaml escaping/znaki.yaml; do
  for lang in "" en; do
    [[ -n "$lang" && "$file" == escaping/* ]] && continue
    args=("$fixtures/$file" --format dot)
    [[ -n "$lang" ]] && args+=(--lang "$lang")
    run "$PROCEDURA" graph "${args[@]}"
    expect_status 0 "graph $file $lang"
    expect_contains "$out" "digraph \"$(sed -n 's/^id: *//p' "$fixtures/$file")\" {" "graph $file $lang: a digraph of the procedure"
    printf '%s\n' "$out" >"$work/g.dot"
    if dot -Tsvg "$work/g.dot" >"$work/g.svg" 2>"$work/dot.err"; then pass "dot accepts $file $lang"; else
      fail "dot rejected $file $lang: $(cat "$work/dot.err")"; fi
    expect_empty "$(cat "$work/dot.err")" "dot does not warn on $file $lang"
    check "an SVG for $file $lang" grep -q '<svg' "$work/g.svg"
  done
done

# Texts reach the drawing exactly (SVG escapes them its own way).
"$PROCEDURA" graph "$fixtures/escaping/znaki.yaml" | dot -Tsvg > "$work/z.svg"
for text in 'Czy &quot;cytat&quot; zawiera \ukośnik\,' '&lt;tag&gt;, &amp; oraz #quot; ?' \
            'Druga linia: zażółć gęślą jaźń' '[opcja] &quot;pierwsza&quot; | {1}' \
            'Koniec (graph) digraph { } &quot;&quot;'; do
  check "the SVG has the text: $text" grep -qF ">$text</text>" "$work/z.svg"
done
"$PROCEDURA" graph "$fixtures/basic/interwencja.yaml" | dot -Tsvg > "$work/i.svg"
check "notification line" grep -qF '>✉ Sąd rejonowy — wydział rodzinny i</text>' "$work/i.svg"
check "otherwise edge label" grep -qF '>w przeciwnym razie</text>' "$work/i.svg"
"$PROCEDURA" graph "$fixtures/basic/interwencja.yaml" --lang en | dot -Tsvg > "$work/e.svg"
check "English labels" grep -qF '>‼ ✉ Head teacher (immediately)</text>' "$work/e.svg"

# By id through --procedures, and Mermaid.
"$PROCEDURA" graph interwencja --procedures "$fixtures/basic" --format mermaid > "$work/m.txt"
check "Mermaid header" bash -c 'head -4 "$1" | tail -1 | grep -qx "flowchart TD"' _ "$work/m.txt"
check "Mermaid edge" grep -qF '  n_wedlug_wieku -.->|"w przeciwnym razie"| n_dorosly' "$work/m.txt"

# Unusable targets: exit 2 with a message saying why.
run "$PROCEDURA" graph interwencj --procedures "$fixtures/basic"
expect_status 2 "unknown id"
expect_contains "$err" "no procedure 'interwencj'" "unknown id named"
expect_contains "$err" "did you mean 'interwencja'?" "unknown id: the near one suggested"
expect_empty "$out" "no output on error"

run "$PROCEDURA" graph "$fixtures/basic/interwencja.yaml" --lang de
expect_status 2 "bad --lang"
expect_contains "$err" "has no language 'de' (it has: pl, en)" "bad --lang: the languages there are"

printf 'format: 1\nid: zly\nversion: 1.0.0\ntitle: X\nstart: a\nnodes:\n  a:\n    step: S\n    next: brak\n' \
  > "$work/zly.yaml"
run "$PROCEDURA" graph "$work/zly.yaml"
expect_status 2 "broken file"
expect_contains "$err" "[dangling-ref]" "broken file: the rule"
expect_contains "$err" "zly cannot be used: 1 error" "broken file: why it is not drawn"

run "$PROCEDURA" graph "$work/missing.yaml"
expect_status 2 "missing file"
expect_contains "$err" "missing.yaml is not a readable file" "missing file named"
finish
