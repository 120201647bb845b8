"""The dyad view: how two actors get on, by period, by issue, who acts and speaks for each side,
and how each source characterises the relationship. Counts are of event clusters (one real-world
event reported ten times counts once), and only of asserted and reported ones."""

from __future__ import annotations

import functools
from datetime import date

import duckdb

from ..knowledge.kb import read_yaml
from . import date_filter, page_clause
from .clusters import count_clusters, list_clusters
from .events import COUNTED, QUADS, EventFilter
from .statements import dyad_statements

PERIODS = ("month", "quarter", "year")
LEDGER_POINTS = 5  # points of cooperation and of friction kept per issue, strongest first
KEY_ACTORS = 8
FRONTS = 8  # third-party dealings shown
QUOTES = 10


@functools.lru_cache(maxsize=1)
def issue_names() -> dict[str, str]:
    """Issue codes to their names, from the taxonomy (issues.yaml)."""
    entries = read_yaml("issues.yaml") or []
    return {e["code"]: e["name"] for e in entries}


# The figures of a pair of actors, computed in one place (`dyad_figures`) for every view: the dyad
# summary's totals, directions and series, the dyad index and the overview's top dyads, the actor
# network's edges and the report. All count counted clusters (README, "Vocabulary").
FIGURES = ("clusters", "events", "documents", "sources", "mean_goldstein", *QUADS, "cooperation", "conflict",
           "first_date", "last_date", "undated")
LEVELS = ("pair", "direction", "period")
# The columns a list of dyads can be sorted by (never interpolated from a request: looked up here).
DYAD_SORTS = {"dyad": "a, b", "clusters": "clusters", "events": "events", "documents": "documents",
              "sources": "sources", "mean_goldstein": "mean_goldstein", "first_date": "first_start",
              "last_date": "last_start", **{q: q for q in QUADS}}
# A date as precise as known; a store written before precisions were kept has them in the text's length.
_PRECISION = ("coalesce(e.date_precision, CASE length(e.date) WHEN 4 THEN 'year' WHEN 7 THEN 'month' "
              "ELSE 'day' END)")
# The period a cluster falls in: the series' own (month, quarter, year) when its date is that precise,
# else the date's own year or decade - a date known to the year is never put in January or Q1.
_KIND = {
    "month": f"CASE {_PRECISION} WHEN 'year' THEN 'year' WHEN 'decade' THEN 'decade' ELSE 'month' END",
    "quarter": f"CASE {_PRECISION} WHEN 'year' THEN 'year' WHEN 'decade' THEN 'decade' ELSE 'quarter' END",
    "year": f"CASE {_PRECISION} WHEN 'decade' THEN 'decade' ELSE 'year' END",
}


# The clusters dyad_figures counts (SQL on clusters `e`): asserted or reported, between two different actors.
COUNTED_PAIRS = f"e.modality IN {COUNTED!r} AND e.source IS NOT NULL AND e.target IS NOT NULL AND e.source <> e.target"


