"""Events as the store holds them, filtered the way analysts ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from ..knowledge.confidence import load_confidence
from . import date_filter, limit_clause

# Only these count in series and totals; hypothetical and negated events stay visible, and so do
# events whose confidence (the probability that the coding is right, knowledge/confidence.py) is
# below MIN_CONFIDENCE, the threshold the confidence model's fit chose on development gold.
MODALITIES = ("asserted", "reported", "hypothetical", "negated")
COUNTED = ("asserted", "reported")
MIN_CONFIDENCE = load_confidence().threshold


def counted(alias: str = "e") -> str:
    """The SQL condition for events that feed counts, series and clusters."""
    return f"{alias}.modality IN {COUNTED!r} AND {alias}.confidence >= {MIN_CONFIDENCE}"


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

    def where(self) -> tuple[str, list]:
        clauses, params = [], []
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


def list_events(con: duckdb.DuckDBPyConnection, flt: EventFilter, evidence: bool = False,
                limit: int | None = None) -> tuple[list[str], list[tuple]]:
    where, params = flt.where()
    columns = ("e.event_id, e.date, e.source, e.target, e.cameo, e.cameo_name, e.goldstein, e.quad, "
               "e.plover_type, e.modality, e.trigger, e.confidence, d.title, d.published")
    if evidence:
        columns += ", s.text AS evidence, e.trigger_start - s.start_char AS trigger_offset"
    query = f"""
        SELECT {columns}
        FROM events e JOIN documents d USING (doc_id)
        JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
        WHERE {where}
        ORDER BY e.date_start NULLS LAST, e.doc_id, e.sent_idx, e.trigger_start
    """ + limit_clause(limit)
    result = con.execute(query, params)
    return [c[0] for c in result.description], result.fetchall()
