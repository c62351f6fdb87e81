#!/usr/bin/env python3
"""Search for the longest text report of each bundled procedure, beyond the listed paths.

`paths --list` gives the first few thousand paths in a fixed order; S2 and S4 have billions.
This drives the scripted run itself: an answers file is completed one question at a time
(the run names the first question it has no answer for), by random walks and then by local
search from the longest report found (change one answer, complete the rest at random, keep
what is longer). Prints, per procedure, the most lines found and the answers that give it.

  PROCEDURA=build/procedura python3 bench/worst_report.py [--walks N] [--steps N] [ID...]

Numbers are drawn from the sample values `paths --list` gives for that question (each
interval a `when` tells apart has one), so every distinct branch stays reachable.
"""

import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, os.path.join(REPO, "tests", "prompt"))
from procedure_model import load_procedures, reachable_questions  # noqa: E402

BINARY = os.path.realpath(os.environ.get("PROCEDURA", os.path.join(REPO, "build", "procedura")))
PROCEDURES = os.path.join(REPO, "procedures")
MISSING = re.compile(r"jako `([^`]+)`|as `([^`]+)`")
# An answer drawn for one question, given to another that sets the same variable with
# other options (S7 asks `bezposrednie_zagrozenie` at school and away, with different ones).
INVALID = re.compile(r"nie jest żadną z opcji|is not one of the options")
ENV = dict(os.environ, NO_COLOR="1", COLUMNS="80", LC_ALL="C.UTF-8")
ENV.pop("PROCEDURA_PATH", None)


def sample_numbers(procedure_id):
    """Every value `paths --list` uses for each number question, by answers-file key."""
    listing = subprocess.run([BINARY, "paths", "--list", "--limit", "5000", procedure_id,
                              "--procedures", PROCEDURES], capture_output=True, text=True, env=ENV)
    values = {}
    for key, value in re.findall(r"([\w.-]+) = (-?\d+(?:\.\d+)?)\b", listing.stdout):
        values.setdefault(key, set()).add(value)
    return {key: sorted(found) for key, found in values.items()}


class Searcher:
    def __init__(self, procedure_id, questions, numbers, rng, scratch):
        self.id = procedure_id
        self.questions = questions
        self.numbers = numbers
        self.rng = rng
        self.answers_file = os.path.join(scratch, "answers.json")

    def run(self, answers):
        """(missing key, None) or (None, report lines)."""
        with open(self.answers_file, "w", encoding="utf-8") as handle:
            json.dump(answers, handle, ensure_ascii=False)
        done = subprocess.run([BINARY, "run", self.id, "--procedures", PROCEDURES, "--answers",
                               self.answers_file, "--no-transcript"], capture_output=True, text=True, env=ENV)
        if done.returncode == 0:
            report = done.stdout.split("\nRAPORT KOŃCOWY", 1)
            if len(report) < 2:
                report = done.stdout.split("RAPORT KOŃCOWY", 1)
            return None, len(("RAPORT KOŃCOWY" + report[-1]).rstrip("\n").split("\n"))
        match = MISSING.search(done.stderr + done.stdout)
        if not match and INVALID.search(done.stderr):
            return "", None
        if not match:
            raise RuntimeError(f"{self.id}: run failed: {done.stderr.strip()[:400]}\n{answers}")
        return match.group(1) or match.group(2), None

    def draw(self, key):
        var = key.rsplit(".", 1)[-1]
        owner = key.rsplit(".", 1)[0] if "." in key else self.id
        question = self.rng.choice([q for q in self.questions if q.var == var and q.procedure == owner])
        values = [value for value, _ in question.options]
        if question.type == "multi":
            if self.rng.random() < 0.5:
                return values
            low = int(question.min or 0)
            return self.rng.sample(values, self.rng.randint(low, len(values)))
        if question.type == "number":
            found = self.numbers.get(key) or [str(question.min or 0)]
            return float(self.rng.choice(found)) if "." in found[0] else int(self.rng.choice(found))
        if question.type == "text":
            return "x"
        return self.rng.choice(values)

    def complete(self, answers):
        """Answers every question the run still asks at random; returns (answers, lines)."""
        answers = dict(answers)
        for _ in range(1000):
            missing, lines = self.run(answers)
            if missing is None:
                return answers, lines
            if missing == "":  # redraw the answers of variables several questions set
                for key in [k for k in answers if self.shared(k)]:
                    answers[key] = self.draw(key)
                continue
            answers[missing] = self.draw(missing)
        raise RuntimeError(f"{self.id}: no valid answers found for {answers}")

    def shared(self, key):
        var = key.rsplit(".", 1)[-1]
        owner = key.rsplit(".", 1)[0] if "." in key else self.id
        return sum(1 for q in self.questions if q.var == var and q.procedure == owner) > 1

    def search(self, walks, steps, start=None):
        best, most = None, -1
        for _ in range(walks):
            answers, lines = self.complete({})
            if lines > most:
                best, most = answers, lines
        if start:
            answers, lines = self.complete(start)
            if lines > most:
                best, most = answers, lines
        for _ in range(steps):
            changed = dict(best)
            key = self.rng.choice(sorted(changed))
            changed[key] = self.draw(key)
            # Answers after the changed one may no longer be asked; drop a random tail of them.
            for other in sorted(changed):
                if other != key and self.rng.random() < 0.2:
                    del changed[other]
            answers, lines = self.complete(changed)
            if lines >= most:
                best, most = answers, lines
        return most, best


def main():
    global BINARY, PROCEDURES
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("--walks", type=int, default=30)
    parser.add_argument("--steps", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", help="an answers file (JSON) to start the local search from")
    options = parser.parse_args()
    procedures = load_procedures(PROCEDURES)
    ids = options.ids or sorted(procedures)
    start = json.load(open(options.start, encoding="utf-8")) if options.start else None
    worst = 0
    with tempfile.TemporaryDirectory() as scratch:
        # Copies, so that a rebuild or an edit during a long search does not disturb it.
        shutil.copy(BINARY, os.path.join(scratch, "procedura"))
        BINARY = os.path.join(scratch, "procedura")
        PROCEDURES = shutil.copytree(PROCEDURES, os.path.join(scratch, "procedures"))
        for procedure_id in ids:
            searcher = Searcher(procedure_id, reachable_questions(procedures, procedure_id),
                                sample_numbers(procedure_id), random.Random(options.seed), scratch)
            lines, answers = searcher.search(options.walks, options.steps, start)
            worst = max(worst, lines)
            print(f"{procedure_id}: {lines} lines", flush=True)
            print("  " + json.dumps(answers, ensure_ascii=False), flush=True)
    print(f"longest report found: {worst} lines")


if __name__ == "__main__":
    main()
