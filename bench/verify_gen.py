#!/usr/bin/env python3
"""Generates procedures for the verification benchmarks (bench/README.md).

  verify_gen.py ladder DIAMONDS OUT.yaml   a ladder of diamonds (2^DIAMONDS paths) with an
                                           invariant that holds on every path
  verify_gen.py size NODES OUT.yaml        about NODES nodes: questions, steps and branches in
                                           blocks, with actions and an invariant
  verify_gen.py required QUESTIONS OUT.yaml  QUESTIONS yes/no questions, each "yes" collecting
                                           one of 16 actions, and an invariant requiring all
                                           16 (it holds: the outcome collects them)
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


def required(questions, actions=16):
    # Any subset of the 16 actions can be collected before the outcome, so tracking them
    # together needs up to 2^16 states per node; checked one by one, four.
    ids = [f"r{k}" for k in range(actions)]
    out = [HEADER.format(id="required")]
    out += [f"  {a}: {{kind: do, text: Działanie {a}.}}\n" for a in ids]
    out.append("start: q0\nnodes:\n")
    for i in range(questions):
        nxt = f"q{i + 1}" if i + 1 < questions else "koniec"
        yes_actions = "umiesc" if i == 0 else ids[i % actions]
        out.append(f"""  q{i}:
    ask: Czy zaszło zdarzenie {i}?
    type: yes_no
    options:
      - {{value: yes, next: {nxt}, actions: [{yes_actions}]}}
      - {{value: no, next: {nxt}}}
""")
    out.append(f"""  koniec:
    outcome: Koniec.
    actions: [zawiadom, {", ".join(ids)}]
invariants:
  - id: wszystkie-zawiadomienia
    if: [umiesc]
    require: [{", ".join(ids)}]
""")
    return "".join(out)


def main():
    kinds = {"ladder": ladder, "size": sized, "required": required}
    if len(sys.argv) != 4 or sys.argv[1] not in kinds:
        sys.exit(__doc__)
    n = int(sys.argv[2])
    text = kinds[sys.argv[1]](n)
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
