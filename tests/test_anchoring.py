"""Undated articles dated by the events they share with dated ones (detente.anchoring)."""

from __future__ import annotations

from datetime import date

from detente import store
from detente.anchoring import publication_for
from detente.engine import ingest


def test_the_earliest_publication_from_which_an_expression_names_the_anchor():
    # a report of the week of 2022-07-18: "last week" is said from Monday 2022-07-25 on
    assert publication_for("last week", date(2022, 7, 18), "week", "2022-07-18") == date(2022, 7, 25)
    assert publication_for("on Tuesday", date(2022, 7, 19), "day", "2022-07-19") == date(2022, 7, 19)
    assert publication_for("last year", date(2021, 1, 1), "year", "2021") is None  # too vague to date by


def test_an_undated_article_takes_its_date_from_a_dated_report_of_the_same_event(tmp_path, nlp):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "dated.txt").write_text("date 2022-07-22 Putin visited Tehran on Tuesday for talks.\n", encoding="utf-8")
    (folder / "undated.txt").write_text(
        "Putin's visit to Tehran last week drew attention.\n\n"
        "Raisi traveled to Moscow in January.\n", encoding="utf-8")
    con = store.connect(tmp_path / "detente.duckdb")
    try:
        summary = ingest([folder], con, nlp)
        assert summary.stored == 2
        published, basis, doc_id = con.execute(
            "SELECT published, published_basis, doc_id FROM documents WHERE source_path LIKE '%undated.txt'").fetchone()
        other = con.execute("SELECT doc_id FROM documents WHERE source_path LIKE '%/dated.txt'").fetchone()[0]
        assert published == date(2022, 7, 25) and "last week" in basis and other in basis
        # its other relative dates now resolve, and the visit is one event from two articles
        assert con.execute("SELECT date FROM events WHERE doc_id = ? AND source = 'IRN'", [doc_id]).fetchone()[0] == "2022-01"
        assert con.execute("SELECT n_sources FROM clusters WHERE cameo = '042' AND source = 'RUS'").fetchone()[0] == 2
    finally:
        con.close()


def test_an_article_stored_earlier_is_dated_when_the_dated_report_comes_later(tmp_path, nlp):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "undated.txt").write_text("Putin's visit to Tehran last week drew attention.\n", encoding="utf-8")
    (second / "dated.txt").write_text("date 2022-07-22 Putin visited Tehran on Tuesday for talks.\n", encoding="utf-8")
    con = store.connect(tmp_path / "detente.duckdb")
    try:
        ingest([first], con, nlp)
        assert con.execute("SELECT published FROM documents").fetchone()[0] is None
        ingest([second], con, nlp)  # the stored article is analysed again, with its new date
        published = con.execute("SELECT published FROM documents WHERE source_path LIKE '%undated.txt'").fetchone()[0]
        assert published == date(2022, 7, 25)
        assert con.execute("SELECT count(*) FROM events WHERE date_basis = 'unanchored'").fetchone()[0] == 0
    finally:
        con.close()
