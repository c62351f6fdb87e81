# The JSON Schemas: valid draft-07, printed by `procedura schema`, accepted by every bundled
# file and example, rejecting the invalid fixtures and the structural lint fixtures, and in
# agreement with `procedura lint` (see tests/schema/validate.py).
source "$(dirname "$0")/eco_helpers.bash"

if ! python=$(python_with "jsonschema, yaml"); then
  fail "no python3 with jsonschema and yaml: run scripts/setup.sh --tests"
  finish
fi
if "$python" "$REPO/tests/schema/validate.py" "$REPO" "$PROCEDURA"; then
  pass "schema validation"
else
  fail "schema validation (see FAIL lines above)"
fi

out=$("$PROCEDURA" schema nonsense 2>&1)
status=$?
check "an unknown schema name is a usage error" test "$status" -eq 2
check "the error names the choices" grep -q "procedure" <<<"$out"
finish
