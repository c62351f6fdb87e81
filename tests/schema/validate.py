#!/usr/bin/env python3
"""Checks schema/*.schema.json against the files they describe, with a real validator.

Usage: validate.py REPO [PROCEDURA]

- both schemas are valid draft-07, every property carries a description (editor hover),
  and the definitions test.schema.json copies from procedure.schema.json are identical;
- every bundled file (procedures/**/*.yaml|yml) starts with a yaml-language-server modeline
  naming an existing schema file, and validates against it;
- examples/*.yaml|yml that are procedure files (a modeline, or a top-level `format`) do too;
- tests/schema/valid/* validate; tests/schema/invalid/* and the structural lint fixtures
  tests/lint/<rule>/bad-*.yaml are rejected (an invalid fixture names the JSON path of the
  expected error in `# schema-error-at: /path`);
- with PROCEDURA given, the engine agrees: invalid fixtures that name `# rule: ID` get that
  rule from `procedura lint`, valid fixtures get no structural finding.

YAML is read the way the engine reads it (YAML 1.2 core scalars): only true/false are
booleans, dates stay strings, so `value: yes` and `review_by: 2027-01-31` keep their text.
"""
import json
import os
import re
import subprocess
import sys

import jsonschema
import yaml

STRUCTURAL_RULES = ["unknown-key", "missing-key", "wrong-type", "bad-id", "bad-deadline", "bad-version",
                    "unsupported-format"]
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


class CoreLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core booleans and no timestamp type."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))


