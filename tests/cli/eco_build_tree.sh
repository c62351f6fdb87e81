#!/usr/bin/env bash
# A binary in its build tree reads the procedures of the checkout it was built from, also
# when another version is installed under the default prefix (/usr/local/share/procedura);
# the same binary copied out of the build tree reads the installed ones.
source "$(dirname "$0")/eco_helpers.bash"

installed=/usr/local/share/procedura/procedures
build=$(build_dir) || { fail "no CMake build directory above $PROCEDURA"; finish; }
if [[ "$(dirname "$PROCEDURA")" != "$build" ]]; then
  echo "skip: $PROCEDURA is not in the top of its build tree"
  finish
fi
created=""
if [[ ! -d $installed ]]; then
  # Needs root, as CI has; the directory is made for this test and removed after it.
  if ! mkdir -p "$installed" 2>/dev/null; then
    echo "skip: cannot create $installed to stand for an installed version (not root)"
    finish
  fi
  created=$installed
  trap 'rm -rf "$scratch"; rm -rf "$created"; rmdir /usr/local/share/procedura 2>/dev/null' EXIT
fi
probe="$installed/zz-eco-build-tree-probe-$$.yaml"
printf 'format: 1\nid: Zly-Z-Instalacji\n' >"$probe"
[[ -n $created ]] || trap 'rm -rf "$scratch"; rm -f "$probe"' EXIT

cd "$scratch" || exit 1
out=$(env -u PROCEDURA_PATH "$PROCEDURA" lint --today 2000-01-01 2>&1)
check "the build-tree binary does not read the installed procedures" \
  bash -c '! grep -q zz-eco-build-tree-probe <<<"$1"' _ "$out"
check "it lints its own checkout's procedures" grep -qF "in $(find "$REPO/procedures" -name '*.yaml' | wc -l) files" <<<"$(tail -n1 <<<"$out")"

# Out of the build tree (no CMakeCache.txt beside it) the installed version is the one read.
cp "$PROCEDURA" "$scratch/procedura"
out=$(env -u PROCEDURA_PATH "$scratch/procedura" lint 2>&1)
check "a copy outside the build tree reads $installed" grep -q zz-eco-build-tree-probe <<<"$out"
finish
