"""The DuckDB store: its schema and the few statements that write and read it.

Each batch of documents is written in one transaction, a document row together with its
sentences and mentions, so a killed run leaves only whole documents behind and a re-run
completes the rest (documents already stored are skipped by id).
"""

from __future__ import annotations

import json
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterator, Sequence
from urllib.parse import urlparse

import duckdb

from .document import META_FIELDS, DocRecords, Document

SCHEMA_VERSION = "6"
DEFAULT_DB = "detente.duckdb"

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE IF NOT EXISTS documents (
    doc_id VARCHAR PRIMARY KEY,       -- first 16 hex digits of sha256(normalised text)
    source_path VARCHAR NOT NULL,     -- the file it was read from
    record VARCHAR,                   -- line/row within a multi-record file
    url VARCHAR,
    site VARCHAR,                     -- host of url
    title VARCHAR,
    publication VARCHAR,
    authors VARCHAR[],
    published DATE,
    keywords VARCHAR[],
    title_basis VARCHAR,              -- how each field was found: field, html metadata,
    published_basis VARCHAR,          --   markdown heading, dateline, byline, author note ...
    publication_basis VARCHAR,
    authors_basis VARCHAR,
    url_basis VARCHAR,
    encoding VARCHAR,
    n_chars INTEGER,
    n_words INTEGER,
    n_sentences INTEGER,
    pipeline VARCHAR,                 -- model and components that analysed it
    ingested_at TIMESTAMP,
    text VARCHAR NOT NULL,
    masked INTEGER[][]                -- [start, end) spans of text that are metadata, not prose
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id VARCHAR NOT NULL,
    idx INTEGER NOT NULL,             -- 0-based position in the document
    start_char INTEGER NOT NULL,      -- offsets into documents.text
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    issues VARCHAR[],                 -- issue areas the sentence is on, strongest first
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id VARCHAR NOT NULL,
    sent_idx INTEGER NOT NULL,
    start_char INTEGER NOT NULL,
    end_char INTEGER NOT NULL,
    surface VARCHAR NOT NULL,
    label VARCHAR NOT NULL,           -- spaCy entity label: PERSON, GPE, ORG, NORP ... (ACTOR: none)
    actor_code VARCHAR,               -- canonical code: ISO3 for states and who acts for them, else own code
    country VARCHAR,                  -- ISO3 the actor belongs to or is based in
    role VARCHAR,                     -- CAMEO role: GOV, MIL, LEG, REB, ELI ...
    kind VARCHAR,                     -- country, person, organization, region, place, unknown (NULL: no actor)
    actor_id VARCHAR,                 -- knowledge-base id: person_id, organisation or state code
    how VARCHAR,                      -- name, alias, demonym, metonymy, title, coref, description, unresolved ...
    detail VARCHAR,                   -- e.g. the office held on the document's date
    lat DOUBLE,
    lon DOUBLE,
    PRIMARY KEY (doc_id, start_char)
);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR PRIMARY KEY,     -- doc_id:sent_idx:trigger_start:source:target:cameo
    doc_id VARCHAR NOT NULL,
    sent_idx INTEGER NOT NULL,        -- the evidence: sentences(doc_id, idx)
    trigger_start INTEGER NOT NULL,   -- the trigger's offsets in documents.text
    trigger_end INTEGER NOT NULL,
    trigger VARCHAR NOT NULL,
    source VARCHAR,                   -- canonical actor codes (NULL: the text names none)
    target VARCHAR,
    source_role VARCHAR,
    target_role VARCHAR,
    source_text VARCHAR,
    target_text VARCHAR,
    cameo VARCHAR NOT NULL,           -- CAMEO code, 2 to 4 digits
    root VARCHAR NOT NULL,            -- CAMEO root 01..20
    cameo_name VARCHAR,
    goldstein DOUBLE,                 -- -10 (conflict) .. +10 (cooperation)
    quad VARCHAR,                     -- verbal_cooperation, material_cooperation, verbal_conflict, material_conflict
    plover_type VARCHAR,
    plover_mode VARCHAR,
    modality VARCHAR NOT NULL,        -- asserted, reported, hypothetical, negated
    date VARCHAR,                     -- ISO, as precise as known: 2022-02-24, 2015-09, 1991
    date_start DATE,                  -- the first day of that date, for filtering
    date_precision VARCHAR,           -- day, week, month, year, decade
    date_basis VARCHAR,               -- explicit, relative-to-publication, period, inferred, publication,
                                      -- unanchored (relative to a publication date the document lacks),
                                      -- background (undated, in an article turned to history), none
    issue VARCHAR,
    confidence DOUBLE
);
CREATE TABLE IF NOT EXISTS quotes (
    doc_id VARCHAR NOT NULL,
    sent_idx INTEGER NOT NULL,        -- the sentence the quotation starts in
    start_char INTEGER NOT NULL,      -- offsets of the quoted words in documents.text
    end_char INTEGER NOT NULL,
    text VARCHAR NOT NULL,
    speaker VARCHAR,                  -- the speaker's mention as written
    speaker_actor VARCHAR,            -- its actor code (NULL: an analyst or an unknown speaker)
    speaker_id VARCHAR,               -- knowledge-base id (person_id ...)
    speaker_role VARCHAR,
    affiliation VARCHAR,              -- the institution or office the text ties the speaker to
    how VARCHAR,                      -- reporting verb, reporting noun, according to, pronoun, continuation
    PRIMARY KEY (doc_id, start_char)
);
CREATE TABLE IF NOT EXISTS issues (
    doc_id VARCHAR NOT NULL,
    issue VARCHAR NOT NULL,           -- a code of issues.yaml: syria_war, nuclear ...
    weight DOUBLE,                    -- share of the document's sentences on it
    sentences INTEGER,
    assigned BOOLEAN,                 -- the document is on the issue (two sentences or more)
    PRIMARY KEY (doc_id, issue)
);
CREATE TABLE IF NOT EXISTS stances (   -- how a document characterises a dyad it discusses at length
    doc_id VARCHAR NOT NULL,
    actor_a VARCHAR NOT NULL,         -- the dyad's codes, in alphabetical order
    actor_b VARCHAR NOT NULL,
    label VARCHAR NOT NULL,           -- strategic_alliance, limited_partnership, marriage_of_convenience, rivalry
    confidence DOUBLE,                -- 0..1
    scores VARCHAR,                   -- JSON: every label's score
    evidence INTEGER[],               -- sentences(idx) that support the label, strongest first
    PRIMARY KEY (doc_id, actor_a, actor_b)
);
CREATE TABLE IF NOT EXISTS clusters (  -- one real-world event and the reports of it (analysis/clusters.py)
    cluster_id VARCHAR PRIMARY KEY,   -- hash of its members' event ids
    source VARCHAR,                   -- as its representative event codes them
    target VARCHAR,
    root VARCHAR,
    cameo VARCHAR,
    cameo_name VARCHAR,
    quad VARCHAR,
    goldstein DOUBLE,
    date VARCHAR,                     -- the most precise date reported, with its first day and precision
    date_start DATE,
    date_precision VARCHAR,
    issue VARCHAR,
    modality VARCHAR,                 -- asserted, reported (both counted), hypothetical, negated
    n_events INTEGER,
    n_documents INTEGER,
    n_sources INTEGER,                -- distinct publications or sites (documents when unknown)
    sources VARCHAR[],
    representative VARCHAR            -- the event_id that speaks for the cluster
);
CREATE TABLE IF NOT EXISTS event_clusters (
    event_id VARCHAR PRIMARY KEY,
    cluster_id VARCHAR
);
CREATE TABLE IF NOT EXISTS actors (   -- the knowledge base the mentions were resolved with
    code VARCHAR NOT NULL,            -- state/region/organisation code or person_id
    name VARCHAR,
    kind VARCHAR,
    country VARCHAR,
    role VARCHAR,
    office VARCHAR,
    valid_from DATE,
    valid_to DATE,
    aliases VARCHAR[]
);
"""

# Columns added since schema 1, so an older store opens and can be re-analysed.
MIGRATIONS = """
ALTER TABLE documents ADD COLUMN IF NOT EXISTS masked INTEGER[][];
ALTER TABLE sentences ADD COLUMN IF NOT EXISTS issues VARCHAR[];
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS actor_code VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS country VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS role VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS kind VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS actor_id VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS how VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS detail VARCHAR;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS lat DOUBLE;
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS lon DOUBLE;
"""


class StoreError(Exception):
    """A store that cannot be opened or used; the message names the file."""


def connect(path: str | Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(f"{path}: no store here (run `detente ingest` first, or pass --db)")
    try:
        con = duckdb.connect(str(path), read_only=read_only)
    except duckdb.IOException as e:
        reason = ("another process holds it: a running `detente ingest` or `detente serve`; commands that only read "
                  "work beside a read-only `detente serve` (its default), writing needs it stopped"
                  if "lock" in str(e).lower() else str(e).splitlines()[0])
        raise StoreError(f"{path}: cannot open the store ({reason})") from None
    except duckdb.Error as e:
        raise StoreError(f"{path}: not a detente store ({str(e).splitlines()[0]})") from None
    if not read_only:
        con.execute(SCHEMA)
        con.execute(MIGRATIONS)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])
    return con


def _site(url: str | None) -> str | None:
    """The host of a document's url; none for a url that cannot be taken apart."""
    try:
        return urlparse(url).hostname if url else None
    except ValueError:
        return None


