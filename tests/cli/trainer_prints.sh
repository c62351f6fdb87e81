#!/usr/bin/env bash
# Trainers' prints, looked at as printed pages: p01's flow, too large to read on one A4
# page, is split into parts on pages of their own whose smallest text stays >= 7 pt, and
# its A1 poster is drawn to fill the sheet. Headless Chromium prints the handbook to PDF;
# poppler's pdftotext and pdftoppm measure the pages (tests/fixtures/trainer/print_pages.py).
# Without chromium, Graphviz or poppler-utils the test is skipped (exit 77, SKIP_RETURN_CODE).
source "$(dirname "$0")/eco_helpers.bash"

for tool in chromium dot pdftotext pdftoppm python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "trainer_prints: SKIPPED: $tool is not installed (scripts/setup.sh --tests)"
    exit 77
  fi
done
pages="$TESTS/fixtures/trainer/print_pages.py"
p01="$REPO/procedures/policja/p01-zatrzymanie-opiekuna.yaml"
small="$TESTS/fixtures/trainer/basic/interwencja.yaml"
cd "$REPO" || exit 1  # a bundled file named by path has its imports inside procedures/

print() {  # print HTML PDF
  timeout 180 chromium --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --no-pdf-header-footer \
    --user-data-dir="$scratch/profile-$RANDOM" --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
}

# A small flow stays one figure.
"$PROCEDURA" render "$small" --flow svg >"$scratch/small.html"
check "a small flow is one figure" \
  test "$(grep -c '<figure class="flow">' "$scratch/small.html")" -eq 1 -a \
  "$(grep -c 'flow-part' "$scratch/small.html")" -eq 1  # the stylesheet's rule only

"$PROCEDURA" render "$p01" --flow svg >"$scratch/p01.html"
check "p01's flow is split into several figures" \
  test "$(grep -c '<figure class="flow flow-part">' "$scratch/p01.html")" -ge 2
"$PROCEDURA" render "$p01" --flow svg >"$scratch/again.html"
check "the split is the same every time" cmp -s "$scratch/p01.html" "$scratch/again.html"
check "the connectors lead to parts by number" grep -qF '→ część 2' "$scratch/p01.html"

print "$scratch/p01.html" "$scratch/p01.pdf"
check "Chromium printed p01's handbook" test -s "$scratch/p01.pdf"
check "each part on its own A4 page, text >= 7 pt" python3 "$pages" parts "$scratch/p01.pdf" p01-zatrzymanie-opiekuna
# Trainers never see node ids, in the parts' connectors either.
pdftotext "$scratch/p01.pdf" "$scratch/p01.txt"
ids=$(awk '/^nodes:/ {on = 1; next} /^[a-z]/ {on = 0} on && /^  [a-z0-9_]+:$/ {sub(":", ""); print $1}' "$p01")
check "p01's node ids were read" test -n "$ids"
check "no node id on the printed pages" bash -c '! grep -qwFf <(printf "%s\n" $1) "$2"' _ "$ids" "$scratch/p01.txt"

"$PROCEDURA" render "$p01" --flow svg --layout poster >"$scratch/poster.html"
print "$scratch/poster.html" "$scratch/poster.pdf"
check "the poster's drawing fills its A1 sheet" python3 "$pages" poster "$scratch/poster.pdf"
finish
