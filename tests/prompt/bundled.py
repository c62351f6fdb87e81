#!/usr/bin/env python3
"""Every bundled procedure through the real prompt, in Polish and English.

Scenarios: each path `procedura paths --list ID --limit N` prints, plus seeded random walks.
Each must end with exit 0 and the same outcome, actions and answers as the scripted run of
the same answers (`--answers FILE --format json`).

Environment: PROCEDURA (binary), REPO (source root); optional PROMPT_PATHS (paths per
procedure, default 50), PROMPT_WALKS (random walks per procedure and language, default 4),
PROMPT_JOBS (parallel interviews, default 3), PROMPT_ONLY (comma-separated procedure ids).
Under the sanitizer pass (ASAN_OPTIONS set) the defaults shrink to 8 paths and 2 walks: every
procedure is still driven, in both languages, at a fraction of the cost.
"""

import os
import random
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from interview import Failure, Run, printed_options, scripted, summary  # noqa: E402
from procedure_model import load_procedures, normalize  # noqa: E402

BINARY = os.environ["PROCEDURA"]
REPO = os.environ.get("REPO") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
PROCEDURES = os.path.join(REPO, "procedures")
KNOWN_FAILURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "known-failures.txt")
LANGS = ("pl", "en")


def parse_value(text):
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        inner = text[1:-1].strip()
        return [item.strip().strip('"') for item in inner.split(",")] if inner else []
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if re.fullmatch(r"-?\d+\.\d+", text):
        return float(text)
    return text.strip('"')


def split_top_level(line):
    parts, depth, current = [], 0, ""
    for char in line:
        depth += char == "["
        depth -= char == "]"
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current)
    return parts


def path_scenarios(procedure_id, limit):
    """The answers of each listed path, as an answers-file map."""
    listing = subprocess.run([BINARY, "paths", "--list", procedure_id, "--limit", str(limit),
                              "--procedures", PROCEDURES], capture_output=True, text=True, timeout=300)
    if listing.returncode != 0:
        raise SystemExit(f"paths --list {procedure_id} failed: {listing.stderr}")
    scenarios = []
    for line in listing.stdout.splitlines():
        match = re.match(r"^(\d+)\. (.*)$", line)
        if not match:
            continue
        answers = {}
        for part in split_top_level(match.group(2)):
            key, _, value = part.partition(" = ")
            answers[key.strip()] = parse_value(value)
        scenarios.append(answers)
    return scenarios


def scenario_chooser(answers):
    def choose(question, screen):
        key = question.key(current_top[0])
        if key not in answers:
            raise Failure(f"the scenario has no answer for '{question.text(current_lang[0])}' ({key})")
        return answers[key]

    return choose


def walk_chooser(rng, lang):
    """A random advertised answer at each screen."""

    def choose(question, screen):
        if question.type == "multi":
            values = [value for value, labels in question.options if normalize(labels[lang]) in printed_options(screen)]
            low = int(question.min or 0)
            count = rng.randint(low, max(low, len(values)))
            return sorted(rng.sample(values, count), key=values.index)
        if question.type == "number":
            low = int(question.min) if question.min is not None else 0
            high = int(question.max) if question.max is not None else low + 100
            return rng.randint(low, high)
        if question.type == "text":
            return rng.choice(["Jan Kowalski", "brak", "Ala"])
        return rng.choice([value for value, _ in question.options])

    return choose


current_top, current_lang = [None], [None]
MODEL = None


