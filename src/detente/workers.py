"""Where analysis runs: in this process, in local worker processes, or on a Dask cluster.

`analyse` is a pure function of (documents, pipeline), so ingest hands batches of Documents to an
Analyser and writes what comes back, in the order it sent them; DuckDB has one writer, this process.
Each worker loads the pipeline once. Whatever goes wrong inside one document fails that document
alone, wherever it runs (`analyse_batch`); a worker process that dies costs nothing: its batch is
analysed again (here, or on another Dask worker).
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
    those that failed, and the pipeline version; `docs` (spaCy Docs, for re-dating without parsing
    again) only when the batch ran in this process."""

    records: list[DocRecords]
    failures: list[tuple[int, str]]
    version: str
    docs: list = field(default_factory=list)


def analyse_batch(documents: list[Document], nlp: Language | None = None, on_done: Callable[[int], None] | None = None,
                  keep_docs: bool = False) -> BatchResult:
    """Analyse a batch; a batch that raises is analysed again one document at a time, so that only
    the failing document fails. In a worker, `nlp` is the worker's own pipeline."""
    from .pipeline import analyse_docs, pipeline_version

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
    return BatchResult([r for r, _ in done], failures, pipeline_version(nlp), [d for _, d in done] if keep_docs else [])


_NLP: Language | None = None


def _worker_nlp() -> Language:
    """The pipeline of this worker process, loaded at its first batch."""
    global _NLP
    if _NLP is None:
        from .pipeline import load_nlp

        _NLP = load_nlp()
    return _NLP


class Analyser:
    """Analysis in this process: each batch at once, its Docs kept for re-dating."""

    depth = 0  # batches in flight beyond the one being written

    def __init__(self, load: Callable[[], Language], on_done: Callable[[int], None]):
        self.load, self.on_done = load, on_done

    def submit(self, documents: list[Document]) -> Future:
        future: Future = Future()
        future.set_result(analyse_batch(documents, self.load(), self.on_done, keep_docs=True))
        return future

    def result(self, documents: list[Document], future: Future) -> BatchResult:
        return future.result()

    def close(self) -> None:
        pass


class LocalWorkers(Analyser):
    """Analysis in `n` local processes, each with its own pipeline (spawned, not forked: a fork would
    copy this process's threads and open store)."""

    def __init__(self, n: int, load: Callable[[], Language], on_done: Callable[[int], None]):
        super().__init__(load, on_done)
        self.depth = 2 * n
        self.pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("spawn"))

    def submit(self, documents: list[Document]) -> Future:
        return self.pool.submit(analyse_batch, documents)

    def result(self, documents: list[Document], future: Future) -> BatchResult:
        try:
            found = future.result()
        except BrokenProcessPool:  # a worker died (killed, out of memory): this batch runs here
            found = analyse_batch(documents, self.load(), keep_docs=False)
        self.on_done(sum(d.size for d in documents))
        return found

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

    def submit(self, documents: list[Document]):
        return self.client.submit(analyse_batch, documents, pure=False, retries=3)

    def result(self, documents: list[Document], future) -> BatchResult:
        found = future.result()
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

    def send(self, documents: list[Document]) -> None:
        self.queue.append((documents, self.analyser.submit(documents)))

    def ready(self, drain: bool = False):
        """(documents, result) of the batches to write now: all when draining, else those beyond
        the analyser's depth."""
        while self.queue and (drain or len(self.queue) > self.analyser.depth):
            documents, future = self.queue.popleft()
            yield documents, self.analyser.result(documents, future)
