# `procedura lint --jobs N`: files are read and parsed on N threads, yet the output is
# byte-identical and in the same order whatever N is.
source "$(dirname "$0")/lib.sh"
cd "$REPO"

for format in text json sarif github; do
  "$PROCEDURA" lint --today 2026-01-01 --format "$format" -j1 procedures tests/lint >"$scratch/j1.$format" 2>"$scratch/j1.err"
  status1=$?
  "$PROCEDURA" lint --today 2026-01-01 --format "$format" --jobs 4 procedures tests/lint >"$scratch/j4.$format" 2>"$scratch/j4.err"
  status4=$?
  if cmp -s "$scratch/j1.$format" "$scratch/j4.$format" && [[ $status1 == "$status4" ]]; then
    pass "-j1 and -j4 agree ($format)"
  else
    fail "-j1 and -j4 differ ($format): $(diff "$scratch/j1.$format" "$scratch/j4.$format" | head -5)"
  fi
done
[[ -s "$scratch/j1.text" ]] && grep -q "in [0-9]* files" "$scratch/j1.text" && pass "text output has a summary" \
  || fail "no summary in the -j1 output"

# The default (one thread per core) agrees too, and so does a file named twice.
run "$PROCEDURA" lint --today 2026-01-01 procedures tests/lint
expect_equal_file "$out" "$scratch/j1.text" "default --jobs agrees"
run "$PROCEDURA" lint -j 3 tests/lint/yaml-syntax/good-minimal.yaml tests/lint/yaml-syntax/good-minimal.yaml
expect_contains "$out" "0 errors, 0 warnings in 2 files" "a file named twice is loaded once"

run "$PROCEDURA" lint --jobs 0 procedures
expect_status 2 "--jobs 0 is a usage error"
expect_contains "$err" "--jobs: Value 0 not in range 1 to" "the message names the option and its range"
finish
