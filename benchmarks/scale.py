"""Ingest on every local core and on a Dask cluster, against one process and bare spaCy, in one run.

    .venv/bin/python benchmarks/scale.py [--docs 200] [--workers 2] [--seeds PATH]

Builds `--docs` new documents from the seeds (as benchmarks/ingest.py does), then measures, each
into a new store: bare `nlp.pipe` of the spaCy model in this process over the same texts; detente's
ingest in one process; with `--workers N` local processes; and on a Dask LocalCluster of N
single-threaded worker processes. Times include starting the workers and loading their pipelines.
Prints words per second, the speed-up over one process, the peak resident memory of this process
and its children, and checks that every store holds the same rows. Exits 1 when N workers fall
below 1.6 times one process or the cluster below 1.5 times (issue 15's bars), or a store differs.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import psutil
import spacy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from ingest import PeakRSS, build_corpus  # noqa: E402

from detente import store  # noqa: E402
from detente.engine import ingest  # noqa: E402
from detente.pipeline import MODEL, count_words, load_nlp  # noqa: E402

WORKERS_BAR, CLUSTER_BAR = 1.6, 1.5
TABLES = ("documents", "sentences", "mentions", "events", "quotes", "issues", "stances")


def rows(db: Path) -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in TABLES:
            columns = [c[0] for c in con.execute(f"DESCRIBE {table}").fetchall() if c[0] != "ingested_at"]
            out[table] = con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus" / "seeds")
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        build_corpus(args.seeds, folder, args.docs)
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
        nlp = load_nlp()
        bare = spacy.load(MODEL)
        with PeakRSS(children=True) as peak:
            start = time.perf_counter()
            words = sum(count_words(d) for d in bare.pipe(texts, batch_size=16))
            results = {"bare spaCy, one process": (words, time.perf_counter() - start, peak)}

        def run(name: str, **how) -> None:
            db = Path(tmp) / f"{len(results)}.duckdb"
            con = store.connect(db)
            with PeakRSS(children=True) as peak:
                start = time.perf_counter()
                summary = ingest([folder], con, nlp, **how)
                seconds = time.perf_counter() - start
            con.close()
            assert summary.failed == 0 and summary.stored == args.docs, summary.line()
            results[name] = (summary.words, seconds, peak, db)

        run("ingest, one process", workers=1)
        run(f"ingest, --workers {args.workers}", workers=args.workers)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            run(f"ingest, Dask LocalCluster of {args.workers}", scheduler=client)

        one = results["ingest, one process"]
        print(f"{args.docs} documents, {one[0]:,} words; {psutil.cpu_count()} cores")
        print(f"{'run':<34} {'seconds':>8} {'words/s':>8} {'x one process':>14} {'peak MiB':>9}")
        for name, (words, seconds, peak, *_) in results.items():
            print(f"{name:<34} {seconds:>8.1f} {words / seconds:>8,.0f} {one[1] / seconds:>14.2f} {peak.peak / 2**20:>9,.0f}")
        same = all(rows(r[3]) == rows(one[3]) for r in list(results.values())[2:])
        speedups = [one[1] / r[1] for r in list(results.values())[2:]]
        ok = same and speedups[0] >= WORKERS_BAR and speedups[1] >= CLUSTER_BAR
        print(f"stores identical: {same}; bars: --workers >= {WORKERS_BAR}x, cluster >= {CLUSTER_BAR}x: "
              f"{'held' if ok else 'NOT held'}")
        return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
