#!/usr/bin/env bash
# `procedura run ID` parses only the procedure, its imports and its callees: the test file of
# a procedure it does not involve is never read, where a load of every procedure (lint, the
# menu, or `run ID` loading everything) reads it. run_loads_what_it_runs.sh cannot tell the
# two apart (both give the same report); this one fails on a binary that loads everything.
#
# A read is seen in the file's access time, set far in the past first: the kernel moves it on
# the next read (with relatime, whenever it is older than the file's last change), so no step
# depends on how fast anything runs. A filesystem that records no reads (noatime) is said,
# and the check skipped.
source "$(dirname "$0")/lib.sh"
export PROCEDURA_NOW=2024-05-06T10:30:00 TZ=UTC
long_ago=1000000000
accessed() { stat -c %X "$1"; }
mark_unread() { touch -a -d "@$long_ago" "$1"; }

probe="$scratch/probe"
echo probe >"$probe"
mark_unread "$probe"
cat "$probe" >/dev/null
if [[ "$(accessed "$probe")" == "$long_ago" ]]; then
  echo "skipped: the filesystem of $scratch does not record reads (noatime)"
  finish
fi

answers="$TESTS/fixtures/run/p02-odpowiedzi.yaml"
dir="$scratch/procedures"
cp -r "$REPO/procedures" "$dir"
# p02 neither imports nor calls s01, whose test file only a load of s01 reads.
unrelated="$dir/szkola/demoralizacja/s01-nietrzezwy-uczen.test.yaml"
echo '[]' >"$unrelated"

mark_unread "$unrelated"
run "$PROCEDURA" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers"
expect_status 0 "p02 runs by its id"
expect_contains "$out" "Wynik:" "with its report"
if [[ "$(accessed "$unrelated")" == "$long_ago" ]]; then
  pass "the test file of a procedure p02 does not involve is not read"
else
  fail "run p02 read $unrelated: it loaded more than p02, its imports and its callees"
fi

# The check can see a read: lint loads every file.
mark_unread "$unrelated"
run "$PROCEDURA" lint "$dir"
if [[ "$(accessed "$unrelated")" != "$long_ago" ]]; then
  pass "a load of every procedure reads that test file"
else
  fail "lint did not read $unrelated: the access time shows nothing here"
fi
finish
