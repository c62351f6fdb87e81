# A legal basis is shown beside each action as its short `cite` (art. 62 u.p.n.); the full
# title, date and status live in its `text`, printed once in the report's legend. Every
# bundled cite stays short enough to sit beside an action.
source "$(dirname "$0")/lib.sh"
checker="$TESTS/cli/operator_texts.py"

mkdir -p "$scratch/long"
cat >"$scratch/long/l.yaml" <<'YAML'
format: 1
kind: library
id: long
legal_basis:
  short: {cite: "art. 62 u.p.n."}
  long: {cite: "art. 62 ustawy z 29 lipca 2005 r. o przeciwdziałaniu narkomanii"}
YAML
run python3 "$checker" cites "$scratch/long"
expect_status 1 "a cite over 40 characters fails the check"
expect_contains "$out" "legal_basis.long.cite has 63 characters" "the finding names the basis and its length"
expect_not_contains "$out" "legal_basis.short" "a short cite passes"

run python3 "$checker" cites "$REPO/procedures"
expect_status 0 "every bundled cite is at most 40 characters"
expect_empty "$out" "no cite is reported"
finish
