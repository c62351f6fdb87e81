# `cmake --install` into a scratch prefix: binary, bundled procedures, schemas, man page and
# bash completion in the GNU directories; the installed binary finds its procedures with
# no flags and no environment.
source "$(dirname "$0")/eco_helpers.bash"

build=$(build_dir) || { fail "no CMake build directory above $PROCEDURA"; finish; }
if ! has_bundled_procedures; then
  echo "skip: this tree has no bundled procedures (procedures/*.yaml) to install"
  finish
fi
prefix="$scratch/prefix"
if cmake --install "$build" --prefix "$prefix" >"$scratch/install.log" 2>&1; then
  pass "cmake --install"
else
  fail "cmake --install: $(cat "$scratch/install.log")"
  finish
fi

for file in bin/procedura share/man/man1/procedura.1.gz share/bash-completion/completions/procedura \
  share/procedura/schema/procedure.schema.json share/procedura/schema/test.schema.json; do
  check "installs $file" test -s "$prefix/$file"
done
check "the binary is executable" test -x "$prefix/bin/procedura"
bundled=$(find "$REPO/procedures" -name '*.yaml' -o -name '*.yml' | wc -l)
installed=$(find "$prefix/share/procedura/procedures" -name '*.yaml' -o -name '*.yml' | wc -l)
check "installs all $bundled bundled procedure files (found $installed)" test "$bundled" -eq "$installed"

# Run from elsewhere, with a minimal environment, so nothing points back at the sources.
cd "$scratch" || exit 1
installed_procedura() { env -i PATH=/usr/bin:/bin HOME="$scratch" NO_COLOR=1 LC_ALL=C.UTF-8 "$prefix/bin/procedura" "$@"; }
out=$(installed_procedura --version)
check "--version prints the version" grep -qE '^procedura [0-9]+\.[0-9]+\.[0-9]+' <<<"$out"
check "--version lists the supported formats" grep -q 'formats: 1' <<<"$out"

out=$(installed_procedura lint --today 2000-01-01)
status=$?
check "lint with no flags exits 0 or 1 (exit $status)" test "$status" -le 1
summary=$(tail -n 1 <<<"$out")
files=$(sed -nE 's/.* in ([0-9]+) files?$/\1/p' <<<"$summary")
check "lint with no flags checks the installed procedures: '$summary'" test "${files:-0}" -gt 0

# Proof that it reads the installed copy: a file added there is linted.
printf 'format: 1\nid: Zly-Identyfikator\n' >"$prefix/share/procedura/procedures/zz-probe.yaml"
out=$(installed_procedura lint)
check "lint reads share/procedura/procedures next to the binary" grep -q "$prefix/share/procedura/procedures/zz-probe.yaml" <<<"$out"

out=$(installed_procedura schema)
check "the installed binary prints the schema" test "$out" = "$(cat "$REPO/schema/procedure.schema.json")"
command -v man >/dev/null && check "the installed man page renders" bash -c "MANWIDTH=80 man -l '$prefix/share/man/man1/procedura.1.gz' 2>/dev/null | grep -q 'EXIT STATUS'"
finish
