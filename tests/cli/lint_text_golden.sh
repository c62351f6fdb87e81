# Golden test of `procedura lint` text output: location, message, rule, source line and
# caret (after Polish letters), notes, and the summary line.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/cli/golden"
run "$PROCEDURA" lint --today 2026-01-01 lint-sample.yaml
expect_status 1 "errors give exit status 1"
expect_equal_file "$out" lint-sample.expected "text format with carets and notes"
finish
