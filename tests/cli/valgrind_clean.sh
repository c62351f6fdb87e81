# valgrind (memcheck) finds no invalid access and no leak in a representative lint and a
# scripted run. Skipped when valgrind is not installed (it is not a build dependency) and
# in the sanitizer build (ASan and valgrind cannot share a process).
source "$(dirname "$0")/lib.sh"
if ! command -v valgrind >/dev/null; then
  echo "skip: valgrind is not installed"
  finish
fi
if ldd "$PROCEDURA" 2>/dev/null | grep -qE 'libasan|libubsan'; then
  echo "skip: $PROCEDURA is built with sanitizers"
  finish
fi
memcheck() {  # memcheck NAME ARGS...: valgrind's own status is 99, procedura's passes through
  local name=$1
  shift
  valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
    --log-file="$scratch/$name.vg" "$PROCEDURA" "$@" >"$scratch/$name.out" 2>&1 </dev/null
  status=$?
  if ((status == 99)); then
    fail "$name: valgrind reports errors: $(grep -m5 -E '==[0-9]+== (Invalid|Conditional|Use of|.*definitely|.*indirectly|ERROR SUMMARY)' "$scratch/$name.vg")"
  elif grep -q "ERROR SUMMARY: 0 errors" "$scratch/$name.vg"; then
    pass "$name: valgrind clean (exit $status)"
  else
    fail "$name: no valgrind summary: $(tail -5 "$scratch/$name.vg")"
  fi
}
memcheck lint lint "$TESTS/fixtures/run/procedures" "$TESTS/lint/import-error/good" "$REPO/examples"
memcheck run run incydent --procedures "$TESTS/fixtures/run/procedures" \
  --answers "$TESTS/fixtures/run/odpowiedzi.yaml" --format json --no-transcript
memcheck hostile lint "$TESTS/hostile/everything-at-once.yaml"
finish
