"""How a text characterises a relationship: sentences we wrote, one label each, and the command."""

from __future__ import annotations

import json

import pytest

from tests.conftest import assert_no_traceback

ALLIANCE = (
    "Russia and Iran signed a treaty in Moscow. "
    "Russia and Iran are now natural allies with a strategic partnership on every front. "
    "Officials in Russia and Iran speak of an unbreakable friendship and closer ties. "
    "Russia and Iran held joint exercises."
)
CONVENIENCE = (
    "Russia and Iran met in Tehran. "
    "What binds Russia and Iran is not an alliance, but a convergence of interests against a common enemy. "
    "Russia and Iran keep their cooperation tactical and transactional. "
    "Russia and Iran will use each other while it pays."
)
DOUBTED = (
    "Russia and Iran met in Tehran. "
    "Russia and Iran are unlikely to form a strategic alliance. "
    "Russia and Iran compete in the oil market, and their tactical cooperation has real limits. "
    "Russia and Iran talked again."
)


def _stance(nlp, text: str, pair=("IRN", "RUS")):
    doc = nlp(text)
    found = [s for s in doc._.stances if (s.a, s.b) == pair]
    return found[0] if found else None


def test_alliance_language(nlp):
    stance = _stance(nlp, ALLIANCE)
    assert stance.label == "strategic_alliance"
    assert stance.confidence > 0.5
    assert stance.evidence  # sentences, strongest first


def test_not_an_alliance_but_a_convergence_of_interests(nlp):
    stance = _stance(nlp, CONVENIENCE)
    assert stance.label == "marriage_of_convenience"
    assert stance.scores.get("strategic_alliance", 0) < 3  # "not an alliance" carries its own negation


def test_doubted_alliance_votes_against_it(nlp):
    stance = _stance(nlp, DOUBTED)
    assert stance.label != "strategic_alliance"
    assert stance.scores.get("strategic_alliance", 0) == 0


def test_a_dyad_named_together_once_gets_no_label(nlp):
    doc = nlp("Russia and Iran are allies. The weather in Paris was fine. Germany is a country.")
    assert doc._.stances == []


def test_stance_command(tmp_path, cli, seeds):
    (tmp_path / "a.txt").write_text(CONVENIENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ALLIANCE, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert cli("ingest", tmp_path / "a.txt", tmp_path / "b.txt", "--db", db).returncode == 0
    result = cli("stance", "iran", "russia", "--db", db, "-f", "json")
    assert_no_traceback(result)
    result = cli("stance", "IRN", "RUS", "--db", db, "-f", "json", "--evidence")
    rows = json.loads(result.stdout)
    assert sorted(r["label"] for r in rows) == ["marriage_of_convenience", "strategic_alliance"]
    assert all(r["evidence"] for r in rows)
    assert any("convergence of interests" in s for r in rows for s in r["evidence"])


def test_a_sentence_opening_with_both_goes_on_about_the_pair_and_tenuous_doubts(nlp):
    text = ("Chile and Peru signed a border deal. Chile and Peru held talks again. Chile and Peru met in Lima. "
            "Both stand to benefit from their convenient alignment against a common enemy.")
    doc = nlp(text)
    (stance,) = [s for s in doc._.stances if (s.a, s.b) == ("CHL", "PER")]
    assert stance.label == "marriage_of_convenience"
    doc = nlp("Chile and Peru signed a deal. Chile and Peru met. Chile and Peru have a tenuous alliance.")
    (stance,) = [s for s in doc._.stances if (s.a, s.b) == ("CHL", "PER")]
    assert stance.label != "strategic_alliance"
