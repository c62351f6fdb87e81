#!/usr/bin/env python3
"""Prints the ratios bench/run.sh measures, against their targets, as a Markdown table.

  ratios.py RESULTS   RESULTS: the directory of hyperfine JSON exports and memory.txt
"""
import json
import re
import sys
from pathlib import Path


def results(directory, name):
    """The commands of one comparison, by name: mean wall, user CPU (seconds)."""
    path = Path(directory) / f"{name}.json"
    if not path.exists():
        return {}
    return {r["command"]: r for r in json.loads(path.read_text())["results"]}


def find(table, prefix):
    for command, r in table.items():
        if command.startswith(prefix):
            return r
    return None


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    directory = sys.argv[1]
    rows = []

    def ratio(what, a, b, field, target, better="lower"):
        if a is None or b is None or b[field] == 0:
            rows.append((what, "—", target, "not measured"))
            return
        value = a[field] / b[field]
        if target is None:  # reported for scale, no target of its own
            rows.append((what, f"{value:.2f}", "—", ""))
            return
        met = value <= target if better == "lower" else value >= target
        rows.append((what, f"{value:.2f}", f"{'≤' if better == 'lower' else '≥'} {target}",
                     "met" if met else "not met"))

    files = results(directory, "files1000")
    lint_j1 = find(files, "procedura lint -j1")
    lint_jn = next((r for c, r in files.items() if c.startswith("procedura lint -j") and c != "procedura lint -j1"), None)
    ratio("files1000: `lint -j1` user CPU ÷ yaml-cpp event parse", lint_j1,
          find(files, "yaml-cpp events"), "user", 1.3)
    ratio("files1000: `lint` wall, all cores ÷ ajv-cli on the JSON twin", lint_jn,
          find(files, "ajv-cli"), "mean", 1.0)
    ratio("files1000: speed-up, `-j1` wall ÷ all cores wall", lint_j1, lint_jn, "mean", 1.8,
          better="higher")
    yamllint = results(directory, "files1000-yamllint")
    ratio("files1000: `lint` wall, all cores ÷ yamllint", lint_jn, find(yamllint, "yamllint"),
          "mean", 1.0)
    realistic = results(directory, "realistic")
    real_jn = next((r for c, r in realistic.items() if c.startswith("procedura lint -j") and c != "procedura lint -j1"), None)
    ratio("realistic: `lint` wall, all cores ÷ ajv-cli", real_jn, find(realistic, "ajv-cli"),
          "mean", 0.7)
    ratio("realistic: `lint` wall, all cores ÷ yamllint", real_jn, find(realistic, "yamllint"),
          "mean", 1.0)
    start = results(directory, "run-start")
    run = find(start, "procedura run p02")
    version = find(start, "procedura --version")
    ratio("`run p02 --answers` wall ÷ `--version` wall (process start)", run, version, "mean", None)
    listing = results(directory, "list")
    for label, r in (("`run p02 --answers` whole run", run), ("`procedura list`", find(listing, "procedura list"))):
        if r is None:
            rows.append((f"{label}, ms", "—", "≤ 15", "not measured"))
        else:
            ms = r["mean"] * 1000
            rows.append((f"{label}, ms", f"{ms:.1f}", "≤ 15", "met" if ms <= 15 else "not met"))
    memory = Path(directory) / "memory.txt"
    if memory.exists():
        for line in memory.read_text().splitlines():
            m = re.match(r"size100000: .* ratio ([0-9.]+)", line)
            if m:
                value = float(m.group(1))
                rows.append(("100,000-node file: peak RSS ÷ file size", f"{value:.1f}", "≤ 12",
                             "met" if value <= 12 else "not met"))

    print("| figure | measured | target | |")
    print("|:---|---:|---:|:---|")
    for what, value, target, verdict in rows:
        print(f"| {what} | {value} | {target} | {verdict} |")


if __name__ == "__main__":
    main()
