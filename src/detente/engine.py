"""Runs ingest: read sources, skip what is stored, analyse in batches, write each batch whole."""

from __future__ import annotations

import logging
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import duckdb
from spacy.language import Language

from . import store
from .analysis.clusters import clusters_current, event_groups, refresh_clusters
from .anchoring import anchor_undated
from .document import Document, DocRecords
from .ingest import InputError, discover, read_sources
from .knowledge.kb import load_kb
from .pipeline import MAX_CHARS, pipeline_version
from .workers import Analyser, InFlight, analyse_batch, analyser


log = logging.getLogger("detente.engine")
PARALLEL_BATCH = 8  # documents per batch sent to a worker: small enough to keep every worker busy


@dataclass
class IngestSummary:
    stored: int = 0
    skipped: int = 0  # already in the store, or a duplicate within this run
    failed: int = 0
    words: int = 0
    errors: list[InputError] = field(default_factory=list)
    dated: int = 0  # undated articles dated by anchoring, and analysed again with their date
    dating_seconds: float = 0.0  # what finding those dates and re-dating the articles took

    def line(self) -> str:
        return f"stored {self.stored}, skipped {self.skipped} (already stored), failed {self.failed}"


def _noop(*_args) -> None:
    return None


def total_bytes(items: Iterable[Path | InputError]) -> int:
    """What the progress bar counts to; a file gone since it was found counts nothing (its reader says why)."""
    total = 0
    for item in items:
        if isinstance(item, Path):
            try:
                total += item.stat().st_size
            except OSError:
                pass
    return total


def ingest(
    paths: Iterable[str | Path],
    con: duckdb.DuckDBPyConnection,
    nlp: Language | Callable[[], Language],
    batch_size: int = 32,
    on_error: Callable[[InputError], None] = _noop,
    on_start: Callable[[int], None] = _noop,
    on_advance: Callable[[int], None] = _noop,
    on_batch: Callable[[int, int], None] = _noop,
    on_note: Callable[[InputError], None] = _noop,
    workers: int | None = None,
    scheduler=None,
) -> IngestSummary:
    """Ingest every document under `paths` into the store behind `con`.

    Callbacks: on_start(total bytes), on_advance(bytes done), on_batch(batch number, documents
    written) after each commit, on_error(InputError) for each bad input or document whose analysis
    failed (that document alone: its batch is stored without it), on_note(InputError) for what a
    stored document's reader should know. `workers` > 1 analyses in that many local processes,
    `scheduler` (a Dask scheduler's address or Client) on a Dask cluster: the store is the same.
    """
    summary = IngestSummary()
    current = clusters_current(con)  # then only the groups this run's events join need clustering
    added: list[str] = []
    pipeline = Pipeline(nlp)
    items = list(discover(paths))
    size = total_bytes(items)
    on_start(size)
    in_flight = InFlight(analyser(workers, scheduler, lambda: pipeline.nlp, on_advance, size))
    seen: set[str] = set()
    pending: list[Document] = []
    undated = Frozen()  # the frozen analyses of this run's articles that anchoring may date
    batches = 0

    def fail(error: InputError) -> None:
        summary.failed += 1
        summary.errors.append(error)
        on_error(error)

    def write(documents: list[Document], result) -> None:
        nonlocal batches
        for i, reason in result.failures:
            fail(failure(documents[i], reason))
        records = _written(con, result.records, pipeline.version(con, result.version), fail)
        kept = {r.document.doc_id for r in records}
        added.extend(kept)
        for i, data in result.frozen.items():  # an undated article may be dated later: re-dated from this
            if result.records[i].document.doc_id in kept:
                undated.add(result.records[i].document.doc_id, data)
        for r in records:
            for note in r.notes:
                on_note(failure(r.document, note))
        batches += 1
        summary.stored += len(records)
        summary.words += sum(r.words for r in records)
        on_batch(batches, len(records))

    def flush(drain: bool = False) -> None:
        if pending:
            already = store.stored_ids(con, [d.doc_id for d in pending])
            new = [d for d in pending if d.doc_id not in already]
            summary.skipped += len(pending) - len(new)
            on_advance(sum(d.size for d in pending if d.doc_id in already))
            if new:
                in_flight.send(new)
            pending.clear()
        for documents, result in in_flight.ready(drain):
            write(documents, result)

    for item in read_sources(items):
        if isinstance(item, InputError):
            fail(item)
            continue
        if len(item.text) > MAX_CHARS:
            fail(failure(item, f"document too long ({len(item.text):,} characters; limit {MAX_CHARS:,})"))
            continue
        if item.doc_id in seen:
            summary.skipped += 1
            on_advance(item.size)
            continue
        seen.add(item.doc_id)
        pending.append(item)
        if len(pending) >= (batch_size if in_flight.analyser.depth == 0 else min(batch_size, PARALLEL_BATCH)):
            flush()
    try:
        flush(drain=True)
        summary.dated, summary.dating_seconds = _cluster(con, pipeline, in_flight, undated, changed=summary.stored > 0,
                                                         added=added if current else None)
    finally:
        in_flight.analyser.close()
        undated.close()
    return summary


