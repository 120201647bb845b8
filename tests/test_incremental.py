"""Clustering after an ingest touches only the groups the new events join, and gives what
rebuilding every cluster gives."""

from __future__ import annotations

import shutil

from detente import store
from detente.analysis.clusters import clusters_current, refresh_clusters
from detente.engine import ingest


def cluster_tables(con) -> dict:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("clusters", "event_clusters")}


def full_rebuild(db, tmp_path) -> dict:
    """The cluster tables a full rebuild writes, on a copy of the store."""
    copy = tmp_path / "full.duckdb"
    shutil.copy(db, copy)
    con = store.connect(copy)
    try:
        refresh_clusters(con)
        return cluster_tables(con)
    finally:
        con.close()


def test_a_second_ingest_clusters_incrementally_and_equals_a_full_rebuild(tmp_path, nlp, seeds, monkeypatch):
    calls = []
    monkeypatch.setattr("detente.engine.refresh_clusters", lambda con, doc_ids=None, gone=None: calls.append(doc_ids) or
                        refresh_clusters(con, doc_ids, gone))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    for i, path in enumerate(sorted(seeds.glob("*.txt"))):
        shutil.copy(path, (first if i < 3 else second) / path.name)
    db = tmp_path / "detente.duckdb"
    con = store.connect(db)
    try:
        ingest([first], con, nlp)
        before, runs = con.execute("SELECT count(*) FROM clusters").fetchone()[0], len(calls)
        ingest([second], con, nlp)
        assert clusters_current(con)
        added = sorted(r[0] for r in con.execute("SELECT doc_id FROM documents WHERE source_path LIKE ?",
                                                 [f"{second}%"]).fetchall())
        assert [sorted(c) for c in calls[runs:]] == [added]  # the second run clustered only its documents' groups
        incremental = cluster_tables(con)
    finally:
        con.close()
    assert full_rebuild(db, tmp_path) == incremental
    assert len(incremental["clusters"]) > before > 0


def test_re_dating_by_anchoring_re_clusters_only_the_dated_articles_groups_and_equals_a_full_rebuild(tmp_path, nlp,
                                                                                                   monkeypatch):
    calls = []
    monkeypatch.setattr("detente.engine.refresh_clusters", lambda con, doc_ids=None, gone=None: calls.append(doc_ids) or
                        refresh_clusters(con, doc_ids, gone))
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir(), second.mkdir()
    (first / "undated.txt").write_text("Putin's visit to Tehran last week drew attention.\n\n"
                                       "Rouhani criticised the talks, and Raisi traveled to Moscow in January.\n",
                                       encoding="utf-8")
    (first / "other.txt").write_text("date 2021-03-02 Turkey and Greece met in Ankara on Monday to discuss energy.\n",
                                     encoding="utf-8")
    (second / "dated.txt").write_text("date 2022-07-22 Putin visited Tehran on Tuesday for talks.\n", encoding="utf-8")
    db = tmp_path / "detente.duckdb"
    con = store.connect(db)
    try:
        ingest([first], con, nlp)
        undated = con.execute("SELECT doc_id FROM documents WHERE source_path LIKE '%undated.txt'").fetchone()[0]
        events_before = con.execute("SELECT list((event_id, date) ORDER BY ALL) FROM events WHERE doc_id = ?", [undated]).fetchone()[0]
        runs = len(calls)
        summary = ingest([second], con, nlp)
        assert summary.dated == 1
        assert con.execute("SELECT list((event_id, date) ORDER BY ALL) FROM events WHERE doc_id = ?", [undated]).fetchone()[0] != events_before
        assert calls[runs + 1:] == [[undated]]  # after the dating, only the dated article's groups
        assert clusters_current(con)
        incremental = cluster_tables(con)
    finally:
        con.close()
    assert full_rebuild(db, tmp_path) == incremental


def test_re_clustering_changed_groups_in_a_big_store_writes_what_a_full_rebuild_writes(tmp_path):
    """On a synthetic store of 20,000 events: change some documents' events (dates moved, sides
    swapped, events dropped and added), re-cluster only their groups, and compare with a rebuild."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import build_store

    from detente.analysis.clusters import event_groups

    db = tmp_path / "big.duckdb"
    build_store(db, 20_000, seed=3, log=lambda *_: None)
    con = store.connect(db)
    try:
        assert clusters_current(con)
        docs = [r[0] for r in con.execute("SELECT doc_id FROM documents ORDER BY hash(doc_id) LIMIT 40").fetchall()]
        gone = event_groups(con, docs)
        assert len({g for _, g in gone}) > 20
        with store.transaction(con):
            con.execute("UPDATE events SET date_start = date_start + 3 WHERE doc_id IN (SELECT unnest(?)) AND hash(event_id) % 3 = 0",
                        [docs[:20]])
            con.execute("DELETE FROM events WHERE doc_id IN (SELECT unnest(?)) AND hash(event_id) % 5 = 1", [docs])
            con.execute("""INSERT INTO events SELECT * REPLACE (event_id || ':x' AS event_id, target AS source, source AS target)
                           FROM events WHERE doc_id IN (SELECT unnest(?)) AND hash(event_id) % 4 = 2""", [docs[20:]])
        refresh_clusters(con, docs, gone=gone)
        assert clusters_current(con)
        incremental = cluster_tables(con)
    finally:
        con.close()
    assert full_rebuild(db, tmp_path) == incremental
