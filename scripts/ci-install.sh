#!/usr/bin/env bash
# Installs procedura on a CI runner (Debian or Ubuntu) for action.yml: the Debian package
# named by $PROCEDURA_DEB, else one built from this checkout with the distribution's build
# packages. Uses sudo when not root. Prints the installed version.
set -euo pipefail
source_dir=$(cd "$(dirname "$0")/.." && pwd)
sudo=()
[[ $(id -u) -eq 0 ]] || sudo=(sudo)

deb=${PROCEDURA_DEB:-}
if [[ -z "$deb" ]]; then
  build=${RUNNER_TEMP:-/tmp}/procedura-build
  bash "$source_dir/scripts/setup.sh"
  # dpkg-dev derives the package's dependencies; file is what CPack's strip step needs.
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends dpkg-dev file >/dev/null
  cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DPROCEDURA_TESTS=OFF >/dev/null
  cmake --build "$build" --target procedura
  cpack -G DEB --config "$build/CPackConfig.cmake" -B "$build/package" >/dev/null
  deb=$(find "$build/package" -maxdepth 1 -name 'procedura_*.deb' | head -n 1)
fi
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "$deb" >/dev/null
procedura --version
