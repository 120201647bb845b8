"""Uploads: saved into a folder the server owns, ingested one at a time in a background thread
with the engine every ingest uses, progress kept per job for /api/ingest/{job_id}."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb

from ..ingest import READERS

log = logging.getLogger("detente.web")

# What `detente ingest` reads, less .urls: a web server must not fetch addresses it is sent.
UPLOAD_SUFFIXES = sorted(s for s in READERS if s != ".urls")


class UploadError(ValueError):
    """An upload refused: the message says why; status is the HTTP status to answer with."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def safe_name(filename: str) -> str:
    """A file name that cannot leave its folder: the last path part, only [A-Za-z0-9._-], no leading dot."""
    base = re.split(r"[\\/]", filename or "")[-1]
    base = re.sub(r"[^A-Za-z0-9._-]+", "_", base).lstrip("._")[-100:]
    return base or "upload"


def check_suffix(filename: str) -> str:
    suffix = Path(safe_name(filename)).suffix.lower()
    if suffix not in UPLOAD_SUFFIXES:
        raise UploadError(f"unsupported file type '{suffix or '(none)'}' (supported: {' '.join(UPLOAD_SUFFIXES)})", 415)
    return suffix


@dataclass
class Job:
    job_id: str
    filename: str
    status: str = "queued"  # queued, loading, running, done, failed
    bytes_total: int = 0
    bytes_done: int = 0
    stored: int = 0
    skipped: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)  # doc_ids read from this upload

    def as_dict(self) -> dict:
        data = asdict(self)
        data["progress"] = 1.0 if self.status == "done" else (
            round(self.bytes_done / self.bytes_total, 3) if self.bytes_total else 0.0)
        return data


class Ingestor:
    """One worker thread, one spaCy pipeline (loaded on the first upload), one cursor for writes."""

    def __init__(self, con: duckdb.DuckDBPyConnection, max_bytes: int):
        self.con = con
        self.max_bytes = max_bytes
        self.folder = Path(tempfile.mkdtemp(prefix="detente-uploads-"))
        self.jobs: dict[str, Job] = {}
        self._nlp = None
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-ingest")

    def save(self, filename: str, chunks) -> tuple[Job, Path]:
        """Write an upload's bytes (an iterable of chunks) under the server's folder, up to max_bytes."""
        check_suffix(filename)
        job = Job(job_id=uuid.uuid4().hex, filename=safe_name(filename))
        folder = self.folder / job.job_id
        folder.mkdir()
        path = folder / job.filename
        size = 0
        with path.open("wb") as f:
            for chunk in chunks:
                size += len(chunk)
                if size > self.max_bytes:
                    f.close()
                    shutil.rmtree(folder, ignore_errors=True)
                    raise UploadError(f"file too large (limit {self.max_bytes:,} bytes)", 413)
                f.write(chunk)
        if size == 0:
            shutil.rmtree(folder, ignore_errors=True)
            raise UploadError("empty file", 400)
        self.jobs[job.job_id] = job
        return job, path

    def submit(self, job: Job, path: Path) -> None:
        self._pool.submit(self._run, job, path)

    def _pipeline(self):
        with self._lock:
            if self._nlp is None:
                from ..pipeline import load_nlp

                self._nlp = load_nlp()
            return self._nlp

    def _run(self, job: Job, path: Path) -> None:
        from ..engine import ingest

        cur = self.con.cursor()
        try:
            job.status = "loading"
            nlp = self._pipeline()
            job.status = "running"

            def on_error(error) -> None:
                where = f"{job.filename}:{error.line}" if error.line is not None else job.filename
                job.errors.append(f"{where}: {error.reason}")

            def on_start(total: int) -> None:
                job.bytes_total = total

            def on_advance(n: int) -> None:
                job.bytes_done += n

            summary = ingest([path], cur, nlp, on_error=on_error, on_start=on_start, on_advance=on_advance)
            job.stored, job.skipped, job.failed = summary.stored, summary.skipped, summary.failed
            job.documents = self._documents_of(cur, path, job)
            job.status = "done"
        except Exception:  # a bug or a store failure: logged here, the job says failed
            log.exception("ingest of upload %s failed", job.filename)
            job.errors.append("ingest failed (see the server log)")
            job.status = "failed"
        finally:
            cur.close()
            shutil.rmtree(path.parent, ignore_errors=True)

    @staticmethod
    def _documents_of(cur: duckdb.DuckDBPyConnection, path: Path, job: Job) -> list[str]:
        """The documents this upload holds: stored now under its path, or already stored (same text)."""
        rows = cur.execute("SELECT doc_id FROM documents WHERE source_path = ? ORDER BY record NULLS FIRST",
                           [str(path)]).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(self.folder, ignore_errors=True)