def _figures_sql(by: str | None, levels: tuple[str, ...], ids: bool, where: str) -> str:
    if by is not None and by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)} (got {by!r})")
    if "period" in levels and by is None:
        raise ValueError("the period level needs a period (by)")
    periods = "NULL::VARCHAR AS kind, NULL::DATE AS period_start"
    if by:
        periods = f"{_KIND[by]} AS kind, date_trunc(kind, e.date_start)::DATE AS period_start"
    sets = {"pair": "(a, b)", "direction": "(a, b, source, target)",
            "period": "(a, b, source, target, kind, period_start)"}
    quads = ", ".join(f"count(*) FILTER (WHERE quad = '{q}') AS {q}" for q in QUADS)
    grouped = {"a", "b"} | ({"source", "target"} if {"direction", "period"} & set(levels) else set()) | (
        {"kind", "period_start"} if "period" in levels else set())
    types = {"a": "VARCHAR", "b": "VARCHAR", "source": "VARCHAR", "target": "VARCHAR", "kind": "VARCHAR",
             "period_start": "DATE"}
    keys = ", ".join(k if k in grouped else f"NULL::{t} AS {k}" for k, t in types.items())
    # Which grouping set a row comes from: the finest level whose columns are grouped.
    level = f"'{levels[0]}'"
    if "direction" in levels and "pair" in levels:
        level = "CASE WHEN grouping(source) = 1 THEN 'pair' ELSE 'direction' END"
    if "period" in levels and len(levels) > 1:
        level = f"CASE WHEN grouping(period_start) = 0 THEN 'period' ELSE {level} END"
    grouping = f"GROUP BY GROUPING SETS ({', '.join(sets[level] for level in levels)})"
    same = " AND ".join(f"x.{k} IS NOT DISTINCT FROM g.{k}" for k in types)
    # Documents and sources are counted distinct over the clusters' member rows, grouped as the
    # clusters are (one pass each), not by merging per-cluster lists.
    return f"""
        WITH c AS (
            SELECT e.cluster_id, least(e.source, e.target) AS a, greatest(e.source, e.target) AS b,
                   e.source, e.target, e.goldstein, e.quad, e.n_events, e.sources, e.date, e.date_start, {periods}
            FROM clusters e
            WHERE {COUNTED_PAIRS} AND {where}
        ), g AS (
            SELECT {level} AS level,
                   {keys},
                   count(*) AS clusters, sum(n_events)::BIGINT AS events,
                   round(avg(goldstein::DECIMAL(8, 3)), 2) AS mean_goldstein, {quads},
                   count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
                   count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict,
                   arg_min(date, date_start) AS first_date, arg_max(date, date_start) AS last_date,
                   min(date_start) AS first_start, max(date_start) AS last_start,
                   count(*) FILTER (WHERE date_start IS NULL) AS undated
                   {", list(cluster_id ORDER BY date_start NULLS LAST, cluster_id) AS cluster_ids" if ids else ""}
            FROM c {grouping}
        ), docs AS (
            SELECT {keys}, count(DISTINCT doc_id) AS documents
            FROM (SELECT c.*, ev.doc_id FROM c JOIN event_clusters ec ON ec.cluster_id = c.cluster_id
                  JOIN events ev ON ev.event_id = ec.event_id) c
            {grouping}
        ), srcs AS (
            SELECT {keys}, count(DISTINCT src) AS sources
            FROM (SELECT *, unnest(sources) AS src FROM c) c {grouping}
        )
        SELECT g.* EXCLUDE (first_start, last_start, undated{", cluster_ids" if ids else ""}),
               coalesce(x.documents, 0) AS documents, coalesce(y.sources, 0) AS sources,
               g.first_start, g.last_start, g.undated{", g.cluster_ids" if ids else ""}
        FROM g LEFT JOIN docs x ON {same} LEFT JOIN srcs y ON {same.replace("x.", "y.")}"""


def _figures_where(pair: tuple[str, str] | None, actors: list[str] | None, since: date | None,
                   until: date | None) -> tuple[str, list]:
    clauses, params = [], []
    if pair:
        clauses.append("least(e.source, e.target) = ? AND greatest(e.source, e.target) = ?")
        params += sorted(pair)
    if actors is not None:
        clauses.append("e.source IN (SELECT unnest(?::VARCHAR[])) AND e.target IN (SELECT unnest(?::VARCHAR[]))")
        params += [list(actors), list(actors)]
    when, when_params = date_filter(since, until, "e.date_start")
    return " AND ".join([*clauses, when]), params + when_params


def _period(kind: str | None, start: date | None) -> dict:
    """A series period's label and span: 2016-08, 2016-Q3, 2016, 1990s; the end is the day after."""
    if not kind or start is None:
        return {"period": None, "period_start": None, "period_end": None, "period_kind": None}
    y = start.year
    if kind == "month":
        label, end = f"{y:04d}-{start.month:02d}", (date(y, start.month + 1, 1) if start.month < 12 else date(y + 1, 1, 1))
    elif kind == "quarter":
        q = (start.month - 1) // 3 + 1
        label, end = f"{y:04d}-Q{q}", (date(y, 3 * q + 1, 1) if q < 4 else date(y + 1, 1, 1))
    elif kind == "year":
        label, end = f"{y:04d}", date(min(y + 1, 9999), 1, 1)
    else:
        label, end = f"{y:04d}s", date(min(y + 10, 9999), 1, 1)
    return {"period": label, "period_start": start.isoformat(), "period_end": end.isoformat(), "period_kind": kind}


