# Bash completion: runs the completion function of completion/procedura.bash on sample
# command lines, with the built binary first on PATH, and checks COMPREPLY.
source "$(dirname "$0")/eco_helpers.bash"

export PATH="$(dirname "$PROCEDURA"):$PATH"
# shellcheck source=../../completion/procedura.bash
source "$REPO/completion/procedura.bash"

# complete_line WORD...: completes the last word; the candidates end up in $reply (sorted).
complete_line() {
  COMP_WORDS=("$@")
  COMP_CWORD=$(($# - 1))
  COMP_LINE="$*"
  COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  _procedura
  reply=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  reply=${reply% }
}

expect_reply() {  # expect_reply WANT WORD...
  local want=$1
  shift
  complete_line "$@"
  if [[ "$reply" == "$want" ]]; then pass "[$*] -> [$want]"; else fail "[$*] -> [$reply], wanted [$want]"; fi
}

expect_includes() {  # expect_includes CANDIDATE WORD...
  local want=$1
  shift
  complete_line "$@"
  if [[ " $reply " == *" $want "* ]]; then pass "[$*] offers $want"; else fail "[$*] -> [$reply], missing $want"; fi
}

check "the script registers _procedura for procedura" bash -c "source '$REPO/completion/procedura.bash' && complete -p procedura | grep -q _procedura"

expect_reply "lint list" procedura li
expect_reply "lint" procedura lin
expect_reply "explain" procedura expl
expect_reply "--help --version" procedura --
# Every subcommand that --help lists is offered, and the hidden `complete` is not.
complete_line procedura ""
all=" $reply "
while read -r sub; do
  if [[ "$all" == *" $sub "* ]]; then pass "offers subcommand $sub"; else fail "subcommand $sub not offered: [$reply]"; fi
done < <(subcommands)
if [[ "$all" == *" complete "* ]]; then fail "offers the hidden subcommand complete"; else pass "hides complete"; fi

expect_reply "github json sarif text" procedura lint --format ""
expect_reply "json" procedura lint --format j
expect_reply "json" procedura lint --format = j
expect_reply "always auto never" procedura lint --color ""
expect_reply "dangling-ref" procedura explain dang
expect_reply "unused-definition" procedura lint --disable unu
expect_includes "--strict" procedura lint --
expect_reply "--disable" procedura lint --dis
expect_reply "--jobs" procedura lint --jo
expect_reply "--cache-dir" procedura lint --cache-d
expect_includes "--list" procedura explain --
expect_reply "json junit text" procedura test --format ""
expect_reply "--min-coverage" procedura test --min
expect_reply "json text" procedura list --format ""
expect_includes "--procedures" procedura list --

# Every long option that `procedura CMD --help` prints is offered, for every subcommand.
while read -r sub; do
  complete_line procedura "$sub" --
  while read -r option; do
    [[ -z "$option" ]] && continue
    if [[ " $reply " == *" $option "* ]]; then pass "$sub offers $option"; else fail "$sub does not offer $option: [$reply]"; fi
  done < <(long_options "$sub")
done < <(subcommands)

# Paths: directories for --root, files for positional PATH arguments.
mkdir -p "$scratch/tree/procedures-dir"
touch "$scratch/tree/plik.yaml"
cd "$scratch/tree" || exit 1
expect_reply "procedures-dir" procedura lint --root proc
expect_reply "plik.yaml" procedura lint pl

# Procedure ids from the directories given with --procedures (or the search path).
mkdir -p "$scratch/ids"
cat >"$scratch/ids/a.yaml" <<'YAML'
format: 1
id: zgloszenie-testowe
version: 1.0.0
title: "Test"
start: koniec
nodes:
  koniec: {outcome: "Done."}
YAML
ids=$(PROCEDURA_PATH="$scratch/ids" "$PROCEDURA" complete ids)
check "complete ids lists the procedures of PROCEDURA_PATH" test "$ids" = "zgloszenie-testowe"
ids=$("$PROCEDURA" complete ids "$scratch/ids")
check "complete ids lists the procedures of a directory" test "$ids" = "zgloszenie-testowe"
rules=$("$PROCEDURA" complete rules)
check "complete rules lists every rule of explain --list" \
  test "$rules" = "$("$PROCEDURA" explain --list | awk '{print $1}')"
# Subcommands that take a procedure id complete it from the search path.
while read -r sub; do
  [[ "$("$PROCEDURA" complete positional "$sub")" == id ]] || continue
  PROCEDURA_PATH="$scratch/ids" complete_line procedura "$sub" zgl
  check "$sub completes procedure ids" test "$reply" = "zgloszenie-testowe"
done < <(subcommands)
if "$PROCEDURA" --help | grep -qw complete; then fail "complete shows in --help"; else pass "complete is hidden"; fi
finish
