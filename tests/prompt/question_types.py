#!/usr/bin/env python3
"""Each question type at the real prompt accepts what its prompt advertises, and asks again
for what it does not: both yes_no shapes (with options, and with `next` only), choice, multi
with and without `min`, number with min/max/unit, and text. Fixture:
tests/fixtures/prompt/kazdy-typ-pytania.yaml. Environment: PROCEDURA, TESTS (as for CTest).
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from bundled import known_failures  # noqa: E402
from procedure_model import load_procedures, normalize  # noqa: E402
from terminal import ScreenTimeout, Terminal  # noqa: E402

BINARY = os.environ["PROCEDURA"]
TESTS = os.environ.get("TESTS") or os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FIXTURES = os.path.join(TESTS, "fixtures", "prompt")
FIXTURE = os.path.join(FIXTURES, "kazdy-typ-pytania.yaml")


# Per language: at each question in order, the lines typed; every line but the last must be
# refused (the same question asked again), the last accepted. Then the answers recorded.
PLAN = {
    "pl": {
        "zgoda": ["tak"],
        "kontakt": ["cokolwiek", "nie"],  # the `next`-only shape takes tak/nie like the other
        "stan": ["nie", "tak", "7", "2"],  # 'nie' is no prefix of the value nietrzezwy_opiekun
        "potrzeby": [""],  # the prompt offers an empty line for none
        "srodki": ["", "4", "2"],  # min 1: an empty line is asked again
        "wiek": ["0", "18", "pięć", "12"],  # from 1 to 17
        "imie": ["Ala"],
    },
    "en": {
        "zgoda": ["2"],
        "kontakt": ["yes"],
        "stan": ["no", "yes", "Hard to tell"],
        "potrzeby": ["1, 3"],
        "srodki": ["The director"],
        "wiek": ["-3", "17"],
        "imie": ["Jan Kowalski"],
    },
}
EXPECTED = {
    "pl": {"zgoda": True, "kontakt": False, "stan": "trzezwy", "potrzeby": [], "srodki": ["pedagog"],
           "wiek": 12, "imie": "Ala"},
    "en": {"zgoda": False, "kontakt": True, "stan": "nie_wiem", "potrzeby": ["leki", "ubranie"],
           "srodki": ["dyrektor"], "wiek": 17, "imie": "Jan Kowalski"},
}


def check(lang, questions, failures):
    """Appends (question var or None, message) for the first thing that goes wrong."""
    order = list(PLAN[lang])
    terminal = Terminal([BINARY, "run", FIXTURE, "--lang", lang, "--no-transcript", "--plain", "--format", "json"])
    typed = []
    at = [None]  # the question being checked

    def fail(message):
        tail = "\n".join("    | " + line for line in terminal.text().splitlines()[-15:])
        failures.append((f"types [{lang}] {at[0]}", f"{message}\n  keys typed: {typed}\n  screen:\n{tail}"))

    try:
        screen = terminal.screen()
        for position, var in enumerate(order):
            at[0] = var
            text = normalize(questions[var].text(lang))
            if screen is None or text not in normalize(screen):
                fail(f"expected the question '{questions[var].text(lang)}'")
                return
            lines = PLAN[lang][var]
            for attempt, line in enumerate(lines):
                typed.append(line)
                terminal.type(line)
                screen = terminal.screen()
                last = attempt == len(lines) - 1
                following = order[position + 1] if position + 1 < len(order) else None
                moved_on = screen is None or (following and normalize(questions[following].text(lang))
                                              in normalize(screen))
                if not last and moved_on:
                    fail(f"'{line}' at '{questions[var].text(lang)}' was accepted; the prompt must ask again")
                    return
                if last and not moved_on:
                    fail(f"'{line}' at '{questions[var].text(lang)}' was refused; the prompt advertises it")
                    return
        at[0] = "end"
        status = terminal.finish()
    except ScreenTimeout as problem:
        fail(str(problem))
        terminal.kill()
        return
    if status != 0:
        fail(f"exit {status}, wanted 0")
        return
    report = json.loads(terminal.stdout.decode("utf-8"))
    answers = {a["var"]: a["value"] for a in report["answers"]}
    if answers != EXPECTED[lang]:
        fail(f"answers recorded {answers}, wanted {EXPECTED[lang]}")


def main():
    procedure = load_procedures(FIXTURES)["kazdy-typ-pytania"]
    questions = {q.var: q for q in procedure.questions}
    failures = []
    for lang in PLAN:
        check(lang, questions, failures)
    known = known_failures()
    unexpected = [(name, message) for name, message in failures if name not in known]
    for name, message in failures:
        if name in known:
            print(f"KNOWN FAILURE (listed in tests/prompt/known-failures.txt): {name}: {message.splitlines()[0]}")
    for name, message in unexpected:
        print(f"FAIL: {name}: {message}")
    if unexpected:
        return 1
    print("question types: every type accepts what its prompt advertises and asks again otherwise")
    return 0


if __name__ == "__main__":
    sys.exit(main())
