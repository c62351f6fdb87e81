# Control characters from files never reach a terminal or a line-based format: the
# control-character rule refuses them in procedure texts and keys (and lint shows them as
# escapes, keys on one line), and what else reaches the screen (answers, file names) is
# shown as visible escapes by run (Markdown, the interview in a real terminal), drill, diff.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
esc=$'\x1b'
no_controls() {  # no_controls TEXT DESCRIPTION: no ESC, BEL, C1 CSI or bidi override left
  if [[ "$1" == *"$esc"* || "$1" == *$'\a'* || "$1" == *$'\xc2\x9b'* || "$1" == *$'\u202e'* ]]; then
    fail "$2: a raw control reached the output:"$'\n'"$(printf '%s' "$1" | cat -v)"
  else
    pass "$2"
  fi
}

# lint: the rule fires at each text, and the text output shows the controls escaped.
run "$PROCEDURA" lint "$TESTS/hostile/terminal-texts.yaml"
expect_status 1 "lint refuses texts with controls"
expect_contains "$out" "terminal-texts.yaml:7:14: error: the text holds the invisible control character U+001B (shown as \\x1B)" "control-character at the title's ESC"
expect_contains "$out" "[control-character]" "the rule is named"
no_controls "$out" "lint text output"

# A key with a newline cannot forge a diagnostic line; a key with ESC stays inert.
run "$PROCEDURA" lint "$TESTS/hostile/forged-diagnostic.yaml"
expect_status 1 "lint of forged keys"
if grep -q '^/etc/passwd:1:1: error' <<<"$out"; then fail "a key forged a diagnostic line:"$'\n'"$out"; else pass "no forged diagnostic line"; fi
expect_contains "$out" 'uwaga\n/etc/passwd:1:1: error: podrobiony komunikat' "the key is quoted on one line with \\n"
no_controls "$out" "lint text output for keys"
run "$PROCEDURA" lint --format github "$TESTS/hostile/forged-diagnostic.yaml"
no_controls "$out" "lint --format github"
if grep -q '^/etc/passwd' <<<"$out"; then fail "github output has a forged line"; else pass "github output keeps one command per line"; fi
expect_contains "$out" 'klucz\x1B]52;c;cm0gLXJmIH4K\x07' "github shows ESC and BEL as escapes"

# Such a file is never run, drilled, compared or rendered: it has errors.
run "$PROCEDURA" run "$TESTS/hostile/terminal-texts.yaml" --no-transcript
expect_status 2 "run refuses a procedure holding controls"
expect_contains "$err" "terminal-texts.yaml:7:14: error: the text holds the invisible control character U+001B" "run's refusal names the place of the control"
expect_contains "$err" "[control-character]" "run's refusal names the rule"
no_controls "$err" "run's refusal"

# What still reaches the screen from outside the procedure (typed or scripted answers, file
# names) is shown escaped: reports, Markdown, drill, diff, and the interview.
printf 'format: 1\nid: notatka\nversion: 1.0.0\ntitle: Notatka\nstart: uwagi\nnodes:\n  uwagi:\n    ask: Co się stało?\n    type: text\n    next: koniec\n  koniec:\n    outcome: Koniec.\n' >n.yaml
printf 'uwagi: "Bójka\\e]52;c;cm0gLXJmIH4K\\a na\\u202E przerwie\\x9B2J"\n' >answers.yaml
run "$PROCEDURA" run n.yaml --answers answers.yaml --no-transcript --format markdown
expect_status 0 "a scripted run, Markdown report"
no_controls "$out" "run report (Markdown)"
expect_contains "$out" 'Bójka\\x1B\]52;c;cm0gLXJmIH4K\\x07 na\\u202E przerwie\\u009B2J' "the answer's OSC 52, bidi override and C1 CSI are escapes in Markdown"
run bash -c "printf '\n' | '$PROCEDURA' drill n.yaml --seed 1 --answers answers.yaml"
no_controls "$out" "drill"
expect_contains "$out" 'Bójka\x1B]52;c;cm0gLXJmIH4K\x07 na\u202E przerwie\u009B2J' "drill shows the answer's controls as escapes"
titled=$'v\e]0;przejety\a.yaml'
cp n.yaml "$titled"
sed 's/Koniec\./Koniec inaczej./' n.yaml >n2.yaml
run "$PROCEDURA" diff "$titled" n2.yaml
no_controls "$out" "diff"
expect_contains "$out" 'v\x1B]0;przejety\x07.yaml' "diff shows a file name's controls as escapes"

# The interview in a real terminal: a transcript path retitling the window is shown as text.
if command -v tmux >/dev/null; then
  session="procedura-hostile-$$"
  tmux -L "$session" new-session -d -s "$session" -x 120 -y 40 \
    "cd '$scratch' && NO_COLOR=1 '$PROCEDURA' run n.yaml --transcript \$'t\\e]0;przejety\\a.jsonl'; sleep 30"
  shown=""
  for _ in $(seq 300); do
    shown=$(tmux -L "$session" capture-pane -p -J -t "$session")
    [[ "$shown" == *"Co się stało"* ]] && break
    sleep 0.1
  done
  title=$(tmux -L "$session" display-message -p -t "$session" '#{pane_title}')
  tmux -L "$session" kill-server 2>/dev/null
  expect_contains "$shown" 't\x1B]0;przejety\x07.jsonl' "the interview shows the path's OSC as text"
  if [[ "$title" == *"przejety"* ]]; then fail "the terminal was retitled: $title"; else pass "the terminal keeps its title"; fi
else
  echo "skip: tmux is not installed (scripts/setup.sh --tests installs it)"
fi
finish
