"""fips_countries.csv: ISO 3166-1 alpha-3 to the FIPS 10-4 codes of GDELT's *Geo_CountryCode columns."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml

from detente.knowledge.kb import DATA

FILE = "fips_countries.csv"

# Pairs where FIPS 10-4 differs from ISO alpha-2 (the traps), and a few where it does not.
KNOWN = {
    "DEU": "GM", "AUT": "AU", "AUS": "AS", "CHN": "CH", "IRN": "IR", "IRQ": "IZ", "ISR": "IS", "RUS": "RS",
    "UKR": "UP", "ESP": "SP", "SWE": "SW", "CHE": "SZ", "KOR": "KS", "PRK": "KN", "JPN": "JA", "TUR": "TU",
    "MMR": "BM", "VNM": "VM", "LBN": "LE", "SYR": "SY", "YEM": "YM", "SAU": "SA", "GBR": "UK", "USA": "US",
    "SRB": "RI", "MNE": "MJ", "XKX": "KV", "SSD": "OD", "PSE": "WE", "FRA": "FR", "IND": "IN", "EGY": "EG",
    "DZA": "AG", "ASM": "AQ", "COD": "CG", "COG": "CF", "GIN": "GV", "GNQ": "EK", "SVK": "LO", "CZE": "EZ",
    "PHL": "RP", "ZAF": "SF", "NGA": "NI", "NER": "NG", "IRL": "EI", "TWN": "TW", "ESH": "WI", "VAT": "VT",
}


def read_text() -> str:
    return (DATA / FILE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    lines = [line for line in read_text().splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


@pytest.fixture(scope="module")
def by_iso3(rows) -> dict[str, dict]:
    return {r["iso3"]: r for r in rows}


def states() -> list[dict]:
    return yaml.safe_load((DATA / "states.yaml").read_text(encoding="utf-8"))


def test_the_file_parses_with_its_columns_and_names_its_sources(rows):
    text = read_text()
    header = [line for line in text.splitlines() if line.startswith("#")]
    assert any("Factbook" in line for line in header) and any("GeoNames" in line for line in header)
    assert text.splitlines()[len(header)] == "iso3,fips,name,note"
    assert len(rows) >= 249 + 6  # every ISO 3166-1 entry, plus XKX and the historical codes of states.yaml
    for r in rows:
        assert list(r) == ["iso3", "fips", "name", "note"]
        assert None not in r.values(), r  # no row with too few or too many fields
        assert r["name"].strip() == r["name"] and r["name"], r


def test_sorted_by_iso3_and_each_iso3_once(rows):
    codes = [r["iso3"] for r in rows]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(codes) == len(set(codes))
    assert codes == sorted(codes)


def test_every_fips_is_two_capitals_or_empty_with_a_note(rows):
    for r in rows:
        if r["fips"]:
            assert re.fullmatch(r"[A-Z]{2}", r["fips"]), r
        else:
            assert r["note"].strip(), f"{r['iso3']} has no FIPS code and no note saying why"


def test_no_fips_code_stands_for_two_entities(rows):
    seen: dict[str, str] = {}
    for r in rows:
        if r["fips"]:
            assert r["fips"] not in seen, (r["fips"], seen.get(r["fips"]), r["iso3"])
            seen[r["fips"]] = r["iso3"]


def test_every_current_state_of_states_yaml_has_a_fips_code(by_iso3):
    for s in states():
        row = by_iso3.get(s["code"])
        assert row is not None, f"states.yaml code {s['code']} has no row"
        if s["status"] != "historical":
            assert row["fips"], f"current state {s['code']} has no FIPS code"
        else:
            assert row["note"], s["code"]


@pytest.mark.parametrize("iso3,fips", sorted(KNOWN.items()))
def test_well_known_pairs(by_iso3, iso3, fips):
    assert by_iso3[iso3]["fips"] == fips


def test_codes_after_fips_10_4_and_split_entities_are_explained(by_iso3):
    for iso3 in ("SRB", "MNE", "XKX", "SSD", "PSE", "SJM"):
        assert by_iso3[iso3]["note"], iso3
    assert "GZ" in by_iso3["PSE"]["note"]  # Gaza Strip has its own code
    assert by_iso3["UMI"]["fips"] == "" and "WQ" in by_iso3["UMI"]["note"]


def test_the_package_data_pattern_ships_the_file():
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    assert '"knowledge/data/*"' in pyproject.read_text(encoding="utf-8")
