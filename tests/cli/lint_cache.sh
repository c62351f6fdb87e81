# `procedura lint --cache`: a warm run replays stored results with identical output; editing
# a file invalidates it and the files that depend on it; --today and --disable are part of
# the key; a corrupt entry is ignored.
source "$(dirname "$0")/lib.sh"
cache="$scratch/cache"
dir="$scratch/procs"
mkdir -p "$dir/lib"
cd "$scratch"

cat >"$dir/lib/wspolne.yaml" <<'YAML'
format: 1
kind: library
id: wspolne
actions:
  notatka: {text: Note}
YAML
cat >"$dir/a.yaml" <<'YAML'
format: 1
id: proc-a
version: 1.0.0
imports: [lib/wspolne.yaml]
title: A
start: wywolaj
nodes:
  wywolaj:
    call: proc-b
    next: koniec
  koniec:
    outcome: Done
    actions: [notatka]
YAML
cat >"$dir/b.yaml" <<'YAML'
format: 1
id: proc-b
version: 1.0.0
title: B
start: koniec
nodes:
  koniec:
    outcome: Done
YAML
cat >"$dir/c.yaml" <<'YAML'
format: 1
id: proc-c
version: 1.0.0
review_by: 2026-06-30
title: C
start: koniec
nodes:
  koniec:
    outcome: Done
YAML

lint() { "$PROCEDURA" lint --cache --cache-dir "$cache" --cache-stats --today 2026-01-01 "$@" "$dir"; }
same_as_uncached() {  # same_as_uncached DESCRIPTION [options]
  local what=$1; shift
  local plain cached
  plain=$("$PROCEDURA" lint --today 2026-01-01 "$@" "$dir" 2>&1)
  cached=$("$PROCEDURA" lint --cache --cache-dir "$cache" --today 2026-01-01 "$@" "$dir" 2>&1)
  if [[ "$plain" == "$cached" ]]; then pass "$what: same output as without the cache"; else
    fail "$what: cached output differs:"$'\n'"$cached"$'\n'"--- uncached:"$'\n'"$plain"; fi
}

run lint
cold=$out
expect_contains "$err" "cache: 0 of 4 files replayed" "cold run checks everything"
[[ -n "$(ls "$cache")" ]] && pass "entries written" || fail "no cache entry written"
run lint
expect_contains "$err" "cache: 4 of 4 files replayed" "warm run replays everything"
[[ "$out" == "$cold" ]] && pass "warm output identical" || fail "warm output differs:"$'\n'"$out"
same_as_uncached "clean files"
same_as_uncached "json" --format json

# Four files (the library in lib/ too). Editing the library invalidates it and its importer
# a, and b, which a calls (checked together with a), not c.
sed -i 's/text: Note/text: Notatka/' "$dir/lib/wspolne.yaml"
run lint
expect_contains "$err" "cache: 1 of 4 files replayed" "editing an imported library re-checks a and b only"
run lint
expect_contains "$err" "cache: 4 of 4 files replayed" "and stores them again"

# An error introduced in b shows up in a warm run, through a's call too.
sed -i 's/    outcome: Done/    outcome: Done\n    actions: [nieznane]/' "$dir/b.yaml"
run lint
expect_contains "$err" "cache: 1 of 4 files replayed" "editing b re-checks a and b"
expect_contains "$out" "nieznane" "the new error is reported"
same_as_uncached "after editing b"
run lint
expect_contains "$out" "nieznane" "and replayed"

# Editing c alone re-checks c alone.
sed -i 's/title: C/title: C2/' "$dir/c.yaml"
run lint
expect_contains "$err" "cache: 3 of 4 files replayed" "editing an independent file re-checks it alone"

# A new file defining a called id changes what a calls: a's results are not reused.
sed 's/id: proc-b/id: proc-d/' "$dir/b.yaml" >"$dir/d.yaml"
sed -i 's/call: proc-b/call: proc-d/' "$dir/a.yaml"
run lint
same_as_uncached "after redirecting a call to a new file"

# --today is part of the key: review-overdue follows it.
run lint
expect_status 1 "warm run keeps the exit status"
expect_contains "$out" "nieznane" "the warm run reports the error behind that status"
run "$PROCEDURA" lint --cache --cache-dir "$cache" --cache-stats --today 2027-01-01 "$dir"
expect_contains "$out" "review-overdue" "a later --today reports the overdue review"
expect_contains "$err" "cache: 0 of 5 files replayed" "a different --today does not reuse results"
same_as_uncached "--disable" --disable review-overdue

# A corrupt or truncated entry is ignored, and replaced.
for entry in "$cache"/*; do printf 'garbage' >"$entry"; done
run lint
expect_contains "$err" "cache: 0 of 5 files replayed" "corrupt entries are ignored"
same_as_uncached "after corrupt entries"
for entry in "$cache"/*; do head -c 40 "$entry" >"$entry.cut" && mv "$entry.cut" "$entry"; done
run lint
expect_contains "$err" "cache: 0 of 5 files replayed" "truncated entries are ignored"

# An unusable cache directory warns and lints all the same.
printf 'x' >"$scratch/not-a-dir"
run "$PROCEDURA" lint --cache --cache-dir "$scratch/not-a-dir/sub" --today 2026-01-01 "$dir"
expect_contains "$err" "warning: the cache is not used: $scratch/not-a-dir/sub cannot be created" "unusable cache directory warned about"
expect_contains "$out" "nieznane" "and the lint still reports"

# The default directory follows XDG_CACHE_HOME.
XDG_CACHE_HOME="$scratch/xdg" "$PROCEDURA" lint --cache --today 2026-01-01 "$dir" >/dev/null 2>&1
[[ -n "$(ls "$scratch/xdg/procedura/lint" 2>/dev/null)" ]] && pass "default directory under XDG_CACHE_HOME" \
  || fail "nothing in \$XDG_CACHE_HOME/procedura/lint"

# The directory is private: created 0700, and an existing one of ours made 0700, since
# whoever can write an entry decides what a later lint replays.
mode=$(stat -c %a "$scratch/xdg/procedura/lint")
[[ "$mode" == 700 ]] && pass "the cache directory is created 0700" || fail "cache directory mode $mode"
mkdir -m 0777 "$scratch/open-cache" && chmod 0777 "$scratch/open-cache"
run "$PROCEDURA" lint --cache-dir "$scratch/open-cache" --today 2026-01-01 "$dir"
mode=$(stat -c %a "$scratch/open-cache")
[[ "$mode" == 700 ]] && pass "an open cache directory of ours is made 0700" || fail "open cache directory left $mode"

# An entry larger than the cap is not read (a forged 177-byte entry once cost 1.8 GB; the
# reader now bounds every count by the bytes left, and the file size before reading).
first=$(ls "$cache" | head -1)
head -c $((17 * 1024 * 1024)) /dev/zero >"$cache/$first"
run /usr/bin/env bash -c "$(memory_bound 1000000); '$PROCEDURA' lint --cache --cache-dir '$cache' --cache-stats --today 2026-01-01 '$dir'"
expect_contains "$out" "nieznane" "an oversized entry is ignored and the lint still reports"
finish
