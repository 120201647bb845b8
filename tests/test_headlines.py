"""Headlines whose verb the parser takes for a noun are read by their shape (pipeline/headlines.py);
sentences written for these tests."""

from __future__ import annotations

from datetime import date

from detente.document import Document
from detente.pipeline import analyse

BODY = "\nThe foreign ministry said on Tuesday that the row had deepened after remarks by officials.\n"


def acts(nlp, text):
    (records,) = analyse([Document(text=text, source_path="t.txt", published=date(2024, 3, 15))], nlp)
    return {(e.source, e.target, e.root): e for e in records.events}


def test_a_headline_verb_tagged_as_a_noun_is_still_an_act(nlp):
    found = acts(nlp, "Peru summons Chilean ambassador" + BODY)
    event = found[("PER", "CHL", "11")]
    assert event.cameo == "114" and event.trigger == "summons" and "headline" in event.cues
    assert event.sent_idx == 0 and event.modality == "asserted"


def test_joint_subjects_that_sever_ties_act_on_each_other(nlp):
    found = acts(nlp, "Ghana and Togo sever ties after border row" + BODY)
    assert {("GHA", "TGO", "16"), ("TGO", "GHA", "16")} <= set(found)


def test_a_headline_run_into_the_next_line_is_read_up_to_its_end(nlp):
    # the line is too long to be cut from the sentence below it, so the parser joins the two
    text = "Ghana and Togo bomb Burkinabe jihadist sites in Sahel amid surge in cross-border raids on farms\nThe raids began.\n"
    (records,) = analyse([Document(text=text, source_path="t.txt", published=date(2024, 3, 15))], nlp)
    read = {(e.source, e.target, e.root) for e in records.events if "headline" in e.cues and e.trigger == "bomb"}
    assert read == {("GHA", "BFA", "19"), ("TGO", "BFA", "19")}


def test_only_a_headline_is_read_by_its_shape(nlp):
    # a sentence with its full stop is parsed as a sentence: the shape alone proves nothing there
    found = acts(nlp, "The report noted that Peru summons Chilean ambassador." + BODY)
    assert not any("headline" in e.cues for e in found.values())
    # nor is a verb's sense that is no act ("strike a balance") read as one
    found = acts(nlp, "Peru and Chile strike balance on fishing quotas" + BODY)
    assert not any(e.root == "19" for e in found.values())


def test_a_headline_verb_with_its_particle_and_preposition(nlp):
    found = acts(nlp, "Chile and Peru fire back at Bolivia over sea access claim" + BODY)
    assert "headline" in found[("CHL", "BOL", "11")].cues and "headline" in found[("PER", "BOL", "11")].cues
    assert not any(r == "19" for _, _, r in found)
