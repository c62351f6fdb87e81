#!/usr/bin/env bash
# The composite GitHub Action (action.yml) as far as it runs offline: its YAML parses, the
# steps are wired to each other, and the shell of each `run` step works in a sample
# repository of procedures as the runner would run it (bash -e, its env with the inputs'
# defaults, GITHUB_OUTPUT, GITHUB_WORKSPACE): annotations with paths relative to the
# workspace, a SARIF file for the upload step, a JUnit report, and a failing job on
# findings. The install step builds a package (minutes) and is checked by `bash -n` only;
# `procedura` on PATH is the binary under test. Also: `--format github` paths.
source "$(dirname "$0")/eco_helpers.bash"

python=$(python_with yaml) || { fail "no python3 with yaml: run scripts/setup.sh --tests"; finish; }
bin="$scratch/bin"
mkdir -p "$bin"
ln -s "$PROCEDURA" "$bin/procedura"

sample="$scratch/workspace"
mkdir -p "$sample/procedures" "$scratch/runner-temp"
cp "$TESTS"/fixtures/trainer/basic/*.yaml "$sample/procedures/"

# run_action CASE [INPUT=VALUE...]: runs the action's steps; prints what each step did.
run_action() {
  local case=$1
  shift
  PATH="$bin:$PATH" "$python" - "$REPO/action.yml" "$sample" "$scratch/runner-temp" "$REPO" "$@" \
    >"$scratch/$case.log" 2>&1 <<'PY'
import os, re, subprocess, sys, yaml

action_file, workspace, temp, action_path = sys.argv[1:5]
given = dict(arg.split("=", 1) for arg in sys.argv[5:])
action = yaml.safe_load(open(action_file, encoding="utf-8"))
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
inputs.update(given)
outputs = {}

def expand(text):
    def value(match):
        expr = match.group(1).strip()
        if expr.startswith("inputs."):
            return inputs[expr[len("inputs."):]]
        if expr == "github.workspace":
            return workspace
        m = re.fullmatch(r"steps\.([\w-]+)\.outputs\.([\w-]+)", expr)
        if m:
            return outputs.get(m.group(1), {}).get(m.group(2), "")
        raise SystemExit(f"unknown expression {expr}")
    return re.sub(r"\$\{\{(.*?)\}\}", value, str(text))

def condition(text):
    # The conditions this action uses: always(), `x == 'y'`, `x != ''`, joined by &&.
    for part in str(text).split("&&"):
        part = part.strip()
        if part == "always()":
            continue
        m = re.fullmatch(r"(.+?)\s*(==|!=)\s*'(.*)'", part)
        left = expand("${{ " + m.group(1) + " }}")
        if (left == m.group(3)) != (m.group(2) == "=="):
            return False
    return True

assert action["runs"]["using"] == "composite"
for step in action["runs"]["steps"]:
    name = step["name"]
    if "if" in step and not condition(step["if"]):
        print(f"step {name}: skipped")
        continue
    if "uses" in step:
        with_ = {k: expand(v) for k, v in step.get("with", {}).items()}
        print(f"step {name}: uses {step['uses']} with {with_}")
        continue
    if name == "Install procedura":
        ok = subprocess.run(["bash", "-n", "-c", step["run"]]).returncode == 0
        ok = ok and subprocess.run(["bash", "-n", f"{action_path}/scripts/ci-install.sh"]).returncode == 0
        print(f"step {name}: syntax {'ok' if ok else 'BAD'}")
        continue
    out_file = os.path.join(temp, "output")
    open(out_file, "w").close()
    env = dict(os.environ, GITHUB_OUTPUT=out_file, GITHUB_WORKSPACE=workspace,
               GITHUB_ACTION_PATH=action_path, RUNNER_TEMP=temp)
    env.update({k: expand(v) for k, v in step.get("env", {}).items()})
    cwd = expand(step.get("working-directory", workspace))
    # The runner's bash: bash --noprofile --norc -eo pipefail {0}
    done = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
                          cwd=cwd, env=env, capture_output=True, text=True)
    for line in open(out_file, encoding="utf-8"):
        key, _, value = line.rstrip("\n").partition("=")
        outputs.setdefault(step.get("id", name), {})[key] = value
    print(f"step {name}: exit {done.returncode}")
    for line in (done.stdout + done.stderr).splitlines():
        print(f"  | {line}")
    if done.returncode != 0:
        print("job: failed")
        sys.exit(1)
print("job: passed")
PY
}

check "action.yml parses and runs on a clean set of procedures" run_action clean
log="$scratch/clean.log"
check "the install step's shell is valid" grep -q 'step Install procedura: syntax ok' "$log"
check "the lint step succeeds" grep -q 'step Lint the procedures: exit 0' "$log"
sarif=$(sed -n "s/.*'sarif_file': '\([^']*\)'.*/\1/p" "$log")
check "the upload step gets the SARIF file lint wrote ($sarif)" grep -q '"version": *"2.1.0"' "$sarif"
check "the scenarios ran" grep -q 'step Run the test scenarios: exit 0' "$log"
check "a JUnit report in the workspace" grep -q '<testsuites' "$sample/procedura-junit.xml"

# Break a reference: annotations with a path relative to the workspace, then the job fails.
sed -i 's/^  zawiadom_sad:/  zawiadom_sad_rodzinny:/' "$sample/procedures/wspolne.yaml"
run_action broken
status=$?
log="$scratch/broken.log"
check "a broken reference fails the job (exit $status)" test $status -ne 0
check "an annotation names procedures/interwencja.yaml relative to the workspace" \
  grep -qE '^  \| ::error file=procedures/interwencja\.yaml,line=[0-9]+' "$log"
check "the findings still reach the upload step" grep -q 'step Upload the findings to code scanning: uses github/codeql-action/upload-sarif@' "$log"
check "the last step says why the job failed" grep -q '::error title=procedura::procedura lint found problems' "$log"
run_action skip-upload upload-sarif=false test=false
check "upload-sarif: false skips the upload" grep -q 'step Upload the findings to code scanning: skipped' "$scratch/skip-upload.log"

# --format github: relative to $GITHUB_WORKSPACE, else to the current directory; no ./, no /.
cd "$sample" || exit 1
for form in procedures ./procedures "$sample/procedures"; do
  out=$(env -u GITHUB_WORKSPACE "$PROCEDURA" lint --format github "$form" 2>&1)
  check "lint --format github $form: file=procedures/... ($(head -n1 <<<"$out"))" grep -q '^::error file=procedures/interwencja.yaml,' <<<"$out"
done
cd "$sample/procedures" || exit 1
out=$(GITHUB_WORKSPACE="$sample" "$PROCEDURA" lint --format github . 2>&1)
check "with GITHUB_WORKSPACE set, from a subfolder: file=procedures/..." grep -q '^::error file=procedures/interwencja.yaml,' <<<"$out"
finish
