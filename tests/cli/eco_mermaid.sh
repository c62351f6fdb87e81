#!/usr/bin/env bash
# The real Mermaid parser and renderer (the npm package `mermaid`, as GitHub and GitLab draw
# it) accepts `graph --format mermaid` of every bundled procedure and the flow of the Markdown
# handbook. Mermaid runs in Debian's headless Chromium; scripts/setup.sh --tests installs the
# package into .cache/test-tools once, so this test needs no network.
source "$(dirname "$0")/eco_helpers.bash"

mermaid_js="${MERMAID_JS:-$REPO/.cache/test-tools/node_modules/mermaid/dist/mermaid.min.js}"
chromium=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$chromium" || ! -f "$mermaid_js" ]]; then
  echo "eco_mermaid: SKIPPED: needs chromium and the npm package mermaid (scripts/setup.sh --tests)"
  finish
fi
python=$(python_with json) || { fail "no python3"; finish; }

charts="$scratch/charts"
# From the checkout: a bundled file named by path has its imports inside procedures/.
cd "$REPO" || exit 1
mkdir -p "$charts"
count=0
while IFS= read -r file; do
  grep -q '^start:' "$file" || continue  # library files hold definitions, not a flow
  name=$(basename "$file" .yaml)
  if "$PROCEDURA" graph "$file" --format mermaid >"$charts/$name.mmd" 2>"$scratch/err"; then
    count=$((count + 1))
  else
    fail "graph $name --format mermaid: $(cat "$scratch/err")"
  fi
done < <(find "$REPO/procedures" -name '*.yaml' | sort)
check "graphs of $count bundled procedures written" test "$count" -gt 0

# The Markdown handbook's flow is the ```mermaid block of the page.
fixture="$TESTS/fixtures/trainer/basic/interwencja.yaml"
"$PROCEDURA" render "$fixture" --format markdown >"$scratch/handbook.md"
awk '/^```mermaid$/ {on = 1; next} on && /^```$/ {exit} on' "$scratch/handbook.md" >"$charts/handbook-flow.mmd"
check "the Markdown handbook has a Mermaid flow" test -s "$charts/handbook-flow.mmd"
for procedure in "$REPO"/procedures/szkola/przestepczosc/s02-*.yaml; do
  "$PROCEDURA" render "$procedure" --format markdown >"$scratch/s02.md"
  awk '/^```mermaid$/ {on = 1; next} on && /^```$/ {exit} on' "$scratch/s02.md" >"$charts/handbook-s02.mmd"
done

# One page renders every chart in turn and writes "name: ok" or "name: ERROR ..." into <pre>.
"$python" - "$charts" "$mermaid_js" >"$scratch/page.html" <<'PY'
import json, pathlib, sys
charts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.mmd"))}
print(f"""<!doctype html><meta charset="utf-8"><body><pre id="result">pending</pre>
<script src="file://{sys.argv[2]}"></script>
<script>
const charts = {json.dumps(charts)};
mermaid.initialize({{startOnLoad: false, securityLevel: "strict"}});
(async () => {{
  const lines = [];
  let n = 0;
  for (const [name, text] of Object.entries(charts)) {{
    try {{
      const {{svg}} = await mermaid.render("chart" + (n++), text);
      lines.push(name + ": " + (svg.includes("<svg") && svg.includes("node") ? "ok" : "ERROR no nodes drawn"));
    }} catch (e) {{
      lines.push(name + ": ERROR " + String(e && e.message || e).replace(/\\s+/g, " "));
    }}
  }}
  document.getElementById("result").textContent = "done\\n" + lines.join("\\n");
}})();
</script>""")
PY
timeout 180 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --disable-sync --no-first-run --user-data-dir="$scratch/profile" \
  --allow-file-access-from-files --virtual-time-budget=60000 --dump-dom "file://$scratch/page.html" \
  >"$scratch/dom.html" 2>"$scratch/chromium.log"
check "Chromium rendered the page" grep -q '<pre id="result">done' "$scratch/dom.html"
for chart in "$charts"/*.mmd; do
  name=$(basename "$chart" .mmd)
  line=$(grep -m1 "^$name: " "$scratch/dom.html" | sed "s#</pre>.*##" || true)
  check "Mermaid draws $name ${line#"$name: "}" test "$line" = "$name: ok"
done
finish