def dyad_figures(con: duckdb.DuckDBPyConnection, pair: tuple[str, str] | None = None, by: str | None = None,
                 since: date | None = None, until: date | None = None, levels: tuple[str, ...] = LEVELS,
                 actors: list[str] | None = None, ids: bool = False, min_clusters: int = 1,
                 sort: str | None = None, descending: bool = True, limit: int | None = None,
                 offset: int = 0) -> tuple[int, list[dict]]:
    """The figures of pairs of actors from their counted clusters (dated within the bounds), in one
    query, at each level asked: per pair (either direction), per direction, per direction and
    period (`by`). Figures: clusters, events (that report them), documents, sources, mean Goldstein
    (over the clusters, rounded to 2 places), the four quad classes, cooperation and conflict (the
    quads summed), first and last date (as precise as known), undated clusters; with `ids`, the
    clusters' ids (the evidence). Narrowed to one pair or to pairs among `actors`; rows with fewer
    than `min_clusters` dropped; sorted by a key of DYAD_SORTS and paged when asked. Returns (the
    number of rows before paging, the rows)."""
    where, params = _figures_where(pair, actors, since, until)
    query = _figures_sql(by, levels, ids, where)
    query = f"SELECT *, count(*) OVER () AS total FROM ({query}) WHERE clusters >= ?"
    params.append(min_clusters)
    order = "a, b, source NULLS FIRST, target, period_start NULLS FIRST, kind NULLS FIRST"
    if sort is not None:
        way = "DESC" if descending else "ASC"
        order = ", ".join(f"{k.strip()} {way} NULLS LAST" for k in DYAD_SORTS[sort].split(",")) + ", " + order
    query += f" ORDER BY {order}"
    if limit is not None:
        query += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    result = con.execute(query, params)
    columns = [c[0] for c in result.description]
    rows, total = [], 0
    for values in result.fetchall():
        row = dict(zip(columns, values))
        total = row.pop("total")
        kind, start = row.pop("kind"), row.pop("period_start")
        row.pop("first_start"), row.pop("last_start")
        row["direction"] = f"{row['source']}>{row['target']}" if row["source"] else None
        rows.append({**row, **_period(kind, start)})
    if not rows and limit is not None and offset:  # paged past the end: the count is still wanted
        total = con.execute(f"SELECT count(*) FROM ({query.rsplit(' ORDER BY ', 1)[0]})", params).fetchone()[0]
    return total, rows


def _zero(direction: str | None = None) -> dict:
    return {"clusters": 0, "events": 0, "documents": 0, "sources": 0, "mean_goldstein": None,
            **{q: 0 for q in QUADS}, "cooperation": 0, "conflict": 0, "first_date": None, "last_date": None,
            "undated": 0, "cluster_ids": []}


SERIES_KEYS = ("period", "direction", "clusters", "mean_goldstein", *QUADS, "events", "period_start", "period_end",
               "period_kind")
DIRECTION_KEYS = ("direction", "source", "target", "clusters", "events", "documents", "sources", "mean_goldstein",
                  *QUADS, "cooperation", "conflict", "first_date", "last_date", "undated")


def _pick(row: dict, keys: tuple[str, ...], evidence: bool) -> dict:
    return {k: row.get(k) for k in keys} | ({"cluster_ids": row.get("cluster_ids") or []} if evidence else {})


def _series(rows: list[dict], a: str, b: str, evidence: bool) -> list[dict]:
    """Per period, both directions (a zero row where a direction has none, so charts line up), in
    time order, a year-precision period after the quarters it spans."""
    rows = [r for r in rows if r["level"] == "period" and r["period"]]  # undated clusters are in no period
    cells = {(r["period"], r["direction"]): r for r in rows}
    periods = {}
    for r in rows:
        periods[r["period"]] = {k: r[k] for k in ("period", "period_start", "period_end", "period_kind")}
    series = []
    for p in sorted(periods.values(), key=lambda p: (p["period_start"], p["period_end"])):
        for direction in (f"{a}>{b}", f"{b}>{a}"):
            row = cells.get((p["period"], direction)) or {**_zero(), **p, "direction": direction}
            series.append(_pick(row, SERIES_KEYS, evidence))
    return series


def _point(c: dict) -> dict:
    return {k: c.get(k) for k in ("cluster_id", "cameo", "cameo_name", "goldstein", "date", "sentence", "doc_id",
                                  "sent_idx", "title", "sources", "n_sources")}


