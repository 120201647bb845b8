"""The event vocabulary: the CAMEO codebook with Goldstein and PLOVER, and our trigger patterns.

Both live in data files beside this module (cameo_codes.csv, event_patterns.yaml); a user adds
a trigger by adding an entry to the YAML, no code involved.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .kb import read_csv_rows, read_yaml


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad: str
    plover_type: str | None
    plover_mode: str | None
    mutual: bool = False  # both sides do the same thing (consult, negotiate, cooperate): no direction
    alone: bool = False  # whole without a target (a statement, a show of force, a retreat)


NO_ACT = "none"  # a pattern's code for a sense that is no act ("signed a decree": its content is the act)


@dataclass(frozen=True)
class Pattern:
    lemma: str
    pos: str
    code: str
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    standing: bool = False  # a noun naming a standing condition (sanctions): an event only when dated
    inverse: bool = False  # the object's actor acts on the subject ("attracted Iranian ire")
    ends: bool = False  # ends the event its object or subject names ("the deal collapsed")
    complement: str | None = None  # the verb must govern a complement of this kind ("oprd": "called it a crime")
    subjects: frozenset[str] = frozenset()  # the verb's subject must be one of these ("warships sailed")

    @property
    def specificity(self) -> int:
        return bool(self.particle) + bool(self.prep) + bool(self.objects) + bool(self.complement) + bool(self.subjects)


class EventVocabulary:
    def __init__(self) -> None:
        self.codes: dict[str, Code] = {}
        for row in read_csv_rows("cameo_codes.csv"):
            self.codes[row["code"]] = Code(row["code"], row["root"], row["name"], float(row["goldstein"]),
                                           row["quad"], row["plover_type"] or None, row["plover_mode"] or None,
                                           row.get("mutual") == "yes", row.get("alone") == "yes")
        self.patterns: dict[tuple[str, str], list[Pattern]] = {}
        for entry in read_yaml("event_patterns.yaml") or []:
            objects = entry.get("object") or []
            pattern = Pattern(entry["lemma"].lower(), entry["pos"], str(entry["code"]), entry.get("particle"),
                              entry.get("prep"), frozenset(o.lower() for o in ([objects] if isinstance(objects, str) else objects)),
                              bool(entry.get("standing")), bool(entry.get("inverse")),
                              bool(entry.get("ends")), entry.get("complement"),
                              frozenset(o.lower() for o in entry.get("subject") or []))
            if pattern.code not in self.codes and pattern.code != NO_ACT:
                raise ValueError(f"event_patterns.yaml: {pattern.lemma}: unknown CAMEO code {pattern.code}")
            self.patterns.setdefault((pattern.lemma, pattern.pos), []).append(pattern)
        for entries in self.patterns.values():
            entries.sort(key=lambda p: -p.specificity)
        self.lemmas = {lemma for lemma, _ in self.patterns}  # a quick first test for every token

    def candidates(self, lemma: str, pos: str) -> list[Pattern]:
        return self.patterns.get((lemma, pos), [])

    def mutual(self, code: str) -> bool:
        """Both sides do the act to each other (the codebook's `mutual` column: consult, negotiate, sign);
        False for a code the codebook lacks."""
        found = self.codes.get(code)
        return bool(found and found.mutual)


@functools.lru_cache(maxsize=1)
def load_vocabulary() -> EventVocabulary:
    return EventVocabulary()
