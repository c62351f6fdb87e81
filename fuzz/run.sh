#!/usr/bin/env bash
# Builds the libFuzzer target (clang) into build-fuzz/ and fuzzes load + lint.
# Usage: fuzz/run.sh [SECONDS] [extra libFuzzer flags...]   (default 600 seconds, one process)
# The corpus grows in build-fuzz/corpus (seeded from tests/lint, tests/fixtures,
# tests/hostile and procedures/); crashes are written to build-fuzz/artifacts/.
# Reproduce one: build-fuzz/fuzz/fuzz_load_lint build-fuzz/artifacts/crash-...
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
build=${BUILD_DIR:-build-fuzz}
if [[ ! -f "$build/build.ninja" ]]; then
  CXX=${CXX:-clang++} cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPROCEDURA_FUZZ=ON -DPROCEDURA_TESTS=OFF ${CMAKE_CXX_COMPILER_LAUNCHER:+-DCMAKE_CXX_COMPILER_LAUNCHER=$CMAKE_CXX_COMPILER_LAUNCHER} >/dev/null
fi
cmake --build "$build" --target fuzz_load_lint -j "${JOBS:-2}"

corpus=$build/corpus
mkdir -p "$corpus" "$build/artifacts"
if [[ -z "$(ls -A "$corpus")" ]]; then
  # Seeds: every YAML file of the tests and the bundled procedures, under 64 KiB.
  find tests/lint tests/fixtures tests/hostile procedures -type f \( -name '*.yaml' -o -name '*.yml' \) \
    -size -64k -print0 | while IFS= read -r -d '' f; do
    cp "$f" "$corpus/$(sha1sum <"$f" | cut -c1-16).yaml"
  done
fi
echo "fuzz: $(ls "$corpus" | wc -l) corpus files; running ${seconds}s" >&2
exec "$build/fuzz/fuzz_load_lint" "$corpus" -artifact_prefix="$build/artifacts/" \
  -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -dict=fuzz/yaml.dict -print_final_stats=1 "$@"
