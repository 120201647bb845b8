"""Issue areas per sentence, event and document, on texts written for these tests."""

from __future__ import annotations

from datetime import date

from detente.document import Document
from detente.pipeline import analyse
from detente.pipeline.issues import load_issues

TEXT = (
    "Ankara and Moscow discussed the price of oil and the new gas pipeline. "
    "The pipeline will carry Caspian gas to Europe. "
    "Turkey also criticised Russia over its strikes in Idlib, in northern Syria. "
    "Officials said nothing about the weather."
)


def test_the_taxonomy_ships_as_data_with_every_required_issue():
    required = {"syria_war", "nuclear", "arms_trade", "energy_oil", "sanctions_economy", "ukraine_war", "israel",
                "terrorism", "food_grain", "domestic_politics", "caucasus_central_asia", "gulf_security"}
    issues = load_issues()
    assert required <= set(issues)
    assert all(i.description and i.terms for i in issues.values())


def test_sentences_documents_and_events_get_issues(nlp):
    (records,) = analyse([Document(text=TEXT, source_path="t", published=date(2021, 3, 1))], nlp)
    on = [s.issues for s in records.sentences]
    assert on[0][0] == "energy_oil" and "energy_oil" in on[1] and on[2][0] == "syria_war" and on[3] == []
    issues = {code: (weight, n, assigned) for code, weight, n, assigned in records.issues}
    assert issues["energy_oil"] == (0.5, 2, True)
    assert issues["syria_war"][2] is False  # one sentence is not enough to put the document on it
    (event,) = [e for e in records.events if e.source == "TUR" and e.target == "RUS" and e.root == "11"]
    assert event.issue == "syria_war"
