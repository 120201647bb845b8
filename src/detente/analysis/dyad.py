"""The dyad view: how two actors get on, by period, by issue, who acts and speaks for each side,
and how each source characterises the relationship. Counts are of event clusters (one real-world
event reported ten times counts once), and only of asserted and reported ones."""

from __future__ import annotations

import functools
from datetime import date

import duckdb
import yaml

from ..knowledge.kb import DATA
from . import date_filter
from .clusters import list_clusters
from .events import COUNTED, EventFilter
from .statements import dyad_statements

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
PERIODS = ("month", "quarter", "year")
LEDGER_POINTS = 5  # points of cooperation and of friction kept per issue, strongest first
KEY_ACTORS = 8
FRONTS = 8  # third-party dealings shown
QUOTES = 10


@functools.lru_cache(maxsize=1)
def issue_names() -> dict[str, str]:
    """Issue codes to their names, from the taxonomy (issues.yaml)."""
    entries = yaml.safe_load((DATA / "issues.yaml").read_text(encoding="utf-8")) or []
    return {e["code"]: e["name"] for e in entries}


def period_of(day: str | None, by: str) -> str | None:
    """The period a cluster's first day falls in: 2016, 2016-Q3, 2016-08."""
    if not day:
        return None
    year, month = day[:4], int(day[5:7])
    if by == "year":
        return year
    if by == "quarter":
        return f"{year}-Q{(month - 1) // 3 + 1}"
    return f"{year}-{month:02d}"