class Frozen:
    """doc_id -> frozen analysis (pipeline.freeze) of this run's articles that anchoring may date, in
    a temporary file: memory stays flat however many there are, and re-dating them parses nothing."""

    def __init__(self):
        self.file = tempfile.TemporaryFile(prefix="detente-frozen-")
        self.at: dict[str, tuple[int, int]] = {}

    def add(self, doc_id: str, data: bytes) -> None:
        self.file.seek(0, 2)
        self.at[doc_id] = (self.file.tell(), len(data))
        self.file.write(data)

    def get(self, doc_id: str) -> bytes | None:
        if doc_id not in self.at:
            return None
        offset, size = self.at[doc_id]
        self.file.seek(offset)
        return self.file.read(size)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self.at

    def close(self) -> None:
        self.file.close()


def failure(document: Document, reason: str) -> InputError:
    """An error naming the document's file, and its line or row in a multi-record file."""
    line = int(document.record) if document.record and document.record.isdigit() else None
    return InputError(document.source_path, reason, line)


class Pipeline:
    """The loaded pipeline, loaded when a document first needs it (an unchanged corpus never
    does), and the version and knowledge base its analyses are stored with."""

    def __init__(self, nlp: Language | Callable[[], Language]):
        self._nlp = nlp if isinstance(nlp, Language) else None
        self._load = None if isinstance(nlp, Language) else nlp
        self._version = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = self._load()
        return self._nlp

    def version(self, con: duckdb.DuckDBPyConnection, reported: str | None = None) -> str:
        """The pipeline version (as the analysis reported it, wherever it ran), with the knowledge
        base written to the store the first time."""
        if self._version is None:
            self._version = reported or pipeline_version(self.nlp)
            kb = load_kb()
            store.write_actors(con, kb.actor_rows, kb.version)
        return self._version


# Failures of the store itself, not of one document's rows: they stop the run.
_STORE_FAILURES = (duckdb.IOException, duckdb.FatalException, duckdb.OutOfMemoryException)


def _written(con: duckdb.DuckDBPyConnection, records: list[DocRecords], version: str,
             fail: Callable[[InputError], None]) -> list[DocRecords]:
    """Write a batch in one transaction; if one document's rows cannot be stored, write the
    others one by one and fail that one alone. Returns what was written."""
    try:
        store.write_batch(con, records, version)
        return records
    except _STORE_FAILURES:
        raise
    except Exception:  # noqa: BLE001  (the transaction rolled back: nothing was half-written)
        pass
    written = []
    for record in records:
        try:
            store.write_batch(con, [record], version)
            written.append(record)
        except _STORE_FAILURES:
            raise
        except Exception as e:  # noqa: BLE001
            fail(failure(record.document, f"cannot be stored ({type(e).__name__}: {e})"))
    return written


