#!/usr/bin/env bash
# `kill -9` at random points of interviews of the bundled procedures, then `run --resume`
# from another directory and finish: the report must hold exactly the answers of an
# uninterrupted run, and the finished transcript must verify as sealed. The seed is printed
# (SEED=N reproduces a run); at least 20 interruptions (8 under sanitizers).
source "$(dirname "$0")/lib.sh"
python3 - "$PROCEDURA" "$REPO/procedures" "$scratch" "${SEED:-$RANDOM}" <<'PY'
import glob, json, os, random, signal, subprocess, sys, time, yaml

procedura, procedures, scratch, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rng = random.Random(seed)
print(f"seed {seed}")
failures = []

def as_line(value):
    if value is True: return "tak"
    if value is False: return "nie"
    if isinstance(value, list): return " ".join(value)
    if isinstance(value, float) and value.is_integer(): return str(int(value))
    return str(value)

def answers_in(path):
    count = 0
    try:
        data = open(path, "rb").read()
    except FileNotFoundError:
        return -1
    if b"\n" not in data: return -1  # not even the start event yet
    for line in data.split(b"\n")[:-1]:  # a last line without newline does not count
        event = json.loads(line)
        if event["event"] == "answer": count += 1
        elif event["event"] == "back": count = event["remaining"]
    return count

sanitized = os.environ.get("PROCEDURA_SANITIZED") == "1"
# Sanitized binaries are several times slower: fewer interviews and kill points keep the
# test in bounds.
wanted, interruptions = (10, 8) if sanitized else (40, 24)

# Answer lines of complete interviews, from the tests written in the bundled procedures,
# taken in a seeded random order until `wanted` of them are usable.
candidates = []
for path in sorted(glob.glob(procedures + "/**/*.yaml", recursive=True)):
    doc = yaml.safe_load(open(path, encoding="utf-8"))
    if not isinstance(doc, dict) or doc.get("kind") == "library": continue
    for test in doc.get("tests") or []:
        candidates.append((path, test.get("answers") or {}))
rng.shuffle(candidates)
cases = []
for path, answers_map in candidates:
    if len(cases) >= wanted: break
    answers = os.path.join(scratch, f"answers-{len(cases)}.json")
    json.dump(answers_map, open(answers, "w"))
    run = subprocess.run([procedura, "run", path, "--answers", answers, "--format", "json",
                          "--keep-personal"], capture_output=True, text=True, cwd=scratch)
    if run.returncode != 0: continue
    report = json.loads(run.stdout)
    lines = [as_line(a["value"]) for a in report["answers"]]
    if len(lines) < 2 or not all(lines): continue
    # Only interviews that the same answers typed one per line also finish.
    typed = subprocess.run([procedura, "run", path, "--no-transcript", "--format", "json",
                            "--keep-personal"], input="".join(l + "\n" for l in lines),
                           capture_output=True, text=True, cwd=scratch)
    if typed.returncode == 0 and json.loads(typed.stdout)["answers"] == report["answers"]:
        cases.append((path, lines, report["answers"], report["outcome"]))
assert len(cases) >= 10, f"only {len(cases)} usable test cases in {procedures}"
print(f"{len(cases)} interviews of {len({c[0] for c in cases})} procedures", flush=True)

elsewhere = os.path.join(scratch, "elsewhere")
os.makedirs(elsewhere)
for i in range(interruptions):
    path, lines, expected, outcome = rng.choice(cases)
    transcript = os.path.join(scratch, f"t{i}.jsonl")
    # Named by path relative to the scratch directory half of the time, absolute otherwise.
    target = os.path.relpath(path, scratch) if i % 2 else path
    given = rng.randint(1, len(lines) - 1)
    wait = rng.random() < 0.5  # else kill at once, maybe in the middle of a write
    child = subprocess.Popen([procedura, "run", target, "--transcript", transcript,
                              "--keep-personal", "--format", "json"], cwd=scratch,
                             stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    child.stdin.write("".join(l + "\n" for l in lines[:given]).encode())
    child.stdin.flush()
    deadline = time.time() + 20
    while time.time() < deadline and answers_in(transcript) < (given if wait else 0):
        time.sleep(0.01)
    time.sleep(rng.random() * 0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdin.close()
    recorded = answers_in(transcript)
    if recorded < 0:
        failures.append(f"{i}: no transcript after kill"); continue
    resume = subprocess.run([procedura, "run", "--resume", transcript, "--format", "json"],
                            cwd=elsewhere, input="".join(l + "\n" for l in lines[recorded:]),
                            capture_output=True, text=True)
    where = f"{i} ({os.path.basename(path)}, {given} given, {recorded} recorded)"
    if resume.returncode != 0:
        failures.append(f"{where}: resume exit {resume.returncode}: {resume.stderr}"); continue
    report = json.loads(resume.stdout)
    if report["answers"] != expected or report["outcome"] != outcome:
        failures.append(f"{where}: answers differ: {report['answers']} != {expected}")
    verify = subprocess.run([procedura, "verify", transcript], capture_output=True, text=True)
    if verify.returncode != 0 or not verify.stdout.startswith("sealed:"):
        failures.append(f"{where}: verify: {verify.returncode} {verify.stdout}{verify.stderr}")
    print(f"ok: {where}", flush=True)

for f in failures: print("FAIL:", f)
sys.exit(1 if failures else 0)
PY
