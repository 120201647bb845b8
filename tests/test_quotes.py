"""Quotations and their speakers, on texts written for these tests."""

from __future__ import annotations

from datetime import date

from detente.document import Document
from detente.pipeline import analyse


def quotes(nlp, text):
    (records,) = analyse([Document(text=text, source_path="t.txt", published=date(2021, 5, 3))], nlp)
    return [(q.speaker, q.text, q.how) for q in records.quotes], records


def test_said_after_and_before_the_quote(nlp):
    found, _ = quotes(nlp, '"We will not accept these terms," Turkish Foreign Minister Mevlut Cavusoglu said. '
                           'Armenia\'s prime minister said: "The border must stay open."')
    assert found[0][:2] == ("Turkish Foreign Minister Mevlut Cavusoglu", "We will not accept these terms")
    assert found[1][1] == "The border must stay open."


def test_verb_first_attribution_and_description_affiliation(nlp):
    found, records = quotes(nlp, '"The talks are over," explains Tamsin Quellborough, a lecturer at Harvard University.')
    assert found == [("Tamsin Quellborough", "The talks are over", "reporting verb")]
    assert records.quotes[0].affiliation == "Harvard University" and records.quotes[0].speaker_actor is None


def test_pronoun_speaker_and_a_quote_that_spans_sentences(nlp):
    text = ('Anna Kostanyan leads the opposition party. "We lost the war. We will not lose the peace," '
            'he says.')
    found, _ = quotes(nlp, text)
    assert found == [("Anna Kostanyan", "We lost the war. We will not lose the peace", "pronoun")]


def test_a_following_unattributed_quote_continues_the_speaker(nlp):
    text = ('"Baku wants a corridor," said Lusine Araqelyan, an analyst in Yerevan. '
            '"But Ankara wants more than that."\n\nOfficials declined to comment.')
    found, _ = quotes(nlp, text)
    assert [(s, h) for s, _, h in found] == [("Lusine Araqelyan", "reporting verb"), ("Lusine Araqelyan", "continuation")]


def test_short_quotes_in_reported_speech_belong_to_the_speaker(nlp):
    found, _ = quotes(nlp, 'Azerbaijani Foreign Minister Jeyhun Bayramov accused Armenia of "provocations" and '
                           '"revanchist dreams".')
    assert [t for _, t, _ in found] == ["provocations", "revanchist dreams"]
    assert all(s.endswith("Jeyhun Bayramov") for s, _, _ in found)


def test_scare_quotes_and_titles_with_no_speaker_are_not_quotations(nlp):
    found, _ = quotes(nlp, 'The so-called "frozen conflict" was the topic of the panel "War and Peace" in Vienna.')
    assert found == []


def test_according_to_and_a_colon_without_marks(nlp):
    found, _ = quotes(nlp, 'According to Azerbaijan\'s president, "the corridor will open in 2024." '
                           'Ilham Aliyev met reporters, insisting: The corridor will open next year.')
    assert found[0][2] == "according to"
    assert found[1][1] == "The corridor will open next year."


def test_he_said_after_a_quote_is_the_subject_not_a_name_inside_the_quote(nlp):
    text = ('Finance Minister Arvid Lentz spoke in Oslo on Friday. "We told Marta Solberg and Piet Kraal '
            'the truth," he said.')
    found, _ = quotes(nlp, text)
    assert [(s, h) for s, _, h in found] == [("Finance Minister Arvid Lentz", "pronoun")]


def test_she_said_is_the_last_speaker_or_subject_not_the_nearest_person(nlp):
    text = ('Selma Varga met Tomas Brenner in Vienna. "Nobody wants another winter like the last one," she said. '
            '"The pipeline must stay open," she added.')
    found, _ = quotes(nlp, text)
    assert [s for s, _, _ in found] == ["Selma Varga", "Selma Varga"]


def test_a_quote_after_the_statement_said_is_the_bodys(nlp):
    text = ('Egypt\'s foreign ministry condemned the raid on Tuesday. The statement said: '
            '"Such acts threaten the stability of the whole region."')
    found, records = quotes(nlp, text)
    assert [t for _, t, _ in found] == ["Such acts threaten the stability of the whole region."]
    assert records.quotes[0].speaker_actor == "EGY"


def test_a_quote_the_ministry_gave_in_a_statement_is_the_ministrys(nlp):
    text = ('Jordan\'s foreign ministry summoned the envoy. "This violation will not pass in silence," '
            'the ministry said in a statement.')
    found, records = quotes(nlp, text)
    assert [t for _, t, _ in found] == ["This violation will not pass in silence"]
    assert records.quotes[0].speaker_actor == "JOR"


def test_the_reporting_verbs_subject_speaks_not_the_source_of_the_report(nlp):
    text = ('According to Anadolu, Greece\'s defence ministry warned that the flights were "a reckless '
            'provocation." "We are ready for talks," Greek Prime Minister Kyriakos Mitsotakis posted on social media.')
    found, records = quotes(nlp, text)
    assert [(s, h) for s, _, h in found] == [("Greece's defence ministry", "reporting verb"),
                                             ("Greek Prime Minister Kyriakos Mitsotakis", "reporting verb")]
    assert records.quotes[0].speaker_actor == "GRC"


def test_a_statements_issuer_speaks_never_someone_named_in_the_quotation(nlp):
    text = ('But Hamas issued a statement hailing the decision and urging Turkey "to put pressure on '
            'President (Joe) Biden and his administration" so that "aid can reach our people."')
    found, _ = quotes(nlp, text)
    assert [speaker for speaker, _, _ in found] == ["Hamas", "Hamas"]
