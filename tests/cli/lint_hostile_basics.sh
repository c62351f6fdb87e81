# Input that is not a procedure at all ends in a positioned diagnostic and a documented
# exit status, never a crash: empty file, binary garbage, invalid UTF-8, UTF-16, a
# directory named x.yaml, an unreadable file, a FIFO.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
lint_check() {  # lint_check FILE WANT_STATUS NEEDLE
  run timeout 10 "$PROCEDURA" lint "$1"
  expect_status "$2" "$1"
  expect_contains "$out" "$3" "$1 diagnostic"
}
: > empty.yaml
lint_check empty.yaml 1 "empty.yaml:1:1: error: the file is empty"
head -c 4096 /dev/urandom | tr -d '\n' > garbage.yaml
printf '\x00\x01binary' >> garbage.yaml
lint_check garbage.yaml 1 "[yaml-syntax]"
printf 'format: 1\nid: "x\xc3"\n' > invalid.yaml
lint_check invalid.yaml 1 "invalid.yaml:2:7: error: invalid UTF-8"
printf '\xff\xfef\x00o\x00' > utf16.yaml
lint_check utf16.yaml 1 "UTF-16"
printf 'format: 1\rid: stary-mac\rversion: 1.0.0\rtitle: Stary Mac\rstart: k\rnodes:\r  k: {outcome: Koniec.}\r' >old-mac.yaml
lint_check old-mac.yaml 1 "old Mac line endings"
mkdir x.yaml
lint_check x.yaml 2 "x.yaml is a directory"
# Inside a walked folder, a folder named like a file is walked like any other.
mkdir -p walked/wersja.yaml
printf 'format: 1\nid: w-folderze\nversion: 1.0.0\ntitle: W folderze\nstart: k\nnodes:\n  k: {outcome: Koniec.}\ntests:\n  - {name: koniec, answers: {}, expect: {outcome: k}}\n' >walked/wersja.yaml/w-folderze.yaml
run "$PROCEDURA" lint walked
expect_status 0 "a walked folder named *.yaml is no error"
expect_contains "$out" "0 errors, 0 warnings in 1 file" "its file is linted"
run "$PROCEDURA" test walked
expect_status 0 "test walks it too"
expect_contains "$out" "1 passed, 0 failed" "its scenario runs"
printf 'format: 1\n' > locked.yaml && chmod 000 locked.yaml
if [[ -r locked.yaml ]]; then
  echo "skip: running as root, an unreadable file cannot be made"
else
  lint_check locked.yaml 2 "[io-error]"
fi
mkfifo pipe.yaml
lint_check pipe.yaml 2 "is not a regular file"
printf 'format: 1\nid: x\ntitle: {pl: Czy?, en: Is it?}\n' > question.yaml
lint_check question.yaml 1 "question.yaml:3:16: error: unknown token: a '?' at the end of unquoted text inside { } or [ ] is read as YAML syntax; put the text in quotes"
finish
