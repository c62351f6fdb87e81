"""Drives one interview through the prompt, typing only what the screen advertises.

At every screen the driver finds the question by its text, then types the intended answer
in one of the ways the prompt offers: the number printed beside the option's label, the
label itself, or tak/nie (yes/no) at a yes/no question. A screen without a question after
an answer means the prompt refused it, which is a failure: the answer was advertised.
"""

import json
import re
import subprocess

from procedure_model import NO_WORDS, YES_WORDS, normalize, reachable_questions
from terminal import ScreenTimeout, Terminal

OPTION_LINE = re.compile(r"^\s*(\d+)\)\s+(.*\S)\s*$")
RANGE = re.compile(r"(-?\d+(?:[.,]\d+)?)\D+?(-?\d+(?:[.,]\d+)?)")


class Failure(Exception):
    pass


def printed_options(screen):
    """{normalized label: number} of the numbered options on the screen."""
    options = {}
    for line in screen.splitlines():
        match = OPTION_LINE.match(line)
        if match:
            options[normalize(match.group(2))] = match.group(1)
    return options


def find_question(screen, candidates, lang, top, pending_keys):
    """The question on the screen: the longest question text it contains, disambiguated
    by the options printed and, for a text asked by two procedures, by the answers still due."""
    flat = normalize(screen)
    found = [q for q in candidates if q.text(lang) and normalize(q.text(lang)) in flat]
    if not found:
        return None
    longest = max(len(normalize(q.text(lang))) for q in found)
    found = [q for q in found if len(normalize(q.text(lang))) == longest]
    if len(found) > 1:
        printed = set(printed_options(screen))
        by_options = [q for q in found if {normalize(labels[lang]) for _, labels in q.options} <= printed]
        found = by_options or found
    if len(found) > 1:
        # The same words asked by a called procedure: the screen names the callee by its title.
        called = [q for q in found if q.procedure != top and normalize(q.procedure_titles[lang] or "") in flat]
        found = called or [q for q in found if q.procedure == top] or found
    if len(found) > 1 and pending_keys is not None:
        due = [q for q in found if q.key(top) in pending_keys]
        found = due or found
    return found[0]


class Run:
    """One interview: `choose(question, screen)` returns the answer value to give."""

    def __init__(self, binary, procedures_dir, model, top, lang, style_seed=0):
        self.binary, self.procedures_dir, self.model = binary, procedures_dir, model
        self.top, self.lang = top, lang
        self.questions = reachable_questions(model, top)
        self.style = style_seed  # rotates how answers are typed: number, label, word
        self.keys = []  # what was typed, for the failure message
        self.answers = {}  # answers-file form of what was given
        self.terminal = None

    def argv(self):
        return [self.binary, "run", self.top, "--procedures", self.procedures_dir, "--lang", self.lang,
                "--no-transcript", "--plain", "--format", "json"]

    def _typed_form(self, question, value, screen):
        """How to type `value` at this screen, rotating among the ways it advertises."""
        lang = self.lang
        self.style += 1
        if question.type == "multi":
            numbers = [self._number_of(question, v, screen) for v in value]
            return (", " if self.style % 2 else " ").join(numbers)
        if question.type in ("number", "text"):
            return str(value)
        ways = []
        if printed_options(screen):
            ways.append(lambda: self._number_of(question, value, screen))
            ways.append(lambda: question.label(value, lang))
        if question.type == "yes_no":
            ways.append(lambda: (YES_WORDS if value == "yes" else NO_WORDS)[lang])
        if not ways:
            raise Failure(f"question '{question.text(lang)}' shows no options to choose from")
        return ways[self.style % len(ways)]()

    def _number_of(self, question, value, screen):
        label = question.label(value, self.lang)
        number = printed_options(screen).get(normalize(label))
        if number is None:
            raise Failure(f"option '{label}' ({value}) is not printed at '{question.text(self.lang)}'")
        return number

    def drive(self, choose, pending_keys=None):
        """Answers every screen; returns (exit status, report document)."""
        self.terminal = Terminal(self.argv())
        previous = None
        asked = None  # (question, value) of the last answer, for its echo
        try:
            while True:
                screen = self.terminal.screen()
                if screen is None:
                    break
                question = find_question(screen, self.questions, self.lang, self.top, pending_keys)
                if question is None:
                    what = f"after '{previous}'" if previous else "at the start"
                    raise Failure(f"no known question on the screen {what} (input refused?)")
                self._check_echo(screen, asked)
                value = choose(question, screen)
                typed = self._typed_form(question, value, screen)
                key = question.key(self.top)
                self.answers[key] = value
                if pending_keys is not None:
                    pending_keys.discard(key)
                previous = typed
                asked = (question, value)
                self.keys.append(typed)
                self.terminal.type(typed)
            status = self.terminal.finish()
        except (ScreenTimeout, Failure, KeyError) as problem:
            self.terminal.kill()
            raise Failure(str(problem)) from None
        try:
            report = json.loads(self.terminal.stdout.decode("utf-8")) if self.terminal.stdout.strip() else None
        except ValueError:
            raise Failure("the report on standard output is not JSON") from None
        return status, report

    def _check_echo(self, screen, asked):
        # The interview confirms an accepted choice as '→ label'; it must name what was meant.
        if asked is None or asked[0].type not in ("choice", "yes_no"):
            return
        question, value = asked
        echoes = [line.strip()[1:] for line in screen.splitlines() if line.strip().startswith("\u2192")]
        if echoes and normalize(question.label(value, self.lang)) not in normalize(echoes[0]):
            raise Failure(f"'{question.text(self.lang)}': meant '{question.label(value, self.lang)}', "
                          f"the screen confirmed '{echoes[0].strip()}'")

    def screen_tail(self, lines=25):
        if self.terminal is None:
            return ""
        return "\n".join(self.terminal.text().splitlines()[-lines:])


def scripted(binary, procedures_dir, top, lang, answers, answers_path):
    """The same answers through --answers: the reference the prompt run must equal."""
    with open(answers_path, "w", encoding="utf-8") as handle:
        json.dump(answers, handle, ensure_ascii=False)
    result = subprocess.run([binary, "run", top, "--procedures", procedures_dir, "--lang", lang,
                             "--answers", answers_path, "--format", "json", "--no-transcript"],
                            stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
    report = None
    if result.stdout.strip():
        try:
            report = json.loads(result.stdout.decode("utf-8"))
        except ValueError:
            report = None
    return result.returncode, report, result.stderr.decode("utf-8", errors="replace")


def summary(report):
    """What must agree between the two runs: the outcome, the actions, the answers."""
    if not report:
        return None
    return {
        "outcome": (report.get("outcome") or {}).get("node"),
        "actions": [(a.get("id"), a.get("text")) for a in report.get("actions", [])],
        "answers": [(a.get("var"), json.dumps(a.get("value"), ensure_ascii=False)) for a in report.get("answers", [])],
    }
