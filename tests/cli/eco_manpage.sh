# The man page documents every subcommand and every long option that the binary's --help
# prints (read at run time, so the test follows the CLI as it grows), has the sections
# users look for, and renders without warnings.
source "$(dirname "$0")/eco_helpers.bash"

page="$REPO/man/procedura.1"
check "man/procedura.1 exists" test -s "$page"
# The page as plain text: roff escapes of '-' undone, font changes dropped.
text=$(sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(em/--/g' "$page")

for section in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
  if grep -qE "^\.SH \"?$section\"?$" "$page"; then pass "section $section"; else fail "no section $section"; fi
done
for variable in PROCEDURA_PATH NO_COLOR CLICOLOR_FORCE COLUMNS XDG_DATA_HOME; do
  if grep -qw -- "$variable" <<<"$text"; then pass "ENVIRONMENT names $variable"; else fail "$variable undocumented"; fi
done
for status in 0 1 2 3 130; do
  if grep -A1 -x '.TP' "$page" | grep -qx ".B $status"; then pass "exit status $status"; else fail "exit status $status undocumented"; fi
done
# Every planned subcommand, implemented yet or not, has its own subsection.
for sub in lint explain run verify test graph render paths diff drill schema; do
  if grep -qE "^\.SS \"procedura $sub( |\")" "$page"; then pass "subsection for $sub"; else fail "no .SS for $sub"; fi
done

while read -r sub; do
  if grep -qE "^\.SS \"procedura $sub( |\")" "$page"; then pass "--help's $sub is documented"; else fail "$sub (in --help) missing from the man page"; fi
  # The option must appear inside the subcommand's own subsection.
  section=$(awk -v name="$sub" '
    /^\.SS / { on = ($0 ~ "^\\.SS \"procedura " name "[ \"]") ; next }
    /^\.SH / { on = 0 }
    on' "$page" | sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g')
  while read -r option; do
    [[ -z "$option" ]] && continue
    if grep -qE -- "(^|[^a-z-])$option([^a-z-]|$)" <<<"$section"; then
      pass "$sub $option documented"
    else
      fail "procedura $sub $option is not in the man page's $sub subsection"
    fi
  done < <(long_options "$sub")
done < <(subcommands)
for option in --help --version; do
  if grep -q -- "$option" <<<"$text"; then pass "$option documented"; else fail "$option undocumented"; fi
done

# Rendering: groff warnings (-ww) are errors; skipped when groff is not installed.
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$page" 2>&1)
  check "groff renders the page without warnings${warnings:+: $warnings}" test -z "$warnings"
  rendered=$(groff -man -Tutf8 -P-cbou "$page" 2>/dev/null)
  check "the rendered page has the EXIT STATUS section" grep -q "EXIT STATUS" <<<"$rendered"
else
  echo "skip: groff not installed, rendering not checked"
fi
if command -v man >/dev/null; then
  check "man -l reads the page" bash -c "MANWIDTH=80 man -l '$page' >/dev/null 2>'$scratch/man.err' && ! grep -q . '$scratch/man.err'"
fi
finish
