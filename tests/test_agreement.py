"""`detente eval agreement`: how far a second annotation agrees with the gold, scored as detente is,
on articles and annotations written for these tests."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.agreement import score_agreement
from detente.eval import GoldError

from .conftest import assert_no_traceback, run_cli

TEXT = ("ACCRA, May 2 (Wire) - Ghana recalled its ambassador from Togo on Monday. "
        "Togo and Ghana later held talks in Lome. Togo said the recall was a violation of the treaty.")


def event(sentence, source, target, root, modality="asserted"):
    return {"sentence": sentence, "source": source, "target": target, "cameo_root": root,
            "quad": "verbal_conflict" if root >= "09" else "verbal_cooperation", "modality": modality}


def folders(tmp_path, reference, other):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text(TEXT, encoding="utf-8")
    for name, events in (("ref", reference), ("other", other)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "a.json").write_text(json.dumps({"doc": "a.txt", "events": events}), encoding="utf-8")
    return tmp_path / "ref", tmp_path / "other", tmp_path / "texts"


def test_agreement_counts_what_both_code_and_what_one_alone_codes(tmp_path):
    reference = [event("Ghana recalled its ambassador from Togo on Monday.", "GHA", "TGO", "16"),
                 event("Togo and Ghana later held talks in Lome.", "TGO", "GHA", "04"),
                 event("Togo and Ghana later held talks in Lome.", "GHA", "TGO", "04"),
                 event("Togo said the recall was a violation of the treaty.", "TGO", "GHA", "11")]
    other = [
        # the same sentence copied with its dateline: still the same sentence
        event("ACCRA, May 2 (Wire) - Ghana recalled its ambassador from Togo on Monday.", "GHA", "TGO", "16"),
        event("Togo and Ghana later held talks in Lome.", "TGO", "GHA", "04"),  # one direction only
        event("Togo said the recall was a violation of the treaty.", "TGO", "GHA", "01", "reported"),  # other root
    ]
    ref, oth, texts = folders(tmp_path, reference, other)
    scored = score_agreement(ref, oth, texts)
    total = scored["events"]
    assert (total.tp, total.fp, total.fn) == (2, 1, 2)
    assert scored["per_root"]["11"].fn == 1 and scored["per_root"]["01"].fp == 1
    rates = scored["rates"]
    assert rates["same sentence, source and target"] == 3  # the 11/01 pair agrees on who and whom
    assert rates["cameo_root agreement there"] == round(2 / 3, 3)
    assert rates["modality agreement there"] == round(2 / 3, 3)
    # F1 is symmetric: swapping the sides swaps precision and recall
    swapped = score_agreement(oth, ref, texts)["events"]
    assert (swapped.tp, swapped.fp, swapped.fn) == (2, 2, 1) and round(swapped.f1, 6) == round(total.f1, 6)


def test_agreement_refuses_annotations_that_do_not_fit_their_articles(tmp_path, ):
    ref, oth, texts = folders(tmp_path, [event("Togo and Ghana later held talks in Lome.", "TGO", "GHA", "04")],
                              [event("Togo and Ghana never met.", "TGO", "GHA", "04")])
    try:
        score_agreement(ref, oth, texts)
    except GoldError as e:
        assert "a.json: events[0].sentence is not in the article" in str(e)
    else:
        raise AssertionError("a sentence that is not in the article was accepted")
    result = run_cli("eval", "agreement", oth, "--gold", ref, "--corpus", texts)
    assert result.returncode == 2 and "is not in the article" in result.stderr
    assert_no_traceback(result)
    (oth / "a.json").rename(oth / "b.json")
    (oth / "b.json").write_text(json.dumps({"doc": "b.txt", "events": []}))
    (texts / "b.txt").write_text("Nothing happened.")
    result = run_cli("eval", "agreement", oth, "--gold", ref, "--corpus", texts)
    assert result.returncode == 2 and "annotates none of the articles" in result.stderr


def test_agreement_on_the_command_line(tmp_path):
    same = [event("Ghana recalled its ambassador from Togo on Monday.", "GHA", "TGO", "16")]
    ref, oth, texts = folders(tmp_path, same, same)
    result = run_cli("eval", "agreement", oth, "--gold", ref, "--corpus", texts, "-f", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["events"]["f1"] == 1.0 and found["rates"]["articles annotated by both"] == 1


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=10)
FIELD = st.sampled_from(["Ghana recalled its ambassador from Togo on Monday.", "Togo", "GHA", "04", None, 4, [], {}]) | JSON


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=JSON | st.lists(JSON | st.fixed_dictionaries(
    {"sentence": FIELD, "source": FIELD, "target": FIELD, "cameo_root": FIELD}), max_size=4))
def test_any_second_annotation_is_scored_or_refused_by_name(events):
    """Whatever a second annotation's events hold, the scorer scores it or refuses it in one line that
    names the file, never with another exception."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        reference = [event("Ghana recalled its ambassador from Togo on Monday.", "GHA", "TGO", "16")]
        ref, oth, texts = folders(root, reference, [])
        (oth / "a.json").write_text(json.dumps({"doc": "a.txt", "events": events}), encoding="utf-8")
        try:
            scored = score_agreement(ref, oth, texts)
        except GoldError as e:
            assert "a.json" in str(e) and "\n" not in str(e)
        else:
            assert scored["events"].tp + scored["events"].fn == 1


