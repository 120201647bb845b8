"""Killing ingest at any moment leaves a consistent store, and running it again completes it."""

from __future__ import annotations

import subprocess
import sys
import time

import duckdb

COUNTRIES = ["Turkey", "Azerbaijan", "Armenia", "Georgia", "Qatar", "Oman", "Egypt", "Jordan", "Kazakhstan", "Japan"]


def make_corpus(folder, n):
    folder.mkdir()
    for i in range(n):
        a, b = COUNTRIES[i % 10], COUNTRIES[(i * 3 + 1) % 10]
        text = (
            f"Report {i}. The foreign ministers of {a} and {b} met in Vienna on Monday to discuss trade. "
            f"Officials from {a} said the talks had been constructive, while {b} called for patience. "
            f"Analysts expect a new agreement on energy and transport to be signed before the end of the year. " * 3
        )
        (folder / f"doc{i:03}.txt").write_text(text)


def ingest_cmd(corpus, db):
    return [sys.executable, "-m", "detente.cli", "ingest", str(corpus), "--db", str(db), "--batch-size", "4", "-v"]


def check_consistent(db) -> int:
    """Every stored document is whole: its sentences and mentions are all there, nothing else is."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        partial = con.execute(
            "SELECT count(*) FROM documents d WHERE n_sentences <> (SELECT count(*) FROM sentences s WHERE s.doc_id = d.doc_id)"
        ).fetchone()[0]
        orphans = con.execute(
            "SELECT (SELECT count(*) FROM sentences WHERE doc_id NOT IN (SELECT doc_id FROM documents))"
            " + (SELECT count(*) FROM mentions WHERE doc_id NOT IN (SELECT doc_id FROM documents))"
        ).fetchone()[0]
    finally:
        con.close()
    assert partial == 0 and orphans == 0
    return docs


def test_kill_after_a_commit_then_resume(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "detente.duckdb"
    make_corpus(corpus, 40)
    proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in proc.stderr:
        if "committed batch 2 " in line:
            proc.kill()
            break
    proc.wait(timeout=60)
    assert proc.returncode == -9
    stored = check_consistent(db)
    assert 8 <= stored < 40

    rerun = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert f"stored {40 - stored}, skipped {stored} (already stored), failed 0" in rerun.stdout
    assert check_consistent(db) == 40


def test_kill_at_arbitrary_moments_never_corrupts(tmp_path):
    corpus, db = tmp_path / "corpus", tmp_path / "detente.duckdb"
    make_corpus(corpus, 24)
    counts = []
    for delay in (0.3, 2.5, 3.5, 4.5):  # during start-up, model load, mid-batch, later batches
        proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait(timeout=60)
        if db.exists():
            counts.append(check_consistent(db))
    assert counts == sorted(counts)  # progress is never lost
    final = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, timeout=300)
    assert final.returncode == 0, final.stderr
    assert check_consistent(db) == 24


# The same corpus must give the same store however the runs were cut (the tables and the columns
# compared: everything but when a document came in).
TABLES = ("documents", "sentences", "mentions", "events", "quotes", "issues", "stances", "clusters", "event_clusters")


def make_anchored_corpus(folder, n_fill=16):
    """Undated articles read first, the dated reports that date them last, filler in between; the
    undated ones name office holders, whose roles depend on the date found."""
    make_corpus(folder, n_fill)
    for i in range(4):
        (folder / f"a_undated{i}.txt").write_text(
            f"Putin's visit to Tehran last week drew attention ({i}).\n\n"
            "Rouhani criticised the talks, and Raisi traveled to Moscow in January.\n", encoding="utf-8")
        (folder / f"z_dated{i}.txt").write_text(
            f"date 2022-07-22 Putin visited Tehran on Tuesday for talks ({i}).\n", encoding="utf-8")


def store_rows(db) -> dict[str, list]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = {}
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != "ingested_at"]
            rows[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
        return rows
    finally:
        con.close()


def test_a_killed_and_resumed_run_stores_what_a_clean_run_stores(tmp_path):
    corpus = tmp_path / "corpus"
    make_anchored_corpus(corpus)  # 24 documents: six batches of four
    clean = tmp_path / "clean.duckdb"
    assert subprocess.run(ingest_cmd(corpus, clean), capture_output=True, timeout=300).returncode == 0
    expected = store_rows(clean)
    assert any("inferred" in str(row) for row in expected["documents"])  # the undated articles were dated
    for cut in (1, 3, 6):  # after the undated articles' batch, mid-corpus, and before the dating at the end
        db = tmp_path / f"cut{cut}.duckdb"
        proc = subprocess.Popen(ingest_cmd(corpus, db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for line in proc.stderr:
            if f"committed batch {cut} " in line:
                proc.kill()
                break
        proc.wait(timeout=60)
        assert proc.returncode == -9
        resumed = subprocess.run(ingest_cmd(corpus, db), capture_output=True, text=True, timeout=300)
        assert resumed.returncode == 0, resumed.stderr
        got = store_rows(db)
        for table in TABLES:
            assert got[table] == expected[table], f"cut after batch {cut}: {table} differs"


def test_two_worker_processes_store_what_one_process_stores(tmp_path):
    corpus = tmp_path / "corpus"
    make_anchored_corpus(corpus)
    stores = {}
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.duckdb"
        result = subprocess.run([*ingest_cmd(corpus, db), "--workers", workers], capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr
        assert "stored 24, skipped 0 (already stored), failed 0" in result.stdout
        stores[workers] = store_rows(db)
    for table in TABLES:
        assert stores["2"][table] == stores["1"][table], f"{table} differs"


def test_a_dask_cluster_of_two_workers_stores_what_one_process_stores(tmp_path):
    from distributed import Client, LocalCluster

    from detente import store as stores
    from detente.engine import ingest
    from detente.pipeline import load_nlp

    corpus = tmp_path / "corpus"
    make_anchored_corpus(corpus)
    one = tmp_path / "one.duckdb"
    assert subprocess.run(ingest_cmd(corpus, one), capture_output=True, timeout=600).returncode == 0
    db = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        con = stores.connect(db)
        try:
            summary = ingest([corpus], con, load_nlp, batch_size=4, scheduler=client)
        finally:
            con.close()
        ran_on = client.run(lambda: __import__("detente.workers", fromlist=["_NLP"])._NLP is not None)
    assert (summary.stored, summary.failed) == (24, 0)
    assert all(ran_on.values())  # each worker loaded its pipeline: the batches ran there
    expected, got = store_rows(one), store_rows(db)
    for table in TABLES:
        assert got[table] == expected[table], f"{table} differs"


def test_a_dask_worker_killed_mid_run_loses_nothing(tmp_path):
    """A Dask worker process killed after the first batch is written: its batches run again on
    another worker (or the one its nanny starts anew), and the store equals a one-process run's."""
    import os
    import signal

    from distributed import Client, LocalCluster

    from detente import store as stores
    from detente.engine import ingest
    from detente.pipeline import load_nlp

    corpus = tmp_path / "corpus"
    make_anchored_corpus(corpus)
    one = tmp_path / "one.duckdb"
    assert subprocess.run(ingest_cmd(corpus, one), capture_output=True, timeout=600).returncode == 0
    db = tmp_path / "dask.duckdb"
    killed = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:

        def kill_a_worker(batch, _n):
            if batch == 1:
                pid = next(iter(client.run(os.getpid).values()))
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)

        con = stores.connect(db)
        try:
            summary = ingest([corpus], con, load_nlp, batch_size=4, scheduler=client, on_batch=kill_a_worker)
        finally:
            con.close()
    assert killed and (summary.stored, summary.failed) == (24, 0)
    expected, got = store_rows(one), store_rows(db)
    for table in TABLES:
        assert got[table] == expected[table], f"{table} differs"
