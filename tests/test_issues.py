"""Issue areas per sentence, event and document, on texts written for these tests."""

from __future__ import annotations

from datetime import date

from detente.document import Document
from detente.knowledge.embeddings import words_of
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


# Sentences we wrote that hold none of the issues' terms or actors (checked below): only similarity
# to an issue's description and examples can put them on an issue.
PARAPHRASES = {
    "The Kremlin shipped advanced anti-aircraft batteries to Tehran.": "arms_trade",
    "Inspectors were again refused access to the sites where fissile material is stored.": "nuclear",
    "Several banks were cut off from international payments and their assets were frozen.": "sanctions_economy",
    "Thousands of protesters marched against the clerics who rule the country.": "domestic_politics",
    "A suicide bomber killed dozens of worshippers at a crowded mosque.": "terrorism",
}
NEUTRAL = ["The minister spoke to reporters after the meeting on Tuesday.",
           "The weather in the capital was warm and sunny for most of the week."]


def _tagged(nlp, text: str):
    doc = nlp(text)
    return doc, doc._.issues


def test_a_paraphrase_with_no_term_is_put_on_its_issue(nlp):
    tagger = nlp.get_pipe("detente_issues")
    for text, issue in PARAPHRASES.items():
        doc, found = _tagged(nlp, text)
        assert tagger.term_hits(doc) == {}, text  # truly free of terms and issue actors
        assert found.by_sentence.get(0) == [issue], text
        assert found.similar[0] >= load_issues()[issue].similarity.threshold


def test_a_neutral_or_short_sentence_gets_no_issue(nlp):
    for text in NEUTRAL + ["Suicide bomber killed."]:
        _, found = _tagged(nlp, text)
        assert found.by_sentence == {} and found.counts == {}, text
    # The short one is near terrorism, but three known words are too few to trust its vector; a fourth will do.
    tagger = nlp.get_pipe("detente_issues")
    assert tagger.nearest([["suicide", "bomber", "killed"]]) == [None]
    assert tagger.nearest([["a", "suicide", "bomber", "killed", "worshippers"]])[0][0] == "terrorism"


def test_a_term_hit_wins_over_similarity(nlp):
    text = "Thousands of protesters in Syria marched against the clerics who rule the country."
    doc, found = _tagged(nlp, text)
    tagger = nlp.get_pipe("detente_issues")
    assert tagger.nearest([words_of(doc)])[0][0] == "domestic_politics"  # what similarity alone would say
    assert found.by_sentence[0] == ["syria_war"] and 0 not in found.similar


def test_paraphrases_count_towards_the_document(nlp):
    more = "Inspectors said the enriched material could fill a warhead within weeks."  # no term either
    assert nlp.get_pipe("detente_issues").term_hits(nlp(more)) == {}
    text = " ".join([*list(PARAPHRASES)[1:3], more])
    (records,) = analyse([Document(text=text, source_path="t", published=date(2021, 3, 1))], nlp)
    assert [s.issues for s in records.sentences] == [["nuclear"], ["sanctions_economy"], ["nuclear"]]
    issues = {code: (n, assigned) for code, _, n, assigned in records.issues}
    assert issues == {"nuclear": (2, True), "sanctions_economy": (1, False)}


def test_similarity_settings_come_from_the_taxonomy():
    for issue in load_issues().values():
        rule = issue.similarity
        assert rule and 0 < rule.threshold < 1 and 0 < rule.margin < 1 and rule.min_words >= 3, issue.code
        assert issue.examples, issue.code