def _ledger(con: duckdb.DuckDBPyConnection, where: str, params: list, statements: list[dict],
            points: dict[str, dict], reported: set[tuple[str, int]]) -> list[dict]:
    """Per issue: the counted clusters of cooperation and of friction, strongest first (the largest
    |Goldstein|, then the most sources), and the sentences that say the sides cooperate or rub on
    it (`said`, see analysis/statements.py; those in `reported` sentences, which report a counted
    cluster, are in the ledger already). The clusters (`where` on clusters `e`) are counted and
    ranked in the database; `points` gets the ids of those shown, to be filled with their evidence."""
    rows = con.execute(f"""
        SELECT e.issue, CASE WHEN e.goldstein > 0 THEN 'cooperation' ELSE 'friction' END AS side, count(*) AS n,
               list(e.cluster_id ORDER BY CASE WHEN e.goldstein > 0 THEN -e.goldstein ELSE e.goldstein END,
                    e.n_sources DESC, e.date_start NULLS LAST, e.cluster_id)[1:{LEDGER_POINTS}] AS top
        FROM clusters e
        WHERE {where} AND e.modality IN {COUNTED!r} AND e.issue IS NOT NULL AND e.goldstein <> 0
        GROUP BY ALL""", params).fetchall()
    ranked: dict[str, dict[str, tuple[int, list[str]]]] = {}
    for issue, side, n, top in rows:
        ranked.setdefault(issue, {})[side] = (n, top)
        for cluster_id in top:
            points.setdefault(cluster_id, {})
    said: dict[str, dict[str, list[dict]]] = {}
    for st in statements:
        if (st["doc_id"], st["sent_idx"]) in reported:
            continue
        said.setdefault(st["issue"], {"cooperation": [], "friction": []})[st["tone"]].append(st)
    names = issue_names()
    ledger = []
    for issue in set(ranked) | set(said):
        sides = ranked.get(issue, {})
        words = said.get(issue, {"cooperation": [], "friction": []})
        ledger.append({"issue": issue, "label": names.get(issue, issue),
                       "cooperation": sides.get("cooperation", (0, []))[1],  # ids, made points by dyad_summary
                       "friction": sides.get("friction", (0, []))[1],
                       "n_cooperation": sides.get("cooperation", (0, []))[0],
                       "n_friction": sides.get("friction", (0, []))[0],
                       "said": {tone: points_[:LEDGER_POINTS] for tone, points_ in words.items()},
                       "n_said": {tone: len(points_) for tone, points_ in words.items()}})
    ledger.sort(key=lambda e: (-(e["n_cooperation"] + e["n_friction"] + sum(e["n_said"].values())), e["issue"]))
    return ledger


def _fronts(con: duckdb.DuckDBPyConnection, a: str, b: str, since, until, points: dict[str, dict]) -> list[dict]:
    """What each side does with the third parties both deal with (Syria, for Russia and Iran): their
    counted clusters with those parties, the best-attested and weightiest first; chosen in one query
    (`points` gets their ids, to be filled with their evidence)."""
    when, params = date_filter(since, until, "e.date_start")
    rows = con.execute(f"""
        WITH dealt AS (
            SELECT e.cluster_id, e.n_sources, e.goldstein, e.date_start, s.k,
                   CASE WHEN e.source = s.side THEN e.target ELSE e.source END AS party
            FROM clusters e JOIN (VALUES (?, 0), (?, 1)) s(side, k) ON e.source = s.side OR e.target = s.side
            WHERE e.modality IN {COUNTED!r} AND {when}
        ), kept AS (
            SELECT * FROM dealt WHERE party IS NOT NULL AND party NOT IN (?, ?)
        ), shared AS (
            SELECT party FROM kept GROUP BY party HAVING count(DISTINCT k) = 2
        )
        SELECT cluster_id, party FROM kept JOIN shared USING (party)
        ORDER BY coalesce(n_sources, 0) DESC, abs(coalesce(goldstein, 0)) DESC, date_start NULLS LAST, k, cluster_id
        LIMIT {FRONTS}""", [a, b, *params, a, b]).fetchall()
    for cluster_id, _ in rows:
        points.setdefault(cluster_id, {})
    return [{"cluster_id": cluster_id, "party": party} for cluster_id, party in rows]


