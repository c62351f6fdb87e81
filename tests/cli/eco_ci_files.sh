# The CI integration files parse as YAML and wire the right hook ids and commands:
# .pre-commit-hooks.yaml, examples/pre-commit-config.yaml, examples/github-workflow.yml
# (the action itself is tested by eco_action.sh, the hooks in use by eco_precommit.sh).
source "$(dirname "$0")/eco_helpers.bash"

if ! python=$(python_with yaml); then
  fail "no python3 with yaml: run scripts/setup.sh --tests"
  finish
fi
if "$python" - "$REPO" <<'PY'
import re
import sys

import yaml

repo = sys.argv[1]
failures = []


def expect(ok, what):
    print(("ok: " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


def load(path):
    with open(f"{repo}/{path}", encoding="utf-8") as f:
        return yaml.safe_load(f)


hooks = load(".pre-commit-hooks.yaml")
expect(isinstance(hooks, list) and len(hooks) >= 1, ".pre-commit-hooks.yaml is a list of hooks")
by_id = {h.get("id"): h for h in hooks} if isinstance(hooks, list) else {}
for hook_id, entry in (("procedura-lint", "procedura lint"), ("procedura-test", "procedura test")):
    hook = by_id.get(hook_id, {})
    expect(bool(hook), f"hook id {hook_id}")
    expect(hook.get("language") == "system", f"{hook_id} uses language: system")
    expect(hook.get("entry") == entry, f"{hook_id} runs `{entry}`")
    expect(bool(hook.get("name")), f"{hook_id} has a name")
    # The whole set is checked: files are linked, so changed files alone are not enough.
    expect(hook.get("pass_filenames") is False, f"{hook_id} checks the whole folder (pass_filenames: false)")
    expect("procedures" in hook.get("args", []), f"{hook_id} names the procedures folder in args")
    files = re.compile(hook.get("files", "^$"))
    for name in ("procedures/a.yaml", "procedures/szkola/b.yml"):
        expect(files.search(name) is not None, f"{hook_id}'s files pattern matches {name}")
    for name in ("README.md", "docker-compose.yml", ".github/workflows/ci.yml", "procedures/a.yaml.bak"):
        expect(files.search(name) is None, f"{hook_id}'s files pattern skips {name}")

config = load("examples/pre-commit-config.yaml")
ids = [h.get("id") for r in config.get("repos", []) for h in r.get("hooks", [])]
expect("procedura-lint" in ids, "examples/pre-commit-config.yaml uses hook procedura-lint")

workflow = load("examples/github-workflow.yml")
# PyYAML reads the key `on` as True (YAML 1.1); accept either.
expect("on" in workflow or True in workflow, "the workflow has triggers")
steps = [s for job in workflow.get("jobs", {}).values() for s in job.get("steps", [])]
uses = [s.get("uses", "") for s in steps]
expect(any(u.startswith("actions/checkout@") for u in uses), "the workflow checks out the repository")
expect(any(re.fullmatch(r"[A-Za-z0-9-]+/procedura@v1", u) for u in uses), "the workflow uses the procedura action @v1")
expect(not any("cmake" in s.get("run", "") for s in steps), "the workflow does not build procedura itself")
perms = workflow.get("permissions", {})
expect(perms.get("security-events") == "write", "the workflow may upload security events")
sys.exit(1 if failures else 0)
PY
then pass "CI integration files"; else fail "CI integration files (see FAIL lines above)"; fi

# The example commands really run: lint with the hook's entry and args.
out=$(cd "$scratch" && mkdir -p procedures && "$PROCEDURA" lint --root procedures procedures 2>&1)
status=$?
check "procedura lint --root procedures procedures runs (exit $status)" test "$status" -le 1
check "and prints its summary: $out" grep -qE '^[0-9]+ errors?, [0-9]+ warnings? in [0-9]+ files?$' <<<"$out"
finish
