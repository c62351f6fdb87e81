#!/usr/bin/env bash
# Golden tests of `procedura run` with piped and file answers, in Polish and English, in
# every report format. UPDATE_GOLDEN=1 rewrites the expected files.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/fixtures/run" || exit 1
export PROCEDURA_NOW=2024-05-06T10:30:00 TZ=UTC
expected=expected

golden() {  # golden NAME CMD...: stdout+stderr and the exit status are compared with expected/NAME
  local name=$1; shift
  local actual
  actual=$("$@" 2>&1; echo "exit: $?")
  if [[ "${UPDATE_GOLDEN:-}" == 1 ]]; then
    printf '%s\n' "$actual" >"$expected/$name"
    pass "$name rewritten"
  else
    expect_equal_file "$actual" "$expected/$name" "$name"
  fi
}

golden pl_text.txt sh -c 'printf "nie\n14\nJan Kowalski\n1, 2\ntak\n2\n" | "$PROCEDURA" run procedures/incydent.yaml --directory kontakty.yaml'
golden en_text.txt sh -c 'printf "no\n14\nJan Kowalski\nsmell\nyes\nadult\n" | "$PROCEDURA" run incydent --procedures procedures --lang en'
golden pl_json.json "$PROCEDURA" run incydent --procedures procedures --answers odpowiedzi.yaml --format json
golden pl_markdown.md "$PROCEDURA" run incydent --procedures procedures --answers odpowiedzi.yaml --format markdown --operator "Ewa Nauczycielka"
golden en_markdown_personal.md "$PROCEDURA" run incydent --procedures procedures --answers odpowiedzi.yaml --format markdown --lang en --keep-personal
# Invalid input re-prompts with the reason; back drops the later answer and says which.
golden pl_reprompt_back.txt sh -c 'printf "może\n?\n1\n5\n19\nb\n20\nx\nb\nq\nnie\nq\ntak\n" | "$PROCEDURA" run incydent --procedures procedures'
# A step is shown as an instruction; the adult route.
golden en_adult.txt sh -c 'printf "n\n19\nJan\n\n" | "$PROCEDURA" run incydent --procedures procedures --lang en --plain'
finish
