"""Where analysis runs: in this process, in local worker processes, or on a Dask cluster.

`analyse` is a pure function of (documents, pipeline), so ingest hands batches of Documents to an
Analyser and writes what comes back, in the order it sent them; DuckDB has one writer, this process.
Each worker loads the pipeline once. Whatever goes wrong inside one document fails that document
alone, wherever it runs (`analyse_batch`); a worker process that dies costs nothing: its batch is
analysed again (here, or on another Dask worker). Re-dating the articles anchoring dates runs the
same way, from the analyses the first run froze (`redate_batch`).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Callable

from spacy.language import Language

from .document import Document, DocRecords


@dataclass
class BatchResult:
    """What analysing one batch gave: records of the documents that succeeded, (index, reason) of
    those that failed, and the pipeline version; `frozen`: record index -> the analysis of a document
    anchoring may date later, serialised (pipeline.freeze), so that re-dating it parses nothing;
    `changes`: record index -> what re-dating it changed of the stored analysis (store.analysis_changes;
    one not there is written whole)."""

    records: list[DocRecords]
    failures: list[tuple[int, str]]
    version: str
    frozen: dict[int, bytes] = field(default_factory=dict)
    changes: dict[int, dict] = field(default_factory=dict)


def analyse_batch(documents: list[Document], nlp: Language | None = None,
                  on_done: Callable[[int], None] | None = None, freezing: bool = True) -> BatchResult:
    """Analyse a batch; a batch that raises is analysed again one document at a time, so that only
    the failing document fails. In a worker, `nlp` is the worker's own pipeline. `freezing`: freeze
    the analyses of the documents anchoring may date (ingest re-dates from them)."""
    from .pipeline import analyse_docs, dateable, freeze, pipeline_version

    nlp = nlp or _worker_nlp()
    on_done = on_done or (lambda _n: None)
    done: list[tuple] = []
    failures: list[tuple[int, str]] = []
    try:
        for found in analyse_docs(documents, nlp):
            done.append(found)
            on_done(found[0].document.size)
    except Exception:  # noqa: BLE001  (which document, and why, is found below)
        for i, document in enumerate(documents[len(done):], start=len(done)):
            try:
                done.extend(analyse_docs([document], nlp))
            except Exception as e:  # noqa: BLE001
                failures.append((i, f"analysis failed ({type(e).__name__}: {e})"))
            on_done(document.size)
    frozen = {i: freeze(r, doc) for i, (r, doc) in enumerate(done) if freezing and dateable(r)}
    return BatchResult([r for r, _ in done], failures, pipeline_version(nlp), frozen)


def redate_batch(documents: list[Document], frozen: list[bytes], nlp: Language | None = None) -> BatchResult:
    """Re-date analysed documents (each now with its publication date) from their frozen analyses
    (pipeline.redate: no parse), with what that changes of their stored analyses (the frozen ones:
    ingest stored them). One that fails is left out, with its reason."""
    from .pipeline import pipeline_version, redate_stored
    from .store import analysis_changes

    nlp = nlp or _worker_nlp()
    records, failures, changes = [], [], {}
    for i, (document, data) in enumerate(zip(documents, frozen)):
        try:
            found, stored = redate_stored(document, data, nlp)
            changes[len(records)] = analysis_changes(stored, found)
            records.append(found)
        except Exception as e:  # noqa: BLE001  (it stays as it was stored)
            failures.append((i, f"re-dating failed ({type(e).__name__}: {e})"))
    return BatchResult(records, failures, pipeline_version(nlp), changes=changes)


def run_batch(documents: list[Document], frozen: list[bytes] | None = None, nlp: Language | None = None,
              on_done: Callable[[int], None] | None = None) -> BatchResult:
    """A batch's job wherever it runs: analyse the documents, or, given their frozen analyses, re-date them."""
    if frozen is not None:
        return redate_batch(documents, frozen, nlp)
    return analyse_batch(documents, nlp, on_done)


_NLP: Language | None = None


def _worker_nlp() -> Language:
    """The pipeline of this worker process, loaded at its first batch."""
    global _NLP
    if _NLP is None:
        from .pipeline import load_nlp

        _NLP = load_nlp()
    return _NLP


class Analyser:
    """Analysis in this process: each batch at once."""

    depth = 0  # batches in flight beyond the one being written

    def __init__(self, load: Callable[[], Language], on_done: Callable[[int], None]):
        self.load, self.on_done = load, on_done

    def submit(self, documents: list[Document], frozen: list[bytes] | None = None) -> Future:
        """Analyse `documents`, or re-date them from their `frozen` analyses."""
        future: Future = Future()
        future.set_result(run_batch(documents, frozen, self.load(), self.on_done))
        return future

    def result(self, documents: list[Document], future: Future, frozen: list[bytes] | None = None) -> BatchResult:
        return future.result()

    def close(self) -> None:
        pass


