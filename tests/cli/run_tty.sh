#!/usr/bin/env bash
# A real terminal session driven with tmux: the menu and its filter, help, back, quit with
# confirmation, the default transcript location, Ctrl-C, and resuming in a terminal.
set -uo pipefail
if ! command -v tmux >/dev/null; then
  echo "SKIP: tmux is not installed (scripts/setup.sh --tests installs it)"
  exit 0
fi
tmp=$(mktemp -d)
session="procedura-tty-$$"
cleanup() { tmux kill-server -L "$session" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*"; tmux -L "$session" capture-pane -p -t "$session" 2>/dev/null | sed 's/^/  | /'; failures=$((failures + 1)); }
screen() { tmux -L "$session" capture-pane -p -J -t "$session" -S -200; }
wait_for() {  # text: waits up to 30 s for it on the screen (slow under load and sanitizers)
  for _ in $(seq 300); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  fail "did not see '$1'"
  return 1
}
keys() { tmux -L "$session" send-keys -t "$session" "$@"; }
start() {  # command line to run in the terminal
  tmux -L "$session" kill-session -t "$session" 2>/dev/null
  tmux -L "$session" new-session -d -s "$session" -x 100 -y 50 \
    "cd '$TESTS/fixtures/run' && XDG_DATA_HOME='$tmp/data' NO_COLOR=1 PAGER=${PAGER_FOR_TEST:-cat} $1; echo EXIT=\$?; sleep 60"
}

# Menu: filter by part of a title, then help, an answer, back, and quit with confirmation.
start "'$PROCEDURA' run --procedures procedures"
wait_for "Dostępne procedury:"
wait_for "1) Uczeń pod wpływem alkoholu — dla: nauczyciel, pedagog"
keys "alkoh" Enter
wait_for "Pytanie 1"
wait_for "Zapis przebiegu: $tmp/data/procedura/transcripts/"
keys "?" Enter
wait_for "Utrata przytomności, wymioty, brak kontaktu."
keys "tak" Enter
wait_for "Pytanie 2"
keys "15" Enter
wait_for "Pytanie 3"
keys "b" Enter
wait_for "Ta odpowiedź przestała obowiązywać: „Ile lat ma uczeń?” — 15 lat"
keys "16" Enter
wait_for "Imię i nazwisko ucznia"
keys "q" Enter
wait_for "(tak/nie)"
keys "nie" Enter
wait_for "Kontynuujemy."
keys "q" Enter
keys "tak" Enter
wait_for "Przerwano na życzenie operatora."
wait_for "EXIT=130"

transcript=$(ls "$tmp"/data/procedura/transcripts/*-incydent.jsonl 2>/dev/null | head -1)
if [[ -z "$transcript" ]]; then
  fail "no transcript in the default location"
else
  [[ $(stat -c %a "$transcript") == 600 ]] || fail "default transcript mode"
  # Quitting with q ends the interview for good: the transcript is sealed, not resumable.
  "$PROCEDURA" verify "$transcript" | grep -q "ended by the operator" \
    || fail "a quit transcript is not sealed as ended by the operator"

  # An interview cut off by Ctrl-C is resumed in the terminal: the two kept answers are
  # restored, the interview goes on.
  transcript="$tmp/cut.jsonl"
  start "'$PROCEDURA' run incydent --procedures procedures --transcript '$transcript'"
  wait_for "Pytanie 1"
  keys "tak" Enter
  wait_for "Pytanie 2"
  keys "16" Enter
  wait_for "Imię i nazwisko ucznia"
  keys C-c
  wait_for "EXIT=130"
  start "'$PROCEDURA' run --resume '$transcript'"
  wait_for "Wznowiono z zapisu przebiegu: odtworzono 2 odpowiedzi."
  wait_for "Pytanie 3"
  keys "Anna" Enter
  wait_for "Jakie objawy widać?"
  keys "zap" Enter
  wait_for "Czy udało się skontaktować z rodzicami?"
  keys "tak" Enter
  wait_for "Kto dostarczył alkohol?"
  keys C-c
  wait_for "Przerwano (Ctrl-C)."
  wait_for "EXIT=130"
  tail -1 "$transcript" | grep -q '"event":"aborted".*"reason":"interrupted"' || fail "Ctrl-C did not write an aborted event"

  start "'$PROCEDURA' run --resume '$transcript'"
  wait_for "odtworzono 2 z 5 zapisanych odpowiedzi"
  wait_for "podaj ją ponownie"  # the personal answer was never written down
  keys "Anna" Enter
  wait_for "Kto dostarczył alkohol?"
  keys "nie w" Enter
  wait_for "RAPORT KOŃCOWY"
  wait_for "Wezwij rodziców do szkoły"
  wait_for "EXIT=0"
  "$PROCEDURA" verify "$transcript" | grep -q "completed" || fail "the resumed transcript is not completed"
fi

# A report taller than the terminal goes through $PAGER; --no-pager prints it directly.
tall=$'zagrozenie: yes\nwiek: 14\nimie: Jan\nobjawy: [zapach, chwiejny]\nwezwanie-rodzicow.rodzice_osiagalni: yes\nsprawca: dorosly\n'
printf '%s' "$tall" >"$tmp/tall.yaml"
tmux -L "$session" kill-session -t "$session" 2>/dev/null
tmux -L "$session" new-session -d -s "$session" -x 100 -y 12 \
  "cd '$TESTS/fixtures/run' && NO_COLOR=1 PAGER='sed s/^/PAGED:/' '$PROCEDURA' run incydent --procedures procedures --answers '$tmp/tall.yaml' --no-transcript; echo EXIT=\$?; sleep 60"
wait_for "PAGED:RAPORT KOŃCOWY"
wait_for "EXIT=0"
tmux -L "$session" kill-session -t "$session" 2>/dev/null
tmux -L "$session" new-session -d -s "$session" -x 100 -y 12 \
  "cd '$TESTS/fixtures/run' && NO_COLOR=1 PAGER='sed s/^/PAGED:/' '$PROCEDURA' run incydent --procedures procedures --answers '$tmp/tall.yaml' --no-transcript --no-pager; echo EXIT=\$?; sleep 60"
wait_for "EXIT=0"
screen | grep -qF "RAPORT KOŃCOWY" || fail "--no-pager: the report is not on the screen"
screen | grep -q "PAGED:" && fail "--no-pager still paged the report"

# Ctrl-D at the menu ends input: said so, and exit 3 as at a question; Ctrl-C there is 130.
start "'$PROCEDURA' run --procedures procedures"
wait_for "Dostępne procedury:"
keys C-d
wait_for "Koniec danych wejściowych przy wyborze procedury: nic nie wybrano."
wait_for "EXIT=3"
start "'$PROCEDURA' run --procedures procedures"
wait_for "Dostępne procedury:"
keys C-c
wait_for "EXIT=130"

if ((failures)); then echo "$failures failure(s)"; exit 1; fi
echo "run_tty: all passed"
