#!/usr/bin/env python3
"""Writes the generated part of the hostile corpus into OUTDIR (deterministic; no randomness).

Usage: generate.py OUTDIR

Every file written is an input that must end in a positioned diagnostic (file:line:col) and
exit status 1 or 2 from `procedura lint`, quickly, never a crash or a hang. Files are
generated instead of committed because several are megabytes large. Directories whose name
ends in `.dir` are linted as a whole (import chains, many files, symlink loops).
"""
import os
import sys

HEADER = "format: 1\nid: hostile\nversion: 1.0.0\ntitle: Hostile\nstart: a\n"


def procedure_with_when(expression):
    """A valid procedure whose one condition is `expression` (a YAML single-quoted scalar)."""
    quoted = expression.replace("'", "''")
    return (HEADER + "nodes:\n  a:\n    ask: Age?\n    type: number\n    next: b\n"
            "  b:\n    branch:\n      - when: '" + quoted + "'\n        next: c\n"
            "    otherwise: c\n  c:\n    outcome: Done\n")


def files():
    """Yields (relative path, bytes)."""
    n = 10_000
    # Nesting: flow and block, sequences and maps, far past the depth limit.
    yield "deep-flow-seq.yaml", ("format: 1\nnodes: " + "[" * n + "]" * n + "\n").encode()
    yield "deep-flow-map.yaml", ("format: 1\nnodes: " + "{a: " * n + "b" + "}" * n + "\n").encode()
    yield "deep-flow-open.yaml", ("format: 1\nnodes: " + "[" * n + "\n").encode()
    yield "deep-block-seq.yaml", ("format: 1\nnodes: " + "- " * n + "x\n").encode()
    yield "deep-block-map.yaml", ("format: 1\nnodes:\n" + "".join(" " * (i + 1) + "a:\n" for i in range(2000)) + " " * 2001 + "b\n").encode()
    yield "deep-mixed.yaml", ("format: 1\nnodes: " + "[{a: " * (n // 2) + "\n").encode()

    # Aliases: billion laughs (10^9 leaves if expanded), a wide fan-out, many anchors,
    # an alias to an undefined anchor, merge keys of a bomb.
    bomb = ["format: 1", 'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        bomb.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]")
    yield "alias-billion-laughs.yaml", ("\n".join(bomb) + "\nnodes: *l9\n").encode()
    wide = ["format: 1", "x: &x [" + ", ".join(["a"] * 1000) + "]", "nodes: [" + ", ".join(["*x"] * 3000) + "]"]
    yield "alias-wide.yaml", ("\n".join(wide) + "\n").encode()
    yield "alias-many-anchors.yaml", ("format: 1\nnodes:\n" + "".join(f"  - &a{i} v{i}\n" for i in range(100_000))).encode()
    yield "alias-undefined.yaml", b"format: 1\nnodes: *nowhere\n"
    yield "alias-merge-bomb.yaml", ("\n".join(bomb) + "\nnodes:\n  <<: *l9\n").encode()
    yield "alias-self.yaml", b"format: 1\nnodes: &a [*a]\n"

    # Keys: 100,000 duplicates; 100,000 distinct unknown keys; a key of a megabyte.
    yield "keys-duplicate.yaml", (HEADER + "k: v\n" * 100_000).encode()
    yield "keys-unknown.yaml", (HEADER + "".join(f"k{i}: v\n" for i in range(100_000))).encode()
    yield "keys-huge.yaml", (HEADER + "k" * (1 << 20) + ": v\n").encode()
    yield "keys-complex.yaml", b"format: 1\n? [a, b]\n: c\n"

    # Encodings. A UTF-8 byte-order mark is accepted, so that file is broken otherwise.
    enc = {
        "enc-overlong-2.yaml": b"format: 1\nid: \xc0\xaf\n",
        "enc-overlong-3.yaml": b"format: 1\nid: \xe0\x80\xaf\n",
        "enc-overlong-4.yaml": b"format: 1\nid: \xf0\x80\x80\xaf\n",
        "enc-surrogate-high.yaml": b"format: 1\nid: \xed\xa0\x80\n",
        "enc-surrogate-low.yaml": b"format: 1\nid: \xed\xbf\xbf\n",
        "enc-surrogate-pair.yaml": b"format: 1\nid: \xed\xa0\xbd\xed\xb8\x80\n",
        "enc-beyond-10ffff.yaml": b"format: 1\nid: \xf4\x90\x80\x80\n",
        "enc-five-byte.yaml": b"format: 1\nid: \xf8\x88\x80\x80\x80\n",
        "enc-lone-continuation.yaml": b"format: 1\nid: a\x80b\n",
        "enc-invalid-ff.yaml": b"format: 1\nid: \xff\n",
        "enc-truncated-eof.yaml": b"format: 1\nid: \xe2\x82",
        "enc-truncated-mid.yaml": b"format: 1\nid: \xe2\x82 x\n",
        "enc-utf16le-bom.yaml": b"\xff\xfe" + "format: 1\n".encode("utf-16-le"),
        "enc-utf16be-bom.yaml": b"\xfe\xff" + "format: 1\n".encode("utf-16-be"),
        "enc-utf16le-nobom.yaml": "format: 1\n".encode("utf-16-le"),
        "enc-utf32le-bom.yaml": b"\xff\xfe\x00\x00" + "format: 1\n".encode("utf-32-le"),
        "enc-utf32be-bom.yaml": b"\x00\x00\xfe\xff" + "format: 1\n".encode("utf-32-be"),
        "enc-nul-start.yaml": b"\x00format: 1\n",
        "enc-nul-middle.yaml": b"format: 1\nid: a\x00b\n",
        "enc-nul-in-quotes.yaml": b'format: 1\nid: "a\x00b"\n',
        "enc-utf8-bom-broken.yaml": b"\xef\xbb\xbfformat: 1\nid: [\n",
        "enc-double-bom.yaml": b"\xef\xbb\xbf\xef\xbb\xbfformat: 1\n",
        "enc-bom-mid-file.yaml": b"format: 1\nid: a\n\xef\xbb\xbfversion: 1\n",
        "enc-control-chars.yaml": b"format: 1\nid: \x1b[2J\x07\x08\n",
        "enc-lone-cr.yaml": b"format: 1\rid: x\r  bad: [\r",
        "enc-crlf-broken.yaml": b"format: 1\r\nid: x\r\nnodes: [\r\n",
        "enc-latin1.yaml": "format: 1\nid: zażółć\n".encode("latin-1", errors="replace") + b"\xb3\n",
    }
    yield from enc.items()

    # Huge scalars: one line of 50 MB (over the 8 MiB limit) and 5 MB (under it).
    yield "huge-50mb-line.yaml", b"format: 1\nid: " + b"a" * (50 << 20) + b"\n"
    yield "huge-5mb-scalar.yaml", HEADER.encode() + b"nodes: " + b"a" * (5 << 20) + b"\n"
    yield "huge-2mb-flow-line.yaml", b"format: 1\nnodes: [" + b"ab, " * (1 << 19) + b"]\n"
    yield "huge-3mb-utf8-line.yaml", b"format: 1\nnodes: [" + "\u0105\u017c, ".encode() * (1 << 19) + b"]\n"
    yield "huge-many-lines.yaml", HEADER.encode() + b"nodes:\n" + b"#\n" * (1 << 20)

    # Unterminated constructs.
    unterminated = {
        "open-double-quote.yaml": HEADER + 'title: "never closed\n',
        "open-single-quote.yaml": HEADER + "title: 'never closed\n",
        "open-flow-seq.yaml": HEADER + "nodes: [a, b\n",
        "open-flow-map.yaml": HEADER + "nodes: {a: b\n",
        "open-block-scalar.yaml": HEADER + "title: |\n  text\n bad: [\n",
        "open-block-scalar-indent.yaml": HEADER + "title: |9\n x\n",
        "open-escape.yaml": HEADER + 'title: "\\\n',
        "open-bad-escape.yaml": HEADER + 'title: "\\uD800"\nnodes: [\n',
        "open-anchor.yaml": HEADER + "nodes: &\n",
        "open-tag.yaml": HEADER + "nodes: !<\n",
        "open-directive.yaml": "%YAML 1.2\n%YAML 1.2\n---\nformat: 1\n",
        "open-doc-marker.yaml": HEADER + "---\nnodes: {}\n...\n---\n",
        "open-tab-indent.yaml": HEADER + "nodes:\n\ta: b\n",
        "open-colon-only.yaml": ":\n",
        "open-dash-only.yaml": "-\n",
        "open-question.yaml": "?\n",
        "open-comment-only.yaml": "# nothing but a comment\n",
        "open-scalar-root.yaml": "just a string\n",
        "open-seq-root.yaml": "- a\n- b\n",
    }
    for name, text in unterminated.items():
        yield name, text.encode()

    # Expressions: nesting, length, operators.
    # Within the length limit, deeper than the depth limit (64).
    yield "expr-deep-parens-short.yaml", procedure_with_when("(" * 990 + "a < 1" + ")" * 990).encode()
    yield "expr-deep-not-short.yaml", procedure_with_when("not " * 480 + "a < 1").encode()
    yield "expr-deep-minus-short.yaml", procedure_with_when("a < " + "-" * 1900 + "1").encode()
    yield "expr-deep-lists-short.yaml", procedure_with_when("a in " + "[" * 900 + "]" * 900).encode()
    yield "expr-deep-parens.yaml", procedure_with_when("(" * n + "a < 1" + ")" * n).encode()
    yield "expr-deep-parens-open.yaml", procedure_with_when("(" * n + "a").encode()
    yield "expr-deep-not.yaml", procedure_with_when("not " * n + "a < 1").encode()
    yield "expr-long-chain.yaml", procedure_with_when(" and ".join(["a < 1"] * 20_000)).encode()
    yield "expr-long-string.yaml", procedure_with_when('a == "' + "x" * 100_000 + '"').encode()
    yield "expr-unterminated-string.yaml", procedure_with_when('a == "abc').encode()
    yield "expr-garbage.yaml", procedure_with_when("\u201c \u2264 ) ( ,, [ ] # @ \\ ` \u00a0").encode()
    yield "expr-huge-number.yaml", procedure_with_when("a < " + "9" * 5000).encode()
    yield "expr-deep-lists.yaml", procedure_with_when("a in " + "[" * 5000 + "]" * 5000).encode()

    # Import chains: 40 libraries each importing the next (deeper than the limit of 16),
    # a long cycle, and an import of itself.
    chain = []
    for i in range(40):
        nxt = f"imports: [lib{i + 1:03}.yaml]\n" if i < 39 else ""
        chain.append((f"import-chain.dir/lib{i:03}.yaml",
                      f"format: 1\nkind: library\nid: lib{i:03}\n{nxt}actions:\n  a{i}: {{text: A}}\n"))
    chain.append(("import-chain.dir/proc.yaml", HEADER.replace("start: a\n", "start: a\nimports: [lib000.yaml]\n")
                  + "nodes:\n  a:\n    outcome: Done\n    actions: [a0, missing_action]\n"))
    for i in range(30):
        chain.append((f"import-cycle.dir/lib{i:03}.yaml",
                      f"format: 1\nkind: library\nid: c{i:03}\nimports: [lib{(i + 1) % 30:03}.yaml]\nactions:\n  c{i}: {{text: C}}\n"))
    chain.append(("import-self.yaml", "format: 1\nkind: library\nid: self\nimports: [import-self.yaml]\nactions:\n  s: {text: S}\n"))
    chain.append(("import-escape.yaml", "format: 1\nkind: library\nid: esc\nimports: [../../../../../../../../etc/passwd, /dev/zero, .]\n"))
    for name, text in chain:
        yield name, text.encode()

    # Many files in one directory (each with one finding).
    for i in range(3000):
        yield f"many-files.dir/f{i:05}.yaml", f"format: 1\nid: f{i}\nbroken: [\n".encode()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = sys.argv[1]
    for rel, data in files():
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
    # Symlink loops inside a procedure directory: discovery must terminate.
    loop = os.path.join(out, "symlink-loop.dir")
    os.makedirs(os.path.join(loop, "sub"), exist_ok=True)
    with open(os.path.join(loop, "sub", "p.yaml"), "wb") as f:
        f.write(b"format: 1\nid: [\n")
    for name, target in (("self", "."), ("sub/back", ".."), ("sub/again", "../sub")):
        link = os.path.join(loop, name)
        if not os.path.islink(link):
            os.symlink(target, link)
    dangling = os.path.join(loop, "dangling.yaml")
    if not os.path.islink(dangling):
        os.symlink("nowhere.yaml", dangling)
    cyclic = os.path.join(loop, "cyclic.yaml")
    if not os.path.islink(cyclic):
        os.symlink("cyclic.yaml", cyclic)


if __name__ == "__main__":
    main()
