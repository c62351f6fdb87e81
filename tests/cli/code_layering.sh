#!/usr/bin/env bash
# The folders of src/ form layers, lowest first, in the order docs/architecture.md writes
# down (its "Layers" line); a file may include its own folder and the folders below it,
# never one above. An upward #include fails here, naming the file and the line. Includes
# without a folder are generated files (build paths, embedded docs and schemas).
set -uo pipefail
: "${REPO:?}"
cd "$REPO" || exit 2
python3 - <<'PY'
import os, re, sys

doc = open("docs/architecture.md", encoding="utf-8").read()
m = re.search(r"^Layers, lowest first: (.+)$", doc, re.M)
if not m:
    sys.exit("FAIL: docs/architecture.md has no 'Layers, lowest first:' line")
order = [name.strip(" `.") for name in m.group(1).split("→")]
rank = {name: i for i, name in enumerate(order)}
folders = {d for d in os.listdir("src") if os.path.isdir(os.path.join("src", d))}
unranked = sorted(folders - set(rank))
if unranked:
    sys.exit(f"FAIL: folders of src/ missing from the layer order: {', '.join(unranked)}")

upward, edges = [], 0
for folder in sorted(folders):
    for root, _, files in os.walk(os.path.join("src", folder)):
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, encoding="utf-8", errors="replace") as handle:
                for number, line in enumerate(handle, 1):
                    inc = re.match(r'\s*#\s*include\s+"([^"/]+)/', line)
                    if not inc or inc.group(1) == folder:
                        continue
                    target = inc.group(1)
                    edges += 1
                    if target not in rank or rank[target] > rank[folder]:
                        upward.append(f"{path}:{number}: {folder} includes {target}: "
                                      f"{line.strip()}")
if edges < 50:
    sys.exit(f"FAIL: only {edges} includes across folders were found; is src/ there?")
for u in upward:
    print("FAIL: upward include:", u)
if upward:
    sys.exit(1)
print(f"ok: {edges} includes across {len(folders)} folders follow the layers "
      f"{' → '.join(order)}")
PY
