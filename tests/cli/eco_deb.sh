# `cpack -G DEB` builds an installable Debian package with the right metadata; unpacked
# into a scratch root, its binary runs and finds the bundled procedures beside it.
source "$(dirname "$0")/eco_helpers.bash"

build=$(build_dir) || { fail "no CMake build directory above $PROCEDURA"; finish; }
if ! has_bundled_procedures; then
  echo "skip: this tree has no bundled procedures (procedures/*.yaml) to package"
  finish
fi
for tool in cpack dpkg-deb; do
  command -v "$tool" >/dev/null || { fail "$tool is not installed (scripts/setup.sh --tests)"; finish; }
done
# -B keeps the package and CPack's staging out of the build directory (tests run in parallel).
if cpack -G DEB --config "$build/CPackConfig.cmake" -B "$scratch/pkg" >"$scratch/cpack.log" 2>&1; then
  pass "cpack -G DEB"
else
  fail "cpack -G DEB: $(cat "$scratch/cpack.log")"
  finish
fi
deb=$(find "$scratch/pkg" -maxdepth 1 -name 'procedura_*.deb' | head -n 1)
check "the package is named procedura_VERSION_ARCH.deb" test -n "$deb"
[[ -n "$deb" ]] || finish

field() { dpkg-deb -f "$deb" "$1"; }
check "Package: procedura" test "$(field Package)" = procedura
check "Version is the project version" grep -qE '^[0-9]+\.[0-9]+\.[0-9]+' <<<"$(field Version)"
check "Section: utils" test "$(field Section)" = utils
check "a Maintainer" test -n "$(field Maintainer)"
check "a Description" test -n "$(field Description)"
depends=$(field Depends)
for library in libyaml-cpp0.7 libfmt9 libc6 libstdc++6; do
  check "Depends names $library ($depends)" grep -q "$library" <<<"$depends"
done
# libcrypto and libedit are opened when first used, not linked (src/util/shared_library.h):
# dpkg-shlibdeps cannot see them, so Depends must name their packages itself.
for library in libssl3 libedit2; do
  check "Depends names $library ($depends)" grep -q "$library" <<<"$depends"
done

check "Suggests: graphviz (for graph and drawn flows)" grep -q graphviz <<<"$(field Suggests)"
check "graphviz is not a hard dependency" bash -c '! grep -q graphviz <<<"$1"' _ "$depends"
check "the Maintainer has a real mail host ($(field Maintainer))" bash -c '! grep -qiE "@(localhost|localdomain)" <<<"$1"' _ "$(field Maintainer)"
long=$(field Description | awk 'NR > 1 && length($0) > 80')
check "no description line is longer than 80 columns" test -z "$long"

# Debian policy, as lintian checks it: zero errors and zero warnings.
if grep -q '^PROCEDURA_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
  # No package is shipped from an instrumented build; the release build's run checks it.
  echo "skip lintian: a sanitizer build"
elif command -v lintian >/dev/null; then
  lintian --tag-display-limit 0 "$deb" >"$scratch/lintian.txt" 2>&1
  problems=$(grep -E '^[EW]: ' "$scratch/lintian.txt")
  check "lintian: no errors or warnings${problems:+: $problems}" test -z "$problems"
else
  fail "lintian is not installed (scripts/setup.sh --tests)"
fi

contents=$(dpkg-deb -c "$deb")
for file in ./usr/share/doc/procedura/copyright ./usr/share/doc/procedura/changelog.gz; do
  check "the package holds $file" grep -q " $file\$" <<<"$contents"
done
for file in ./usr/bin/procedura ./usr/share/man/man1/procedura.1.gz ./usr/share/bash-completion/completions/procedura \
  ./usr/share/procedura/schema/procedure.schema.json; do
  check "the package holds $file" grep -q " $file\$" <<<"$contents"
done
check "the package holds the bundled procedures" grep -qE ' \./usr/share/procedura/procedures/.*\.ya?ml$' <<<"$contents"

root="$scratch/root"
check "dpkg-deb -x unpacks it" dpkg-deb -x "$deb" "$root"
check_installed "$root/usr/bin/procedura" "$root/usr/share/procedura"
finish
