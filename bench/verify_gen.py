#!/usr/bin/env python3
"""Generates procedures for the verification benchmarks (bench/README.md).

  verify_gen.py ladder DIAMONDS OUT.yaml   a ladder of diamonds (2^DIAMONDS paths) with an
                                           invariant that holds on every path
  verify_gen.py size NODES OUT.yaml        about NODES nodes: questions, steps and branches in
                                           blocks, with actions and an invariant
"""
import sys

HEADER = """format: 1
id: {id}
version: 1.0.0
title: Benchmark
actions:
  umiesc: {{kind: do, text: Umieść w pieczy.}}
  zawiadom: {{kind: do, text: Zawiadom sąd.}}
"""


def ladder(diamonds):
    out = [HEADER.format(id="ladder"), "start: d0\nnodes:\n"]
    for i in range(diamonds):
        nxt = f"d{i + 1}" if i + 1 < diamonds else "koniec"
        acts = "\n    actions: [zawiadom]" if i == diamonds // 2 else ""
        out.append(f"""  d{i}:
    ask: Pytanie {i}?
    type: yes_no
    options:
      - {{value: yes, next: l{i}}}
      - {{value: no, next: r{i}}}
  l{i}:
    step: Lewo {i}.{acts}
    next: {nxt}
  r{i}:
    step: Prawo {i}.{acts}
    next: {nxt}
""")
    out.append("""  koniec:
    outcome: Koniec.
    actions: [umiesc]
invariants:
  - id: sad-przy-pieczy
    if: [umiesc]
    require: [zawiadom]
""")
    return "".join(out)


def sized(nodes):
    # Blocks of 10 nodes: a number question, a yes_no question, a branch on both, and a
    # chain of 7 steps. Flow style and mostly steps keep 100k nodes under the loader's file
    # and YAML-node limits. The invariant holds (every path passes the first block's last
    # step), so the whole product graph is explored.
    blocks = max(1, nodes // 10)
    out = [HEADER.format(id="size"), "start: w0\nnodes:\n"]
    for i in range(blocks):
        nxt = f"w{i + 1}" if i + 1 < blocks else "koniec"
        acts = ", actions: [zawiadom]" if i == 0 else ""
        out.append(
            f"  w{i}: {{ask: W, type: number, min: 0, max: 25, next: q{i}}}\n"
            f"  q{i}: {{ask: Q, type: yes_no, options: [{{value: yes, next: b{i}}}, {{value: no, next: s{i}_1}}]}}\n"
            f"  b{i}: {{branch: [{{when: \"w{i} < 13 and q{i} == true\", next: s{i}_1}}, "
            f"{{when: \"w{i} >= 13\", next: s{i}_6}}], otherwise: s{i}_0}}\n")
        for k in range(7):
            step_next = f"s{i}_{k + 1}" if k < 6 else nxt
            out.append(f"  s{i}_{k}: {{step: S, next: {step_next}{acts if k == 6 else ''}}}\n")
    out.append("""  koniec:
    outcome: Koniec.
    actions: [umiesc]
invariants:
  - id: sad-przy-pieczy
    if: [umiesc]
    require: [zawiadom]
""")
    return "".join(out)


def main():
    if len(sys.argv) != 4 or sys.argv[1] not in ("ladder", "size"):
        sys.exit(__doc__)
    n = int(sys.argv[2])
    text = ladder(n) if sys.argv[1] == "ladder" else sized(n)
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
