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

printf '# CI samples\n\nhooks.yaml\nc?\n' > "$repo/.procedura-ignore"
run "$PROCEDURA" lint "$repo"
expect_status 0 "ignored names (a file, a folder by glob) are skipped"
expect_contains "$out$err" "0 errors, 0 warnings in 2 files" "only the procedures are linted"

run "$PROCEDURA" lint "$repo/hooks.yaml"
expect_status 1 "a file named on the command line is read even when ignored"

run "$PROCEDURA" lint "$REPO/examples"
expect_status 0 "examples/ lints clean: its CI samples are listed in examples/.procedura-ignore"
finish
