# Prohibitions reach the operator as cautions, at the question, step or answer where they
# matter (S1–S6, S10), and no longer hide in help texts. Each rule below names where the
# caution must be and a word its text must carry.
source "$(dirname "$0")/lib.sh"

run python3 - "$REPO/procedures" <<'PY'
import pathlib, re, sys, yaml
root = pathlib.Path(sys.argv[1])
docs = {}
for f in root.rglob("*.yaml"):
    d = yaml.safe_load(f.read_text(encoding="utf-8"))
    if isinstance(d, dict):
        docs[d.get("id")] = d
library = {}
for d in docs.values():
    library.update(d.get("cautions") or {})

def cautions_at(pid, node, option=None):
    n = docs[pid]["nodes"][node]
    if option is not None:
        norm = lambda v: {"true": "yes", "false": "no"}.get(str(v).lower(), str(v).lower())
        n = next(o for o in n["options"] if norm(o["value"]) == norm(option))
    found = []
    for c in n.get("cautions") or []:
        found.append(library[c]["text"]["pl"] if isinstance(c, str) else c["text"]["pl"])
    return found

# (procedure, node, option or None, words the caution text must contain)
rules = [
    ("s01-nietrzezwy-uczen", "zgloszenie", None, "samego"),
    ("s01-nietrzezwy-uczen", "zgloszenie", None, "przeszukuj"),
    ("s01-nietrzezwy-uczen", "zgloszenie", None, "alkomatem"),
    ("s01-nietrzezwy-uczen", "rodzice_osiagalni", None, "samego do domu"),
    ("s02-znaleziona-substancja", "zabezpieczenie", None, "nie testuj"),
    ("s02-znaleziona-substancja", "zabezpieczenie", None, "przeszukuj"),
    ("s03-posiadanie-substancji", "prosba_o_wydanie", None, "przeszukuj"),
    ("s03-posiadanie-substancji", "oddal_dobrowolnie", "yes", "nie niszcz"),
    ("s03-posiadanie-substancji", "oddal_dobrowolnie", "no", "siłą"),
    ("s05-sprawca-czynu-karalnego", "sprawca_znany_uczniem", "tak", "przeszukuj"),
    ("s05-sprawca-czynu-karalnego", "zgoda_na_srodek", None, "nie zastępuje"),
    ("s06-uczen-ofiara", "osoba_zagraza", "tak", "Nie wydawaj dziecka"),
    ("s06-uczen-ofiara", "osoba_zagraza", "nie_wiem", "Nie wydawaj dziecka"),
    ("s06-uczen-ofiara", "pierwsze_kroki", None, "Nie wypytuj"),
    ("s06-uczen-ofiara", "pierwsze_kroki", None, "Nie konfrontuj"),
    ("s06-uczen-ofiara", "sprawca_rodzic_lub_domownik", "tak", "o zgodę"),
    ("s06-uczen-ofiara", "sprawca_rodzic_lub_domownik", "nie_wiem", "o zgodę"),
    ("s10-cyberprzemoc", "tresci_seksualne_maloletniego", "yes", "zrzutów ekranu"),
    ("s10-cyberprzemoc", "tresci_seksualne_maloletniego", "yes", "Najpierw Policja"),
    ("s10-cyberprzemoc", "okolicznosci", None, "kont"),
    ("s10-cyberprzemoc", "zgoda_na_srodek_cyber", None, "nie zastępuje"),
]
bad = 0
for pid, node, opt, word in rules:
    texts = cautions_at(pid, node, opt)
    where = f"{pid} {node}" + (f" = {opt}" if opt is not None else "")
    if any(word in t for t in texts):
        print(f"ok: {where}: caution '{word}'")
    else:
        print(f"FAIL: {where}: no caution with '{word}' (has {texts})"); bad += 1

# The image cautions belong to that answer only: ordinary bullying does not show them.
if any("zrzutów" in t for t in cautions_at("s10-cyberprzemoc", "tresci_seksualne_maloletniego", "no")):
    print("FAIL: s10 shows the image caution without images"); bad += 1

# No prohibition left in the texts of questions, steps, outcomes, help or labels.
prohibition = re.compile(r"ZAKAZANE|\bnie wolno\b|\bmust not\b|\bnever\b", re.IGNORECASE)
for pid in ["s01-nietrzezwy-uczen", "s02-znaleziona-substancja", "s03-posiadanie-substancji",
            "s04-demoralizacja-poza-szkola", "s05-sprawca-czynu-karalnego", "s06-uczen-ofiara",
            "s10-cyberprzemoc"]:
    for nid, n in docs[pid]["nodes"].items():
        pieces = [n.get(k) for k in ("ask", "step", "outcome", "help")]
        pieces += [o.get("label") for o in n.get("options") or []]
        for p in pieces:
            for text in (p.values() if isinstance(p, dict) else [p] if p else []):
                if prohibition.search(str(text)):
                    print(f"FAIL: {pid} {nid}: a prohibition outside the cautions: {text}"); bad += 1
sys.exit(1 if bad else 0)
PY
printf '%s\n' "$out"
expect_status 0 "every prohibition of S1–S6 and S10 is a caution where it matters"
expect_not_contains "$out" "FAIL:" "no rule reported missing"
expect_contains "$out" "ok: s10-cyberprzemoc zgoda_na_srodek_cyber: caution 'nie zastępuje'" "the last rule was checked"
# A caution about one age shows only for that age: P1's "under 10: no facility" for the
# 8-year-old placed in a facility, not for the 14-year-old.
printf 'stan_na_miejscu: nie\nczy_opiekun: tak\ngdzie_dziecko: na_miejscu\nliczba_dzieci: 1\nwiek_dziecka: 8\npotrzeby_szczegolne: [niepelnosprawnosc]\npotrzeba_medyczna: tak\nprzemoc_domowa: no\nzagrozenie_dobra: nie_wiem\nczas_zatrzymania: do_48h\ndrugi_rodzic: nie_wiem\nosoba_najblizsza: no\nmiejsce_w_pogotowiu: no\n' >"$scratch/p01-8.yaml"
printf 'stan_na_miejscu: nie\nczy_opiekun: tak\ngdzie_dziecko: w_szkole\nliczba_dzieci: 1\nwiek_dziecka: 14\npotrzeby_dziecka_w_szkole: []\nprzemoc_domowa: no\nzagrozenie_dobra: nie\nczas_zatrzymania: do_48h\ndrugi_rodzic: nie\nosoba_najblizsza: no\nmiejsce_w_pogotowiu: no\n' >"$scratch/p01-14.yaml"
run "$PROCEDURA" run p01-zatrzymanie-opiekuna --procedures "$REPO/procedures" --answers "$scratch/p01-8.yaml" --no-transcript
expect_contains "$out" "Poniżej 10 lat: nie do placówki" "P1, 8-year-old: the under-10 caution"
run "$PROCEDURA" run p01-zatrzymanie-opiekuna --procedures "$REPO/procedures" --answers "$scratch/p01-14.yaml" --no-transcript
expect_status 0 "P1, 14-year-old in a facility"
expect_not_contains "$out" "Poniżej 10 lat" "P1, 14-year-old: no under-10 caution"
finish
