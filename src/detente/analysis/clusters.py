"""Event clusters: the reports of one real-world event, counted once, with their sources.

Two coded events are the same real-world event when they have the same dyad (in either direction
when the CAMEO code is symmetric: consulting, meeting, negotiating, signing, cooperating, fighting),
the same CAMEO root (so a code and its children, 04 and 042, match), the same counting class
(asserted/reported, or hypothetical, or negated: what may happen is not what did), and compatible
dates: one date's span overlaps the other's at its precision (2016-08 and 2016-08-16 match, 2016
matches any day of 2016). An undated event matches only events of its own document, except one whose
sentence dates it relative to a publication date its document lacks ("last week", date basis
'unanchored'): it joins the one cluster of another document with its exact CAMEO code and a date
its text gives (not only a publication date), when there is exactly one ("Putin's visit to Tehran
last week" in an undated article and a dated report of the visit).

Events are grouped by (dyad, root, class) first, then merged by date within each group, finest
dates first, so clustering stays near-linear. The `clusters` table is rebuilt whole from all
stored events; counts and series read it and count only clusters whose modality is in COUNTED.
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
from calendar import monthrange
from datetime import date
from pathlib import Path

import duckdb

from .. import store
from ..knowledge.events import load_vocabulary
from . import page_clause
from .events import COUNTED, MIN_CONFIDENCE, EventFilter

# Reports of one event may name its sides in either order: for the codebook's mutual codes (consult,
# negotiate, cooperate, sign: `mutual` in cameo_codes.csv), and beyond them for meetings seen from
# either side ("A visited B", "B hosted A": 04) and fights (19), which the coder codes with direction.
BOTH_WAYS_ROOTS = ("04", "19")

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
# Date bases that come from a report's own text; 'inferred' (from the paragraph) and 'publication'
# (the day the article came out) are guesses a cluster uses only when none of these is there.
TOLD_BASES = ("explicit", "relative-to-publication", "period")
TOLD_SQL = "(" + ", ".join(f"'{b}'" for b in TOLD_BASES) + ")"


def symmetric(cameo: str) -> bool:
    return cameo.startswith(BOTH_WAYS_ROOTS) or load_vocabulary().mutual(cameo)


def date_span(start: date, precision: str | None, text: str | None) -> tuple[int, int, int]:
    """(rank, first day, day after the last) of a date at its precision, as ordinals."""
    if precision not in PRECISION_RANK:  # infer from the ISO text: 2016, 2016-08, 2016-08-16
        precision = {4: "year", 7: "month"}.get(len(text or ""), "day")
    first = start.toordinal()  # ordinals, not dates: a span may end past 9999-12-31
    if precision == "day":
        end = first + 1
    elif precision == "week":
        end = first + 7
    elif precision == "month":
        end = first + monthrange(start.year, start.month)[1] - start.day + 1
    else:
        years = 10 if precision == "decade" else 1
        end = date.max.toordinal() + 1 if start.year + years > 9999 else date(start.year + years, 1, 1).toordinal()
    return PRECISION_RANK[precision], first, end


class _Cluster:
    __slots__ = ("start", "end", "members", "docs", "cameos", "told", "seq")

    def __init__(self, start: int, end: int, seq: int = 0):
        self.start, self.end, self.members, self.docs, self.cameos = start, end, [], set(), set()
        self.told = False  # a member's date comes from its text, not from a publication date
        self.seq = seq  # creation order: ties go to the older cluster

    def add(self, event_id: str, doc_id: str, cameo: str, basis: str | None = None) -> None:
        self.members.append(event_id)
        self.docs.add(doc_id)
        self.cameos.add(cameo)
        self.told = self.told or basis in TOLD_BASES


def _cluster_group(events: list[tuple]) -> list[_Cluster]:
    """Merge one group's events (event_id, doc_id, cameo, date basis, date_start, precision, date) by date."""
    dated, undated = [], []
    for event_id, doc_id, cameo, basis, start, precision, text in events:
        if start is None:
            undated.append((event_id, doc_id, cameo, basis))
        else:
            dated.append((*date_span(start, precision, text), event_id, doc_id, cameo, basis))
    dated.sort()  # finest precision first: precise reports anchor clusters, vaguer ones join them
    clusters: list[_Cluster] = []
    starts: list[int] = []  # anchors' first days, sorted, parallel to `ordered`
    ordered: list[_Cluster] = []
    for _rank, start, end, event_id, doc_id, cameo, basis in dated:
        # An anchor is never longer than this span (finer dates came first), so overlapping
        # anchors start after start - (end - start).
        lo = bisect.bisect_right(starts, start - (end - start))
        hi = bisect.bisect_left(starts, end)
        best = None
        for c in ordered[lo:hi]:
            if c.end > start and c.start < end and (best is None or len(c.members) > len(best.members)):
                best = c
        if best is None:
            best = _Cluster(start, end, len(clusters))
            clusters.append(best)
            i = bisect.bisect_right(starts, start)
            starts.insert(i, start)
            ordered.insert(i, best)
        best.add(event_id, doc_id, cameo, basis)
    # An undated event joins the largest cluster its own article reports in, else the one dated
    # cluster told by another article with its code (an unanchored "last week"), else its article's
    # undated cluster. Indexes by article and by code keep this linear in the events.
    with_doc: dict[str, list[_Cluster]] = {}
    told_by_cameo: dict[str, list[_Cluster]] = {}
    for c in clusters:
        for d in c.docs:
            with_doc.setdefault(d, []).append(c)
        if c.told:
            for code in c.cameos:
                told_by_cameo.setdefault(code, []).append(c)
    for event_id, doc_id, cameo, basis in undated:
        home = max(with_doc.get(doc_id, ()), key=lambda c: (len(c.members), -c.seq), default=None)
        if home is None and basis == "unanchored":
            elsewhere = list(itertools.islice((c for c in told_by_cameo.get(cameo, ()) if doc_id not in c.docs), 2))
            home = elsewhere[0] if len(elsewhere) == 1 else None
        if home is None:
            home = _Cluster(0, 0, len(clusters))
            clusters.append(home)
        if doc_id not in home.docs:
            with_doc.setdefault(doc_id, []).append(home)
        if home.told and cameo not in home.cameos:
            told_by_cameo.setdefault(cameo, []).append(home)
        home.add(event_id, doc_id, cameo)
    return clusters


