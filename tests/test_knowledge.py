"""The knowledge base as shipped: complete where we promise it, consistent everywhere."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

import pytest
import yaml

from detente.knowledge.kb import DATA, load_kb

CAMEO_ROLES = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "IGO", "NGO", "MED", "BUS", "CVL", "ELI", "SPY", "EDU",
               "PTY", "COP", "INS", "UAF", "RAD", "IMG", "SEP", "REL", "HLH", "LAB", "AGR", "ENV", "CRM", "REF",
               "HRI", "MNC", "PPL", "MUS", "CHR", "JEW", "HIN", "BUD", "IMG", "NGM", "SET", "MOD", "DEV"}
# The states most present in international news, and those of the seed corpus.
CORE = ["USA", "RUS", "CHN", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR", "SYR", "IRQ", "SAU", "ARE", "QAT", "EGY",
        "UKR", "IND", "PAK", "AFG", "JPN", "KOR", "PRK", "LBN", "YEM", "ITA", "JOR", "BLR", "AZE", "ARM", "VEN", "BRA"]


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def states():
    return yaml.safe_load((DATA / "states.yaml").read_text())


def test_every_un_member_and_observer_with_a_code_and_a_demonym():
    rows = states()
    codes = [s["code"] for s in rows]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    by_status = defaultdict(list)
    for s in rows:
        by_status[s["status"]].append(s["code"])
    assert len(by_status["member"]) == 193
    assert sorted(by_status["observer"]) == ["PSE", "VAT"]
    # a member without a demonym of its own shares it with a neighbour that the note names
    for s in rows:
        if s["status"] == "member" and not s.get("demonyms"):
            assert re.search(r"\b[A-Z]{3}\b", s.get("note") or ""), s["code"]


def test_no_name_means_two_states():
    seen = {}
    for s in states():
        for name in {s["name"], *(s.get("aliases") or []), *(s.get("demonyms") or [])}:
            assert seen.setdefault(name, s["code"]) == s["code"], name


@pytest.mark.parametrize("surface,code,role", [
    ("Moscow", "RUS", "GOV"), ("Kremlin", "RUS", "GOV"), ("Tehran", "IRN", "GOV"), ("Damascus", "SYR", "GOV"),
    ("Washington", "USA", "GOV"), ("White House", "USA", "GOV"), ("Pentagon", "USA", "MIL"),
    ("Islamic Republic", "IRN", "GOV"), ("Ankara", "TUR", "GOV"), ("Beijing", "CHN", "GOV"),
])
def test_metonyms(kb, surface, code, role):
    assert any(e.kind == "country" and e.actor_id == code and e.role == role for e in kb.lookup(surface))


@pytest.mark.parametrize("surface,code", [
    ("IRGC", "IRGC"), ("Revolutionary Guards", "IRGC"), ("Hezbollah", "HEZBOLLAH"), ("Islamic State", "IS"),
    ("ISIS", "IS"), ("ISIL", "IS"), ("Daesh", "IS"), ("Hamas", "HAMAS"), ("Houthis", "HOUTHIS"), ("NATO", "NATO"),
    ("European Union", "EU"), ("United Nations", "UN"), ("UN Security Council", "UNSC"), ("IAEA", "IAEA"),
    ("OPEC", "OPEC"), ("P5+1", "P5+1"),
    # armed groups, cartels and parallel governments of 2015-2026 news (2026-12)
    ("JNIM", "JNIM"), ("Libyan National Army", "LNA"), ("Arakan Army", "ARAKAN_ARMY"), ("Tren de Aragua", "TREN_DE_ARAGUA"),
    ("Allied Democratic Forces", "ADF"), ("Haqqani network", "HAQQANI_NETWORK"), ("Tatmadaw", "MMR_MILITARY"),
])
def test_institutions_and_groups(kb, surface, code):
    assert any(e.actor_id == code for e in kb.lookup(surface))


def test_ambiguous_short_names_are_left_out(kb):
    # "ADF" is also the Australian Defence Force, "PDF" a file, "Resistance Front" Iran's axis: no group by them
    assert not kb.lookup("ADF") and not kb.lookup("PDF") and not kb.lookup("Resistance Front")
    # a state's own forces under their proper name act for the state ("Tatmadaw": Myanmar's military)
    tatmadaw = kb.actors["MMR_MILITARY"]
    assert (tatmadaw.country, tatmadaw.role, tatmadaw.state_organ) == ("MMR", "MIL", True)


def test_state_organs_carry_their_country_and_role(kb):
    irgc = kb.actors["IRGC"]
    assert (irgc.country, irgc.role, irgc.state_organ) == ("IRN", "MIL", True)


def test_roles_are_cameo_roles(kb):
    assert {a.role for a in kb.actors.values() if a.role} <= CAMEO_ROLES
    assert {t.role for p in kb.people.values() for t in p.tenures} <= CAMEO_ROLES
    assert {r for r, _ in kb.role_nouns.values() if r} <= CAMEO_ROLES


def test_tenures_are_ordered_and_in_known_countries(kb):
    known = {s["code"] for s in states()} | set(kb.actors)
    for person in kb.people.values():
        for t in person.tenures:
            assert t.end is None or t.start <= t.end, person.name
            assert t.country in known, (person.name, t.country)


@pytest.mark.parametrize("surface,day,country,office,status", [
    ("Vladimir Putin", date(2016, 1, 1), "RUS", "head_of_state", "in office"),
    ("Vladimir Putin", date(2010, 1, 1), "RUS", "head_of_government", "in office"),
    ("Ali Khamenei", date(2016, 1, 1), "IRN", "supreme_leader", "in office"),
    ("Hassan Rouhani", date(2016, 8, 26), "IRN", "head_of_state", "in office"),
    ("Hassan Rouhani", date(2022, 7, 22), "IRN", "head_of_state", "former"),
    ("Ebrahim Raisi", date(2022, 7, 22), "IRN", "head_of_state", "in office"),
    ("Mohammad Javad Zarif", date(2016, 1, 1), "IRN", "foreign_minister", "in office"),
    ("Hossein Dehqan", date(2016, 8, 1), "IRN", "defence_minister", "in office"),
    ("Ali Larijani", date(2015, 10, 15), "IRN", "parliament_speaker", "in office"),
    ("Recep Tayyip Erdogan", date(2022, 7, 19), "TUR", "head_of_state", "in office"),
    ("Bashar al-Assad", date(2015, 12, 10), "SYR", "head_of_state", "in office"),
    ("Barack Obama", date(2016, 8, 26), "USA", "head_of_state", "in office"),
    ("Joe Biden", date(2022, 7, 22), "USA", "head_of_state", "in office"),
    ("Benjamin Netanyahu", date(2020, 1, 1), "ISR", "head_of_government", "in office"),
    # defence and interior ministers beyond the major powers (2026-12)
    ("Asaduzzaman Khan", date(2022, 10, 1), "BGD", "interior_minister", "in office"),
    ("Nancy Faeser", date(2023, 5, 1), "DEU", "interior_minister", "in office"),
    ("Mohsin Naqvi", date(2025, 5, 1), "PAK", "interior_minister", "in office"),
    ("Ionut Mosteanu", date(2025, 9, 1), "ROU", "defence_minister", "in office"),
    ("Christopher Musa", date(2026, 1, 15), "NGA", "defence_minister", "in office"),
    ("Fu Cong", date(2024, 6, 1), "CHN", "un_ambassador", "in office"),
    ("Barbara Woodward", date(2023, 3, 1), "GBR", "un_ambassador", "in office"),
    ("Anil Chauhan", date(2024, 1, 1), "IND", "chief_of_staff", "in office"),
    ("Vikram Misri", date(2025, 5, 1), "IND", "foreign_secretary", "in office"),
    ("Andriy Yermak", date(2023, 6, 1), "UKR", "presidential_aide", "in office"),
])
def test_office_on_a_day(kb, surface, day, country, office, status):
    (entry,) = [e for e in kb.lookup(surface) if e.kind == "person"]
    tenure, found = kb.people[entry.actor_id].office_on(day)
    assert (tenure.country, tenure.office, found) == (country, office, status)


def _gaps(kb, country, office, start=date(2000, 1, 1), end=date(2025, 6, 1), allowed=45):
    spans = sorted((t.start, t.end or date.max) for p in kb.people.values() for t in p.tenures
                   if t.country == country and t.office == office)
    gaps, cursor = [], start
    for a, b in spans:
        if a > cursor + timedelta(days=allowed):
            gaps.append((cursor, a))
        cursor = max(cursor, b)
    if cursor < end:
        gaps.append((cursor, end))
    return gaps


# Offices genuinely vacant for long stretches (no acting holder named).
VACANCIES = {("LBN", "head_of_state"), ("IRQ", "head_of_state")}


@pytest.mark.parametrize("country", CORE)
def test_heads_of_state_cover_2000_to_2025(kb, country):
    if (country, "head_of_state") in VACANCIES:
        pytest.skip("vacancies in this office are part of its history")
    assert _gaps(kb, country, "head_of_state") == []


# Ministers are complete from 2000 for these; the others' known gaps are listed in the closing note.
MINISTERS_COMPLETE = ["USA", "RUS", "GBR", "FRA", "DEU", "IRN", "ISR", "TUR", "SYR", "SAU", "QAT", "EGY", "UKR",
                      "IND", "JPN", "KOR", "LBN", "ITA", "AZE", "BRA", "GEO"]


@pytest.mark.parametrize("country", MINISTERS_COMPLETE)
@pytest.mark.parametrize("office", ["foreign_minister", "defence_minister"])
def test_foreign_and_defence_ministers_cover_2000_to_2025(kb, country, office):
    assert _gaps(kb, country, office) == []
