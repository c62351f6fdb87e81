# A directory walk does not follow a symbolic link out of the directory linted: a link to a
# secret must not put the secret's first line into a CI log. Links inside the tree are
# followed, and a file named on the command line is read wherever it is.
source "$(dirname "$0")/lib.sh"
cd "$scratch"
mkdir -p tree/.hidden outside
printf 'haslo_bazy: "tajne-haslo-123"\n' >outside/secret.yaml
printf 'format: 1\nid: wewnatrz\n' >tree/.hidden/inner.yaml  # hidden: found only by the link
ln -s ../outside/secret.yaml tree/link.yaml
ln -s ../outside tree/linked-dir
ln -s .hidden/inner.yaml tree/inside.yaml

run "$PROCEDURA" lint tree
expect_status 1 "lint of the tree (the file behind the inner link is incomplete)"
if [[ "$out$err" == *tajne-haslo* ]]; then fail "the secret reached the output: $out"; else pass "the secret is not printed"; fi
expect_contains "$err" "procedura lint: note: tree/link.yaml was skipped: a symbolic link out of the directory linted" "the skipped file link is named on stderr"
expect_contains "$err" "procedura lint: note: tree/linked-dir was skipped" "the skipped directory link is named on stderr"
expect_contains "$out" "tree/inside.yaml:1:1: error" "a link inside the tree is followed"

# Named on the command line, the link is read: the user asked for that file.
run "$PROCEDURA" lint tree/link.yaml
expect_status 1 "a named link is linted"
expect_contains "$out" "tree/link.yaml:1:1" "the named link's file is read"
finish
