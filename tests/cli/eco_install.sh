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

check_installed "$prefix/bin/procedura" "$prefix/share/procedura"
check "--version lists the supported formats" grep -q 'formats: 1' <<<"$(installed_procedura --version)"

out=$(installed_procedura schema)
check "the installed binary prints the schema" test "$out" = "$(cat "$REPO/schema/procedure.schema.json")"
command -v man >/dev/null && check "the installed man page renders" bash -c "MANWIDTH=80 man -l '$prefix/share/man/man1/procedura.1.gz' 2>/dev/null | grep -q 'EXIT STATUS'"
finish