def run_case(case):
    """One interview through the prompt and its scripted twin; returns a failure text or None."""
    global MODEL
    if MODEL is None:
        MODEL = load_procedures(PROCEDURES)
    procedure_id, lang, kind, number, answers, seed = case
    current_top[0], current_lang[0] = procedure_id, lang
    name = f"{procedure_id} [{lang}] {kind} {number}" + (f" (seed {seed})" if seed is not None else "")
    run = Run(BINARY, PROCEDURES, MODEL, procedure_id, lang, style_seed=number + (lang == "en"))
    if answers is not None:
        choose, pending = scenario_chooser(answers), set(answers)
    else:
        choose, pending = walk_chooser(random.Random(seed), lang), None
    try:
        status, report = run.drive(choose, pending)
    except Failure as problem:
        return name, f"{problem}\n  keys typed: {run.keys}\n  screen:\n{indent(run.screen_tail())}"
    if status != 0:
        return name, f"exit {status}, wanted 0\n  keys typed: {run.keys}\n  screen:\n{indent(run.screen_tail())}"
    # A walk's answers are taken from the run's own report, which names each question's
    # variable: two questions may share their words.
    given = answers if answers is not None else answers_of(report)
    with tempfile.TemporaryDirectory() as scratch:
        code, reference, errors = scripted(BINARY, PROCEDURES, procedure_id, lang, given,
                                           os.path.join(scratch, "answers.json"))
    if code != 0:
        return name, f"the scripted run of the same answers exits {code}: {errors.strip()}\n  answers: {given}"
    mine, theirs = summary(report), summary(reference)
    if mine != theirs:
        differences = [f"{field}: prompt {mine and mine.get(field)} != scripted {theirs.get(field)}"
                       for field in ("outcome", "actions", "answers") if not mine or mine[field] != theirs[field]]
        return name, "differs from the scripted run\n  " + "\n  ".join(differences) + f"\n  keys typed: {run.keys}"
    return name, None


def answers_of(report):
    given = {}
    for answer in (report or {}).get("answers", []):
        value = answer.get("value")
        given[answer["var"]] = {True: "yes", False: "no"}.get(value, value) if isinstance(value, bool) else value
    return given


def indent(text):
    return "\n".join("    | " + line for line in text.splitlines())


def known_failures():
    if not os.path.exists(KNOWN_FAILURES):
        return set()
    with open(KNOWN_FAILURES, encoding="utf-8") as handle:
        return {line.strip() for line in handle if line.strip() and not line.startswith("#")}


def main():
    model = load_procedures(PROCEDURES)
    sanitized = "ASAN_OPTIONS" in os.environ
    limit = int(os.environ.get("PROMPT_PATHS", "8" if sanitized else "50"))
    walks = int(os.environ.get("PROMPT_WALKS", "2" if sanitized else "4"))
    jobs = max(1, int(os.environ.get("PROMPT_JOBS", "3")))
    only = [p for p in os.environ.get("PROMPT_ONLY", "").split(",") if p]
    ids = sorted(p for p in model if not only or p in only)
    cases = []
    for procedure_id in ids:
        for number, answers in enumerate(path_scenarios(procedure_id, limit), 1):
            for lang in LANGS:
                cases.append((procedure_id, lang, "path", number, answers, None))
        for lang in LANGS:
            for number in range(1, walks + 1):
                cases.append((procedure_id, lang, "walk", number, None, f"{procedure_id}/{lang}/{number}"))
    started = time.monotonic()
    known = known_failures()
    failed, expected = [], []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for name, problem in pool.map(run_case, cases, chunksize=4):
            if problem is None:
                continue
            key = name.split(" (seed")[0]
            (expected if key in known else failed).append((name, problem))
    elapsed = time.monotonic() - started
    print(f"prompt: {len(cases)} interviews of {len(ids)} procedures through the prompt in {elapsed:.0f} s "
          f"({limit} paths and {walks} random walks per procedure and language, {jobs} at a time)")
    for name, problem in expected:
        print(f"KNOWN FAILURE (listed in tests/prompt/known-failures.txt): {name}: {problem.splitlines()[0]}")
    now_passing = sorted((known - {name.split(" (seed")[0] for name, _ in expected}) & {c[0] + f" [{c[1]}] {c[2]} {c[3]}" for c in cases})
    for name in now_passing:
        print(f"NOTE: {name} is listed in tests/prompt/known-failures.txt but passes now; remove the line")
    for name, problem in failed:
        print(f"FAIL: {name}: {problem}")
    if failed:
        print(f"{len(failed)} of {len(cases)} interviews failed")
        return 1
    print("prompt: all interviews ended as their scripted runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
