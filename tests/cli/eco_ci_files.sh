# The CI integration files parse as YAML and wire the right hook ids and commands:
# .pre-commit-hooks.yaml, examples/pre-commit-config.yaml, examples/github-workflow.yml.
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
hook = next((h for h in hooks if h.get("id") == "procedura-lint"), None) if isinstance(hooks, list) else None
expect(hook is not None, "hook id procedura-lint")
hook = hook or {}
expect(hook.get("language") == "system", "procedura-lint uses language: system")
expect(hook.get("entry") == "procedura lint", "procedura-lint runs `procedura lint`")
expect(bool(hook.get("name")), "procedura-lint has a name")
files = re.compile(hook.get("files", "^$"))
for name in ("procedures/a.yaml", "x/b.yml"):
    expect(files.search(name) is not None, f"the hook's files pattern matches {name}")
for name in ("README.md", "a.yaml.bak", "CMakeLists.txt"):
    expect(files.search(name) is None, f"the hook's files pattern skips {name}")

config = load("examples/pre-commit-config.yaml")
ids = [h.get("id") for r in config.get("repos", []) for h in r.get("hooks", [])]
expect("procedura-lint" in ids, "examples/pre-commit-config.yaml uses hook procedura-lint")

workflow = load("examples/github-workflow.yml")
# PyYAML reads the key `on` as True (YAML 1.1); accept either.
expect("on" in workflow or True in workflow, "the workflow has triggers")
steps = [s for job in workflow.get("jobs", {}).values() for s in job.get("steps", [])]
runs = "\n".join(s.get("run", "") for s in steps)
uses = [s.get("uses", "") for s in steps]
expect("apt-get install" in runs, "the workflow installs Debian packages")
expect("cmake --build" in runs, "the workflow builds procedura")
lint = next((s for s in steps if "procedura lint --format sarif" in s.get("run", "")), None)
expect(lint is not None, "the workflow lints with --format sarif")
expect(lint is not None and "> procedura.sarif" in lint["run"], "the SARIF goes to procedura.sarif")
expect(lint is not None and lint.get("continue-on-error") is True, "lint findings do not stop the upload")
upload = next((s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")), None)
expect(upload is not None, "the workflow uploads with github/codeql-action/upload-sarif")
expect(upload is not None and upload.get("with", {}).get("sarif_file") == "procedura.sarif", "it uploads procedura.sarif")
expect(upload is not None and upload.get("if") == "always()", "the upload runs even when lint fails")
expect("procedura test --format junit" in runs, "the workflow runs procedura test --format junit")
expect(any(u.startswith("actions/checkout@") for u in uses), "the workflow checks out the repository")
perms = workflow.get("permissions", {})
expect(perms.get("security-events") == "write", "the workflow may upload security events")
sys.exit(1 if failures else 0)
PY
then pass "CI integration files"; else fail "CI integration files (see FAIL lines above)"; fi

# The example commands really run: lint with the hook's entry and the example's args.
out=$(cd "$scratch" && mkdir -p procedures && "$PROCEDURA" lint --root procedures procedures 2>&1)
status=$?
check "procedura lint --root procedures procedures runs (exit $status)" test "$status" -le 1
out=$("$PROCEDURA" lint --format sarif "$REPO/tests/schema/valid" 2>/dev/null)
check "lint --format sarif writes a SARIF document" grep -q '"version": *"2.1.0"' <<<"$out"
finish