def _actors(con: duckdb.DuckDBPyConnection, sides: tuple[str, str], docs: list[str]) -> dict[str, list[dict]]:
    """People and organisations acting for each side, by mentions in the documents on the dyad (one query)."""
    # The role shown is the office most often given, ties broken by name: mode() alone picks any.
    rows = con.execute("""
        WITH names AS (SELECT code, any_value(name) AS name FROM actors GROUP BY code),
        picked AS (
            SELECT coalesce(m.country, m.actor_code) AS side, m.actor_id,
                   CASE WHEN m.detail NOT LIKE '=%' THEN replace(split_part(m.detail, ',', 1), '_', ' ') END AS role
            FROM mentions m
            WHERE m.doc_id IN (SELECT unnest(?::VARCHAR[])) AND m.kind IN ('person', 'organization')
              AND coalesce(m.country, m.actor_code) IN (?, ?) AND m.actor_id IS NOT NULL
              AND m.actor_id <> coalesce(m.country, m.actor_code) AND coalesce(m.role, '') <> 'MED'),
        roles AS (SELECT side, actor_id, first(role ORDER BY n DESC, role) AS role
                  FROM (SELECT side, actor_id, role, count(*) AS n FROM picked WHERE role IS NOT NULL GROUP BY ALL)
                  GROUP BY ALL)
        SELECT p.side, p.actor_id, n.name, r.role, count(*) AS mentions
        FROM picked p LEFT JOIN names n ON n.code = p.actor_id
        LEFT JOIN roles r ON r.side = p.side AND r.actor_id = p.actor_id
        GROUP BY p.side, p.actor_id, n.name, r.role
        QUALIFY row_number() OVER (PARTITION BY p.side ORDER BY count(*) DESC, p.actor_id) <= ?
        ORDER BY p.side, mentions DESC, p.actor_id""", [docs, *sides, KEY_ACTORS]).fetchall()
    found: dict[str, list[dict]] = {side: [] for side in sides}
    for side, code, name, role, n in rows:
        found[side].append({"code": code, "name": name or code, "role": role, "mentions": n})
    return found


def _quotes(con: duckdb.DuckDBPyConnection, a: str, b: str, docs: list[str], since, until) -> list[dict]:
    """Quotes by speakers of either side, or in documents on the dyad; those by a side's speaker
    that name a side come first."""
    where, params = date_filter(since, until)
    rows = con.execute(f"""
        SELECT q.speaker, q.speaker_actor, q.affiliation, q.text, q.doc_id, d.title, d.publication, d.published,
               (q.speaker_actor IN (?, ?))::INT * 2 + (SELECT count(DISTINCT m.actor_code) FROM mentions m
                    WHERE m.doc_id = q.doc_id AND m.start_char >= q.start_char AND m.start_char < q.end_char
                      AND m.actor_code IN (?, ?)) AS weight
        FROM quotes q JOIN documents d USING (doc_id)
        WHERE (q.speaker_actor IN (?, ?) OR q.doc_id IN (SELECT unnest(?::VARCHAR[]))) AND {where}
        ORDER BY weight DESC, length(q.text) DESC, q.doc_id, q.start_char LIMIT ?""",
                       [a, b, a, b, a, b, docs, *params, QUOTES]).fetchall()
    keys = ("speaker", "speaker_actor", "affiliation", "text", "doc_id", "title", "publication", "published")
    return [{k: _iso(v) for k, v in zip(keys, row)} for row in rows]


def _stances(con: duckdb.DuckDBPyConnection, a: str, b: str, since, until) -> list[dict]:
    where, params = date_filter(since, until)
    lo, hi = sorted((a, b))
    rows = con.execute(f"""
        SELECT st.doc_id, d.title, d.publication, d.published, st.label, st.confidence,
               list(s.text ORDER BY list_position(st.evidence, s.idx)) FILTER (WHERE s.text IS NOT NULL) AS evidence
        FROM stances st JOIN documents d USING (doc_id)
        LEFT JOIN sentences s ON s.doc_id = st.doc_id AND list_contains(st.evidence, s.idx)
        WHERE st.actor_a = ? AND st.actor_b = ? AND {where}
        GROUP BY ALL ORDER BY d.published NULLS LAST, st.doc_id""", [lo, hi, *params]).fetchall()
    keys = ("doc_id", "title", "publication", "published", "label", "confidence", "evidence")
    return [{k: _iso(v) for k, v in zip(keys, row)} | {"evidence": row[6] or []} for row in rows]


def _iso(value):
    return value.isoformat() if isinstance(value, date) else value


def unknown_actors(con: duckdb.DuckDBPyConnection, *codes: str) -> list[str]:
    """The codes no stored event names (as `detente dyad` checks them): a view of such a pair would
    be empty results that look like an answer."""
    known = {r[0] for r in con.execute(
        "SELECT DISTINCT code FROM (SELECT source AS code FROM events UNION ALL SELECT target FROM events) "
        "WHERE code IN (SELECT unnest(?::VARCHAR[]))", [list(codes)]).fetchall()}
    return [c for c in codes if c not in known]