def reanalyse(con: duckdb.DuckDBPyConnection, nlp: Language, everything: bool = False, batch_size: int = 32,
              on_start: Callable[[int], None] = _noop, on_advance: Callable[[int], None] = _noop,
              on_error: Callable[[InputError], None] = _noop) -> int:
    """Analyse stored documents again (after an upgrade of detente or its knowledge base).

    Only documents analysed by another pipeline version, unless `everything`. Each batch replaces
    its documents' sentences and mentions in one transaction; a document whose analysis fails keeps
    its old one (on_error says which). Returns the number re-analysed.
    """
    pipeline = Pipeline(nlp)
    version = pipeline.version(con)
    condition = "TRUE" if everything else "pipeline IS DISTINCT FROM ?"
    ids = [r[0] for r in con.execute(f"SELECT doc_id FROM documents WHERE {condition} ORDER BY doc_id",
                                     [] if everything else [version]).fetchall()]
    on_start(len(ids))
    done = 0
    for i in range(0, len(ids), batch_size):
        documents = store.read_documents(con, ids[i : i + batch_size])
        result = analyse_batch(documents, pipeline.nlp, freezing=False)
        for i, reason in result.failures:  # one that fails keeps its old analysis
            on_error(failure(documents[i], reason))
        records = result.records
        store.replace_analysis(con, records, version)
        done += len(records)
        on_advance(len(documents))
    _cluster(con, pipeline, InFlight(Analyser(lambda: pipeline.nlp, _noop)), changed=done > 0)
    return done


def _cluster(con: duckdb.DuckDBPyConnection, pipeline: Pipeline, in_flight: InFlight,
             undated: Frozen | None = None, changed: bool = True, added: list[str] | None = None) -> tuple[int, float]:
    """Rebuild the clusters when the events changed (only the groups of the `added` documents' events,
    when the clusters were current before them) or they are stale (a run killed before this point),
    each rebuild one transaction of its own; date the undated articles that share an event
    with a dated report, and cluster again the groups of their events, before and after. The articles dated are analysed again where the
    run's analysis runs: from their frozen analyses (no parse) when this run analysed them, else whole.
    Returns how many were dated and the seconds the dating took (clustering again included)."""
    if changed and added is not None:  # the clusters were current before this run added these documents
        refresh_clusters(con, added)
    elif changed or not clusters_current(con):
        refresh_clusters(con)

    dating: list[str] = []  # the articles anchoring dates,
    gone: list[tuple] = []  # and the events they had: their groups are clustered again

    def analyse_dated(documents: list[Document]) -> Iterator[tuple[list[DocRecords], str, list[dict | None]]]:
        dating.extend(d.doc_id for d in documents)
        gone.extend(event_groups(con, dating))
        frozen = [(d, undated.get(d.doc_id)) for d in documents if undated is not None and d.doc_id in undated]
        fresh = [d for d in documents if undated is None or d.doc_id not in undated]
        for i in range(0, len(frozen), PARALLEL_BATCH):
            batch = frozen[i : i + PARALLEL_BATCH]
            in_flight.send([d for d, _ in batch], [data for _, data in batch])
        for i in range(0, len(fresh), PARALLEL_BATCH):
            in_flight.send(fresh[i : i + PARALLEL_BATCH])
        for batch, result in in_flight.ready(drain=True):  # a failure leaves its article undated
            for i, reason in result.failures:
                log.warning("%s: could not be dated: %s", batch[i].origin, reason)
            changes = [result.changes.get(i) for i in range(len(result.records))]  # None: write it whole
            yield result.records, pipeline.version(con, result.version), changes

    start = time.perf_counter()
    dated = anchor_undated(con, analyse_dated)
    if dated:  # the clusters are current but for the dated articles' groups, old and new
        refresh_clusters(con, dating, gone=gone)
    return dated, time.perf_counter() - start