class LocalWorkers(Analyser):
    """Analysis in `n` local processes, each with its own pipeline (spawned, not forked: a fork would
    copy this process's threads and open store)."""

    POLL_SECONDS = 2.0  # how often a wait for a batch looks whether a worker died

    def __init__(self, n: int, load: Callable[[], Language], on_done: Callable[[int], None]):
        super().__init__(load, on_done)
        self.n, self.depth = n, 2 * n
        self.pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"))
        self.sent: dict[Future, ProcessPoolExecutor] = {}  # each batch in flight and the pool it went to

    def submit(self, documents: list[Document], frozen: list[bytes] | None = None) -> Future:
        try:
            future = self.pool.submit(run_batch, documents, frozen)
        except BrokenProcessPool:  # a worker died: the batches sent run here (result), later ones on new workers
            self._renew()
            future = self.pool.submit(run_batch, documents, frozen)
        self.sent[future] = self.pool
        return future

    def result(self, documents: list[Document], future: Future, frozen: list[bytes] | None = None) -> BatchResult:
        pool = self.sent.pop(future, self.pool)
        while True:
            try:
                found = future.result(timeout=self.POLL_SECONDS)
                break
            except BrokenProcessPool:  # a worker died (killed, out of memory): this batch runs here
                found = run_batch(documents, frozen, self.load())
                break
            except TimeoutError:
                # a worker killed while it held the pool's queue can leave the pool waiting for ever
                # without noticing (the executor then never breaks): a dead worker, or a pool given
                # up, means this batch runs here, and later ones on new workers
                if pool is self.pool and self._a_worker_died():
                    self._renew()
                if pool is not self.pool:
                    found = run_batch(documents, frozen, self.load())
                    break
        if frozen is None:  # progress counts what is read and analysed
            self.on_done(sum(d.size for d in documents))
        return found

    def _a_worker_died(self) -> bool:
        processes = getattr(self.pool, "_processes", None) or {}
        return any(p.exitcode is not None for p in list(processes.values()))

    def _renew(self) -> None:
        """Give up the pool, stopping its workers (one may be stuck on a queue a dead one held), and start another."""
        for process in list((getattr(self.pool, "_processes", None) or {}).values()):
            if process.exitcode is None:
                process.terminate()
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = ProcessPoolExecutor(self.n, mp_context=multiprocessing.get_context("spawn"))

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


class DaskWorkers(Analyser):
    """Analysis on a Dask distributed cluster: the scheduler's address, or a Client. Each Dask worker
    loads its pipeline once; a batch whose worker dies is run again on another (Dask's retries)."""

    def __init__(self, scheduler, load: Callable[[], Language], on_done: Callable[[int], None]):
        from distributed import Client

        super().__init__(load, on_done)
        self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
        self.own = not isinstance(scheduler, Client)
        self.depth = 2 * max(1, sum(self.client.nthreads().values()))

    def submit(self, documents: list[Document], frozen: list[bytes] | None = None):
        return self.client.submit(run_batch, documents, frozen, pure=False, retries=3)

    def result(self, documents: list[Document], future, frozen: list[bytes] | None = None) -> BatchResult:
        found = future.result()
        if frozen is None:
            self.on_done(sum(d.size for d in documents))
        return found

    def close(self) -> None:
        if self.own:
            self.client.close()


# With no --workers, a corpus smaller than this is analysed here: starting a worker (loading its
# pipeline) costs more than the few batches it would take over.
WORKERS_MIN_BYTES = 256 * 1024


def analyser(workers: int | None, scheduler, load: Callable[[], Language], on_done: Callable[[int], None],
             total_bytes: int = 0) -> Analyser:
    """The Analyser for `--workers N` (None: every core, for a corpus of WORKERS_MIN_BYTES or more)
    or `--scheduler ADDRESS` (or DETENTE_SCHEDULER)."""
    scheduler = scheduler or os.environ.get("DETENTE_SCHEDULER") or None
    if scheduler:
        return DaskWorkers(scheduler, load, on_done)
    if workers is None:
        workers = (os.cpu_count() or 1) if total_bytes >= WORKERS_MIN_BYTES else 1
    if workers > 1:
        return LocalWorkers(workers, load, on_done)
    return Analyser(load, on_done)


class InFlight:
    """Batches sent and not yet written, oldest first: results are written in the order sent."""

    def __init__(self, analyser: Analyser):
        self.analyser, self.queue = analyser, deque()

    def send(self, documents: list[Document], frozen: list[bytes] | None = None) -> None:
        """Send a batch to analyse, or, with their frozen analyses, to re-date."""
        self.queue.append((documents, frozen, self.analyser.submit(documents, frozen)))

    def ready(self, drain: bool = False):
        """(documents, result) of the batches to write now: all when draining, else those beyond
        the analyser's depth."""
        while self.queue and (drain or len(self.queue) > self.analyser.depth):
            documents, frozen, future = self.queue.popleft()
            yield documents, self.analyser.result(documents, future, frozen)
