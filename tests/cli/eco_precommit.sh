#!/usr/bin/env bash
# The published pre-commit hooks (.pre-commit-hooks.yaml) used from a separate repository of
# procedures, through `pre-commit try-repo` as an author would: other YAML of the repository
# is not linted, a clean set passes, and renaming a library action fails the hook although
# the files that use it did not change.
source "$(dirname "$0")/eco_helpers.bash"

for tool in pre-commit git; do
  command -v "$tool" >/dev/null || { fail "$tool is not installed (scripts/setup.sh --tests)"; finish; }
done
# language: system runs `procedura` from PATH: the binary under test.
bin="$scratch/bin"
mkdir -p "$bin"
ln -s "$PROCEDURA" "$bin/procedura"
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$scratch/pre-commit-home" HOME="$scratch"
export GIT_AUTHOR_NAME=Autorka GIT_AUTHOR_EMAIL=autorka@szkola.invalid
export GIT_COMMITTER_NAME=Autorka GIT_COMMITTER_EMAIL=autorka@szkola.invalid

# try-repo clones the hooks' repository: a fresh copy of this source tree's hook file
# (committed, so the test sees the working tree's version, not the last commit's).
hooks="$scratch/procedura-hooks"
mkdir -p "$hooks"
cp "$REPO/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" init -q && git -C "$hooks" add . && git -C "$hooks" commit -qm hooks

sample="$scratch/procedury-szkoly"
mkdir -p "$sample/procedures" "$sample/.github/workflows"
cp "$TESTS"/fixtures/trainer/basic/*.yaml "$sample/procedures/"
printf 'services:\n  web:\n    image: nginx\n    ports: ["80:80"]\n' >"$sample/docker-compose.yml"
printf 'name: ci\non: [push]\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n' \
  >"$sample/.github/workflows/ci.yml"
cd "$sample" || exit 1
git init -q && git add . && git commit -qm start

try() {  # try HOOK [ARGS...]: output in $out, status in $status
  out=$(pre-commit try-repo "$hooks" "$@" 2>&1)
  status=$?
}

try procedura-lint --all-files
check "a clean set of procedures passes (exit $status)" test $status -eq 0
check "the hook reports Passed" grep -q 'procedura lint.*Passed' <<<"$out"
check "the workflow and docker-compose.yml are not linted" bash -c '! grep -qE "docker-compose|workflows/ci" <<<"$1"' _ "$out"
try procedura-test --all-files
check "procedura-test runs the scenarios and passes (exit $status)" test $status -eq 0
check "the test hook reports Passed" grep -q 'procedura test.*Passed' <<<"$out"

# A change outside procedures/ does not run the hooks.
echo '# port' >>docker-compose.yml
git add docker-compose.yml
try procedura-lint
check "a change to docker-compose.yml skips the hook" grep -q 'procedura lint.*no files to check.*Skipped' <<<"$out"
git commit -qm compose

# Rename a library action: only the library file changes; the procedure that uses it does not.
sed -i 's/^  zawiadom_sad:/  zawiadom_sad_rodzinny:/' procedures/wspolne.yaml
git add procedures/wspolne.yaml
check "only the library file is staged" test "$(git diff --cached --name-only)" = procedures/wspolne.yaml
try procedura-lint
check "the hook fails after the rename (exit $status)" test $status -ne 0
check "it names the broken reference in the unchanged file" grep -q 'interwencja.yaml:[0-9]*:[0-9]*: error: .*zawiadom_sad' <<<"$out"
[[ $status -ne 0 ]] || echo "$out"
finish
