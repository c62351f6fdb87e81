#!/usr/bin/env bash
# procedura render: Markdown handbooks (golden), HTML that headless Chromium prints to a
# non-blank PDF (A4 pages; the poster layout adds an A1 page for the flow), --all, errors.
# scripts/setup.sh --tests installs Debian's chromium, so CI prints; on a machine without
# it (a packager's build) the printing part is skipped with a message saying so.
set -euo pipefail
: "${PROCEDURA:?}" "${TESTS:?}"
fixtures="$TESTS/fixtures/trainer"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --format markdown --flow outline > "$work/i.md"
diff -u "$fixtures/golden/interwencja.md" "$work/i.md" || fail "Markdown handbook differs from the golden file"
"$PROCEDURA" render --all --procedures "$fixtures/basic" --format markdown --flow outline --lang en > "$work/all.md"
diff -u "$fixtures/golden/all-en.md" "$work/all.md" || fail "--all handbook differs from the golden file"

# The default Markdown flow is a Mermaid block drawn by GitHub and GitLab.
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --format markdown > "$work/m.md"
grep -qx '```mermaid' "$work/m.md" && grep -qx 'flowchart TD' "$work/m.md" || fail "no Mermaid block"

# HTML with the Graphviz drawing inline.
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --flow svg > "$work/i.html"
grep -q '<figure class="flow">' "$work/i.html" && grep -q '<svg' "$work/i.html" || fail "no inline SVG"
! grep -q '<?xml' "$work/i.html" || fail "XML prolog left inside the HTML"
"$PROCEDURA" render "$fixtures/basic/interwencja.yaml" --flow svg --layout poster > "$work/poster.html"
"$PROCEDURA" render --all --procedures "$fixtures/basic" --flow svg > "$work/all.html"
grep -q '<nav class="toc">' "$work/all.html" || fail "--all without contents"

# Errors: both a target and --all, neither, an unknown id.
set +e
"$PROCEDURA" render > /dev/null 2> "$work/err1"; s1=$?
"$PROCEDURA" render x --all > /dev/null 2> "$work/err2"; s2=$?
"$PROCEDURA" render nic --procedures "$fixtures/basic" > "$work/out" 2> "$work/err3"; s3=$?
set -e
[[ $s1 -eq 2 && $s2 -eq 2 && $s3 -eq 2 ]] || fail "usage errors: $s1 $s2 $s3"
grep -qF "name one procedure (ID or FILE) or use --all" "$work/err1" || fail "usage message without a target: $(cat "$work/err1")"
grep -qF "name one procedure (ID or FILE) or use --all" "$work/err2" || fail "usage message with a target and --all: $(cat "$work/err2")"
grep -qF "no procedure 'nic' in $fixtures/basic" "$work/err3" || fail "unknown id message: $(cat "$work/err3")"
[[ ! -s "$work/out" ]] || fail "output on error"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" ]]; then
  echo "trainer_render: SKIPPED printing with headless Chromium: chromium is not installed (apt install chromium)"
  echo "trainer_render: ok"
  exit 0
fi
print() {  # print HTML FILE to PDF OUT, or screenshot PNG OUT
  local mode=$1 html=$2 out=$3
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile-$RANDOM" \
    "--$mode=$out" --window-size=1000,1400 "file://$html" > /dev/null 2>&1 || fail "chromium --$mode $html"
  [[ -s "$out" ]] || fail "chromium wrote no $out"
}
page_sizes() { grep -a -o '/MediaBox \[[^]]*\]' "$1" | sed 's/[^0-9 .]//g; s/^ *//' | awk '{printf "%d %d\n", $3, $4}'; }

print print-to-pdf "$work/i.html" "$work/i.pdf"
head -c 5 "$work/i.pdf" | grep -q '%PDF-' || fail "not a PDF"
[[ $(page_sizes "$work/i.pdf" | sort -u) == "594 841" ]] || fail "A4 pages expected: $(page_sizes "$work/i.pdf")"
print print-to-pdf "$work/poster.html" "$work/poster.pdf"
page_sizes "$work/poster.pdf" | grep -qx '2383 1684' || fail "no A1 landscape poster page: $(page_sizes "$work/poster.pdf")"
print print-to-pdf "$work/all.html" "$work/all.pdf"
[[ $(page_sizes "$work/all.pdf" | wc -l) -ge 2 ]] || fail "--all printed on one page"

print screenshot "$work/i.html" "$work/i.png"
colours=$(python3 "$fixtures/png_colours.py" "$work/i.png")
[[ $colours -gt 10 ]] || fail "the rendered page looks blank ($colours colours)"
echo "trainer_render: ok (printed with $chromium)"
