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
