#!/usr/bin/env bash
# The C++ sources follow the checked-in .clang-format: a change that is not formatted fails
# here, naming the files (fix with `clang-format -i FILE`).
set -uo pipefail
: "${REPO:?}"
if ! command -v clang-format >/dev/null; then
  echo "SKIP: clang-format is not installed (scripts/setup.sh --tests installs it)"
  exit 0
fi
cd "$REPO" || exit 2
[[ -f .clang-format ]] || { echo "FAIL: no .clang-format"; exit 1; }
mapfile -t files < <(find src tests/unit fuzz bench -name '*.cpp' -o -name '*.h' | sort)
((${#files[@]} > 50)) || { echo "FAIL: found only ${#files[@]} C++ files"; exit 1; }
unformatted=()
for f in "${files[@]}"; do
  clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if ((${#unformatted[@]})); then
  printf 'FAIL: not formatted: %s\n' "${unformatted[@]}"
  exit 1
fi
echo "ok: ${#files[@]} files formatted ($(clang-format --version))"
