#!/usr/bin/env bash
# src/model/rules.def records, for every rule, the files under src/ that report it (its
# last column). This keeps that record exact: each listed file names the rule
# (`Rule::Symbol`), and no file of load/ or check/ outside the list does.
set -uo pipefail
: "${REPO:?}"
cd "$REPO" || exit 2
python3 - <<'PY'
import os, re, sys

table = open("src/model/rules.def", encoding="utf-8").read()
rows = re.findall(r'^PROCEDURA_RULE\((\w+), "([a-z-]+)", \w+, ".*", "([^"]*)"\)$', table, re.M)
if len(rows) < 25:
    sys.exit(f"FAIL: only {len(rows)} rules read from rules.def")
sources = {}
for layer in ("load", "check"):
    for root, _, files in os.walk(os.path.join("src", layer)):
        for name in files:
            if name.endswith(".cpp"):
                path = os.path.join(root, name)
                sources[os.path.relpath(path, "src")] = open(path, encoding="utf-8").read()
wrong = []
for symbol, rule, listed in rows:
    listed = set(listed.split())
    actual = {f for f, text in sources.items() if re.search(rf"Rule::{symbol}\b", text)}
    if not listed:
        wrong.append(f"{rule}: no file listed")
    for f in sorted(listed - actual):
        wrong.append(f"{rule}: listed in rules.def but {f} does not report it")
    for f in sorted(actual - listed):
        wrong.append(f"{rule}: reported in {f}, which rules.def does not list")
for w in wrong:
    print("FAIL:", w)
if wrong:
    sys.exit(1)
print(f"ok: {len(rows)} rules, each with the files that report it")
PY
