#!/usr/bin/env bash
# Runs clang-tidy with the checked-in .clang-tidy over every file of src/. Needs a configured
# build directory (compile_commands.json; BUILD_DIR, default build) and clang-tidy
# (Debian: clang-tidy). GCC's precompiled CLI11 header is not readable by clang, so the
# src/cli files are checked from a copy of the compile commands without it.
# Exit status 0 when clean.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
[[ -f "$build_dir/compile_commands.json" ]] || { echo "tidy: configure $build_dir first (scripts/build.sh)" >&2; exit 2; }
# A unity build lists its batches, not the files: clang-tidy needs each file's own command.
if grep -q '/Unity/unity_' "$build_dir/compile_commands.json"; then
  echo "tidy: $build_dir compiles files in unity batches; configure it with -DPROCEDURA_UNITY=OFF" >&2
  exit 2
fi
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
python3 - "$build_dir/compile_commands.json" "$db/compile_commands.json" <<'PY'
import json, re, sys
entries = json.load(open(sys.argv[1]))
for e in entries:
    e["command"] = re.sub(r"-include \S*cmake_pch\.hxx|-Winvalid-pch", "", e["command"])
json.dump([e for e in entries if "/src/" in e["file"]], open(sys.argv[2], "w"))
PY
run-clang-tidy -p "$db" -quiet "$PWD/src/"
