#!/usr/bin/env bash
# Set up, build the procedura binary (not the tests), and start the guided interview on the
# bundled procedures. Arguments go to `procedura run`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_TARGET=procedura bash scripts/build.sh
echo "procedura is built: $PWD/build/procedura (README.md, Install: to type just 'procedura')" >&2
exec ./build/procedura run "$@"
