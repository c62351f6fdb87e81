# The bundled procedure library and the examples: lint --strict is clean, every scenario
# passes with 100 % coverage, every situation of the brief (S1–S13, P1–P2) has its
# procedure, and every procedure carries a review date.
source "$(dirname "$0")/lib.sh"

run "$PROCEDURA" lint --strict "$REPO/procedures"
expect_status 0 "lint --strict procedures/ is clean"
expect_contains "$out" "0 errors, 0 warnings in" "procedures/: the summary counts no finding"
run "$PROCEDURA" lint --strict "$REPO/examples"
expect_status 0 "lint --strict examples/ is clean"
expect_contains "$out" "0 errors, 0 warnings in" "examples/: the summary counts no finding"

run "$PROCEDURA" test --min-coverage 100 "$REPO/procedures"
expect_status 0 "every bundled scenario passes with 100% coverage"
expect_contains "$(tail -n 1 <<<"$out")" " passed, 0 failed" "procedures/: no scenario failed"
expect_not_contains "$err" "below the minimum coverage" "procedures/: no procedure below 100%"
run "$PROCEDURA" test --min-coverage 100 "$REPO/examples"
expect_status 0 "every example scenario passes with 100% coverage"
expect_contains "$(tail -n 1 <<<"$out")" " passed, 0 failed" "examples/: no scenario failed"
expect_not_contains "$err" "below the minimum coverage" "examples/: no procedure below 100%"

# One procedure per situation of the brief, named sNN-/pNN-.
ids=$(grep -rhoE '^id: [sp][0-9]{2}-[a-z0-9-]+' "$REPO/procedures" | sed 's/^id: //' | sort)
for n in 01 02 03 04 05 06 07 08 09 10 11 12 13; do
  expect_contains "$ids" "s$n-" "the brief's S${n#0} has a procedure"
done
for n in 01 02; do
  expect_contains "$ids" "p$n-" "the brief's P${n#0} has a procedure"
done

# review_by on every procedure: a day after the bundled date every one is overdue.
count=$(grep -rlE '^start: ' "$REPO/procedures" | wc -l)
run "$PROCEDURA" lint --today 2099-01-01 "$REPO/procedures"
overdue=$(grep -c 'review-overdue' <<<"$out")
if [[ "$overdue" == "$count" ]]; then pass "all $count procedures have review_by"; else
  fail "review-overdue for $overdue of $count procedures"; fi
finish