CLUSTER_PAGE = 200  # clusters a dyad view lists by default (the totals count them all)


def dyad_clusters_where(a: str, b: str, since: date | None = None, until: date | None = None) -> tuple[str, list]:
    """The SQL condition (on clusters `e`) of the pair's clusters, either direction, dated within the bounds."""
    return EventFilter(dyad=(a, b), since=since, until=until).where()


def dyad_summary(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "year",
                 since: date | None = None, until: date | None = None, evidence: bool = False,
                 limit: int | None = CLUSTER_PAGE, offset: int = 0) -> dict:
    """Everything the dyad view shows, as one JSON-ready dict (see the analysis contract). Totals,
    directions and series come from dyad_figures; with `evidence`, each carries its clusters' ids.
    `clusters` is a page of the pair's clusters (oldest first; `limit` None: all of them), with
    `clusters_total` their number; the ledger, fronts, actors and quotes are chosen from all of
    them in the database. A bounded number of queries, whatever the store's size."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)} (got {by!r})")
    a, b = a.upper(), b.upper()
    flt = EventFilter(dyad=(a, b), since=since, until=until)
    where, params = flt.where()
    n_clusters = count_clusters(con, flt)
    page = [r[0] for r in con.execute(f"SELECT e.cluster_id FROM clusters e WHERE {where} "
                                      f"ORDER BY e.date_start NULLS LAST, e.cluster_id{page_clause(limit, offset)}",
                                      params).fetchall()]
    _, rows = dyad_figures(con, (a, b), by, since, until, ids=True)
    pair = next((r for r in rows if r["level"] == "pair"), _zero())
    totals = {k: pair[k] for k in ("clusters", "events", "documents", "sources", "mean_goldstein", "first_date",
                                   "last_date", "undated")}
    totals["uncounted"] = n_clusters - pair["clusters"]  # hypothetical, negated or uncertain: shown, not counted
    if evidence:
        totals["cluster_ids"] = pair["cluster_ids"]
    found = {r["direction"]: r for r in rows if r["level"] == "direction"}
    directions = [_pick(found.get(d) or {**_zero(), "direction": d, "source": s, "target": t}, DIRECTION_KEYS, evidence)
                  for d, s, t in ((f"{a}>{b}", a, b), (f"{b}>{a}", b, a))]
    points: dict[str, dict] = {}
    # the sentences that report the pair's clusters: (doc_id, sent_idx) -> whether a counted cluster's
    reports: dict[tuple[str, int], bool] = {}
    for doc_id, sent_idx, is_counted in con.execute(f"""
            SELECT DISTINCT ev.doc_id, ev.sent_idx, e.modality IN {COUNTED!r}
            FROM clusters e JOIN event_clusters ec ON ec.cluster_id = e.cluster_id
            JOIN events ev ON ev.event_id = ec.event_id WHERE {where}""", params).fetchall():
        reports[(doc_id, sent_idx)] = reports.get((doc_id, sent_idx), False) or is_counted
    ledger = _ledger(con, where, params, dyad_statements(con, a, b, since, until), points,
                     {key for key, is_counted in reports.items() if is_counted})
    fronts = _fronts(con, a, b, since, until, points)
    # the page's clusters and those the ledger and fronts show, with their evidence, in one call
    wanted = sorted(set(page) | set(points))
    points = {c["cluster_id"]: c for c in (list_clusters(con, ids=wanted) if wanted else [])}
    clusters = [points[i] for i in page]
    for entry in ledger:
        for side in ("cooperation", "friction"):
            entry[side] = [_point(points[i]) for i in entry[side]]
    fronts = [{**_point(points[f["cluster_id"]]), "source": points[f["cluster_id"]]["source"],
               "target": points[f["cluster_id"]]["target"], "party": f["party"], "issue": points[f["cluster_id"]]["issue"]}
              for f in fronts]
    all_docs = sorted({doc_id for doc_id, _ in reports})
    return {
        "pair": [a, b],
        "by": by,
        "totals": totals,
        "directions": directions,
        "series": _series(rows, a, b, evidence),
        "clusters": clusters,
        "clusters_total": n_clusters,
        "clusters_offset": offset,
        "ledger": ledger,
        "fronts": fronts,
        "actors": _actors(con, (a, b), all_docs),
        "quotes": _quotes(con, a, b, all_docs, since, until),
        "stances": _stances(con, a, b, since, until),
    }