def group_of(source: str | None, target: str | None, cameo: str, root: str, modality: str) -> tuple:
    """The group an event clusters in: its pair (either order for symmetric acts), root and whether
    it counts. Clusters never span groups."""
    a, b = source or "", target or ""
    if symmetric(cameo) and b < a:
        a, b = b, a
    return a, b, root, "counted" if modality in COUNTED else modality


def assign_clusters(rows: list[tuple]) -> dict[str, str]:
    """event_id -> cluster_id for events (event_id, doc_id, source, target, cameo, root, modality,
    date_start, date_precision, date, date_basis)."""
    groups: dict[tuple, list[tuple]] = {}
    for event_id, doc_id, source, target, cameo, root, modality, start, precision, text, basis in rows:
        groups.setdefault(group_of(source, target, cameo, root, modality), []).append(
            (event_id, doc_id, cameo, basis, start, precision, text))
    assignment = {}
    for events in groups.values():
        for c in _cluster_group(events):
            cluster_id = hashlib.md5("\n".join(sorted(c.members)).encode()).hexdigest()[:16]
            for event_id in c.members:
                assignment[event_id] = cluster_id
    return assignment


def _fingerprint(con: duckdb.DuckDBPyConnection) -> str:
    """Which events the clusters were built from: count and an order-free hash of their ids."""
    n, h = con.execute("SELECT count(*), coalesce(bit_xor(hash(event_id)), 0) FROM events").fetchone()
    return f"{n}:{h}"


# Events coded below the counting threshold cluster apart, as 'uncertain', and are never counted.
UNCERTAIN = f"CASE WHEN confidence < {MIN_CONFIDENCE} THEN 'uncertain' ELSE modality END"

CLUSTERS_SQL = f"""
INSERT INTO clusters
WITH m AS (
    SELECT ec.cluster_id, e.* REPLACE ({UNCERTAIN} AS modality), coalesce(e.issue, s.issues[1]) AS issue_,
           coalesce(d.publication, d.site, d.doc_id) AS src,
           CASE e.date_precision WHEN 'day' THEN 0 WHEN 'week' THEN 1 WHEN 'month' THEN 2
                WHEN 'year' THEN 3 WHEN 'decade' THEN 4 ELSE 5 END AS rank_
    FROM event_clusters ec JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
    LEFT JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
    WHERE /* members */ TRUE
), rep AS (   -- the best-attested report speaks for the cluster
    SELECT * FROM m QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY (modality = 'asserted') DESC,
        (date_start IS NOT NULL) DESC,
        confidence DESC NULLS LAST, length(cameo) DESC, (date_basis = 'explicit') DESC, event_id) = 1
), anchor AS (   -- the most precise date the text gives; a publication date only when none does
    SELECT cluster_id, date, date_start, date_precision FROM m WHERE date_start IS NOT NULL
    QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY (date_basis NOT IN {TOLD_SQL}),
                                                                rank_, date_start, event_id) = 1
), top_issue AS (   -- the members' commonest issue; a tie goes to the first by name (mode() picks either)
    SELECT cluster_id, issue_ AS issue FROM m WHERE issue_ IS NOT NULL GROUP BY cluster_id, issue_
    QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY count(*) DESC, issue_) = 1
), agg AS (
    SELECT cluster_id,
           CASE WHEN bool_or(modality = 'asserted') THEN 'asserted' ELSE min(modality) END AS modality,
           count(*) AS n_events, count(DISTINCT doc_id) AS n_documents, count(DISTINCT src) AS n_sources,
           list_sort(list_distinct(list(src))) AS sources
    FROM m GROUP BY cluster_id
)
SELECT r.cluster_id, r.source, r.target, r.root, r.cameo, r.cameo_name, r.quad, r.goldstein,
       a.date, a.date_start, a.date_precision, coalesce(r.issue_, t.issue), g.modality,
       g.n_events, g.n_documents, g.n_sources, g.sources, r.event_id
FROM rep r JOIN agg g USING (cluster_id) LEFT JOIN anchor a USING (cluster_id) LEFT JOIN top_issue t USING (cluster_id)
"""


