# --version names the version and the supported format versions; --help and every
# subcommand's --help (the list is read from --help at run time) show examples.
source "$(dirname "$0")/eco_helpers.bash"

out=$("$PROCEDURA" --version)
status=$?
check "--version exits 0" test "$status" -eq 0
check "--version prints 'procedura MAJOR.MINOR.PATCH'" grep -qE '^procedura [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out"
check "--version names the supported format versions" grep -qx 'procedure file formats: 1, 1.1' <<<"$out"

out=$("$PROCEDURA" --help)
check "--help shows Examples:" grep -q '^Examples:' <<<"$out"
check "--help shows the exit statuses" grep -q 'Exit status' <<<"$out"

count=0
while read -r sub; do
  count=$((count + 1))
  help=$("$PROCEDURA" "$sub" --help)
  status=$?
  check "$sub --help exits 0" test "$status" -eq 0
  check "$sub --help shows Examples:" grep -q '^Examples:' <<<"$help"
  # Each example line is a real invocation of this subcommand.
  examples=$(awk '/^Examples:/ {on = 1; next} on && /^  procedura / {print} on && !/^  / {on = 0}' <<<"$help")
  check "$sub's examples invoke 'procedura $sub'" grep -q "^  procedura $sub" <<<"$examples"
done < <(subcommands)
check "--help lists subcommands ($count)" test "$count" -ge 2
finish
