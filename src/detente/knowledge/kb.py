"""The actor knowledge base: states, regions, organisations, office holders, role nouns, places.

Everything is loaded from the data files beside this module (our own, derived from the field's
references and named in each file's header); nothing here is a list of facts in code.
"""

from __future__ import annotations

import calendar
import csv
import functools
import hashlib
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Iterable

import yaml

DATA = resources.files("detente.knowledge") / "data"


@dataclass(frozen=True)
class Entry:
    """One way a surface form can name an actor."""

    kind: str  # country, region, organization, person, place
    actor_id: str  # state/region/org code, person_id, or place name
    how: str  # name, alias, demonym, metonymy, shared (a name several states' bodies bear)
    role: str | None = None


@dataclass(frozen=True)
class Tenure:
    country: str
    role: str
    office: str
    start: date
    end: date | None  # None: still in office


@dataclass
class Person:
    person_id: str
    name: str
    aliases: list[str]
    tenures: list[Tenure] = field(default_factory=list)

    def years_in_office(self) -> float:
        today = date.today()
        return sum(((t.end or today) - t.start).days for t in self.tenures) / 365.25

    def office_on(self, day: date | None) -> tuple[Tenure | None, str]:
        """The tenure held on `day` and how it was chosen: in office, former (ELI), or undated."""
        if not self.tenures:
            return None, "no office"
        if day is None:  # the latest office they took up, the highest of those taken up at once
            return min(self.tenures, key=lambda t: (-t.start.toordinal(), OFFICE_RANK.get(t.office, 99))), "undated"
        current = [t for t in self.tenures if t.start <= day and (t.end is None or day <= t.end)]
        if current:
            # Of two offices held at once, the higher one speaks for the person: head of state first.
            return min(current, key=lambda t: OFFICE_RANK.get(t.office, 99)), "in office"
        past = [t for t in self.tenures if t.end is not None and t.end < day]
        if past:
            return max(past, key=lambda t: t.end), "former"
        return min(self.tenures, key=lambda t: t.start), "not yet in office"

    def office_of(self, code: str | None, day: date | None, office: str | None = None) -> Tenure | None:
        """Of the offices held for `code` (a state or an international body a title names: "UN
        Secretary-General Antonio Guterres", never Portugal's prime minister), or of those called
        `office` ("Secretary General Jens Stoltenberg", never Norway's prime minister), the one
        `office_on` would choose among them; None when they held none such."""
        held = [t for t in self.tenures if (code is None or t.country == code) and (office is None or t.office == office)]
        return Person(self.person_id, self.name, self.aliases, held).office_on(day)[0] if held else None


OFFICE_RANK = {
    "supreme_leader": 0, "head_of_state": 1, "head_of_government": 2, "vice_president": 3,
    "foreign_minister": 4, "defence_minister": 5, "secretary_general": 6,
}


@dataclass(frozen=True)
class Actor:
    """Metadata of a code in the knowledge base."""

    code: str
    name: str
    kind: str
    country: str | None
    role: str | None
    state_organ: bool = False
    # a group that became its state's government acts for the state from this day on (the Taliban,
    # 2021-08-15), with `role` then; before it, with `role_before` and its own code
    organ_since: date | None = None
    role_before: str | None = None


def _date(text: str) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _end_date(text: str) -> date | None:
    """An end given as YYYY-MM means the end of that month, not its first day."""
    d = _date(text)
    if d and len(text.strip()) == 7:
        d = d.replace(day=calendar.monthrange(d.year, d.month)[1])
    return d


