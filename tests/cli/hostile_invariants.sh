# Verifying an invariant that requires 16 actions no longer grows as 2^16: 100 and 2,000
# yes/no questions (bench/verify_gen.py required) are verified within a 1 GB address-space
# limit and a generous time bound (the old search needed 2.3 GB for 100 questions and ran
# out of memory at 2,000). A violation in such a file is still found, with concrete answers.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
for questions in 100 2000; do
  python3 "$REPO/bench/verify_gen.py" required "$questions" "req$questions.yaml"
  run bash -c "$(memory_bound 1000000); timeout 60 '$PROCEDURA' lint req$questions.yaml"
  expect_status 0 "$questions questions, an invariant requiring 16 actions, verified"
  expect_contains "$out" "0 errors, 0 warnings in 1 file" "$questions questions: the invariant holds"
done
# Drop one required action from the outcome: some path now misses it.
sed 's/    actions: \[zawiadom, r0, /    actions: [zawiadom, /' req100.yaml >broken.yaml
run bash -c "$(memory_bound 1000000); timeout 60 '$PROCEDURA' lint broken.yaml"
expect_status 1 "a broken invariant among 16 required actions"
expect_contains "$out" "invariant 'wszystkie-zawiadomienia' is broken: a path collects 'umiesc' but not 'r0'" "the missing action is named"
expect_contains "$out" "counterexample: q0 = yes" "with concrete answers"
finish
