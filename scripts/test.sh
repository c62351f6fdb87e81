#!/usr/bin/env bash
# Set up, build with warnings as errors, and run every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
BUILD_DIR=build-test bash scripts/build.sh -DPROCEDURA_WERROR=ON
cd build-test
ctest --output-on-failure -j "$(nproc)"
