"""The dyad report: `dyad_summary` and the actor network as one HTML file (charts, tables, evidence)
or as Markdown. Both renderers read the same model, built here, in which every number carries the
anchor of the evidence it counts: the clusters behind it, each listed with its sentences and articles.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import duckdb

from ..analysis.events import COUNTED

REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def build_report(con: duckdb.DuckDBPyConnection, a: str, b: str, path: str | Path, by: str = "year",
                 since: date | None = None, until: date | None = None) -> None:
    """Write the report on the pair (a, b) to `path`: HTML for .html/.htm, Markdown for .md."""
    from ..export import atomic_output

    path = Path(path)
    kind = REPORT_SUFFIXES.get(path.suffix.lower(), "html")
    model = report_model(con, a, b, by, since, until)
    if kind == "html":
        from .html import render_html as render
    else:
        from .markdown import render_markdown as render
    text = render(model)
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")


def period_range(period: str) -> tuple[date, date] | None:
    """[first day, day after the last) of a series period: 2016, 2016-Q3, 2016-08."""
    if m := re.fullmatch(r"(\d{4})", period):
        y = int(m[1])
        return date(y, 1, 1), date(y + 1, 1, 1)
    if m := re.fullmatch(r"(\d{4})-?Q([1-4])", period):
        y, q = int(m[1]), int(m[2])
        return date(y, 3 * q - 2, 1), (date(y, 3 * q + 1, 1) if q < 4 else date(y + 1, 1, 1))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", period):
        y, mo = int(m[1]), int(m[2])
        return date(y, mo, 1), (date(y, mo + 1, 1) if mo < 12 else date(y + 1, 1, 1))
    return None


def _day(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class Evidence:
    """The clusters the report cites, in order, each with one anchor; and named groups of them."""

    def __init__(self) -> None:
        self.clusters: dict[str, dict] = {}
        self.groups: dict[str, dict] = {}

    def cite(self, cluster: dict) -> str:
        cid = cluster["cluster_id"]
        if cid not in self.clusters:
            self.clusters[cid] = {**cluster, "anchor": f"ev-{len(self.clusters) + 1}"}
        return self.clusters[cid]["anchor"]

    def group(self, label: str, clusters: list[dict]) -> str | None:
        """An anchor listing these clusters; None for none (a zero has nothing to link to)."""
        if not clusters:
            return None
        anchor = f"grp-{len(self.groups) + 1}"
        self.groups[anchor] = {"anchor": anchor, "label": label, "clusters": [self.cite(c) for c in clusters]}
        return anchor


def report_model(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "year",
                 since: date | None = None, until: date | None = None) -> dict:
    """Everything the report shows, plain data with evidence anchors, for either renderer."""
    from ..analysis.dyad import dyad_summary
    from ..analysis.network import actor_network

    summary = dyad_summary(con, a, b, by=by, since=since, until=until)
    ev = Evidence()
    counted = [c for c in summary["clusters"] if c.get("modality") in COUNTED]
    for c in summary["clusters"]:
        ev.cite(c)
    totals = {**summary["totals"], "anchor": ev.group(f"all counted clusters between {a} and {b}", counted)}

    series = []
    for row in summary["series"]:
        source, _, target = row["direction"].partition(">")
        span = period_range(str(row["period"]))
        members = [c for c in counted if c.get("source") == source and c.get("target") == target
                   and span and (d := _day(c.get("date_start"))) and span[0] <= d < span[1]]
        anchor = ev.group(f"{row['direction']}, {row['period']}", members)
        quads = {q: ev.group(f"{row['direction']}, {row['period']}, {q.replace('_', ' ')}",
                             [c for c in members if c.get("quad") == q]) for q in QUADS}
        series.append({**row, "anchor": anchor, "quad_anchors": quads})

    ledger = []
    for item in summary["ledger"]:
        entry = {**item}
        for side in ("cooperation", "friction"):
            entry[side] = [{**p, "anchor": _cite_point(ev, summary["clusters"], p)} for p in item[side]]
        ledger.append(entry)

    fronts = [{**f, "anchor": _cite_point(ev, summary["clusters"], f)} for f in summary["fronts"]]
    network = _network(con, actor_network(con, since=since, until=until), a, b, ev, since, until)
    return {
        "pair": summary["pair"], "a": a, "b": b, "by": by,
        "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
        "generated": date.today().isoformat(),
        "totals": totals, "series": series, "ledger": ledger, "fronts": fronts, "network": network,
        "actors": summary["actors"], "quotes": summary["quotes"], "stances": summary["stances"],
        "clusters": [ev.clusters[c["cluster_id"]] for c in summary["clusters"]],
        "evidence": list(ev.clusters.values()), "groups": ev.groups,
    }


def _cite_point(ev: Evidence, clusters: list[dict], point: dict) -> str:
    """A ledger point's anchor: its cluster's, or the point itself as evidence when unlisted."""
    for c in clusters:
        if c["cluster_id"] == point["cluster_id"]:
            return ev.cite(c)
    return ev.cite({
        "cluster_id": point["cluster_id"], "cameo": point.get("cameo"), "cameo_name": point.get("cameo_name"),
        "goldstein": point.get("goldstein"), "date": point.get("date"), "sources": point.get("sources") or [],
        "members": [{"doc_id": point.get("doc_id"), "sent_idx": point.get("sent_idx"), "sentence": point.get("sentence"),
                     "title": point.get("title"), "publication": None, "published": None}],
    })


def _network(con: duckdb.DuckDBPyConnection, G, a: str, b: str, ev: Evidence, since, until) -> dict:
    """The pair's neighbourhood in the actor network: nodes, edges with evidence, layout for the chart."""
    import networkx as nx

    from ..analysis.clusters import list_clusters
    from ..analysis.events import EventFilter

    keep = {n for n in (a, b) if n in G}
    for n in list(keep):
        keep |= set(G.predecessors(n)) | set(G.successors(n))
    H = G.subgraph(keep).copy()
    positions = nx.spring_layout(H.to_undirected(), seed=7) if len(H) else {}
    nodes = [{"code": n, "name": H.nodes[n].get("name") or n, "events": H.nodes[n].get("events", 0),
              "x": float(positions[n][0]), "y": float(positions[n][1])} for n in sorted(H)]
    edges = []
    for u, v, attrs in sorted(H.edges(data=True)):
        found = list_clusters(con, EventFilter(dyad=(u, v), since=since, until=until))
        members = [c for c in found if c.get("source") == u and c.get("target") == v and c.get("modality") in COUNTED]
        edges.append({"source": u, "target": v, "clusters": attrs.get("clusters", len(members)),
                      "events": attrs.get("events"), "goldstein": attrs.get("goldstein"),
                      "cooperation": attrs.get("cooperation"), "conflict": attrs.get("conflict"),
                      "anchor": ev.group(f"{u}>{v}", members)})
    return {"nodes": nodes, "edges": edges}
