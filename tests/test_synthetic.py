"""The synthetic store generator (benchmarks/synthetic.py): the real schema, realistic mixes, deterministic."""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb
import pytest

from detente import store
from detente.analysis.clusters import clusters_current
from detente.analysis.events import MIN_CONFIDENCE
from detente.knowledge.events import load_vocabulary

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synthetic import build_store, cached_store  # noqa: E402

N = 4000


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("synthetic") / "s.duckdb"
    build_store(path, N, seed=3, log=lambda *_: None)
    return path


def _columns(con) -> dict:
    return {t: con.execute(f"SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '{t}' "
                           "ORDER BY column_index").fetchall()
            for t in ("documents", "sentences", "mentions", "events", "quotes", "issues", "stances", "clusters")}


def test_schema_is_the_stores(built, tmp_path):
    fresh = store.connect(tmp_path / "fresh.duckdb")
    con = store.connect(built, read_only=True)
    assert _columns(con) == _columns(fresh)
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == store.SCHEMA_VERSION
    assert clusters_current(con)  # built by the real clustering, current for the events stored


def test_mixes(built):
    con = duckdb.connect(str(built), read_only=True)
    n, docs = con.execute("SELECT count(*), count(DISTINCT doc_id) FROM events").fetchone()
    assert n == N and 20 <= n / docs <= 40
    # heavy-tailed dyads, RUS-IRN among the largest
    top = [tuple(r[:2]) for r in con.execute(
        "SELECT least(source, target), greatest(source, target), count(*) FROM events WHERE source <> target "
        "GROUP BY ALL ORDER BY 3 DESC LIMIT 4").fetchall()]
    assert ("IRN", "RUS") in top
    pairs = con.execute("SELECT count(DISTINCT (least(source, target), greatest(source, target))) FROM events").fetchone()[0]
    assert pairs > 300
    # codes, Goldstein, quad from the codebook; statements and consultations far commoner than force
    vocab = load_vocabulary().codes
    for cameo, root, goldstein, quad in con.execute("SELECT DISTINCT cameo, root, goldstein, quad FROM events").fetchall():
        assert (vocab[cameo].root, vocab[cameo].goldstein, vocab[cameo].quad) == (root, goldstein, quad)
    roots = dict(con.execute("SELECT root, count(*) FROM events GROUP BY root").fetchall())
    assert roots["04"] > 5 * roots.get("20", 0) and roots["01"] > roots["18"]
    under = con.execute(f"SELECT avg((confidence < {MIN_CONFIDENCE})::INT) FROM events").fetchone()[0]
    assert 0.05 < under < 0.3
    assert {r[0] for r in con.execute("SELECT DISTINCT modality FROM events").fetchall()} == {
        "asserted", "reported", "hypothetical", "negated"}
    assert {"day", "month", "year"} <= {r[0] for r in con.execute("SELECT DISTINCT date_precision FROM events").fetchall()}
    years = con.execute("SELECT count(DISTINCT year(date_start)) FROM events").fetchone()[0]
    assert years >= 10
    # clusters that merge reports of several documents
    assert con.execute("SELECT max(n_documents) FROM clusters").fetchone()[0] >= 2
    # every event's sentence is stored and holds its trigger at its offsets
    bad = con.execute("""SELECT count(*) FROM events e LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
                         WHERE s.text IS NULL OR substr(s.text, e.trigger_start - s.start_char + 1, length(e.trigger)) <> e.trigger""").fetchone()[0]
    assert bad == 0
    for table in ("mentions", "quotes", "issues", "stances"):
        assert con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > 0, table


def test_deterministic(built, tmp_path):
    again = tmp_path / "again.duckdb"
    build_store(again, N, seed=3, log=lambda *_: None)
    other = tmp_path / "other.duckdb"
    build_store(other, N, seed=4, log=lambda *_: None)

    def digest(path):
        con = duckdb.connect(str(path), read_only=True)
        return [con.execute(f"SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM {t}").fetchall() for t in
                ("events", "sentences", "mentions", "quotes", "clusters", "event_clusters")]

    assert digest(built) == digest(again)
    assert digest(built) != digest(other)


def test_refuses_an_existing_file_and_caches(built, tmp_path):
    with pytest.raises(FileExistsError):
        build_store(built, 10)
    first = cached_store(500, folder=tmp_path, log=lambda *_: None)
    stamp = first.stat().st_mtime_ns
    assert cached_store(500, folder=tmp_path, log=lambda *_: None) == first and first.stat().st_mtime_ns == stamp
