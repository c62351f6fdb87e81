#!/usr/bin/env bash
# How many lines the final text report takes at 80 columns, against the targets: a first
# incident in S1 (calm, conscious minor, parents come, no aggression, first time) at most
# 40 lines; the scenario with the most actions of every bundled procedure (among the first
# 5000 that `paths --list` gives) at most 90. Prints each figure; exit status 1 when a
# target is missed.
#   PROCEDURA=build/procedura bench/report_lines.sh
set -u
PROCEDURA=${PROCEDURA:-build/procedura}
PROCEDURA=$(realpath "$PROCEDURA")
cd "$(dirname "$0")/.." || exit 1
export NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8
unset PROCEDURA_PATH
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failures=0
fail() { echo "OVER: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# pick_scenario PATTERN < paths-list: writes the answers of the first scenario matching the
# regular expression PATTERN (or, with an empty PATTERN, of the one with the most actions)
# as an answers file on stdout; prints nothing when none matches.
pick_scenario() {
  python3 -c '
import re, sys
pattern = sys.argv[1]
best, most = None, -1
scenario = None
for line in sys.stdin:
    m = re.match(r"^\s*\d+\.\s(.*)$", line)
    if m:
        scenario = m.group(1)
        continue
    m = re.match(r"^\s*actions:\s*(.*)$", line)
    if m and scenario is not None:
        count = len([a for a in m.group(1).split(",") if a.strip()])
        if pattern and re.search(pattern, scenario):
            best = scenario
            break
        if not pattern and count > most:
            best, most = scenario, count
        scenario = None
if best is None:
    sys.exit(0)
parts, depth, cur = [], 0, ""
for ch in best:
    depth += ch == "["
    depth -= ch == "]"
    if ch == "," and depth == 0:
        parts.append(cur)
        cur = ""
    else:
        cur += ch
parts.append(cur)
seen = set()
for part in parts:
    key, value = (s.strip() for s in part.split(" = ", 1))
    if key in seen:  # a procedure called twice asks its questions once in an answers file
        continue
    seen.add(key)
    print(f"{key!r}: {value}" if value.startswith("[") else f"{key!r}: {value!r}")
' "$1"
}

# report_lines FILE ANSWERS: lines of the text report (from its heading to the end).
report_lines() {
  local id
  id=$(sed -n 's/^id: *//p' "$1" | head -1)
  "$PROCEDURA" run "$id" --procedures procedures --answers "$2" --no-transcript 2>/dev/null |
    awk '/^(RAPORT KOŃCOWY|FINAL REPORT):/ {on = 1} on' | wc -l
}

s01=procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml
"$PROCEDURA" paths --list --limit 10000 s01-nietrzezwy-uczen --procedures procedures |
  pick_scenario '^stan_zagraza_zyciu = nie, wiek = 1[0-7], rodzice_osiagalni = przyjada, powtorny_przypadek = no, zrodlo_alkoholu = nie$' >"$scratch/s01.yaml"
if [[ ! -s "$scratch/s01.yaml" ]]; then
  fail "no first-incident scenario of S1 among its paths"
else
  lines=$(report_lines "$s01" "$scratch/s01.yaml")
  echo "S1 first incident: $lines lines"
  if ((lines >= 1 && lines <= 40)); then pass "S1 first-incident report fits 40 lines"; else fail "S1 first-incident report is $lines lines (limit 40):"$'\n'"$(cat "$scratch/s01.yaml")"; fi
fi

worst=0
while IFS= read -r file; do
  grep -q '^start:' "$file" || continue  # libraries hold no interview
  id=$(sed -n 's/^id: *//p' "$file" | head -1)
  "$PROCEDURA" paths --list --limit 5000 "$id" --procedures procedures 2>/dev/null | pick_scenario '' >"$scratch/answers.yaml"
  [[ -s "$scratch/answers.yaml" ]] || { fail "$file: no scenario listed"; continue; }
  lines=$(report_lines "$file" "$scratch/answers.yaml")
  echo "$(basename "$file"): $lines lines"
  ((lines > worst)) && worst=$lines
  if ((lines >= 1 && lines <= 90)); then pass "$(basename "$file") fits 90 lines"; else fail "$(basename "$file"): report is $lines lines (limit 90):"$'\n'"$(cat "$scratch/answers.yaml")"; fi
done < <(find procedures -name '*.yaml' | sort)
echo "longest report: $worst lines"
exit $((failures > 0))
