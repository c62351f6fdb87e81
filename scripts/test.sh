#!/usr/bin/env bash
# Set up, build with warnings as errors, and run every test through CTest: once in the
# release build (build-test), once more with AddressSanitizer and UndefinedBehaviorSanitizer
# (build-asan; any report fails the test that triggered it). Both summaries are printed;
# the exit status is non-zero if either pass fails. SKIP_ASAN=1 runs the first pass only.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
started=$SECONDS
BUILD_DIR=build-test bash scripts/build.sh -DPROCEDURA_WERROR=ON
echo "== release build took $((SECONDS - started)) s =="
status=0
(cd build-test && ctest --output-on-failure -j "$(nproc)") || status=1

if [[ "${SKIP_ASAN:-0}" != 1 ]]; then
  echo "== sanitizers: AddressSanitizer + UndefinedBehaviorSanitizer (build-asan) =="
  started=$SECONDS
  # Each file compiled alone (no unity batches): a file that does not include what it uses
  # fails here even when its batch of the release build hid it.
  BUILD_DIR=build-asan BUILD_TYPE=Debug bash scripts/build.sh -DPROCEDURA_WERROR=ON -DPROCEDURA_SANITIZE=ON \
    -DPROCEDURA_UNITY=OFF
  # A report exits with 86, a status no command uses, so no test can mistake it for findings.
  export ASAN_OPTIONS=detect_leaks=1:exitcode=86:strict_string_checks=1:detect_stack_use_after_return=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=86
  (cd build-asan && ctest --output-on-failure -j "$(nproc)") || status=1
  echo "== sanitizer pass took $((SECONDS - started)) s (build and tests) =="
fi
exit $status