def lock_down(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A connection that reaches the store alone: no file read or written outside it (COPY,
    read_csv, ATTACH, extensions), and no setting changed back."""
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")
    return con


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def stored_ids(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    rows = con.execute("SELECT doc_id FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(ids)]).fetchall()
    return {r[0] for r in rows}


def _insert_columns(con: duckdb.DuckDBPyConnection, table: str, columns: dict[str, tuple[str, list]]) -> None:
    """Insert many rows at once: one list per column, zipped by unnest (far faster than executemany)."""
    if not next(iter(columns.values()))[1]:
        return
    names = ", ".join(columns)
    selects = ", ".join(f"unnest(?::{sqltype}[])" for sqltype, _ in columns.values())
    con.execute(f"INSERT INTO {table} ({names}) SELECT {selects}", [values for _, values in columns.values()])


ACTOR_COLUMNS = [
    ("actor_code", "code", "VARCHAR"), ("country", "country", "VARCHAR"), ("role", "role", "VARCHAR"),
    ("kind", "kind", "VARCHAR"), ("actor_id", "actor_id", "VARCHAR"), ("how", "how", "VARCHAR"),
    ("detail", "detail", "VARCHAR"), ("lat", "lat", "DOUBLE"), ("lon", "lon", "DOUBLE"),
]


def write_batch(con: duckdb.DuckDBPyConnection, batch: Sequence[DocRecords], pipeline: str) -> None:
    """Write documents with their sentences and mentions, all or nothing."""
    with transaction(con):
        _insert_documents(con, batch, pipeline)
        _insert_analysis(con, batch)


# Each analysis table's primary key, but for doc_id: what a changed row is found by.
ANALYSIS_KEYS = {"sentences": ("idx",), "mentions": ("start_char",), "events": ("event_id",), "quotes": ("start_char",),
                 "issues": ("issue",), "stances": ("actor_a", "actor_b")}


def analysis_changes(stored: DocRecords, records: DocRecords) -> dict[str, tuple[list[tuple], dict[str, tuple[str, list]]]]:
    """What writing one document's new analysis `records` over the `stored` one changes, table by
    table: the keys (ANALYSIS_KEYS) of the rows that go, and the columns of the rows that come (a
    row that changed does both). Tables whose rows are all as stored are left out."""
    # a table's rows are those of one list of the records (ANALYSIS_KEYS names both): the same list, the same rows
    tables = [t for t in ANALYSIS_KEYS if getattr(stored, t) != getattr(records, t)]
    old, new = _analysis_columns([stored], tables), _analysis_columns([records], tables)
    changes = {}
    for table, columns in new.items():
        names = list(columns)
        at = [names.index(k) for k in ANALYSIS_KEYS[table]]
        was = {tuple(row[i] for i in at): row for row in zip(*(values for _, values in old[table].values()))}
        now = {tuple(row[i] for i in at): row for row in zip(*(values for _, values in columns.values()))}
        gone = [key for key, row in was.items() if now.get(key) != row]
        come = [row for key, row in now.items() if was.get(key) != row]
        if gone or come:
            changes[table] = (gone, {name: (sqltype, [row[i] for row in come])
                                     for i, (name, (sqltype, _)) in enumerate(columns.items())})
    return changes


def replace_analysis(con: duckdb.DuckDBPyConnection, batch: Sequence[DocRecords], pipeline: str,
                     changes: Sequence[dict | None] | None = None) -> None:
    """Swap stored documents' analyses for new ones, all or nothing: each document's row is written
    again and its whole analysis, or, where `changes` (analysis_changes against what is stored; None:
    the whole analysis) says what changed, only the rows that changed."""
    ids = [r.document.doc_id for r in batch]
    changes = changes if changes is not None else [None] * len(batch)
    whole = [r for r, c in zip(batch, changes) if c is None]
    with transaction(con):
        if whole:
            whole_ids = [r.document.doc_id for r in whole]
            for table in ANALYSIS_KEYS:
                con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [whole_ids])
        con.execute("DELETE FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [ids])
        _insert_documents(con, batch, pipeline)
        for table, columns in _analysis_columns(whole).items():
            _insert_columns(con, table, columns)
        for table, keys in ANALYSIS_KEYS.items():
            found = [(r.document.doc_id, c[table]) for r, c in zip(batch, changes) if c is not None and table in c]
            if not found:
                continue
            _, first = found[0][1]  # the columns that come, with their types
            gone = [(doc_id, key) for doc_id, (keys_gone, _) in found for key in keys_gone]
            if gone:
                names = ("doc_id", *keys)
                types = ["VARCHAR"] + [first[k][0] for k in keys]
                selects = ", ".join(f"unnest(?::{t}[]) AS {n}" for n, t in zip(names, types))
                on = " AND ".join(f"{table}.{n} = gone.{n}" for n in names)
                con.execute(f"DELETE FROM {table} USING (SELECT {selects}) AS gone WHERE {on}",
                            [[d for d, _ in gone], *([key[i] for _, key in gone] for i in range(len(keys)))])
            _insert_columns(con, table, {name: (sqltype, [v for _, (_, cols) in found for v in cols[name][1]])
                                         for name, (sqltype, _) in first.items()})


def read_documents(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Document]:
    """Stored documents as Documents again, metadata and its bases included."""
    result = con.execute(
        "SELECT * FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id", [list(ids)])
    columns = [c[0] for c in result.description]
    documents = []
    for values in result.fetchall():
        row = dict(zip(columns, values))
        doc = Document(
            text=row["text"], source_path=row["source_path"], record=row["record"], encoding=row["encoding"],
            title=row["title"], published=row["published"], publication=row["publication"],
            authors=row["authors"] or [], url=row["url"], keywords=row["keywords"] or [],
            basis={f: row[f"{f}_basis"] for f in META_FIELDS if row[f"{f}_basis"]},
            masked=[tuple(span) for span in row["masked"] or []],
        )
        doc.ingested_at = row["ingested_at"]  # a re-analysis keeps when the document came in
        documents.append(doc)
    return documents


def _insert_documents(con: duckdb.DuckDBPyConnection, batch: Sequence[DocRecords], pipeline: str) -> None:
    now = datetime.now(timezone.utc).replace(tzinfo=None)
    docs = [r.document for r in batch]
    _insert_columns(con, "documents", {
        "doc_id": ("VARCHAR", [d.doc_id for d in docs]),
        "source_path": ("VARCHAR", [d.source_path for d in docs]),
        "record": ("VARCHAR", [d.record for d in docs]),
        "url": ("VARCHAR", [d.url for d in docs]),
        "site": ("VARCHAR", [_site(d.url) for d in docs]),
        "title": ("VARCHAR", [d.title for d in docs]),
        "publication": ("VARCHAR", [d.publication for d in docs]),
        "authors": ("VARCHAR[]", [d.authors for d in docs]),
        "published": ("DATE", [d.published for d in docs]),
        "keywords": ("VARCHAR[]", [d.keywords for d in docs]),
            **{f"{f}_basis": ("VARCHAR", [d.basis.get(f) for d in docs]) for f in META_FIELDS},
        "encoding": ("VARCHAR", [d.encoding for d in docs]),
        "n_chars": ("INTEGER", [len(d.text) for d in docs]),
        "n_words": ("INTEGER", [r.words for r in batch]),
        "n_sentences": ("INTEGER", [len(r.sentences) for r in batch]),
        "pipeline": ("VARCHAR", [pipeline] * len(docs)),
        "ingested_at": ("TIMESTAMP", [getattr(d, "ingested_at", None) or now for d in docs]),
        "text": ("VARCHAR", [d.text for d in docs]),
        "masked": ("INTEGER[][]", [[list(span) for span in d.masked] for d in docs]),
    })


def _insert_analysis(con: duckdb.DuckDBPyConnection, batch: Sequence[DocRecords]) -> None:
    for table, columns in _analysis_columns(batch).items():
        _insert_columns(con, table, columns)


def _analysis_columns(batch: Sequence[DocRecords], tables: Sequence[str] = tuple(ANALYSIS_KEYS)) -> dict[str, dict[str, tuple[str, list]]]:
    """The rows of a batch's analysis, table by table, as _insert_columns takes them: events, quotes,
    sentences, issues, stances, mentions (of `tables` only)."""
    return {table: _COLUMNS[table](batch) for table in _COLUMNS if table in tables}


def _by_id(batch: Sequence[DocRecords]) -> list[tuple[str, DocRecords]]:
    """Each document's id with its records: the id is a hash of the whole text, so it is taken once
    per document, not once per row."""
    return [(r.document.doc_id, r) for r in batch]


def _quote_columns(batch: Sequence[DocRecords]) -> dict[str, tuple[str, list]]:
    quotes = [(d, q) for d, r in _by_id(batch) for q in r.quotes]
    return {
        "doc_id": ("VARCHAR", [d for d, _ in quotes]),
        "sent_idx": ("INTEGER", [q.sent_idx for _, q in quotes]),
        "start_char": ("INTEGER", [q.start for _, q in quotes]),
        "end_char": ("INTEGER", [q.end for _, q in quotes]),
        **{c: ("VARCHAR", [getattr(q, c) for _, q in quotes])
           for c in ("text", "speaker", "speaker_actor", "speaker_id", "speaker_role", "affiliation", "how")},
    }


def _sentence_columns(batch: Sequence[DocRecords]) -> dict[str, tuple[str, list]]:
    sents = [(d, s) for d, r in _by_id(batch) for s in r.sentences]
    return {
        "doc_id": ("VARCHAR", [d for d, _ in sents]),
        "idx": ("INTEGER", [s.idx for _, s in sents]),
        "start_char": ("INTEGER", [s.start for _, s in sents]),
        "end_char": ("INTEGER", [s.end for _, s in sents]),
        "text": ("VARCHAR", [s.text for _, s in sents]),
        "issues": ("VARCHAR[]", [s.issues for _, s in sents]),
    }


def _issue_columns(batch: Sequence[DocRecords]) -> dict[str, tuple[str, list]]:
    issues = [(d, i) for d, r in _by_id(batch) for i in r.issues]
    return {
        "doc_id": ("VARCHAR", [d for d, _ in issues]),
        "issue": ("VARCHAR", [i[0] for _, i in issues]),
        "weight": ("DOUBLE", [i[1] for _, i in issues]),
        "sentences": ("INTEGER", [i[2] for _, i in issues]),
        "assigned": ("BOOLEAN", [i[3] for _, i in issues]),
    }


def _stance_columns(batch: Sequence[DocRecords]) -> dict[str, tuple[str, list]]:
    stances = [(d, s) for d, r in _by_id(batch) for s in r.stances]
    return {
        "doc_id": ("VARCHAR", [d for d, _ in stances]),
        "actor_a": ("VARCHAR", [s.actor_a for _, s in stances]),
        "actor_b": ("VARCHAR", [s.actor_b for _, s in stances]),
        "label": ("VARCHAR", [s.label for _, s in stances]),
        "confidence": ("DOUBLE", [s.confidence for _, s in stances]),
        "scores": ("VARCHAR", [json.dumps(s.scores) for _, s in stances]),
        "evidence": ("INTEGER[]", [s.evidence for _, s in stances]),
    }


def _mention_columns(batch: Sequence[DocRecords]) -> dict[str, tuple[str, list]]:
    ments = [(d, m) for d, r in _by_id(batch) for m in r.mentions]
    return {
        "doc_id": ("VARCHAR", [d for d, _ in ments]),
        "sent_idx": ("INTEGER", [m.sent_idx for _, m in ments]),
        "start_char": ("INTEGER", [m.start for _, m in ments]),
        "end_char": ("INTEGER", [m.end for _, m in ments]),
        "surface": ("VARCHAR", [m.surface for _, m in ments]),
        "label": ("VARCHAR", [m.label for _, m in ments]),
        **{
            column: (sqltype, [getattr(m.actor, attr, None) if m.actor else None for _, m in ments])
            for column, attr, sqltype in ACTOR_COLUMNS
        },
    }


EVENT_COLUMNS = [
    ("sent_idx", "INTEGER"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"), ("trigger", "VARCHAR"),
    ("source", "VARCHAR"), ("target", "VARCHAR"), ("source_role", "VARCHAR"), ("target_role", "VARCHAR"),
    ("source_text", "VARCHAR"), ("target_text", "VARCHAR"), ("cameo", "VARCHAR"), ("root", "VARCHAR"),
    ("cameo_name", "VARCHAR"), ("goldstein", "DOUBLE"), ("quad", "VARCHAR"), ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"), ("modality", "VARCHAR"), ("date", "VARCHAR"), ("date_start", "DATE"),
    ("date_precision", "VARCHAR"), ("date_basis", "VARCHAR"), ("issue", "VARCHAR"), ("confidence", "DOUBLE"),
]


def _event_columns(batch: Sequence[DocRecords]) -> dict[str, tuple[str, list]]:
    rows = [(d, e) for d, r in _by_id(batch) for e in r.events]
    rows = list({f"{d}:{e.event_id}": (d, e) for d, e in rows}.items())  # one row per distinct event
    return {
        "event_id": ("VARCHAR", [key for key, _ in rows]),
        "doc_id": ("VARCHAR", [d for _, (d, _) in rows]),
        **{column: (sqltype, [getattr(e, column) for _, (_, e) in rows]) for column, sqltype in EVENT_COLUMNS},
    }


# in the order _insert_analysis has always written them
_COLUMNS = {"events": _event_columns, "quotes": _quote_columns, "sentences": _sentence_columns,
            "issues": _issue_columns, "stances": _stance_columns, "mentions": _mention_columns}


def write_actors(con: duckdb.DuckDBPyConnection, rows: Callable[[], list[tuple]], version: str) -> None:
    """Replace the knowledge-base snapshot when the knowledge base changed (rows made only then)."""
    current = con.execute("SELECT value FROM meta WHERE key = 'kb_version'").fetchone()
    if current and current[0] == version:
        return
    rows = rows()
    with transaction(con):
        con.execute("DELETE FROM actors")
        columns = ["code", "name", "kind", "country", "role", "office", "valid_from", "valid_to", "aliases"]
        types = ["VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "DATE", "DATE", "VARCHAR[]"]
        _insert_columns(con, "actors", {c: (t, [r[i] for r in rows]) for i, (c, t) in enumerate(zip(columns, types))})
        con.execute("INSERT OR REPLACE INTO meta VALUES ('kb_version', ?)", [version])


def resolve_doc_id(con: duckdb.DuckDBPyConnection, prefix: str) -> str:
    """A full document id from a unique prefix of it (as git does for commits)."""
    rows = con.execute("SELECT doc_id FROM documents WHERE starts_with(doc_id, ?) LIMIT 2", [prefix.lower()]).fetchall()
    if not rows:
        raise StoreError(f"no document with id {prefix!r} (list them with `detente docs`)")
    if len(rows) > 1:
        raise StoreError(f"document id {prefix!r} is ambiguous: give more characters")
    return rows[0][0]
