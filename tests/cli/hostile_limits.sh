# Limits and hostile inputs outside the corpus: --max-file-size on lint and run, CRLF and
# byte-order marks keep columns right, symlink loops end, and `run` refuses hostile answers
# files and transcripts (FIFO, directory, NUL, oversized, garbage) without hanging.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
fixture="$TESTS/fixtures/run"

# --max-file-size: the default lets a 9 KB file through, a lower limit refuses it, positioned.
cp "$TESTS/lint/limit-exceeded/good.yaml" ok.yaml
run timeout 10 "$PROCEDURA" lint ok.yaml
expect_status 0 "a small file under the default limit"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "the small file is linted, no limit finding"
run timeout 10 "$PROCEDURA" lint --max-file-size 50 ok.yaml
expect_status 1 "a file over --max-file-size"
expect_contains "$out" "ok.yaml:1:1: error: the file has $(wc -c <ok.yaml) bytes; the limit is 50 bytes" "limit message"
expect_contains "$out" "[limit-exceeded]" "limit rule"
run timeout 10 "$PROCEDURA" lint --max-file-size 0 ok.yaml
expect_status 2 "--max-file-size 0 is a usage error"
expect_contains "$err" "--max-file-size: '0' is not a number of bytes (a whole number, at least 1)" "the usage error names the option and the value"
# Positions inside a file are 32-bit: a limit of 4 GiB or more is refused, not truncated.
run timeout 10 "$PROCEDURA" lint --max-file-size 4294967296 ok.yaml
expect_status 2 "--max-file-size above 4 GiB - 1 is a usage error"
expect_contains "$err" "--max-file-size: '4294967296' is more than 4294967295 bytes, the most procedura accepts" "the usage error gives the largest limit"
run timeout 10 "$PROCEDURA" run --max-file-size 4294967296 --answers /dev/null s01
expect_status 2 "run: --max-file-size above 4 GiB - 1 is a usage error"
run timeout 10 "$PROCEDURA" lint --max-file-size 4294967295 ok.yaml
expect_status 0 "the largest limit is accepted"
run timeout 10 "$PROCEDURA" lint --max-file-size lots ok.yaml
expect_status 2 "--max-file-size needs a number"
expect_contains "$err" "--max-file-size: 'lots' is not a number of bytes (a whole number, at least 1)" "the usage error names the option and the value"

# --today is a calendar date: text, an impossible day or an empty value is a usage error,
# never a silent switch-off of review-overdue.
for bad in zzzz 2024-02-30 ''; do
  run timeout 10 "$PROCEDURA" lint --today "$bad" ok.yaml
  expect_status 2 "--today '$bad' is a usage error"
  expect_contains "$err" "--today: '$bad' is not a calendar date written YYYY-MM-DD" "the usage error names the value '$bad'"
done
run timeout 10 "$PROCEDURA" lint --today 2024-02-29 ok.yaml
expect_status 0 "a leap day is a date"