def test_every_scorer_refuses_events_of_the_wrong_shape_by_name(tmp_path):
    for events in (5, ["x"], [{"sentence": "Togo and Ghana later held talks in Lome.", "source": "TGO", "target": None,
                                "cameo_root": ["04"]}]):
        case = tmp_path / str(len(str(events)))
        case.mkdir()
        ref, oth, texts = folders(case, [], [])
        (ref / "a.json").write_text(json.dumps({"doc": "a.txt", "events": events}), encoding="utf-8")
        result = run_cli("eval", "events", "--gold", ref, "--corpus", texts)
        assert result.returncode == 2 and "a.json: events" in result.stderr, result.stderr
        assert_no_traceback(result)


PART = JSON | st.lists(JSON | st.fixed_dictionaries(
    {"surface": FIELD, "canonical": FIELD, "text": FIELD, "speaker": FIELD, "label": FIELD}), max_size=3)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(actors=PART, quotes=PART, issues=PART, stance=PART | st.fixed_dictionaries({"label": FIELD}),
       events=JSON | st.lists(st.fixed_dictionaries({"sentence": FIELD, "source": FIELD, "target": FIELD,
                                                       "cameo_root": FIELD, "quad": FIELD, "modality": FIELD}), max_size=2))
def test_any_gold_file_is_scored_by_every_scorer_or_refused_by_name(analysed_text, actors, quotes, issues, stance, events):
    """Whatever a gold file's actors, quotes, issues, stance and events hold, load_gold refuses it in one
    line that names the file, or every scorer reads it without another exception."""
    from detente.eval import load_gold, score_actors, score_events, score_issues, score_quotes, score_stance

    records, texts = analysed_text
    with tempfile.TemporaryDirectory() as tmp:
        gold_dir = Path(tmp) / "gold"
        gold_dir.mkdir()
        gold = {"doc": "a.txt", "actors": actors, "quotes": quotes, "issues": issues, "stance": stance, "events": events}
        (gold_dir / "a.json").write_text(json.dumps(gold), encoding="utf-8")
        try:
            (loaded, _), = load_gold(gold_dir, texts)
        except GoldError as e:
            assert "a.json" in str(e) and "\n" not in str(e)
            return
        pairs = [(loaded, records)]
        for scorer in (score_actors, score_quotes, score_issues, score_stance, score_events):
            scorer(pairs)


@pytest.fixture(scope="module")
def analysed_text(nlp, tmp_path_factory):
    """TEXT analysed once: the scorers' records do not depend on the gold file."""
    from detente.document import Document
    from detente.pipeline import analyse

    texts = tmp_path_factory.mktemp("texts")
    (texts / "a.txt").write_text(TEXT, encoding="utf-8")
    (records,) = analyse([Document(text=TEXT, source_path=str(texts / "a.txt"))], nlp)
    return records, texts
