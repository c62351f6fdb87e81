#!/usr/bin/env python3
"""Writes the benchmark corpora of bench/run.sh into OUT (deterministic: same bytes each run).

  generate.py OUT

  OUT/files1000/pNNNN.yaml   1,000 procedures of 100 nodes each (self-contained)
  OUT/files1000-json/*.json  the same as JSON, for ajv-cli (converted here, untimed)
  OUT/size/sizeN.yaml        one procedure of N nodes, N = 12,500, 25,000, 50,000, 100,000
  OUT/ladder60.yaml          60 yes/no diamonds: 2^60 paths, an invariant that holds
  OUT/realistic/*.yaml       100 variations of the bundled procedures, each made
                             self-contained (library definitions inlined, calls turned
                             into steps) so every peer sees the same single files
  OUT/realistic-json/*.json  the same as JSON, for ajv-cli (converted here, untimed)
"""
import json

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import verify_gen  # noqa: E402  (the ladder and the sized procedure)

REPO = Path(__file__).resolve().parent.parent


def small_procedure(index, nodes=100):
    """A procedure of `nodes` nodes in blocks of 10 (questions, a branch, steps)."""
    text = verify_gen.sized(nodes).replace("id: size", f"id: p{index:04d}", 1)
    return text.replace("title: Benchmark", f"title: Benchmark procedure {index}", 1)


class PlainDumper(yaml.SafeDumper):
    """Writes strings plainly wherever YAML allows: with BaseLoader (every scalar read as
    its text) the round trip keeps yes as yes and 25 as 25, changing layout only."""


PlainDumper.yaml_implicit_resolvers = {}


def block_yaml(data):
    return yaml.dump(data, Dumper=PlainDumper, allow_unicode=True, sort_keys=False, width=100)


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=yaml.BaseLoader)


def scalars(value, out):
    if isinstance(value, dict):
        for v in value.values():
            scalars(v, out)
    elif isinstance(value, list):
        for v in value:
            scalars(v, out)
    else:
        out.add(value)
    return out


def self_contained(path):
    """The procedure at `path` with the definitions it uses from its imports inlined, and
    calls turned into steps (with the tests and invariants that relied on the callees)."""
    doc = load(path)
    todo = [(path.parent / i).resolve() for i in doc.pop("imports", [])]
    seen, inherited = set(), {}
    while todo:
        lib_path = todo.pop(0)
        if lib_path in seen:
            continue
        seen.add(lib_path)
        lib = load(lib_path)
        todo += [(lib_path.parent / i).resolve() for i in lib.get("imports", [])]
        for section in SECTIONS:
            for key, value in (lib.get(section) or {}).items():
                inherited.setdefault((section, key), value)
    calls = False
    for node in doc.get("nodes", {}).values():
        if isinstance(node, dict) and "call" in node:
            callee = node.pop("call")
            node.pop("with", None)
            text = f"Przejdź procedurę {callee}."
            node["step"] = {lang: text for lang in doc["languages"]} if "languages" in doc else text
            calls = True
    if calls:
        doc.pop("tests", None)
        doc.pop("invariants", None)
    # Inline only what is used (transitively: actions name recipients), as an author would.
    used = scalars({k: v for k, v in doc.items() if k != "audience"}, set())
    changed = True
    while changed:
        changed = False
        for (section, key), value in inherited.items():
            if key in used and key not in (doc.get(section) or {}):
                doc.setdefault(section, {})[key] = value
                scalars(value, used)
                changed = True
    return doc


SIZES = (12500, 25000, 50000, 100000)
SECTIONS = ("recipients", "actions", "legal_basis")


def realistic(out):
    sources = sorted(p for p in (REPO / "procedures").rglob("*.yaml")
                     if load(p).get("kind") != "library" and not p.name.endswith(".test.yaml"))
    base = [(p, self_contained(p)) for p in sources]
    (out / "realistic").mkdir(parents=True, exist_ok=True)
    (out / "realistic-json").mkdir(parents=True, exist_ok=True)
    for i in range(100):
        path, doc = base[i % len(base)]
        variant = dict(doc)
        variant["id"] = f"{doc['id']}-v{i:03d}"
        name = f"{variant['id']}.yaml"
        (out / "realistic" / name).write_text(block_yaml(variant), encoding="utf-8")
        # ajv needs typed JSON: read the written file back with YAML 1.1 typing would turn
        # `yes` into true, so convert with a loader that keeps yes/no as strings.
        typed = yaml.load((out / "realistic" / name).read_text(encoding="utf-8"), Loader=TypedLoader)
        (out / "realistic-json" / f"{variant['id']}.json").write_text(
            json.dumps(typed, ensure_ascii=False, default=str), encoding="utf-8")


class TypedLoader(yaml.SafeLoader):
    """YAML 1.2-like typing: numbers and true/false, but yes/no/on/off stay strings."""


TypedLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
TypedLoader.add_implicit_resolver("tag:yaml.org,2002:bool", __import__("re").compile(r"^(?:true|false)$"),
                                  list("tf"))
# Dates (review_by) stay strings, as the schema expects.
TypedLoader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in TypedLoader.yaml_implicit_resolvers.items()
}


def main():
    # An option such as --help would otherwise become the output directory.
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    (out / "files1000").mkdir(parents=True, exist_ok=True)
    (out / "files1000-json").mkdir(parents=True, exist_ok=True)
    for i in range(1000):
        text = small_procedure(i)
        (out / "files1000" / f"p{i:04d}.yaml").write_text(text, encoding="utf-8")
        (out / "files1000-json" / f"p{i:04d}.json").write_text(
            json.dumps(yaml.load(text, Loader=TypedLoader), ensure_ascii=False, default=str),
            encoding="utf-8")
    (out / "size").mkdir(parents=True, exist_ok=True)
    for n in SIZES:
        (out / "size" / f"size{n}.yaml").write_text(verify_gen.sized(n), encoding="utf-8")
    (out / "ladder60.yaml").write_text(verify_gen.ladder(60), encoding="utf-8")
    realistic(out)



if __name__ == "__main__":
    main()
