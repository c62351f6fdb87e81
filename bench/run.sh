#!/usr/bin/env bash
# Measures procedura side by side with its peers, in one run (see bench/README.md).
#   bench/run.sh [OUT]     OUT: work directory (default bench/out); results in OUT/results.md
# Environment: PROCEDURA (binary, default build/procedura), RUNS (hyperfine runs, default 5).
# Needs hyperfine, yamllint and time (Debian; scripts/setup.sh --bench installs them), g++
# and libyaml-cpp-dev, and node/npm for ajv-cli (installed here into bench/node_modules).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$bench")
out=${1:-$bench/out}
procedura=$(realpath "${PROCEDURA:-$repo/build/procedura}")
runs=${RUNS:-5}
cores=$(nproc)
today=2026-01-01  # fixed, so that review dates give the same findings on any day

for tool in hyperfine yamllint /usr/bin/time g++ npm python3; do
  command -v "$tool" >/dev/null || { echo "run.sh: $tool is missing (scripts/setup.sh --bench)" >&2; exit 2; }
done
[[ -x "$procedura" ]] || { echo "run.sh: no procedura binary at $procedura (build first)" >&2; exit 2; }
if [[ ! -x "$bench/node_modules/.bin/ajv" ]]; then
  (cd "$bench" && npm ci --no-audit --no-fund --silent)
fi
ajv="$bench/node_modules/.bin/ajv"

mkdir -p "$out"
cd "$out"
rm -rf corpus cache results
mkdir -p results
echo "== generating the corpora" >&2
python3 "$bench/generate.py" corpus
echo "== building the yaml-cpp floor" >&2
g++ -O2 -std=c++20 -o yaml_parse_floor "$bench/yaml_parse_floor.cpp" -lyaml-cpp

lint="$procedura lint --today $today"
hf() {  # hf NAME [hyperfine args...]: one comparison table, exported as markdown and JSON
  local name=$1; shift
  echo "== $name" >&2
  hyperfine --style basic --export-markdown "results/$name.md" --export-json "results/$name.json" "$@"
}

# 1,000 files x 100 nodes: procedura on 1 and all cores against the bare parse; then the
# cache, cold (filling it) and warm. The corpus is clean: exit status 0.
hf files1000 --runs "$runs" --warmup 1 \
  -n "procedura lint -j1" "$lint -j1 corpus/files1000" \
  -n "procedura lint -j$cores" "$lint -j$cores corpus/files1000" \
  -n "yaml-cpp events, 1 thread" "./yaml_parse_floor --events corpus/files1000" \
  -n "yaml-cpp LoadAll, 1 thread" "./yaml_parse_floor --load corpus/files1000" \
  -n "ajv-cli validate (JSON twin)" "$ajv validate --strict=false -c ajv-formats -s $repo/schema/procedure.schema.json -d 'corpus/files1000-json/*.json'"
hf cache --runs "$runs" --warmup 1 \
  -n "procedura lint -j$cores, no cache" --prepare true "$lint -j$cores corpus/files1000" \
  -n "procedura lint -j$cores --cache, cold" --prepare "rm -rf cache" "$lint -j$cores --cache-dir cache corpus/files1000" \
  -n "procedura lint -j$cores --cache, warm" --prepare true "$lint -j$cores --cache-dir cache corpus/files1000"
hf files1000-yamllint --runs 2 -i -n "yamllint" "yamllint -d relaxed corpus/files1000"

# One big file: linear in its size? (-i: see bench/README.md on the 100k file and the limit
# on YAML nodes.)
hf size --runs "$runs" --warmup 1 -i \
  -n "procedura lint 12.5k nodes" "$lint corpus/size/size12500.yaml" \
  -n "procedura lint 25k nodes" "$lint corpus/size/size25000.yaml" \
  -n "procedura lint 50k nodes" "$lint corpus/size/size50000.yaml" \
  -n "procedura lint 100k nodes" "$lint corpus/size/size100000.yaml" \
  -n "yaml-cpp events 50k nodes" "./yaml_parse_floor --events corpus/size/size50000.yaml" \
  -n "yaml-cpp events 100k nodes" "./yaml_parse_floor --events corpus/size/size100000.yaml"
