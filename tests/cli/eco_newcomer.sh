#!/usr/bin/env bash
# The newcomer's path through README.md: every relative link points at a file of this
# repository (never outside it), the Install section is there, its "on PATH" way works from
# any folder, and scripts/run.sh builds the binary alone and says where it is.
source "$(dirname "$0")/eco_helpers.bash"

readme="$REPO/README.md"
check "README.md has an Install section" grep -qx '## Install' "$readme"
check "README.md links the format reference docs/format.md" grep -qF '(docs/format.md)' "$readme"
while read -r link; do
  target=${link%%#*}
  [[ -z "$target" ]] && continue
  case "$target" in
    http://* | https://* | mailto:*) continue ;;
  esac
  resolved=$(realpath -m "$REPO/$target")
  check "README link $target stays inside the repository" test "${resolved#"$REPO"/}" != "$resolved"
  check "README link $target exists" test -e "$resolved"
done < <(grep -oE '\]\([^)]+\)' "$readme" | sed 's/^](//; s/)$//')
check "README names no file outside the repository" bash -c '! grep -q "\.\./" "$1"' _ "$readme"

# Install, "on PATH": the build folder on PATH, then `procedura` from anywhere.
build=$(dirname "$PROCEDURA")
out=$(cd "$scratch" && PATH="$build:$PATH" procedura --version)
check "with build/ on PATH, 'procedura --version' works from another folder" grep -q '^procedura ' <<<"$out"
out=$(cd "$scratch" && PATH="$build:$PATH" procedura lint --today 2000-01-01 2>&1 | tail -n 1)
check "and lints this checkout's procedures: $out" grep -qE 'in [0-9]+ files$' <<<"$out"

# The example's "Try it" commands, as its header writes them, from the repository's root
# (scripted: a run without --answers would wait at the prompt).
while read -r command; do
  [[ "$command" == *"--answers"* || "$command" == "procedura test"* ]] || continue
  status=0
  (cd "$REPO" && PATH="$build:$PATH" XDG_DATA_HOME="$scratch" $command >/dev/null 2>&1 </dev/null) || status=$?
  check "the example's '$command' works (exit $status)" test "$status" -eq 0
done < <(sed -n 's/^#   \(procedura .*\)$/\1/p' "$REPO/examples/poznaj-format.yaml")

# scripts/run.sh: the binary alone (the tests take minutes more), then where it is.
run_sh="$REPO/scripts/run.sh"
check "run.sh builds the procedura target only" grep -q '^BUILD_TARGET=procedura bash scripts/build.sh' "$run_sh"
check "build.sh passes BUILD_TARGET to cmake --build" grep -q -- '--target "\$BUILD_TARGET"' "$REPO/scripts/build.sh"
check "run.sh says where the binary is" grep -q 'procedura is built: .*build/procedura' "$run_sh"
finish
