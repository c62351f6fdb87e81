"""What the prompt test knows about procedures: their questions, read from the YAML files.

The screen never shows variable names, so the driver recognises a question by its text in the
interview language and turns an intended answer value into the label printed beside it.
"""

import os
import re

import yaml

YES_WORDS = {"pl": "tak", "en": "yes"}
NO_WORDS = {"pl": "nie", "en": "no"}


def normalize(text):
    """Whitespace-insensitive, case-insensitive form: the terminal wraps long lines."""
    return re.sub(r"\s+", " ", str(text)).strip().casefold()


def _localized(value, lang, languages):
    if isinstance(value, dict):
        return value.get(lang) or value.get(languages[0] if languages else lang)
    return value


def _option_value(raw):
    # YAML 1.1 reads a bare yes/no as a boolean; the procedures mean the words.
    if raw is True:
        return "yes"
    if raw is False:
        return "no"
    return str(raw)


class Question:
    def __init__(self, procedure, node_id, node, languages, titles):
        self.procedure = procedure
        self.procedure_titles = titles
        self.var = str(node.get("var", node_id))
        self.type = node.get("type")
        self.languages = languages or ["pl"]
        self.min = node.get("min")
        self.max = node.get("max")
        self._ask = node["ask"]
        self.options = []  # (value, {lang: label})
        for option in node.get("options") or []:
            value = _option_value(option.get("value"))
            labels = {}
            for lang in ("pl", "en"):
                label = _localized(option.get("label"), lang, self.languages) if "label" in option else None
                if label is None and self.type == "yes_no":
                    label = YES_WORDS[lang] if value == "yes" else NO_WORDS[lang]
                labels[lang] = label
            self.options.append((value, labels))
        if self.type == "yes_no" and not self.options:
            # Format 1.1: a yes_no question with `next` has the two answers all the same.
            self.options = [(v, {lang: (YES_WORDS if v == "yes" else NO_WORDS)[lang] for lang in ("pl", "en")})
                            for v in ("yes", "no")]

    def text(self, lang):
        return _localized(self._ask, lang, self.languages)

    def key(self, top_procedure):
        """The name answers files use: `var`, or `callee-id.var` inside a called procedure."""
        return self.var if self.procedure == top_procedure else f"{self.procedure}.{self.var}"

    def label(self, value, lang):
        for option_value, labels in self.options:
            if option_value == str(value):
                return labels[lang]
        raise KeyError(f"{self.procedure}: question {self.var} has no option {value!r}")

    def value_of_label(self, label, lang):
        for option_value, labels in self.options:
            if labels[lang] is not None and normalize(labels[lang]) == normalize(label):
                return option_value
        return None


class Procedure:
    def __init__(self, path, data):
        self.path = path
        self.id = data["id"]
        self.languages = data.get("languages") or ["pl"]
        self.titles = {lang: _localized(data.get("title"), lang, self.languages) for lang in ("pl", "en")}
        self.questions = []
        self.callees = []
        for node_id, node in (data.get("nodes") or {}).items():
            if not isinstance(node, dict):
                continue
            if "ask" in node:
                self.questions.append(Question(self.id, node_id, node, self.languages, self.titles))
            if "call" in node:
                self.callees.append(str(node["call"]))


def load_procedures(root):
    """Every runnable procedure below root (library files have no nodes), by id."""
    procedures = {}
    for directory, _, files in os.walk(root):
        for name in sorted(files):
            if not name.endswith((".yaml", ".yml")) or name.endswith((".test.yaml", ".test.yml")):
                continue
            path = os.path.join(directory, name)
            with open(path, encoding="utf-8") as handle:
                data = yaml.safe_load(handle)
            if isinstance(data, dict) and "nodes" in data and "id" in data:
                procedure = Procedure(path, data)
                procedures[procedure.id] = procedure
    return procedures


def reachable_questions(procedures, top):
    """Questions of `top` and of every procedure it calls, however deep."""
    seen, pending, questions = set(), [top], []
    while pending:
        current = pending.pop()
        if current in seen or current not in procedures:
            continue
        seen.add(current)
        questions.extend(procedures[current].questions)
        pending.extend(procedures[current].callees)
    return questions