_EVENT_ROWS = (f"SELECT event_id, doc_id, source, target, cameo, root, {UNCERTAIN}, date_start, date_precision, date, "
               "date_basis FROM events")


def event_groups(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> list[tuple]:
    """(event_id, group) of the documents' events: what `refresh_clusters(gone=...)` needs to know of
    events about to be replaced."""
    rows = con.execute(f"SELECT event_id, source, target, cameo, root, {UNCERTAIN} FROM events "
                       "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)]).fetchall()
    return [(r[0], group_of(*r[1:])) for r in rows]


def refresh_clusters(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None,
                     gone: list[tuple] | None = None) -> int:
    """Rebuild `clusters` and `event_clusters`, all or nothing: from all stored events, or, given the
    documents just added to (or analysed again in) a store whose clusters were current, only the
    groups their events join, with `gone`: (event_id, group) of the events they had before (see
    event_groups), whose groups and cluster rows go too (the other groups cannot change: clusters
    never span groups). Returns the clusters (re)built."""
    if doc_ids is not None:
        return _refresh_groups(con, doc_ids, gone or [])
    rows = con.execute(_EVENT_ROWS).fetchall()
    assignment = assign_clusters(rows)
    with store.transaction(con):
        con.execute("DELETE FROM clusters")
        con.execute("DELETE FROM event_clusters")
        if assignment:
            con.execute("INSERT INTO event_clusters SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                        [list(assignment), list(assignment.values())])
            con.execute(CLUSTERS_SQL)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('clusters_of', ?)", [_fingerprint(con)])
    return len(set(assignment.values()))


def _refresh_groups(con: duckdb.DuckDBPyConnection, doc_ids: list[str], gone: list[tuple]) -> int:
    """refresh_clusters for the groups of these documents' events and of the `gone` ones: the groups
    are clustered again whole, and only what changed is written (a big group's clusters mostly stay
    as they were): the event_clusters rows of events whose cluster changed, and the clusters rows of
    clusters that are new, gone, or hold an event of these documents (its data may have changed)."""
    new = con.execute(f"SELECT DISTINCT source, target, cameo, root, {UNCERTAIN} FROM events "
                      "WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))", [list(doc_ids)]).fetchall()
    groups = {group_of(*r) for r in new} | {group for _, group in gone}
    pairs = sorted({(min(a, b), max(a, b), root) for a, b, root, _ in groups})
    if not pairs:
        return 0
    # the events of those pairs (in either order) and roots, with the cluster each is in now (one
    # hash join on the ordered pair); exact groups are kept below
    rows = [r for r in con.execute(
        f"""WITH p AS (SELECT unnest(?::VARCHAR[]) AS a, unnest(?::VARCHAR[]) AS b, unnest(?::VARCHAR[]) AS r),
            e AS ({_EVENT_ROWS})
            SELECT e.*, ec.cluster_id FROM e SEMI JOIN p
                ON p.r = e.root AND p.a = least(coalesce(e.source, ''), coalesce(e.target, ''))
                               AND p.b = greatest(coalesce(e.source, ''), coalesce(e.target, ''))
            LEFT JOIN event_clusters ec USING (event_id)""",
        [list(x) for x in zip(*pairs)]).fetchall()
        if group_of(r[2], r[3], r[4], r[5], r[6]) in groups]
    assignment = assign_clusters([r[:-1] for r in rows])
    before = {r[0]: r[-1] for r in rows}
    gone_ids = [e for e, _ in gone if e not in assignment]
    if gone_ids:  # events replaced since: their rows go, and the clusters they were in
        before.update(con.execute("SELECT event_id, cluster_id FROM event_clusters WHERE event_id IN (SELECT unnest(?::VARCHAR[]))",
                                  [gone_ids]).fetchall())
    docs = set(doc_ids)
    touched = {r[0] for r in rows if r[1] in docs}  # these documents' events: their clusters' data may differ
    moved = [e for e in before if assignment.get(e) != before[e]] + [e for e in assignment if e not in before]
    stale = {before[e] for e in (*moved, *touched) if before.get(e)}
    fresh = sorted({assignment[e] for e in (*moved, *touched) if e in assignment})
    with store.transaction(con):
        con.execute("DELETE FROM clusters WHERE cluster_id IN (SELECT unnest(?::VARCHAR[]))", [sorted(stale | set(fresh))])
        con.execute("DELETE FROM event_clusters WHERE event_id IN (SELECT unnest(?::VARCHAR[]))", [moved])
        placed = [e for e in moved if e in assignment]
        if placed:
            con.execute("INSERT INTO event_clusters SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
                        [placed, [assignment[e] for e in placed]])
        if fresh:
            con.execute(CLUSTERS_SQL.replace("/* members */ TRUE", "ec.cluster_id IN (SELECT unnest(?::VARCHAR[]))"), [fresh])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('clusters_of', ?)", [_fingerprint(con)])
    return len(set(assignment.values()))


def clusters_current(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether the store has clusters built from the events it holds now."""
    tables = {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main'").fetchall()}
    if not {"clusters", "event_clusters", "meta"} <= tables:
        return False
    row = con.execute("SELECT value FROM meta WHERE key = 'clusters_of'").fetchone()
    return bool(row) and row[0] == _fingerprint(con)


def ensure_clusters(path: str | Path) -> None:
    """Build the clusters of a store made before they existed (or changed since), then leave it closed."""
    con = store.connect(path, read_only=True)
    try:
        current = clusters_current(con)
    finally:
        con.close()
    if not current:
        con = store.connect(path)
        try:
            refresh_clusters(con)
        finally:
            con.close()


CLUSTER_COLUMNS = ("cluster_id, source, target, root, cameo, cameo_name, quad, goldstein, date, date_start, "
                   "date_precision, issue, modality, n_events, n_documents, n_sources, sources, representative")


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def _cluster_where(flt: EventFilter | None, ids: list[str] | None) -> tuple[str, list]:
    where, params = (flt or EventFilter()).where()
    if ids is not None:
        where += " AND e.cluster_id IN (SELECT unnest(?::VARCHAR[]))"
        params = [*params, list(ids)]
    return where, params


def count_clusters(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None,
                   ids: list[str] | None = None) -> int:
    """How many clusters list_clusters lists, unpaged."""
    where, params = _cluster_where(flt, ids)
    return con.execute(f"SELECT count(*) FROM clusters e WHERE {where}", params).fetchone()[0]


def list_clusters(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, limit: int | None = None,
                  ids: list[str] | None = None, offset: int = 0) -> list[dict]:
    """Clusters matching a filter (on the cluster's own codes, issue and date) or with these ids,
    oldest first, undated last, paged (`limit` None: all), each with its member events and their
    evidence (the trigger's offset in the sentence too); the representative's evidence is
    repeated at the top level (sentence, doc_id, sent_idx, title). Two queries, whatever the page."""
    where, params = _cluster_where(flt, ids)
    result = con.execute(f"SELECT {CLUSTER_COLUMNS} FROM clusters e WHERE {where} "
                         "ORDER BY e.date_start NULLS LAST, e.cluster_id" + page_clause(limit, offset), params)
    columns = [c[0] for c in result.description]
    clusters = [{k: _iso(v) for k, v in zip(columns, row)} for row in result.fetchall()]
    if not clusters:
        return []
    result = con.execute("""
        SELECT ec.cluster_id, e.event_id, e.doc_id, e.sent_idx, s.text AS sentence, e.trigger, d.title,
               d.publication, d.published, e.source, e.target, e.cameo, e.modality, e.date, e.confidence,
               e.trigger_start - s.start_char AS trigger_offset
        FROM event_clusters ec JOIN events e USING (event_id) JOIN documents d ON d.doc_id = e.doc_id
        JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
        WHERE ec.cluster_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY d.published NULLS LAST, e.doc_id, e.sent_idx, e.trigger_start""",
                         [[c["cluster_id"] for c in clusters]])
    columns = [c[0] for c in result.description]
    members: dict[str, list[dict]] = {}
    for row in result.fetchall():
        member = {k: _iso(v) for k, v in zip(columns[1:], row[1:])}
        members.setdefault(row[0], []).append(member)
    for c in clusters:
        c["members"] = members.get(c["cluster_id"], [])
        rep = next((m for m in c["members"] if m["event_id"] == c["representative"]), None) or {}
        for key in ("sentence", "doc_id", "sent_idx", "title", "trigger", "trigger_offset", "publication", "published"):
            c[key] = rep.get(key)
    return clusters
