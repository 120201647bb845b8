"""Ingest on every local core and on a Dask cluster, against one process and bare spaCy, in one run.

    .venv/bin/python benchmarks/scale.py [--docs 200] [--workers 2] [--seeds PATH]
                                         [--new 100] [--events 1000000] [--only throughput|incremental]

Builds `--docs` new documents from the seeds (as benchmarks/ingest.py does), then measures, each
into a new store: bare `nlp.pipe` of the spaCy model in this process over the same texts; detente's
ingest in one process; with `--workers N` local processes; and on a Dask LocalCluster of N
single-threaded worker processes. Times include starting the workers and loading their pipelines.
Prints words per second, the speed-up over one process, the peak resident memory of this process
and its children, what dating undated articles by anchoring took in each run (issue 15's bar:
under 10 s at 1,600 articles), and checks that every store holds the same rows.

Then incremental ingest: `--new` new documents ingested in one process into an empty store and into
a copy of a synthetic store of `--events` events (benchmarks/synthetic.py, built once and cached),
alternating, in the same run; prints both times and their ratio (issue 15's bar: 1.2).

Exits 1 when N workers fall below 1.6 times one process or the cluster below 1.5 times, dating at
1,600 articles or more takes 10 s or more, incremental ingest costs more than 1.2 times, or a
store differs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
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
DATING_BAR, DATING_AT = 10.0, 1600  # seconds, at this many articles
INCREMENTAL_BAR = 1.2
TABLES = ("documents", "sentences", "mentions", "events", "quotes", "issues", "stances")


class CPUSeconds:
    """CPU seconds (user and system) this process and every process under it spent while the block
    ran: live ones read through psutil, ended ones from os.times (which counts the children this
    process has waited for). Others' load on the machine does not change it, unlike wall time."""

    def __enter__(self):
        self.start = self._now()
        return self

    def __exit__(self, *exc):
        self.seconds = self._now() - self.start

    def _now(self) -> float:
        import os

        t = os.times()
        total = t.user + t.system + t.children_user + t.children_system
        for child in psutil.Process().children(recursive=True):
            try:
                c = child.cpu_times()
                total += c.user + c.system
            except psutil.Error:  # ended while being read: os.times counts it once reaped
                pass
        return total


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
    parser.add_argument("--new", type=int, default=100, help="documents of the incremental ingest")
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the big store of the incremental ingest")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of the incremental ingest (alternating)")
    parser.add_argument("--only", choices=("throughput", "incremental"))
    args = parser.parse_args()
    ok = True
    if args.only != "incremental":
        ok = throughput(args) and ok
    if args.only != "throughput":
        ok = incremental(args) and ok
    return 0 if ok else 1


def throughput(args) -> bool:
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
            results = {"bare spaCy, one process": (words, time.perf_counter() - start, peak, None, None, None)}

        def run(name: str, **how) -> None:
            db = Path(tmp) / f"{len(results)}.duckdb"
            con = store.connect(db)
            with PeakRSS(children=True) as peak, CPUSeconds() as cpu:
                start = time.perf_counter()
                summary = ingest([folder], con, nlp, **how)
                seconds = time.perf_counter() - start
            con.close()
            assert summary.failed == 0 and summary.stored == args.docs, summary.line()
            results[name] = (summary.words, seconds, peak, db, summary, cpu.seconds)

        run("ingest, one process", workers=1)
        run(f"ingest, --workers {args.workers}", workers=args.workers)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            run(f"ingest, Dask LocalCluster of {args.workers}", scheduler=client)

        one = results["ingest, one process"]
        print(f"{args.docs} documents, {one[0]:,} words; {psutil.cpu_count()} cores")
        print(f"{'run':<34} {'seconds':>8} {'words/s':>8} {'x one process':>14} {'peak MiB':>9} {'dating':>16} "
              f"{'CPU s':>7} {'CPU x one':>9}")
        for name, (words, seconds, peak, _db, summary, cpu) in results.items():
            dating = f"{summary.dated} in {summary.dating_seconds:.1f} s" if summary else ""
            cpus = f"{cpu:>7.1f} {cpu / one[5]:>9.2f}" if cpu else ""
            print(f"{name:<34} {seconds:>8.1f} {words / seconds:>8,.0f} {one[1] / seconds:>14.2f} "
                  f"{peak.peak / 2**20:>9,.0f} {dating:>16} {cpus}")
        print(f"load average over the last 5 minutes: {psutil.getloadavg()[1]:.2f} (this machine's other users slow "
              "the parallel runs most: CPU s is what each run cost, whatever the load)")
        same = all(rows(r[3]) == rows(one[3]) for r in list(results.values())[2:])
        speedups = [one[1] / r[1] for r in list(results.values())[2:]]
        dating = max(r[4].dating_seconds for r in list(results.values())[1:])
        dating_ok = args.docs < DATING_AT or dating < DATING_BAR
        ok = same and speedups[0] >= WORKERS_BAR and speedups[1] >= CLUSTER_BAR and dating_ok
        print(f"stores identical: {same}; bars: --workers >= {WORKERS_BAR}x, cluster >= {CLUSTER_BAR}x, "
              f"dating < {DATING_BAR:.0f} s at {DATING_AT:,} articles"
              f"{'' if args.docs >= DATING_AT else ' (not checked: fewer articles)'}: {'held' if ok else 'NOT held'}")
        return ok


def incremental(args) -> bool:
    """`--new` new documents into an empty store and into a copy of a synthetic store of `--events`
    events, one process, alternating rounds; the medians and their ratio."""
    from synthetic import cached_store

    big = cached_store(args.events, log=lambda *_: None)
    nlp = load_nlp()
    times: dict[str, list[float]] = {"empty": [], "big": []}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        build_corpus(args.seeds, folder, args.new)
        for r in range(args.rounds):
            for kind in ("empty", "big") if r % 2 == 0 else ("big", "empty"):
                db = Path(tmp) / f"{kind}{r}.duckdb"
                if kind == "big":
                    shutil.copy(big, db)
                con = store.connect(db)
                start = time.perf_counter()
                summary = ingest([folder], con, nlp, workers=1)
                times[kind].append(time.perf_counter() - start)
                con.close()
                db.unlink()
                assert summary.failed == 0 and summary.stored == args.new, summary.line()
    empty, full = statistics.median(times["empty"]), statistics.median(times["big"])
    ratio = full / empty
    ok = ratio <= INCREMENTAL_BAR
    print(f"incremental ingest of {args.new} new documents, one process, {args.rounds} rounds, medians: "
          f"into an empty store {empty:.1f} s, into a store of {args.events:,} events {full:.1f} s; "
          f"ratio {ratio:.2f} (bar {INCREMENTAL_BAR}): {'held' if ok else 'NOT held'}")
    return ok


if __name__ == "__main__":
    sys.exit(main())
