"""Derive src/detente/knowledge/data/agents.csv from Phoenix.agents.txt (PETRARCH2, MIT licence).

    python3 scripts/derive_agents.py [../shared/data/phoenix/Phoenix.agents.txt]

Phoenix lists role nouns in TABARI form: `PRESIDENT [~GOV]`, `AIR_FORCE [~MIL]`,
`LAWMAN {LAWMEN} [~COP]` (an irregular plural in braces, `{}` for none), `!PERSON!` substitution
sets, `[~GOVMIL]` for two roles. We write one row per noun phrase in lower case with its plural,
its CAMEO role and any second role. Our own additions and corrections live in agents_added.csv.
Run once when the source changes; the CSV is what ships.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT.parent / "shared" / "data" / "phoenix" / "Phoenix.agents.txt"
TARGET = ROOT / "src" / "detente" / "knowledge" / "data" / "agents.csv"
LINE = re.compile(r"^(?P<phrase>[^\[{#]+?)\s*(?:\{(?P<plural>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)[\]}]")


def regular_plural(word: str) -> str:
    if word.endswith("man"):  # chairman, spokesman, gunman
        return word[:-3] + "men"
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def expand(phrase: str, sets: dict[str, list[str]]) -> list[str]:
    match = re.search(r"!(\w+)!", phrase)
    if not match:
        return [phrase]
    return [p for value in sets[match.group(1)] for p in expand(phrase.replace(match.group(0), value, 1), sets)]


def clean(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.replace("_", " ")).strip().lower()


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    sets: dict[str, list[str]] = {}
    rows: dict[str, tuple] = {}
    for raw in source.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if m := re.match(r"^!(\w+)!\s*=\s*(.+)$", line):
            sets[m.group(1)] = [v.strip() for v in m.group(2).split(",")]
            continue
        m = LINE.match(line)
        if not m:
            continue
        code = m.group("code")
        role, second = code[:3], code[3:6] or ""
        phrases = expand(m.group("phrase"), sets)
        # The one stem Phoenix uses for a family of nouns: DEFENCE_MINIST = minister(s), ministry(-ies).
        phrases = [p for ph in phrases for p in ([ph + "ER", ph + "RY"] if ph.upper().endswith("MINIST") else [ph])]
        for phrase in phrases:
            phrase = clean(phrase)
            # Skip stems ("ministr") and templates with a slot ("ambassador at {}"): we match whole words.
            if not phrase or not re.fullmatch(r"[a-z][a-z .'&-]*[a-z.]", phrase):
                continue
            plural = m.group("plural")
            if plural is None:
                words = phrase.split(" ")
                plural = " ".join(words[:-1] + [regular_plural(words[-1])])
            else:
                plural = clean(plural)
            rows.setdefault(phrase, (phrase, plural, role, second, "phoenix"))
    with TARGET.open("w", newline="", encoding="utf-8") as f:
        f.write("# Role nouns to CAMEO roles, derived by scripts/derive_agents.py from Phoenix.agents.txt\n")
        f.write("# (PETRARCH2 dictionaries, Open Event Data Alliance, MIT licence). Additions: agents_added.csv.\n")
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["phrase", "plural", "role", "second_role", "source"])
        writer.writerows(sorted(rows.values()))
    print(f"{len(rows)} role nouns -> {TARGET}")


if __name__ == "__main__":
    main()
