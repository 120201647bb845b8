"""Clustering after an ingest touches only the groups the new events join, and gives what
rebuilding every cluster gives."""

from __future__ import annotations

import shutil

from detente import store
from detente.analysis.clusters import clusters_current, refresh_clusters
from detente.engine import ingest


def cluster_tables(con) -> dict:
    return {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in ("clusters", "event_clusters")}


def test_a_second_ingest_clusters_incrementally_and_equals_a_full_rebuild(tmp_path, nlp, seeds, monkeypatch):
    calls = []
    monkeypatch.setattr("detente.engine.refresh_clusters", lambda con, doc_ids=None: calls.append(doc_ids) or
                        refresh_clusters(con, doc_ids))
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
    copy = tmp_path / "full.duckdb"
    shutil.copy(db, copy)
    con = store.connect(copy)
    try:
        refresh_clusters(con)
        assert cluster_tables(con) == incremental
        assert len(incremental["clusters"]) > before > 0
    finally:
        con.close()
