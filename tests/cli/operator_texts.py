#!/usr/bin/env python3
"""Checks the texts an operator reads in procedure files.

  operator_texts.py words DIR...   internal words or ids in operator-facing texts
  operator_texts.py cites DIR...   legal-basis `cite` longer than 40 characters

Prints one line per finding (file, YAML path, the offending text) and exits 1 when
there is any. Operator-facing: titles, summaries, areas, keywords, questions, steps,
outcomes, help, option labels, units, action and caution texts, recipient names, legal
bases, `about` labels. Not operator-facing: ids, comments, test names, invariants
(those are for authors and trainers).
"""
import pathlib
import re
import sys

import yaml

# Words that belong to the authors' notes, never to an operator's screen. Notes on legal
# uncertainty ("wymaga weryfikacji", "to be verified", "ten krok jest prawdopodobny") go in a
# YAML comment; the operator's text gives the instruction that is safe either way. The
# operator's own checking words ("zweryfikuj", "po weryfikacji" = once checked) pass.
INTERNAL = re.compile(
    r"\bbrief\w*|\bplakat\w*|\bTODO\b|\bFIXME\b|\bXXX\b"
    r"|\bwymaga\w*\s+weryfikacji|\bdo\s+weryfikacji|\b(?:jest|są)\s+niepewn\w*"
    r"|\bkrok\w*\s+(?:jest\s+)?prawdopodobn\w*"
    r"|\bneeds?\s+(?:to\s+be\s+)?verifi\w*|\bto\s+be\s+verified|\b(?:is|are)\s+uncertain"
    r"|\bprobable\s+step|\bstep\s+is\s+probable",
    re.IGNORECASE)
# An id with an underscore (or a procedure id such as s01-foo) looks like a word to
# nobody but its author; plain words such as "wiek" cannot be told apart, so they pass.
ID_LIKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b|\b[sp]\d\d(?:-[a-z0-9]+)+\b")

TEXT_KEYS = {"short", "title", "summary", "area", "keywords", "ask", "step", "outcome", "help",
             "label", "unit", "text", "name", "about", "cite"}
SKIP_KEYS = {"tests", "invariants"}


def texts(node, path=""):
    """Yields (yaml path, text) for every operator-facing string below node."""
    if isinstance(node, dict):
        for key, value in node.items():
            key = str(key)
            if key in SKIP_KEYS:
                continue
            sub = f"{path}.{key}" if path else key
            if key in TEXT_KEYS:
                yield from strings(value, sub)
            else:
                yield from texts(value, sub)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from texts(item, f"{path}[{i}]")


def strings(value, path):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, f"{path}[{i}]")


def ids(doc):
    """Node ids, variable names, action, recipient, caution and procedure ids."""
    found = set()
    if isinstance(doc.get("id"), str):
        found.add(doc["id"])
    for section in ("actions", "recipients", "cautions", "legal_basis"):
        if isinstance(doc.get(section), dict):
            found.update(map(str, doc[section]))
    for node_id, node in (doc.get("nodes") or {}).items():
        found.add(str(node_id))
        if isinstance(node, dict) and isinstance(node.get("var"), str):
            found.add(node["var"])
    return found


def load(dirs):
    files = []
    for d in dirs:
        files += sorted(p for p in pathlib.Path(d).rglob("*") if p.suffix in (".yaml", ".yml"))
    docs = []
    for f in files:
        doc = yaml.safe_load(f.read_text(encoding="utf-8"))
        if isinstance(doc, dict):
            docs.append((f, doc))
    return docs


def main(mode, dirs):
    docs = load(dirs)
    known_ids = set().union(*(ids(doc) for _, doc in docs)) if docs else set()
    findings = []
    for f, doc in docs:
        if mode == "cites":
            for basis_id, basis in (doc.get("legal_basis") or {}).items():
                cite = str((basis or {}).get("cite", ""))
                if len(cite) > 40:
                    findings.append(f"{f}: legal_basis.{basis_id}.cite has {len(cite)} characters (max 40): {cite}")
            continue
        for path, text in texts(doc):
            for m in INTERNAL.finditer(text):
                findings.append(f"{f}: {path}: internal word '{m.group(0)}' in: {text}")
            for m in ID_LIKE.finditer(text):
                if m.group(0) in known_ids:
                    findings.append(f"{f}: {path}: id '{m.group(0)}' in: {text}")
    for line in findings:
        print(line)
    return 1 if findings else 0


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] not in ("words", "cites"):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
