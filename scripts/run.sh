#!/usr/bin/env bash
# Set up, build, and start the guided interview on the bundled procedures.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
exec ./build/procedura run "$@"