def to_json(value):
    """Mapping keys become strings (JSON has no other keys), as the engine reads them."""
    if isinstance(value, dict):
        return {("" if k is None else str(k).lower() if isinstance(k, bool) else str(k)): to_json(v)
                for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return to_json(yaml.load(f, Loader=CoreLoader))


def first_line(path):
    with open(path, encoding="utf-8") as f:
        return f.readline().rstrip("\n")


def is_test_file(path):
    return path.endswith((".test.yaml", ".test.yml"))


def yaml_files(directory, recursive):
    found = []
    if not os.path.isdir(directory):
        return found
    for root, dirs, files in os.walk(directory):
        dirs.sort()
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")):
                found.append(os.path.join(root, name))
        if not recursive:
            break
    return found


class Checker:
    def __init__(self, repo, procedura):
        self.repo = repo
        self.procedura = procedura
        self.passed = 0
        self.failures = []
        schema_dir = os.path.join(repo, "schema")
        self.schemas = {}
        for name in ("procedure", "test"):
            with open(os.path.join(schema_dir, f"{name}.schema.json"), encoding="utf-8") as f:
                self.schemas[name] = json.load(f)
        self.validators = {name: jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
                           for name, schema in self.schemas.items()}

    def check(self, ok, what):
        if ok:
            self.passed += 1
        else:
            self.failures.append(what)
        return ok

    def rel(self, path):
        return os.path.relpath(path, self.repo)

    def validator_for(self, path):
        return self.validators["test" if is_test_file(path) else "procedure"]

    def errors(self, path):
        """Every error, those inside anyOf/oneOf/if branches included, as (json path, message)."""
        try:
            document = load_yaml(path)
        except yaml.YAMLError as e:
            return [("", f"not YAML: {e}")]
        found = []

        def walk(errors):
            for error in errors:
                where = "/" + "/".join(str(p) for p in error.absolute_path)
                # Some jsonschema versions report a `false` property schema at the object
                # holding the key, not at the key: "/*" stands for "some key of it".
                if error.message.startswith("False schema") and error.schema_path and \
                        error.schema_path[-1] == "properties":
                    where = where.rstrip("/") + "/*"
                found.append((where, error.message))
                walk(error.context or [])

        walk(self.validator_for(path).iter_errors(document))
        return found

    # --- the schemas themselves -------------------------------------------------------

    def check_schemas(self):
        for name, schema in self.schemas.items():
            try:
                jsonschema.Draft7Validator.check_schema(schema)
                self.check(True, "")
            except jsonschema.SchemaError as e:
                self.check(False, f"schema/{name}.schema.json is not valid draft-07: {e.message}")
            for where in undescribed_properties(schema):
                self.check(False, f"schema/{name}.schema.json: property {where} has no description")
        shared = self.schemas["test"]["definitions"]
        for key, definition in shared.items():
            if key in self.schemas["procedure"]["definitions"]:
                self.check(definition == self.schemas["procedure"]["definitions"][key],
                           f"schema/test.schema.json: definition '{key}' differs from procedure.schema.json's")
        if self.procedura:
            for argument, name in (([], "procedure"), (["test"], "test")):
                out = subprocess.run([self.procedura, "schema", *argument], capture_output=True, text=True)
                self.check(out.returncode == 0 and json.loads(out.stdout or "null") == self.schemas[name],
                           f"`procedura schema {' '.join(argument)}` does not print schema/{name}.schema.json")

    # --- files that must validate -----------------------------------------------------

    def check_modeline(self, path, required):
        match = MODELINE.match(first_line(path))
        if not match:
            if required:
                self.check(False, f"{self.rel(path)}: first line is not '# yaml-language-server: $schema=PATH'")
            return False
        target = os.path.normpath(os.path.join(os.path.dirname(path), match.group(1)))
        expected = "test.schema.json" if is_test_file(path) else "procedure.schema.json"
        self.check(os.path.isfile(target), f"{self.rel(path)}: modeline schema {match.group(1)} does not exist")
        self.check(os.path.basename(target) == expected,
                   f"{self.rel(path)}: modeline names {match.group(1)}, expected .../{expected}")
        return True

    def expect_valid(self, path):
        errors = self.errors(path)
        detail = "; ".join(f"{p}: {m}" for p, m in errors[:5])
        self.check(not errors, f"{self.rel(path)}: rejected by the schema: {detail}")

    def check_bundled(self):
        files = yaml_files(os.path.join(self.repo, "procedures"), recursive=True)
        for path in files:
            self.check_modeline(path, required=True)
            self.expect_valid(path)
        return len(files)

    def check_examples(self):
        count = 0
        for path in yaml_files(os.path.join(self.repo, "examples"), recursive=False):
            has_modeline = self.check_modeline(path, required=False)
            try:
                document = load_yaml(path)
            except yaml.YAMLError as e:
                self.check(False, f"{self.rel(path)}: not YAML: {e}")
                continue
            is_procedure = isinstance(document, dict) and "format" in document
            if is_procedure and not has_modeline:
                self.check(False, f"{self.rel(path)}: a procedure file without the yaml-language-server modeline")
            if has_modeline or is_procedure:
                self.expect_valid(path)
                count += 1
        return count

    # --- fixtures -----------------------------------------------------------------------

    def check_valid_fixtures(self):
        files = yaml_files(os.path.join(self.repo, "tests", "schema", "valid"), recursive=False)
        self.check(len(files) > 0, "tests/schema/valid/ holds no fixtures")
        for path in files:
            self.expect_valid(path)
            if self.procedura and not is_test_file(path):
                rules = self.lint_rules(path)
                structural = sorted(set(rules) & set(STRUCTURAL_RULES))
                self.check(not structural, f"{self.rel(path)}: valid for the schema, but lint reports {structural}")

    def check_invalid_fixtures(self):
        files = yaml_files(os.path.join(self.repo, "tests", "schema", "invalid"), recursive=False)
        self.check(len(files) > 0, "tests/schema/invalid/ holds no fixtures")
        for path in files:
            text = open(path, encoding="utf-8").read()
            at = re.search(r"^# schema-error-at: (\S+)", text, re.M)
            if not self.check(at is not None, f"{self.rel(path)}: no '# schema-error-at: /json/path' comment"):
                continue
            errors = self.errors(path)
            paths = [p for p, _ in errors]
            parent_any = at.group(1).rsplit("/", 1)[0] + "/*"
            self.check(at.group(1) in paths or parent_any in paths,
                       f"{self.rel(path)}: expected a schema error at {at.group(1)}, got {sorted(set(paths)) or 'none'}")
            rule = re.search(r"^# rule: (\S+)", text, re.M)
            if self.procedura and rule:
                rules = self.lint_rules(path)
                self.check(rule.group(1) in rules,
                           f"{self.rel(path)}: lint should report {rule.group(1)}, reported {sorted(set(rules))}")

    def check_lint_fixtures(self):
        count = 0
        for rule in STRUCTURAL_RULES:
            directory = os.path.join(self.repo, "tests", "lint", rule)
            for path in yaml_files(directory, recursive=True):
                name = os.path.basename(path)
                if not name.startswith("bad-"):
                    continue
                # Some findings (e.g. `max` below `min`) are beyond JSON Schema; such
                # fixtures say so in a comment.
                if "# schema: cannot-express" in open(path, encoding="utf-8").read():
                    continue
                count += 1
                self.check(bool(self.errors(path)), f"{self.rel(path)}: the schema accepts a `{rule}` fixture")
        return count

    def lint_rules(self, path):
        out = subprocess.run([self.procedura, "lint", "--format", "json", path], capture_output=True, text=True)
        try:
            return [d["rule"] for d in json.loads(out.stdout)]
        except (ValueError, KeyError, TypeError):
            return [f"<unreadable lint output, exit {out.returncode}: {out.stderr.strip()}>"]


def undescribed_properties(schema):
    """JSON paths of property schemas that have no description of their own or via $ref."""
    definitions = schema.get("definitions", {})
    missing = []

    def described(node):
        if node is False or node is True:
            return True  # `false` forbids a key; nothing to hover over
        if "description" in node:
            return True
        ref = node.get("$ref", "")
        if ref.startswith("#/definitions/"):
            return "description" in definitions.get(ref[len("#/definitions/"):], {})
        return False

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "properties" and isinstance(value, dict):
                    for name, prop in value.items():
                        # Properties under if/then only narrow ones declared (and described) beside them.
                        if not described(prop) and "/if" not in path and "/then" not in path:
                            missing.append(f"{path}/properties/{name}")
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}/{i}")

    walk(schema, "#")
    return missing


def main():
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    checker = Checker(os.path.abspath(sys.argv[1]), sys.argv[2] if len(sys.argv) == 3 else None)
    checker.check_schemas()
    bundled = checker.check_bundled()
    examples = checker.check_examples()
    checker.check_valid_fixtures()
    checker.check_invalid_fixtures()
    lint_fixtures = checker.check_lint_fixtures()
    for failure in checker.failures:
        print(f"FAIL: {failure}")
    print(f"schema: {bundled} bundled files, {examples} examples, {lint_fixtures} lint fixtures checked")
    print(f"{checker.passed} passed, {len(checker.failures)} failed")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
