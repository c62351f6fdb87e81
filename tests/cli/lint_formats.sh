# The machine formats of `procedura lint`: JSON array shape, SARIF fields GitHub code
# scanning requires, GitHub annotation escaping; stdout carries the document alone.
source "$(dirname "$0")/lib.sh"
cd "$TESTS/cli/golden"

run "$PROCEDURA" lint --today 2026-01-01 --format json lint-sample.yaml
expect_status 1 "json: findings exit 1"
printf '%s' "$out" > "$scratch/out.json"
python3 - "$scratch/out.json" <<'PY' && pass "json shape" || fail "json shape"
import json, sys
items = json.load(open(sys.argv[1]))
assert isinstance(items, list) and len(items) == 5, items
keys = {"file", "line", "column", "severity", "rule", "message"}
for d in items:
    assert keys <= set(d), d
    assert d["severity"] in ("error", "warning")
dup = [d for d in items if d["rule"] == "duplicate-key"][0]
assert (dup["file"], dup["line"], dup["column"]) == ("lint-sample.yaml", 18, 3), dup
assert dup["notes"][0]["line"] == 15 and dup["notes"][0]["message"] == "first defined here"
dl = [d for d in items if d["rule"] == "bad-deadline"][0]
assert (dl["line"], dl["column"]) == (17, 61), dl   # columns count code points, not bytes
PY

run "$PROCEDURA" lint --today 2026-01-01 --format sarif lint-sample.yaml
expect_status 1 "sarif: findings exit 1"
printf '%s' "$out" > "$scratch/out.sarif"
python3 - "$scratch/out.sarif" <<'PY' && pass "sarif fields GitHub requires" || fail "sarif shape"
import json, sys
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
run = log["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
rules = run["tool"]["driver"]["rules"]
ids = [r["id"] for r in rules]
assert "duplicate-key" in ids and "invariant-violated" in ids
for r in rules:
    for k in ("id", "shortDescription", "fullDescription", "help"):
        assert k in r, (r["id"], k)
assert len(run["results"]) == 5
for res in run["results"]:
    assert res["message"]["text"]
    assert res["level"] in ("error", "warning")
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "lint-sample.yaml"
    assert loc["region"]["startLine"] >= 1 and loc["region"]["startColumn"] >= 1
    assert ids[res["ruleIndex"]] == res["ruleId"]
PY

run "$PROCEDURA" lint --today 2026-01-01 --format github lint-sample.yaml
expect_status 1 "github: findings exit 1"
expect_contains "$out" "::error file=lint-sample.yaml,line=18,col=3" "github annotation with position"
expect_contains "$out" "::warning file=lint-sample.yaml,line=6,col=12" "github warning annotation"
expect_contains "$out" "title=duplicate-key::" "github annotation title is the rule id"
if grep -qv '^::' <<<"$out"; then fail "github output has a line that is not an annotation"; else pass "github output is annotations only"; fi

run "$PROCEDURA" lint --format yaml lint-sample.yaml
expect_status 2 "unknown --format is a usage error"
expect_contains "$err" "--format: yaml not in {text,json,sarif,github}" "the message names the formats there are"
finish
