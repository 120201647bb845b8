"""Events as the store holds them, filtered the way analysts ask."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date

import duckdb

from ..knowledge.confidence import load_confidence
from . import date_filter

# Only these count in series and totals; hypothetical and negated events stay visible, and so do
# events whose confidence (the probability that the coding is right, knowledge/confidence.py) is
# below MIN_CONFIDENCE, the threshold the confidence model's fit chose on development gold.
MODALITIES = ("asserted", "reported", "hypothetical", "negated")
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
COUNTED = ("asserted", "reported")
MIN_CONFIDENCE = load_confidence().threshold


@functools.lru_cache(maxsize=1)
def issue_codes() -> tuple[str, ...]:
    """The issue areas events can be on (knowledge/data/issues.yaml)."""
    from ..knowledge.kb import read_yaml

    return tuple(e["code"] for e in read_yaml("issues.yaml"))


def counted(alias: str = "e") -> str:
    """The SQL condition for events that feed counts, series and clusters."""
    return f"{alias}.modality IN {COUNTED!r} AND {alias}.confidence >= {MIN_CONFIDENCE}"


# The one event record (README, "The event record"): every column of the events table, whether it
# is counted, its cluster, its evidence sentence with the trigger's offsets in it, and its article.
# `detente events -f json/csv`, /api/events and `detente export` csv/jsonl/parquet all read it.
RECORD_SQL = """
    SELECT e.event_id, e.doc_id, e.sent_idx, e.trigger_start, e.trigger_end, e.trigger,
           e.source, e.source_role, e.source_text, e.target, e.target_role, e.target_text,
           e.cameo, e.root, e.cameo_name, e.goldstein, e.quad, e.plover_type, e.plover_mode,
           e.modality, e.confidence, ({counted}) AS counted,
           e.date, e.date_start, e.date_precision, e.date_basis, e.issue, ec.cluster_id,
           s.text AS sentence, e.trigger_start - s.start_char AS trigger_offset,
           e.trigger_end - s.start_char AS trigger_offset_end,
           d.title, d.url, d.publication, d.published
    FROM events e JOIN documents d USING (doc_id)
    JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
    LEFT JOIN event_clusters ec ON ec.event_id = e.event_id
    WHERE {where}
    ORDER BY {order}
"""


@dataclass
class EventFilter:
    actor: str | None = None  # either side
    dyad: tuple[str, str] | None = None  # both sides, either direction
    code: str | None = None  # CAMEO code prefix: 19, 042
    quad: str | None = None
    modality: list[str] | None = None
    since: date | None = None  # on the event's date
    until: date | None = None
    issue: str | None = None
    min_confidence: float | None = None
    counted: bool = False  # only the events the counts are made of

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
        if self.counted:
            clauses.append(counted())
        if self.min_confidence is not None:
            clauses.append("e.confidence >= ?")
            params.append(self.min_confidence)
        if self.actor:
            clauses.append("(e.source = ? OR e.target = ?)")
            params += [self.actor, self.actor]
        if self.dyad:
            a, b = self.dyad
            clauses.append("((e.source = ? AND e.target = ?) OR (e.source = ? AND e.target = ?))")
            params += [a, b, b, a]
        if self.code:
            clauses.append("starts_with(e.cameo, ?)")
            params.append(self.code)
        if self.quad:
            clauses.append("e.quad = ?")
            params.append(self.quad)
        if self.modality:
            clauses.append("e.modality IN (SELECT unnest(?::VARCHAR[]))")
            params.append(self.modality)
        if self.issue:
            clauses.append("e.issue = ?")
            params.append(self.issue)
        when, when_params = date_filter(self.since, self.until, "e.date_start")
        clauses.append(when)
        return " AND ".join(clauses) or "TRUE", params + when_params


RECORD_ORDER = "e.date_start NULLS LAST, e.doc_id, e.sent_idx, e.trigger_start, e.event_id"


def records_query(flt: EventFilter | None, limit: int | None = None, offset: int = 0,
                  order: str = RECORD_ORDER) -> tuple[str, list]:
    """The SQL and parameters of the event records `flt` selects, in order, paged. A page is cut
    from the events table first (the filter and `order`, SQL on events `e`, read only its
    columns) and only its rows are joined to their sentences, documents and clusters."""
    where, params = (flt or EventFilter()).where()
    if limit is None:
        return RECORD_SQL.format(where=where, counted=counted(), order=order), params
    page = f"(SELECT * FROM events e WHERE {where} ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}) e"
    query = RECORD_SQL.format(where="TRUE", counted=counted(), order=order)
    return query.replace("FROM events e JOIN", f"FROM {page} JOIN", 1), params


def event_record(con: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    """One event's record, or None."""
    result = con.execute(RECORD_SQL.format(where="e.event_id = ?", counted=counted(), order=RECORD_ORDER), [event_id])
    row = result.fetchone()
    return dict(zip([c[0] for c in result.description], row)) if row else None


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> int:
    where, params = flt.where()
    return con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]


def list_events(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int | None = None,
                offset: int = 0) -> tuple[list[str], list[tuple]]:
    """The event records, as (column names, rows)."""
    result = con.execute(*records_query(flt, limit, offset))
    return [c[0] for c in result.description], result.fetchall()
