# Exit statuses of `procedura lint`: 0 clean (warnings allowed), 1 errors or (with
# --strict) warnings, 2 usage errors and unreadable input; --disable and suppressions.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/lint"

run "$PROCEDURA" lint --today 2026-01-01 yaml-syntax/good-minimal.yaml
expect_status 0 "clean file"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "summary of a clean run"

run "$PROCEDURA" lint --today 2026-01-01 review-overdue/bad-overdue.yaml
expect_status 0 "warnings alone pass"
expect_contains "$out" "bad-overdue.yaml:5:12: warning: review date 2025-06-30 has passed" "the warning is shown at its place"
expect_contains "$out" "0 errors, 1 warning in 1 file" "the summary counts the warning"
run "$PROCEDURA" lint --strict --today 2026-01-01 review-overdue/bad-overdue.yaml
expect_status 1 "--strict fails on warnings"
expect_contains "$out" "warning: review date 2025-06-30 has passed (today is 2026-01-01); re-check the content against current law [review-overdue]" "--strict: the warning that fails is shown with its rule"
run "$PROCEDURA" lint --strict --today 2026-01-01 --disable review-overdue review-overdue/bad-overdue.yaml
expect_status 0 "--disable removes a rule"
expect_not_contains "$out" "[review-overdue]" "--disable: the disabled rule is not reported"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "--disable: nothing left to report"
run "$PROCEDURA" lint --disable no-such-rule review-overdue/good.yaml
expect_status 2 "--disable with an unknown rule is a usage error"
expect_contains "$err" "unknown rule 'no-such-rule' for --disable" "the unknown rule is named"

run "$PROCEDURA" lint --today 2026-01-01 unknown-key/bad-typo.yaml
expect_status 1 "errors exit 1"
expect_contains "$out" "unknown-key/bad-typo.yaml:13:5: error: unknown key 'optons' in node 'q'; did you mean 'options'? [unknown-key]" "the error with file:line:col and rule"
run "$PROCEDURA" lint --today 2026-01-01 unknown-key
expect_status 1 "a directory is linted recursively"
files=$(find unknown-key -name '*.yaml' | wc -l)
expect_contains "$out" "in $files files" "every file of the directory counted"

run "$PROCEDURA" lint --today 2026-01-01 --strict bad-suppression/good-suppressed.yaml
expect_status 0 "an end-of-line disable= comment suppresses"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "the suppressed finding is not reported"
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
expect_not_contains "$out" "[unused-definition]" "disable-file=: neither unused action is reported"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "disable-file=: nothing left to report"

run "$PROCEDURA" lint "$scratch/does-not-exist.yaml"
expect_status 2 "a missing file"
expect_contains "$out" "does not exist [io-error]" "missing file named"
run "$PROCEDURA" lint
# No path: the procedures search path (the bundled set) is linted.
[[ "$status" == 0 || "$status" == 1 ]] && pass "lint without paths uses the search path" || fail "lint without paths: $status $err"
expect_contains "$(tail -n 1 <<<"$out")" " in $(find "$REPO/procedures" -name '*.yaml' | wc -l) files" "lint without paths lints the bundled files"
run "$PROCEDURA" explain unknown-key
expect_status 0 "explain prints a rule page"
expect_contains "$out" "unknown-key" "explain names the rule"
run "$PROCEDURA" explain no-such
expect_status 2 "explain of an unknown rule"
expect_contains "$err" "unknown rule 'no-such'" "explain names the unknown rule"
finish
