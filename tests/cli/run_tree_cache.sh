#!/usr/bin/env bash
# `procedura run` keeps the parsed trees of the files it loads in a private cache
# ($XDG_CACHE_HOME/procedura/trees) and reads them instead of parsing again: the report is
# the same warm or cold, an edited file is parsed anew, a damaged entry is parsed anew, and
# PROCEDURA_NO_TREE_CACHE turns it off. That the warm run reads the entries is seen in
# their access time, set far in the past first (as in run_reads_what_it_runs.sh).
source "$(dirname "$0")/lib.sh"
export PROCEDURA_NOW=2024-05-06T10:30:00 TZ=UTC
export XDG_CACHE_HOME="$scratch/cache"
unset PROCEDURA_NO_TREE_CACHE
trees="$XDG_CACHE_HOME/procedura/trees"
answers="$TESTS/fixtures/run/p02-odpowiedzi.yaml"
dir="$scratch/procedures"
cp -r "$REPO/procedures" "$dir"
p02="$dir/policja/p02-interwencja-przemoc-domowa.yaml"
long_ago=1000000000

run_p02() { run "$PROCEDURA" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers" --no-transcript; }

PROCEDURA_NO_TREE_CACHE=1 run_p02
expect_status 0 "a run with the cache turned off"
reference=$out
[[ ! -e "$trees" ]] && pass "PROCEDURA_NO_TREE_CACHE: nothing is written" || fail "the cache was written although turned off"

run_p02
expect_status 0 "cold run"
[[ "$out" == "$reference" ]] && pass "cold run: the same report" || fail "cold run differs from a run without the cache"
entries=$(find "$trees" -name '*.tree' | wc -l)
# p02 and its five libraries.
[[ "$entries" == 6 ]] && pass "one entry per file loaded (6)" || fail "$entries entries, wanted 6"
[[ "$(stat -c %a "$trees")" == 700 ]] && pass "the cache directory is private (0700)" || fail "cache directory mode $(stat -c %a "$trees")"
modes=$(find "$trees" -name '*.tree' -printf '%m\n' | sort -u)
[[ "$modes" == 600 ]] && pass "entries are 0600" || fail "entry modes: $modes"

probe="$scratch/probe"
echo probe >"$probe"
touch -a -d "@$long_ago" "$probe"
cat "$probe" >/dev/null
if [[ "$(stat -c %X "$probe")" == "$long_ago" ]]; then
  echo "skipped: the filesystem does not record reads (noatime); the warm run is only compared"
  run_p02
  [[ "$out" == "$reference" ]] && pass "warm run: the same report" || fail "warm run differs"
else
  find "$trees" -name '*.tree' -exec touch -a -d "@$long_ago" {} +
  run_p02
  expect_status 0 "warm run"
  [[ "$out" == "$reference" ]] && pass "warm run: the same report" || fail "warm run differs from a cold one"
  unread=$(find "$trees" -name '*.tree' -printf '%A@\n' | grep -c "^$long_ago\." || true)
  [[ "$unread" == 0 ]] && pass "the warm run read every entry" || fail "$unread entries were not read by the warm run"
fi

# A damaged entry (cut short, or garbage) is a miss: the file is parsed and the entry made anew.
first=$(find "$trees" -name '*.tree' | sort | head -1)
second=$(find "$trees" -name '*.tree' | sort | sed -n 2p)
truncate -s 100 "$first"
head -c 4000 /dev/urandom >"$second"
run_p02
expect_status 0 "run with damaged entries"
[[ "$out" == "$reference" ]] && pass "damaged entries: the same report" || fail "damaged entries changed the report"
[[ $(stat -c %s "$first") -gt 100 ]] && pass "a damaged entry is written again" || fail "the cut entry stayed cut"

# Another build of procedura (here: a copy of the binary, so another file with another
# time) does not use the entries this one made: it parses, checks and writes them anew. A
# kept tree stands for the checks of the build that made it.
other="$scratch/other-build/procedura"
mkdir -p "$(dirname "$other")"
cp "$PROCEDURA" "$other"
touch -d '2001-01-01 00:00:00' "$other"
find "$trees" -name '*.tree' -exec touch -m -d "@$long_ago" {} +
run "$other" run p02-interwencja-przemoc-domowa --procedures "$dir" --answers "$answers" --no-transcript
expect_status 0 "another build's run"
[[ "$out" == "$reference" ]] && pass "another build: the same report" || fail "another build's report differs"
stale=$(find "$trees" -name '*.tree' -printf '%T@\n' | grep -c "^$long_ago\." || true)
[[ "$stale" == 0 ]] && pass "another build wrote every entry anew" || fail "another build used $stale entries of this one"

# An edited file is parsed anew, not served from the entry of its old content.
sed -i 's/^  pl: "Interwencja Policji w przemocy domowej/  pl: "ZMIENIONY TYTUŁ – przemoc domowa/' "$p02"
grep -q "ZMIENIONY TYTUŁ" "$p02" || fail "the test could not edit the title of p02"
run_p02
expect_status 0 "run after an edit"
expect_contains "$out" "ZMIENIONY TYTUŁ" "the edited title is shown"
finish
