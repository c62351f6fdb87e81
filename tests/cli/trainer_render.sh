#!/usr/bin/env bash
# procedura render: Markdown handbooks (golden), HTML that headless Chromium prints to a
# non-blank PDF (A4 pages; the poster layout adds an A1 page for the flow), --all, errors.
# scripts/setup.sh --tests installs Debian's chromium, so CI prints; on a machine without
# it (a packager's build) the printing part is skipped with a message saying so.
source "$(dirname "$0")/lib.sh"
fixtures="$TESTS/fixtures/trainer"
work=$scratch

# Byte for byte (run would drop the final blank line): diff prints what differs.
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --format markdown --flow outline > "$work/i.md"
check "the Markdown handbook equals the golden file" diff -u "$fixtures/golden/interwencja.md" "$work/i.md"
"$PROCEDURA" render --all --procedures "$fixtures/basic" --format markdown --flow outline --lang en > "$work/all.md"
check "the --all handbook equals the golden file" diff -u "$fixtures/golden/all-en.md" "$work/all.md"

# The default Markdown flow is a Mermaid block drawn by GitHub and GitLab.
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --format markdown > "$work/m.md"
check "a Mermaid block" grep -qx '```mermaid' "$work/m.md"
check "holding a flowchart" grep -qx 'flowchart TD' "$work/m.md"

# HTML with the Graphviz drawing inline.
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --flow svg > "$work/i.html"
check "the flow is a figure" grep -q '<figure class="flow">' "$work/i.html"
check "with an inline SVG" grep -q '<svg' "$work/i.html"
check "no XML prolog left inside the HTML" bash -c '! grep -q "<?xml" "$1"' _ "$work/i.html"
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --flow svg --layout poster > "$work/poster.html"
"$PROCEDURA" render --all --procedures "$fixtures/basic" --flow svg > "$work/all.html"
check "--all has a table of contents" grep -q '<nav class="toc">' "$work/all.html"

# A procedure too large to draw usefully (here 251 nodes) gets the outline under the default
# flow, with a note saying why, and no Graphviz drawing; before the limit its handbook took
# minutes (one Graphviz run per candidate part).
python3 - "$work/wielka.yaml" <<'PY'
import sys
lines = ["format: 1", "id: wielka", "version: 1.0.0", "title: Wielka", "start: q0", "nodes:"]
for i in range(125):
    lines += [f"  q{i}:", f"    ask: Pytanie {i}?", "    type: yes_no",
              f"    options: [{{value: yes, next: q{i + 1}}}, {{value: no, next: o{i}}}]",
              f"  o{i}: {{outcome: Koniec {i}.}}"]
lines += ["  q125:", "    outcome: Ostatni koniec."]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
run timeout 120 "$PROCEDURA" render "$work/wielka.yaml"
expect_status 0 "the 251-node handbook is written"
expect_contains "$err" "wielka has 251 nodes; its flow is given as an outline only" "a note says why it is not drawn"
expect_not_contains "$out" "<svg" "no Graphviz drawing"
expect_contains "$out" "Pytanie 124?" "the handbook holds every question"

# Errors: both a target and --all, neither, an unknown id.
run "$PROCEDURA" render
expect_status 2 "render without a target"
expect_contains "$err" "name one procedure (ID or FILE) or use --all" "without a target: the usage message"
run "$PROCEDURA" render x --all
expect_status 2 "render with a target and --all"
expect_contains "$err" "name one procedure (ID or FILE) or use --all" "with a target and --all: the usage message"
run "$PROCEDURA" render nic --procedures "$fixtures/basic"
expect_status 2 "render of an unknown id"
expect_contains "$err" "no procedure 'nic' in $fixtures/basic" "the unknown id is named"
expect_empty "$out" "no output on error"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
  echo "trainer_render: SKIPPED printing with headless Chromium: chromium is not installed (apt install chromium)"
  finish
fi
print() {  # print MODE HTML OUT: print-to-pdf or screenshot HTML into OUT
  local mode=$1 html=$2 out=$3
  if timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile-$RANDOM" \
    "--$mode=$out" --window-size=1000,1400 "file://$html" > /dev/null 2>&1; then
    pass "chromium --$mode $(basename "$html")"
  else
    fail "chromium --$mode $html"
  fi
  check "chromium wrote $(basename "$out")" test -s "$out"
}
page_sizes() { grep -a -o '/MediaBox \[[^]]*\]' "$1" | sed 's/[^0-9 .]//g; s/^ *//' | awk '{printf "%d %d\n", $3, $4}'; }

print print-to-pdf "$work/i.html" "$work/i.pdf"
check "a PDF" bash -c 'head -c 5 "$1" | grep -q "%PDF-"' _ "$work/i.pdf"
sizes=$(page_sizes "$work/i.pdf" | sort -u)
check "A4 pages ($sizes)" test "$sizes" = "594 841"
print print-to-pdf "$work/poster.html" "$work/poster.pdf"
check "an A1 landscape poster page ($(page_sizes "$work/poster.pdf" | tr '\n' ' '))" grep -qx '2383 1684' <<<"$(page_sizes "$work/poster.pdf")"
print print-to-pdf "$work/all.html" "$work/all.pdf"
check "--all printed on more than one page" test "$(page_sizes "$work/all.pdf" | wc -l)" -ge 2

print screenshot "$work/i.html" "$work/i.png"
colours=$(python3 "$fixtures/png_colours.py" "$work/i.png")
check "the rendered page is not blank ($colours colours)" test "${colours:-0}" -gt 10
echo "trainer_render: printed with $chromium"
finish
