"""Whatever one document holds fails that document alone: the good ones beside it are stored.

Hostile texts and records are generated (hypothesis), not listed: dates past the calendar's ends,
numbers past any limit, chains that recurse, runs with no sentence end, control characters, odd
scripts, publication dates from 0001 to 9999. A bug that raises inside one document's analysis is
simulated too, since the fixed triggers no longer raise.
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente import store
from detente.document import doc_id_for, normalise_text
from detente.engine import ingest

from .conftest import assert_no_traceback

GOOD = [
    "Russia and Iran signed an agreement on energy cooperation in Moscow on Monday.",
    "Iranian President Hassan Rouhani met Vladimir Putin in Tehran to discuss Syria.",
    "The United States imposed new sanctions on Iran last week, the Treasury said.",
    "China criticised Japan over the dispute in the East China Sea.",
]

FRAGMENTS = [
    "999999 days ago", "yesterday", "next year", "last week", "2500 years ago", "on Monday", "in January",
    "10000000000000000000000000 weeks ago", "Russia attacked Iran", "Putin said", '"Iran said ', "Rouhani",
    "\u2028", "\x0b", "\x1b[31m", "\u202e", "\ufeff", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "٣٤٥", "a" * 300, "- " * 300, ", " * 200,
    "http://[::1/x", "Original url: <http://[::1/x>", "\n\n", "\n", ". ", "#", "**", "date 0001-01-01",
]

hostile_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), min_size=1, max_size=25).map(" ".join)
publication = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))
hostile_record = st.fixed_dictionaries(
    {"text": hostile_text},
    optional={"published": publication.map(lambda d: d and d.isoformat()), "title": st.text(max_size=30),
              "url": st.sampled_from(["http://[::1/x", "javascript:alert(1)", "https://example.org/a", ""])})


def _stored_ids(db: Path) -> set[str]:
    con = store.connect(db, read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT doc_id FROM documents").fetchall()}
    finally:
        con.close()


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(hostile=st.lists(hostile_record, min_size=1, max_size=4), position=st.integers(0, 4))
def test_hostile_records_never_cost_the_good_ones(nlp, hostile, position):
    good = [{"text": t, "published": "2022-07-22"} for t in GOOD]
    records = good[:position] + hostile + good[position:]
    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
        errors = []
        con = store.connect(Path(tmp) / "detente.duckdb")
        try:
            summary = ingest([feed], con, nlp, batch_size=3, on_error=errors.append)
        finally:
            con.close()
        stored = _stored_ids(Path(tmp) / "detente.duckdb")
    assert {doc_id_for(normalise_text(t)) for t in GOOD} <= stored
    assert summary.failed == len(errors)
    assert summary.stored + summary.failed + summary.skipped == len(records)
    for error in errors:
        assert "\n" not in str(error) and str(error).startswith(str(feed))


def test_a_document_whose_analysis_raises_fails_alone(nlp, tmp_path, monkeypatch):
    """A bug that raises on one document (simulated in the event coder) fails that document with its
    line and reason; its batch neighbours and the batches after it are stored."""
    coder = nlp.get_pipe("detente_events")
    real = type(coder).__call__

    def failing(self, doc):
        if "POISON" in doc.text:
            raise ValueError("simulated bug")
        return real(self, doc)

    monkeypatch.setattr(type(coder), "__call__", failing)
    feed = tmp_path / "feed.jsonl"
    texts = [*GOOD[:2], "Russia attacked Iran. POISON", *GOOD[2:]]
    feed.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n", encoding="utf-8")
    errors = []
    con = store.connect(tmp_path / "detente.duckdb")
    try:
        summary = ingest([feed], con, nlp, batch_size=8, on_error=errors.append)
    finally:
        con.close()
    assert (summary.stored, summary.failed) == (4, 1)
    assert [str(e) for e in errors] == [f"{feed}:3: analysis failed (ValueError: simulated bug)"]
    assert _stored_ids(tmp_path / "detente.duckdb") == {doc_id_for(t) for t in GOOD}


def test_the_exit_code_says_that_a_document_failed(cli, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD[0], encoding="utf-8")
    (corpus / "feed.jsonl").write_text(
        json.dumps({"text": "999999 days ago Iran met Russia; 2500 years ago too.", "published": "2020-01-01"}) + "\n"
        + json.dumps({"text": "Yesterday Russia attacked Iran.", "published": "0001-01-01"}) + "\n"
        + '{"text": "broken\n', encoding="utf-8")
    result = cli("ingest", corpus, "--db", tmp_path / "d.duckdb")
    assert_no_traceback(result)
    assert result.returncode == 1
    assert "stored 2, skipped 0 (already stored), failed 2" in result.stdout
    feed = corpus / "feed.jsonl"
    assert result.stderr.splitlines() == [f"detente: {feed}:2: unreadable date '0001-01-01'",
                                          f"detente: {feed}:3: invalid JSON (Unterminated string starting at column 10)"]
