#!/usr/bin/env bash
# .procedura-ignore keeps non-procedure YAML out of directory walks; named files are still read.
source "$(dirname "$0")/lib.sh"
repo="$scratch/repo"
mkdir -p "$repo/ci"
cp "$REPO/examples/poznaj-format.yaml" "$REPO/examples/sprawdz-kontakt.yaml" "$repo/"
printf 'name: build\non: [push]\njobs: {}\n' > "$repo/ci/workflow.yml"
printf 'repos: []\n' > "$repo/hooks.yaml"

run "$PROCEDURA" lint "$repo"
expect_status 1 "without an ignore file the CI YAML is linted as procedures"
expect_contains "$out" "$repo/ci/workflow.yml:1:1: error: a procedure file needs the key 'format' [missing-key]" "the CI workflow is reported as a procedure"
expect_contains "$out" "$repo/hooks.yaml:1:1: error: unknown key 'repos' in a procedure file [unknown-key]" "hooks.yaml is reported as a procedure"

printf '# CI samples\n\nhooks.yaml\nc?\n' > "$repo/.procedura-ignore"
run "$PROCEDURA" lint "$repo"
expect_status 0 "ignored names (a file, a folder by glob) are skipped"
expect_contains "$out$err" "0 errors, 0 warnings in 2 files" "only the procedures are linted"

run "$PROCEDURA" lint "$repo/hooks.yaml"
expect_status 1 "a file named on the command line is read even when ignored"
expect_contains "$out" "$repo/hooks.yaml:1:1: error: unknown key 'repos' in a procedure file [unknown-key]" "the named ignored file is linted"

run "$PROCEDURA" lint "$REPO/examples"
expect_status 0 "examples/ lints clean: its CI samples are listed in examples/.procedura-ignore"
expect_contains "$out" "0 errors, 0 warnings in" "examples/: no finding"
expect_not_contains "$out" "github-workflow.yml" "examples/: the CI sample is not linted"
finish
