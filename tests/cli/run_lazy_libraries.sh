#!/usr/bin/env bash
# libcrypto (SHA-256) and libedit (line editing) are opened when first needed, not linked:
# commands that need neither run without them, and when one cannot be opened the command
# that needs it says which library and package are missing. PROCEDURA_TEST_UNLOADABLE makes
# an open fail, as an uninstalled library would.
source "$(dirname "$0")/lib.sh"
fixtures="$TESTS/fixtures/run"
crypto=libcrypto.so.3

linked=$(ldd "$PROCEDURA" 2>/dev/null)
expect_not_contains "$linked" libcrypto "libcrypto is not linked"
expect_not_contains "$linked" libedit "libedit is not linked"

run "$PROCEDURA" run incydent --procedures "$fixtures/procedures" --answers "$fixtures/odpowiedzi.yaml" --no-transcript
expect_status 0 "a text report without libcrypto loaded"
plain=$out
export PROCEDURA_TEST_UNLOADABLE=$crypto
run "$PROCEDURA" run incydent --procedures "$fixtures/procedures" --answers "$fixtures/odpowiedzi.yaml" --no-transcript
expect_status 0 "the text report needs no SHA-256"
check "the text report is the same without libcrypto" test "$out" == "$plain"
run "$PROCEDURA" list --procedures "$fixtures/procedures"
expect_status 0 "list needs no SHA-256"

run "$PROCEDURA" run incydent --procedures "$fixtures/procedures" --answers "$fixtures/odpowiedzi.yaml" --no-transcript --format json
expect_status 2 "the JSON report, which names the file's SHA-256, cannot be made"
expect_contains "$err" "procedura: SHA-256 (file fingerprints): $crypto (Debian package libssl3) could not be loaded: " "the missing library and its package"
expect_not_contains "$err" "internal error" "not called an internal error"
run "$PROCEDURA" run incydent --procedures "$fixtures/procedures" --answers "$fixtures/odpowiedzi.yaml" --transcript "$scratch/t.jsonl"
expect_status 2 "a transcript, chained by SHA-256, cannot be kept"
expect_contains "$err" "$crypto (Debian package libssl3) could not be loaded" "the transcript's error names the library"
unset PROCEDURA_TEST_UNLOADABLE

# Without libedit the prompt reads answers unedited, after one notice (a terminal is needed).
if command -v tmux >/dev/null; then
  session="procedura-lazy-$$"
  tmux -L "$session" new-session -d -s "$session" -x 100 -y 40 \
    "cd '$fixtures' && PROCEDURA_TEST_UNLOADABLE=libedit.so.2 '$PROCEDURA' run incydent --procedures procedures --no-transcript; echo EXIT=\$?; sleep 60"
  screen() { tmux -L "$session" capture-pane -p -J -t "$session" -S -200; }
  wait_for() {
    for _ in $(seq 300); do screen | grep -qF -- "$1" && return 0; sleep 0.1; done
    return 1
  }
  if wait_for "Pytanie 1"; then pass "the interview starts without libedit"; else fail "no first question: $(screen)"; fi
  check "one notice names libedit and its package" wait_for "procedura: line editing: libedit.so.2 (Debian package libedit2) could not be loaded"
  tmux -L "$session" send-keys -t "$session" "q" Enter "tak" Enter
  check "answers are still read (q, tak ends the interview)" wait_for "EXIT=130"
  notices=$(screen | grep -c "could not be loaded")
  check "the notice is shown once ($notices)" test "$notices" -eq 1
  tmux -L "$session" kill-server 2>/dev/null
else
  echo "skip: tmux is not installed: the prompt without libedit is not checked"
fi
finish
