#!/usr/bin/env bash
# Configures and builds procedura into build/ (or $BUILD_DIR). Extra args go to cmake.
# BUILD_TARGET=procedura builds the binary alone (no unit tests).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${BUILD_DIR:-build}
cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=${BUILD_TYPE:-RelWithDebInfo} "$@" >/dev/null
cmake --build "$build_dir" -j "$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
