# Shared by tests/cli/eco_*.sh (named .bash so CTest's *.sh glob does not run it): lib.sh
# and the helpers only the eco_* scripts need.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# The subcommands that `procedura --help` lists, one per line (the help is the source of truth).
subcommands() {
  "$PROCEDURA" --help | awk '/^Subcommands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {on = 0}'
}

# The long options that `procedura CMD --help` prints, one per line, without --help.
long_options() {  # the options listed under "Options:", not those named in examples or notes
  "$PROCEDURA" "$1" --help | awk '/^Options:/ {on = 1; next} on && /^$/ {on = 0} on' | grep -oE '(^|[ ,])--[a-z][a-z0-9-]*' | sed 's/^[ ,]//' | grep -vx -- '--help' | sort -u
}

# A python3 that has jsonschema and yaml (scripts/setup.sh --tests installs Debian's).
python_with() {
  local candidate
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c "import $1" 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

# The build directory holding $PROCEDURA (for cmake --install and cpack).
build_dir() {
  local dir
  dir=$(dirname "$PROCEDURA")
  while [[ "$dir" != / && ! -f "$dir/CMakeCache.txt" ]]; do dir=$(dirname "$dir"); done
  [[ -f "$dir/CMakeCache.txt" ]] && echo "$dir"
}

has_bundled_procedures() {
  [[ -n "$(find "$REPO/procedures" \( -name '*.yaml' -o -name '*.yml' \) -print -quit 2>/dev/null)" ]]
}

# installed_procedura ARGS...: the installed binary ($installed_bin), run with a minimal
# environment so that nothing points back at the sources.
installed_procedura() { env -i PATH=/usr/bin:/bin HOME="$scratch" NO_COLOR=1 LC_ALL=C.UTF-8 "$installed_bin" "$@"; }

# check_installed BIN SHARE: what every installed copy (cmake --install, the .deb) must do,
# run from $scratch: --version runs, and lint with no flags checks the procedures installed
# in SHARE/procedures (not the sources'), as a file added there shows.
check_installed() {
  installed_bin=$1
  local procedures="$2/procedures" out status summary files
  cd "$scratch" || exit 1
  out=$(installed_procedura --version)
  check "the installed --version prints the version: ${out%%$'\n'*}" grep -qE '^procedura [0-9]+\.[0-9]+\.[0-9]+' <<<"$out"
  out=$(installed_procedura lint --today 2000-01-01)
  status=$?
  check "lint with no flags exits 0 or 1 (exit $status)" test "$status" -le 1
  summary=$(tail -n 1 <<<"$out")
  files=$(sed -nE 's/.* in ([0-9]+) files?$/\1/p' <<<"$summary")
  check "lint with no flags checks the installed procedures: '$summary'" test "${files:-0}" -gt 0
  printf 'format: 1\nid: Zly-Identyfikator\n' >"$procedures/zz-probe.yaml"
  out=$(installed_procedura lint)
  check "lint reads $procedures beside the binary" grep -q "$procedures/zz-probe.yaml" <<<"$out"
}