$lint corpus/size/size100000.yaml | tail -1 | sed 's/^/size100000: /' >results/size100000.txt || true
for n in 12500 25000 50000 100000; do
  /usr/bin/time -v $lint "corpus/size/size$n.yaml" >/dev/null 2>"results/time-$n.txt" || true
  kb=$(awk -F': ' '/Maximum resident set size/ {print $2}' "results/time-$n.txt")
  bytes=$(stat -c %s "corpus/size/size$n.yaml")
  echo "size$n: file $bytes bytes, peak RSS ${kb} KB, ratio $(awk -v k="$kb" -v b="$bytes" 'BEGIN {printf "%.1f", k * 1024 / b}')" \
    >>results/memory.txt
done

# 2^60 paths; start-up.
hf ladder --runs "$runs" --warmup 2 -n "procedura lint ladder60" "$lint corpus/ladder60.yaml"
hf version --warmup 20 --runs $((runs * 10)) -N -n "procedura --version" "$procedura --version"
# The interview's start: a whole scripted run of P2 (15 questions), which loads P2 and its
# five library files only, against the process start alone.
python3 - "$repo/procedures/policja/p02-interwencja-przemoc-domowa.yaml" >p02-answers.json <<'PY'
import json, sys, yaml
print(json.dumps(yaml.safe_load(open(sys.argv[1]))["tests"][0]["answers"]))
PY
# The warm-up runs fill a tree cache of the bench's own (run keeps parsed trees between
# runs); the second row parses every file, as the first run after an edit does.
XDG_CACHE_HOME="$PWD/tree-cache" hf run-start --warmup 5 --runs $((runs * 6)) -N \
  -n "procedura run p02 --answers (whole run)" "$procedura run p02-interwencja-przemoc-domowa --answers p02-answers.json" \
  -n "procedura --version" "$procedura --version" \
  -n "no tree cache: run p02 --answers" "env PROCEDURA_NO_TREE_CACHE=1 $procedura run p02-interwencja-przemoc-domowa --answers p02-answers.json"
# What the menu's first screen reads: every bundled procedure's header.
hf list --warmup 5 --runs $((runs * 6)) -N \
  -n "procedura list" "$procedura list --procedures $repo/procedures" \
  -n "procedura --version" "$procedura --version"

# 100 realistic procedures: procedura against ajv-cli with the JSON Schema. ajv-cli reads
# YAML with js-yaml, whose YAML 1.1 timestamps turn review_by into a Date the schema
# refuses, so it validates the JSON conversions written by generate.py (untimed).
hf realistic --runs "$runs" --warmup 1 -i \
  -n "procedura lint -j$cores" "$lint -j$cores corpus/realistic" \
  -n "procedura lint -j1" "$lint -j1 corpus/realistic" \
  -n "ajv-cli validate" "$ajv validate --strict=false -c ajv-formats -s $repo/schema/procedure.schema.json -d 'corpus/realistic-json/*.json'" \
  -n "yamllint" "yamllint -d relaxed corpus/realistic"

{
  echo "# Results ($(date -u +%Y-%m-%d), $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "procedura $("$procedura" --version | head -1), hyperfine $(hyperfine --version | cut -d' ' -f2), yamllint $(yamllint --version | cut -d' ' -f2), ajv-cli $(node -p "require('$bench/node_modules/ajv-cli/package.json').version")"
  echo
  echo "## Ratios against the targets of issue 16"
  echo
  python3 "$bench/ratios.py" results
  for name in files1000 cache files1000-yamllint size ladder version run-start list realistic; do
    echo; echo "## $name"; echo
    # Wall-clock from hyperfine, with user and system CPU time: on a shared machine CPU time
    # is the steadier figure.
    python3 - "results/$name.json" <<'PY'
import json, sys
print("| command | mean wall [ms] | min wall [ms] | user [ms] | system [ms] |")
print("|:---|---:|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| `{r['command']}` | {r['mean'] * 1000:.1f} ± {(r['stddev'] or 0) * 1000:.1f} | {r['min'] * 1000:.1f} "
          f"| {r['user'] * 1000:.1f} | {r['system'] * 1000:.1f} |")
PY
  done
  echo; echo "## peak memory (/usr/bin/time -v)"; echo; sed 's/^/    /' results/memory.txt results/size100000.txt
} >results.md
cat results.md