def _mean(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _series(counted: list[dict], a: str, b: str, by: str) -> list[dict]:
    """Per period, both directions (zero rows included, so charts line up)."""
    cells: dict[tuple[str, str], list[dict]] = {}
    for c in counted:
        period = period_of(c["date_start"], by)
        if period:
            direction = f"{a}>{b}" if c["source"] == a else f"{b}>{a}"
            cells.setdefault((period, direction), []).append(c)
    series = []
    for period in sorted({p for p, _ in cells}):
        for direction in (f"{a}>{b}", f"{b}>{a}"):
            group = cells.get((period, direction), [])
            series.append({
                "period": period, "direction": direction, "clusters": len(group),
                "mean_goldstein": _mean([c["goldstein"] for c in group if c["goldstein"] is not None]),
                **{q: sum(c["quad"] == q for c in group) for q in QUADS},
            })
    return series


def _point(c: dict) -> dict:
    return {k: c.get(k) for k in ("cluster_id", "cameo", "cameo_name", "goldstein", "date", "sentence", "doc_id",
                                  "sent_idx", "title", "sources", "n_sources")}


def _ledger(counted: list[dict], statements: list[dict]) -> list[dict]:
    """Per issue: the counted clusters of cooperation and of friction, strongest first, and the
    sentences that say the sides cooperate or rub on it (`said`, see analysis/statements.py)."""
    by_issue: dict[str, list[dict]] = {}
    for c in counted:
        if c["issue"] and c["goldstein"] is not None:
            by_issue.setdefault(c["issue"], []).append(c)
    reported = {(m["doc_id"], m["sent_idx"]) for c in counted for m in c["members"]}
    said: dict[str, dict[str, list[dict]]] = {}
    for st in statements:
        if (st["doc_id"], st["sent_idx"]) in reported:
            continue  # the sentence is in the ledger already, as a coded event
        said.setdefault(st["issue"], {"cooperation": [], "friction": []})[st["tone"]].append(st)
    names = issue_names()
    ledger = []
    for issue in set(by_issue) | set(said):
        group = by_issue.get(issue, [])
        # Strongest first: the largest |Goldstein|, then the most sources.
        cooperation = sorted((c for c in group if c["goldstein"] > 0), key=lambda c: (-c["goldstein"], -c["n_sources"]))
        friction = sorted((c for c in group if c["goldstein"] < 0), key=lambda c: (c["goldstein"], -c["n_sources"]))
        words = said.get(issue, {"cooperation": [], "friction": []})
        if cooperation or friction or words["cooperation"] or words["friction"]:
            ledger.append({"issue": issue, "label": names.get(issue, issue),
                           "cooperation": [_point(c) for c in cooperation[:LEDGER_POINTS]],
                           "friction": [_point(c) for c in friction[:LEDGER_POINTS]],
                           "n_cooperation": len(cooperation), "n_friction": len(friction),
                           "said": {tone: points[:LEDGER_POINTS] for tone, points in words.items()},
                           "n_said": {tone: len(points) for tone, points in words.items()}})
    ledger.sort(key=lambda e: (-(e["n_cooperation"] + e["n_friction"] + sum(e["n_said"].values())), e["issue"]))
    return ledger


def _fronts(con: duckdb.DuckDBPyConnection, a: str, b: str, since, until) -> list[dict]:
    """What each side does with the third parties both deal with (Syria, for Russia and Iran): their
    counted clusters with those parties, the best-attested and weightiest first."""
    dealings: dict[str, list[dict]] = {}
    for side in (a, b):
        for c in list_clusters(con, EventFilter(actor=side, since=since, until=until)):
            other = c["target"] if c["source"] == side else c["source"]
            if c["modality"] in COUNTED and other and other not in (a, b):
                dealings.setdefault(side, []).append({**c, "party": other})
    shared = {c["party"] for c in dealings.get(a, [])} & {c["party"] for c in dealings.get(b, [])}
    fronts = [c for side in (a, b) for c in dealings.get(side, []) if c["party"] in shared]
    fronts.sort(key=lambda c: (-(c["n_sources"] or 0), -abs(c["goldstein"] or 0), c["date_start"] or "9999"))
    return [{**_point(c), "source": c["source"], "target": c["target"], "party": c["party"], "issue": c["issue"]}
            for c in fronts[:FRONTS]]


def _actors(con: duckdb.DuckDBPyConnection, side: str, docs: list[str]) -> list[dict]:
    """People and organisations acting for `side`, by mentions in the documents on the dyad."""
    # The role shown is the office most often given, ties broken by name: mode() alone picks any.
    rows = con.execute("""
        WITH names AS (SELECT code, any_value(name) AS name FROM actors GROUP BY code),
        picked AS (
            SELECT m.actor_id, CASE WHEN m.detail NOT LIKE '=%'
                                    THEN replace(split_part(m.detail, ',', 1), '_', ' ') END AS role
            FROM mentions m
            WHERE m.doc_id IN (SELECT unnest(?::VARCHAR[])) AND m.kind IN ('person', 'organization')
              AND coalesce(m.country, m.actor_code) = ? AND m.actor_id IS NOT NULL AND m.actor_id <> ?
              AND coalesce(m.role, '') <> 'MED'),
        roles AS (SELECT actor_id, role, count(*) AS n FROM picked WHERE role IS NOT NULL GROUP BY ALL)
        SELECT p.actor_id, n.name,
               (SELECT first(r.role ORDER BY r.n DESC, r.role) FROM roles r WHERE r.actor_id = p.actor_id) AS role,
               count(*) AS mentions
        FROM picked p LEFT JOIN names n ON n.code = p.actor_id
        GROUP BY p.actor_id, n.name ORDER BY mentions DESC, p.actor_id LIMIT ?""",
                       [docs, side, side, KEY_ACTORS]).fetchall()
    return [{"code": code, "name": name or code, "role": role, "mentions": n} for code, name, role, n in rows]


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


def dyad_summary(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "year",
                 since: date | None = None, until: date | None = None) -> dict:
    """Everything the dyad view shows, as one JSON-ready dict (see the analysis contract)."""
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)} (got {by!r})")
    a, b = a.upper(), b.upper()
    clusters = list_clusters(con, EventFilter(dyad=(a, b), since=since, until=until))
    counted = [c for c in clusters if c["modality"] in COUNTED]
    docs = sorted({m["doc_id"] for c in counted for m in c["members"]})
    dated = [c["date_start"] for c in counted if c["date_start"]]
    goldstein = [c["goldstein"] for c in counted if c["goldstein"] is not None]
    totals = {
        "clusters": len(counted),
        "events": sum(c["n_events"] for c in counted),
        "documents": len(docs),
        "sources": len({s for c in counted for s in c["sources"] or []}),
        "mean_goldstein": _mean(goldstein),
        "first_date": min(dated, default=None),
        "last_date": max(dated, default=None),
        "undated": len(counted) - len(dated),  # counted clusters no series period holds
        "uncounted": len(clusters) - len(counted),  # hypothetical or negated: shown, not counted
    }
    all_docs = sorted({m["doc_id"] for c in clusters for m in c["members"]})
    return {
        "pair": [a, b],
        "by": by,
        "totals": totals,
        "series": _series(counted, a, b, by),
        "clusters": clusters,
        "ledger": _ledger(counted, dyad_statements(con, a, b, since, until)),
        "fronts": _fronts(con, a, b, since, until),
        "actors": {a: _actors(con, a, all_docs), b: _actors(con, b, all_docs)},
        "quotes": _quotes(con, a, b, all_docs, since, until),
        "stances": _stances(con, a, b, since, until),
    }
