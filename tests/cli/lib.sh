# Shared helpers for the CLI tests. Each test script sources this file (the eco_* scripts
# through eco_helpers.bash, which adds what only they need).
# Environment (set by CTest): PROCEDURA (binary), REPO (source root), TESTS (tests dir).
set -u
: "${PROCEDURA:?PROCEDURA must point at the procedura binary}"
: "${TESTS:=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
: "${REPO:=$(cd "$TESTS/.." && pwd)}"
# Absolute, so that a script may cd anywhere and still run the binary under test.
PROCEDURA=$(cd "$(dirname "$PROCEDURA")" && pwd)/$(basename "$PROCEDURA")
export NO_COLOR=1 COLUMNS=80 LC_ALL=C.UTF-8
unset CLICOLOR_FORCE PROCEDURA_PATH

failures=0
passes=0
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; passes=$((passes + 1)); }

# The time one hostile input may take: sanitized binaries run several times slower, and
# CTest runs two tests at once.
if [[ "${PROCEDURA_SANITIZED:-0}" == 1 ]]; then per_input_seconds=60; else per_input_seconds=10; fi

# memory_bound KIB: a shell command bounding the address space of what follows it. Under
# AddressSanitizer (PROCEDURA_SANITIZED=1), which reserves terabytes of shadow memory at
# start, no `ulimit -v` can work: one allocation over 1 GB aborts the run instead.
memory_bound() {
  if [[ "${PROCEDURA_SANITIZED:-0}" == 1 ]]; then
    echo "export ASAN_OPTIONS=\"\${ASAN_OPTIONS:-}:max_allocation_size_mb=1000\""
  else
    echo "ulimit -v $1"
  fi
}

# run CMD...: runs and captures stdout, stderr and status in $out, $err, $status.
run() {
  out=$("$@" 2>"$scratch/stderr"); status=$?
  err=$(cat "$scratch/stderr")
}

expect_status() {  # expect_status WANT DESCRIPTION
  if [[ "$status" == "$1" ]]; then pass "$2 (exit $1)"; else fail "$2: exit $status, wanted $1; stderr: $err"; fi
}

expect_contains() {  # expect_contains HAYSTACK NEEDLE DESCRIPTION
  if [[ "$1" == *"$2"* ]]; then pass "$3"; else fail "$3: missing [$2] in:"$'\n'"$1"; fi
}

expect_not_contains() {  # expect_not_contains HAYSTACK NEEDLE DESCRIPTION
  if [[ "$1" != *"$2"* ]]; then pass "$3"; else fail "$3: unwanted [$2] in:"$'\n'"$1"; fi
}

expect_empty() {  # expect_empty TEXT DESCRIPTION: nothing printed
  if [[ -z "$1" ]]; then pass "$2"; else fail "$2: printed:"$'\n'"$1"; fi
}

# check DESCRIPTION CMD...: passes when the command succeeds (for checks that are commands:
# grep -q, test, cmp, a validator).
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}

expect_equal_file() {  # expect_equal_file ACTUAL_TEXT GOLDEN_FILE DESCRIPTION
  if diff -u "$2" <(printf '%s\n' "$1") >"$scratch/diff"; then pass "$3"; else fail "$3:"$'\n'"$(cat "$scratch/diff")"; fi
}

finish() {
  echo "$passes passed, $failures failed"
  if ((failures > 0)); then echo "$failures check(s) failed" >&2; exit 1; fi
  exit 0
}