def read_csv_rows(name: str) -> Iterable[dict]:
    """The rows of a data file of the knowledge base, its `#` comment lines (sources, notes) skipped."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return csv.DictReader(lines)


def read_yaml(name: str):
    """A data file of the knowledge base, read with libyaml's C loader (7x PyYAML's own; every
    command that loads the pipeline reads ~4 MB of YAML)."""
    return yaml.load((DATA / name).read_text(encoding="utf-8"), Loader=_LOADER)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _yaml(name: str) -> list[dict]:
    return read_yaml(name) or []


class KnowledgeBase:
    def __init__(self) -> None:
        self.surfaces: dict[str, list[Entry]] = {}
        self.actors: dict[str, Actor] = {}
        self.people: dict[str, Person] = {}
        self.role_nouns: dict[str, tuple[str | None, str]] = {}  # phrase (either number) -> (role, singular)
        self.offices: dict[tuple[str, str], list[str]] = {}  # (country, office) -> person_ids
        self.capitals: dict[str, str] = {}
        self.org_kinds: dict[str, str] = {}  # organisation code -> igo, military, media ...
        self.members: dict[str, tuple[str, ...]] = {}  # a small bloc's code -> its member states
        self.things: dict[str, tuple[str, bool]] = {}  # weapon/operation noun -> (kind, comes before the name)
        # an acronym several bodies share -> (the body, lemmas that mark it in an article): "ICC" is
        # the court where an article speaks of warrants or prosecutors (organizations.yaml `acronym_when`)
        self.contextual_acronyms: dict[str, tuple[str, frozenset[str]]] = {}
        self._load_states()
        self._load_regions()
        self._load_organizations()
        self._load_people()
        self._load_role_nouns()
        self._load_places()
        self._load_things()

    # -- loading ---------------------------------------------------------------------------------

    def _add(self, surface: str, entry: Entry) -> None:
        surface = surface.strip()
        if not surface:
            return
        # news writes both apostrophes: "People's Liberation Army", "People\u2019s Liberation Army"
        for form in dict.fromkeys((surface, surface.replace("'", "\u2019"), surface.replace("\u2019", "'"))):
            entries = self.surfaces.setdefault(form, [])
            if entry not in entries:
                entries.append(entry)

    def _load_states(self) -> None:
        for s in _yaml("states.yaml"):
            code = s["code"]
            self.actors[code] = Actor(code, s["name"], "country", code, None)
            self._add(s["name"], Entry("country", code, "name"))
            for alias in s.get("aliases") or []:
                self._add(alias, Entry("country", code, "alias"))
            for name in s.get("gov_names") or []:
                if name not in (s.get("aliases") or []) and name != s["name"]:
                    self._add(name, Entry("country", code, "metonymy", "GOV"))
            for demonym in s.get("demonyms") or []:
                self._add(demonym, Entry("country", code, "demonym"))
            for m in s.get("metonyms") or []:
                self._add(m["text"], Entry("country", code, "metonymy", m.get("role") or "GOV"))
            if s.get("capital"):
                self.capitals[code] = s["capital"]

    def _load_regions(self) -> None:
        for r in _yaml("regions.yaml"):
            code = r["code"]
            self.actors[code] = Actor(code, r["name"], "region", None, None)
            for name in [r["name"], *(r.get("aliases") or [])]:
                self._add(name, Entry("region", code, "name"))
            for demonym in r.get("demonyms") or []:
                self._add(demonym, Entry("region", code, "demonym"))

    def _load_organizations(self) -> None:
        for o in _yaml("organizations.yaml"):
            code = o["code"]
            self.actors[code] = Actor(code, o["name"], "organization", o.get("country"), o.get("role"),
                                      bool(o.get("state_organ")), _date(str(o.get("state_organ_since") or "")),
                                      o.get("role_before"))
            self.org_kinds[code] = o.get("kind")
            if o.get("members"):
                self.members[code] = tuple(o["members"])
            self._add(o["name"], Entry("organization", code, "name", o.get("role")))
            for alias in o.get("aliases") or []:
                self._add(alias, Entry("organization", code, "alias", o.get("role")))
            for m in o.get("metonyms") or []:
                self._add(m if isinstance(m, str) else m["text"], Entry("organization", code, "metonymy", o.get("role")))
            for name in o.get("shared_names") or []:
                self._add(name, Entry("organization", code, "shared", o.get("role")))
            if o.get("acronym_when"):
                acronym, words = o["acronym_when"]["acronym"], o["acronym_when"]["words"]
                self.contextual_acronyms[acronym] = (code, frozenset(w.lower() for w in words))

    def _load_people(self) -> None:
        for row in read_csv_rows("office_holders.csv"):
            pid = row["person_id"]
            person = self.people.get(pid)
            if person is None:
                aliases = [a.strip() for a in row["aliases"].split("|") if a.strip()]
                person = self.people[pid] = Person(pid, row["name"], aliases)
                for surface in {row["name"], *aliases}:
                    self._add(surface, Entry("person", pid, "name" if surface == row["name"] else "alias"))
            tenure = Tenure(row["country"], row["role"], row["office"], _date(row["start"]), _end_date(row["end"]))
            person.tenures.append(tenure)
            self.offices.setdefault((row["country"], row["office"]), []).append(pid)
        for person in self.people.values():
            person.tenures.sort(key=lambda t: t.start)

    def _load_role_nouns(self) -> None:
        for name in ("agents.csv", "agents_added.csv"):  # later files override earlier ones
            for row in read_csv_rows(name):
                role = row["role"] or None
                phrase = row["phrase"].strip().lower()
                if role == "-":  # an entry of ours that removes a wrong one from Phoenix
                    self.role_nouns.pop(phrase, None)
                    self.role_nouns.pop(row["plural"].strip().lower(), None)
                    continue
                self.role_nouns[phrase] = (role, phrase)
                if row["plural"].strip():
                    self.role_nouns[row["plural"].strip().lower()] = (role, phrase)

    def _load_places(self) -> None:
        for p in _yaml("places.yaml"):
            for name in [p["name"], *(p.get("aliases") or [])]:
                self._add(name, Entry("place", p["name"], "place"))
        self.places = {p["name"]: p for p in _yaml("places.yaml")}

    def _load_things(self) -> None:
        for row in read_csv_rows("agents_things.csv"):
            before = bool(row["before"].strip())
            for phrase in (row["phrase"], row["plural"]):
                if phrase.strip():
                    self.things[phrase.strip() if before else phrase.strip().lower()] = (row["kind"], before)

    # -- lookups ---------------------------------------------------------------------------------

    @functools.cached_property
    def role_words(self) -> set[str]:
        """Every word of every role noun ("defense", "minister", "supreme" ...), for reading titles."""
        stop = {"of", "the", "and", "for", "in", "on", "to", "a", "an", "&"}
        return {w for phrase in self.role_nouns for w in phrase.split() if w not in stop}

    @functools.cached_property
    def version(self) -> str:
        """A digest of the data files: stores record which knowledge base resolved their mentions."""
        digest = hashlib.sha256()
        for path in sorted(DATA.iterdir(), key=lambda p: p.name):
            if path.name.endswith((".yaml", ".csv")):
                digest.update(path.name.encode() + path.read_bytes())
        return digest.hexdigest()[:12]

    def actor_rows(self) -> list[tuple]:
        """Rows of the store's `actors` table: every code, and every person once per office held."""
        names: dict[str, list[str]] = {}
        for surface, entries in self.surfaces.items():
            for e in entries:
                names.setdefault(e.actor_id, []).append(surface)
        rows = []
        for code, a in self.actors.items():
            rows.append((code, a.name, a.kind, a.country, a.role, None, None, None, sorted(set(names.get(code, [])))))
        for person in self.people.values():
            for t in person.tenures:
                rows.append((person.person_id, person.name, "person", t.country, t.role, t.office, t.start, t.end,
                             person.aliases))
        return rows

    def lookup(self, surface: str) -> list[Entry]:
        return self.surfaces.get(surface, [])

    def role_noun(self, phrase: str) -> tuple[str | None, str] | None:
        return self.role_nouns.get(phrase.lower())

    def holders(self, country: str, office: str, day: date | None) -> list[Person]:
        """Who held an office of a country on a day (all holders when the day is unknown)."""
        people = [self.people[p] for p in dict.fromkeys(self.offices.get((country, office), []))]
        if day is None:
            return people
        return [p for p in people if any(
            t.country == country and t.office == office and t.start <= day and (t.end is None or day <= t.end)
            for t in p.tenures)]


@functools.lru_cache(maxsize=1)
def load_kb() -> KnowledgeBase:
    return KnowledgeBase()
