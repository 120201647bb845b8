"""Re-dating an article from its frozen analysis (pipeline.freeze / redate) gives what a fresh
analysis with the date gives, and ingest dates articles without parsing them again."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from detente import store
from detente.document import Document
from detente.engine import ingest
from detente.ingest import discover, read_sources
from detente.pipeline import analyse_docs, dateable, freeze, redate

UNDATED = ("Putin's visit to Tehran last week drew attention.\n\n"
           "Rouhani criticised the talks, and Raisi traveled to Moscow in January.\n")
NO_OFFICE_HOLDER = "Russia's talks with Iran last week ended without an agreement. Iran said it would meet Russia again.\n"


def fresh_and_redated(nlp, document: Document, day: date):
    (records, doc), = analyse_docs([dataclasses.replace(document, published=None)], nlp)
    frozen = freeze(records, doc)
    dated = dataclasses.replace(document, published=day, basis={**document.basis, "published": "inferred: test"})
    (expected, _), = analyse_docs([dated], nlp)
    return expected, redate(dated, frozen, nlp)


@pytest.mark.parametrize("day", [date(2022, 7, 25), date(2016, 8, 29), date(2009, 3, 2)])
def test_redating_a_frozen_seed_analysis_equals_a_fresh_analysis_with_the_date(nlp, seeds, day):
    documents = [d for d in read_sources(discover([seeds])) if isinstance(d, Document)]
    assert len(documents) == 5
    for document in documents:
        expected, got = fresh_and_redated(nlp, document, day)
        assert got == expected, document.source_path
        assert got.events  # something to compare


def count_calls(monkeypatch, nlp, name: str) -> list:
    calls = []
    kind = type(nlp.get_pipe(name))
    original = kind.__call__
    monkeypatch.setattr(kind, "__call__", lambda self, doc: calls.append(1) or original(self, doc))
    return calls


def test_when_no_resolution_changes_only_the_event_coder_runs_again(nlp, monkeypatch):
    document = Document(text=NO_OFFICE_HOLDER, source_path="x.txt")
    (records, doc), = analyse_docs([document], nlp)
    assert dateable(records)
    frozen = freeze(records, doc)
    stance, issues, events = (count_calls(monkeypatch, nlp, n) for n in ("detente_stance", "detente_issues", "detente_events"))
    dated = dataclasses.replace(document, published=date(2022, 7, 25))
    got = redate(dated, frozen, nlp)
    assert (len(events), len(stance), len(issues)) == (1, 0, 0)
    (expected, _), = analyse_docs([dated], nlp)
    assert got == expected and got.events != records.events  # the dates changed, nothing else


def test_when_an_office_holder_resolves_differently_every_later_component_runs_again(nlp, monkeypatch):
    document = Document(text=UNDATED, source_path="x.txt")
    (records, doc), = analyse_docs([document], nlp)
    frozen = freeze(records, doc)
    stance = count_calls(monkeypatch, nlp, "detente_stance")
    dated = dataclasses.replace(document, published=date(2022, 7, 25))
    got = redate(dated, frozen, nlp)
    assert len(stance) == 1
    (expected, _), = analyse_docs([dated], nlp)
    assert got == expected
    assert [m.actor for m in got.mentions] != [m.actor for m in records.mentions]  # Putin in office now


def test_ingest_dates_the_articles_it_analysed_without_parsing_them_again(tmp_path, nlp, monkeypatch):
    import detente.pipeline as pipeline

    parsed = []
    original = pipeline.analyse_docs

    def counting(documents, *args, **kwargs):
        documents = list(documents)
        parsed.extend(d.doc_id for d in documents)
        return original(documents, *args, **kwargs)

    monkeypatch.setattr(pipeline, "analyse_docs", counting)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for i in range(3):
        (folder / f"undated{i}.txt").write_text(UNDATED.replace("attention", f"attention ({i})"), encoding="utf-8")
    (folder / "dated.txt").write_text("date 2022-07-22 Putin visited Tehran on Tuesday for talks.\n", encoding="utf-8")
    con = store.connect(tmp_path / "detente.duckdb")
    try:
        summary = ingest([folder], con, nlp, workers=1)
        assert summary.stored == 4
        dated = con.execute("SELECT count(*) FROM documents WHERE published_basis LIKE 'inferred%'").fetchone()[0]
    finally:
        con.close()
    assert dated == 3
    assert sorted(parsed) == sorted(set(parsed)) and len(parsed) == 4  # each article parsed once


def test_a_worker_killed_mid_run_loses_nothing(tmp_path):
    """--workers 2, one worker process killed after the first batch is written: its batches run in
    this process, later ones on new workers, and the store equals a one-process run's."""
    import os
    import signal

    import psutil

    from detente.pipeline import load_nlp
    from tests.test_resume import make_anchored_corpus, store_rows

    corpus = tmp_path / "corpus"
    make_anchored_corpus(corpus, n_fill=40)
    killed = []

    def kill_a_worker(batch, _n):
        children = [p for p in psutil.Process().children(recursive=True) if "spawn_main" in " ".join(p.cmdline())]
        if batch == 1 and children:  # a pool worker (not multiprocessing's resource tracker)
            os.kill(children[0].pid, signal.SIGKILL)
            killed.append(children[0].pid)

    stores = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        con = store.connect(db)
        try:
            summary = ingest([corpus], con, load_nlp, batch_size=4, workers=workers,
                             on_batch=kill_a_worker if workers == 2 else lambda *_: None)
        finally:
            con.close()
        assert (summary.stored, summary.failed) == (48, 0)
        stores[workers] = store_rows(db)
    assert killed
    assert stores[2] == stores[1]
