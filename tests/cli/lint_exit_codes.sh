# Exit statuses of `procedura lint`: 0 clean (warnings allowed), 1 errors or (with
# --strict) warnings, 2 usage errors and unreadable input; --disable and suppressions.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/lint"

run "$PROCEDURA" lint --today 2026-01-01 yaml-syntax/good-minimal.yaml
expect_status 0 "clean file"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "summary of a clean run"

run "$PROCEDURA" lint --today 2026-01-01 review-overdue/bad-overdue.yaml
expect_status 0 "warnings alone pass"
run "$PROCEDURA" lint --strict --today 2026-01-01 review-overdue/bad-overdue.yaml
expect_status 1 "--strict fails on warnings"
run "$PROCEDURA" lint --strict --today 2026-01-01 --disable review-overdue review-overdue/bad-overdue.yaml
expect_status 0 "--disable removes a rule"
run "$PROCEDURA" lint --disable no-such-rule review-overdue/good.yaml
expect_status 2 "--disable with an unknown rule is a usage error"

run "$PROCEDURA" lint --today 2026-01-01 unknown-key/bad-typo.yaml
expect_status 1 "errors exit 1"
run "$PROCEDURA" lint --today 2026-01-01 unknown-key
expect_status 1 "a directory is linted recursively"
files=$(find unknown-key -name '*.yaml' | wc -l)
expect_contains "$out" "in $files files" "every file of the directory counted"

run "$PROCEDURA" lint --today 2026-01-01 --strict bad-suppression/good-suppressed.yaml
expect_status 0 "an end-of-line disable= comment suppresses"
run "$PROCEDURA" lint --today 2026-01-01 bad-suppression/bad-unknown-rule.yaml
expect_status 0 "an unknown rule in a directive is only a warning"
expect_contains "$out" "unknown rule 'no-such-rule'" "directive with an unknown rule reported"

cat > "$scratch/file-wide.yaml" <<'YAML'
# procedura: disable-file=unused-definition
format: 1
id: file-wide
version: 1.0.0
title: T
actions:
  a: {text: A}
  b: {text: B}
start: k
nodes:
  k:
    outcome: Done
YAML
run "$PROCEDURA" lint --strict "$scratch/file-wide.yaml"
expect_status 0 "disable-file= suppresses the rule in the whole file"

run "$PROCEDURA" lint "$scratch/does-not-exist.yaml"
expect_status 2 "a missing file"
expect_contains "$out" "does not exist [io-error]" "missing file named"
run "$PROCEDURA" lint
# No path: the procedures search path (the bundled set) is linted.
[[ "$status" == 0 || "$status" == 1 ]] && pass "lint without paths uses the search path" || fail "lint without paths: $status $err"
run "$PROCEDURA" explain unknown-key
expect_status 0 "explain prints a rule page"
expect_contains "$out" "unknown-key" "explain names the rule"
run "$PROCEDURA" explain no-such
expect_status 2 "explain of an unknown rule"
finish