# CRLF line ends: the same finding at the same line and column as with LF.
printf 'format: 1\nid: x\nversion: 1.0.0\ntitle: T\nstart: a\nnodes:\n  a:\n    outcome: Done\n    bogus: 1\n' > lf.yaml
sed 's/$/\r/' lf.yaml > crlf.yaml
run "$PROCEDURA" lint lf.yaml
lf_out=${out//lf.yaml/FILE}
run "$PROCEDURA" lint crlf.yaml
expect_contains "$out" "crlf.yaml:9:5: " "CRLF: the unknown key is at 9:5"
expect_equal_file "${out//crlf.yaml/FILE}" <(printf '%s\n' "$lf_out") "CRLF output equals LF output"
# CRLF inside a condition: the column of an expression error is unchanged too.
printf 'format: 1\r\nid: x\r\nversion: 1.0.0\r\ntitle: T\r\nstart: a\r\nnodes:\r\n  a:\r\n    ask: Age?\r\n    type: number\r\n    next: b\r\n  b:\r\n    branch:\r\n      - when: "a < < 1"\r\n        next: c\r\n    otherwise: c\r\n  c:\r\n    outcome: Done\r\n' > crlf-expr.yaml
run "$PROCEDURA" lint crlf-expr.yaml
expect_contains "$out" "crlf-expr.yaml:13:20: error:" "CRLF: expression error column"
tr -d '\r' < crlf-expr.yaml > lf-expr.yaml
run "$PROCEDURA" lint lf-expr.yaml
expect_contains "$out" "lf-expr.yaml:13:20: error:" "LF: the same expression error column"

# A UTF-8 byte-order mark is accepted; columns count from after it.
printf '\xef\xbb\xbf' | cat - ok.yaml > bom.yaml
run "$PROCEDURA" lint bom.yaml
expect_status 0 "UTF-8 BOM accepted"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "the BOM is no finding"
printf '\xef\xbb\xbf' | cat - lf.yaml > bom-bad.yaml
run "$PROCEDURA" lint bom-bad.yaml
expect_contains "$out" "bom-bad.yaml:9:5: " "UTF-8 BOM: columns unchanged"
printf '\xef\xbb\xbfformat: 7\nid: bom\nversion: 1.0.0\ntitle: "T"\nstart: e\nnodes:\n  e:\n    outcome: "E"\n' > bom-line1.yaml
run "$PROCEDURA" lint bom-line1.yaml
expect_contains "$out" "bom-line1.yaml:1:9: error: format '7'" "UTF-8 BOM: the first line's columns count from after it"
expect_contains "$out" $'\nformat: 7\n        ^' "UTF-8 BOM: the excerpt shows the line without it, caret under the value"
printf '\xef\xbb\xbf\xef\xbb\xbfformat: 1\nid: bom\n' > bom-twice.yaml
printf 'format: 1\nid: bom\n\xef\xbb\xbftitle: "T"\n' > bom-inside.yaml
run "$PROCEDURA" lint bom-twice.yaml bom-inside.yaml
expect_contains "$out" "bom-twice.yaml:1:1: error: a byte-order mark (U+FEFF, invisible) inside the file" "a second BOM is refused where it is"
expect_contains "$out" "bom-inside.yaml:3:1: error: a byte-order mark" "a BOM before a key is refused, not read as an unknown key"
expect_not_contains "$out" "unknown key" "no invisible unknown key"

# Symlink loops inside a procedure directory: discovery ends, the real file is linted once.
mkdir -p loop/sub && cp ok.yaml loop/sub/p.yaml && ln -s .. loop/sub/up && ln -s . loop/self && ln -s loop.yaml loop/loop.yaml
run timeout 10 "$PROCEDURA" lint loop
expect_status 2 "symlink loop directory (the self-referencing link is unreadable)"
expect_contains "$out" "1 error, 0 warnings in 2 files" "the real file once, and the looping link"
expect_contains "$out" "loop.yaml cannot be read" "a symlink pointing at itself is named"

# Hostile answers files for `run`: a FIFO (must not wait for a writer), a directory, NUL
# bytes, invalid UTF-8, over the size limit, an alias bomb, a non-map.
mkfifo answers.fifo
mkdir answers.dir
printf 'wiek: 1\x004\n' > nul.yaml
printf 'wiek: \xc3\n' > utf8.yaml
printf 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\nh: [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n' > bomb.yaml
printf -- '- just\n- a list\n' > list.yaml
check_answers() {  # check_answers FILE NEEDLE [extra args]
  local file=$1 needle=$2
  shift 2
  run timeout 10 "$PROCEDURA" run incydent --procedures "$fixture/procedures" --answers "$file" --no-transcript "$@" </dev/null
  expect_status 2 "run --answers $file"
  expect_contains "$err" "$needle" "run --answers $file message"
}
check_answers answers.fifo "is not a regular file"
check_answers answers.dir "is a directory"
check_answers missing.yaml "does not exist"
check_answers nul.yaml "nul.yaml:1:8: error: the file contains a NUL byte"
check_answers utf8.yaml "utf8.yaml:1:7: error: invalid UTF-8"
{ cat "$fixture/odpowiedzi.yaml"; head -c 20000 /dev/zero | tr '\0' '#'; echo; } > big.yaml
check_answers big.yaml "(20131 bytes; the limit is 10000, --max-file-size)" --max-file-size 10000
check_answers bomb.yaml "[limit-exceeded]"
check_answers list.yaml "list.yaml:1:1: "

# --resume with hostile transcripts: garbage, a directory, a FIFO, a huge line, a start event
# naming a FIFO as the procedure file.
head -c 3000 /dev/urandom > garbage.jsonl
printf '\n' >> garbage.jsonl
printf '{"prev": "%s", "event": "start", "time": "2026-01-01T00:00:00Z", "procedure": {"id": "x", "version": "1"}, "files": [{"path": "%s/answers.fifo", "sha256": "00"}], "lang": "pl", "keep_personal": false}\n' \
  "$(printf '0%.0s' {1..64})" "$scratch" > fifo-start.jsonl
{ printf '{"prev": "'; head -c 2000000 /dev/zero | tr '\0' 'a'; printf '"}\n'; } > long.jsonl
check_resume() {  # check_resume FILE NEEDLE
  run timeout 10 "$PROCEDURA" run --resume "$1" --no-transcript </dev/null
  expect_status 2 "run --resume $1"
  expect_contains "$err" "$2" "run --resume $1 message"
}
check_resume garbage.jsonl "cannot resume from 'garbage.jsonl': line 1: the line is not a JSON object"
check_resume answers.dir "is a directory"
check_resume answers.fifo "is not a regular file"
check_resume fifo-start.jsonl "answers.fifo' is not a regular file"
check_resume long.jsonl "line 1: the first event must have prev = 64 zeros"
run timeout 10 "$PROCEDURA" verify answers.fifo
expect_status 2 "verify a FIFO"
expect_contains "$err" "'answers.fifo' is not a regular file" "verify names the FIFO and why"
# A count given as 0 or as a word is a usage error that says what is wanted.
run timeout 10 "$PROCEDURA" paths --list --limit 0 s01-nietrzezwy-uczen --procedures "$REPO/procedures"
expect_status 2 "paths --limit 0 is a usage error"
expect_contains "$err" "--limit: '0' is not a number of paths (a whole number, at least 1)" "the usage error says what --limit takes"
# An answer value carrying a newline and terminal controls is quoted in the error on one
# line with its controls shown: it can neither forge a `file:line:col: error:` line nor
# retitle the terminal.
printf 'stan_zdrowia: "dobry\\nforged.yaml:1:1: error: forged [x]\\e]0;pwned\\a"\n' > forged-answers.yaml
run timeout 10 "$PROCEDURA" run --procedures "$REPO/examples" poznaj-format --answers forged-answers.yaml --no-transcript
expect_status 2 "an invalid answers-file value stops the run"
expect_contains "$err" 'dobry\nforged.yaml:1:1: error: forged [x]\x1B]0;pwned\x07' "the value is shown escaped, on one line"
expect_not_contains "$err" $'\e' "no ESC reaches the terminal"
expect_not_contains "$err" $'\nforged.yaml' "no forged diagnostic line"

# A one-line map with 20,000 duplicate keys (120 KB): each finding shows the text around
# its column, not the whole line, so the output grows with the findings, not their square
# (it was 2.4 GB).
python3 -c "print('format: 1\nid: h\nversion: 1.0.0\ntitle: T\nstart: a\nnodes:\n  a:\n    outcome: Done\nx: {' + ', '.join(['a: 1'] * 20000) + '}')" > one-line.yaml
timeout 60 "$PROCEDURA" lint one-line.yaml > one-line.out 2>&1
bytes=$(wc -c < one-line.out)
check "20,000 findings on one 120 KB line print $bytes bytes, under 20 MB" test "$bytes" -lt 20000000
check "each shows the line cut around its column" grep -q '^x: {a: 1, a: 1,.*…$' one-line.out

finish
