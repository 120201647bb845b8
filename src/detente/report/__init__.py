"""The dyad report: `dyad_summary` and the actor network as one HTML file (charts, tables, evidence)
or as Markdown. Both renderers read the same model, built here, in which every number carries the
anchor of the evidence it counts: the clusters behind it, each listed with its sentences and articles.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import duckdb

from ..analysis.clusters import list_clusters

REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
from ..analysis.events import QUADS  # noqa: E402


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


class Evidence:
    """The clusters the report cites, in order, each with one anchor; and named groups of them: a
    linked number leads to its group, which shows each cluster's sentence."""

    def __init__(self, clusters: dict[str, dict]) -> None:
        self.known = clusters  # cluster_id -> cluster (with members), all the report may cite
        self.clusters: dict[str, dict] = {}
        self.groups: dict[str, dict] = {}

    def cite(self, cluster: dict) -> str:
        cid = cluster["cluster_id"]
        if cid not in self.clusters:
            self.clusters[cid] = {**cluster, "anchor": f"ev-{len(self.clusters) + 1}"}
        return self.clusters[cid]["anchor"]

    def group(self, label: str, ids: list[str]) -> str | None:
        """An anchor listing these clusters; None for none (a zero has nothing to link to)."""
        if not ids:
            return None
        anchor = f"grp-{len(self.groups) + 1}"
        self.groups[anchor] = {"anchor": anchor, "label": label, "clusters": [self.cite(self.known[i]) for i in ids]}
        return anchor


def report_model(con: duckdb.DuckDBPyConnection, a: str, b: str, by: str = "year",
                 since: date | None = None, until: date | None = None) -> dict:
    """Everything the report shows, plain data with evidence anchors, for either renderer. Every
    figure is dyad_figures' (through dyad_summary and the actor network), each with the ids of the
    clusters it counts."""
    from ..analysis.dyad import dyad_summary
    from ..analysis.network import actor_network

    summary = dyad_summary(con, a, b, by=by, since=since, until=until, evidence=True)
    G = actor_network(con, since=since, until=until)
    known = {c["cluster_id"]: c for c in summary["clusters"]}
    edges = _edges(con, G, a, b, since, until)
    missing = sorted({i for e in edges for i in e["cluster_ids"]} - set(known))
    known |= {c["cluster_id"]: c for c in list_clusters(con, ids=missing)} if missing else {}
    ev = Evidence(known)
    for c in summary["clusters"]:
        ev.cite(c)
    t = summary["totals"]
    totals = {**t, "anchor": ev.group(f"all counted clusters between {a} and {b}", t["cluster_ids"])}

    def quad_ids(ids: list[str], quad: str) -> list[str]:
        return [i for i in ids if known[i].get("quad") == quad]

    directions = [{**d, "anchor": ev.group(f"{d['direction']}: all counted clusters", d["cluster_ids"]),
                   "quad_anchors": {q: ev.group(f"{d['direction']}, {q.replace('_', ' ')}", quad_ids(d["cluster_ids"], q))
                                    for q in QUADS}} for d in summary["directions"]]
    series = []
    for row in summary["series"]:
        ids = row["cluster_ids"]
        series.append({**row, "anchor": ev.group(f"{row['direction']}, {row['period']}", ids),
                       "quad_anchors": {q: ev.group(f"{row['direction']}, {row['period']}, {q.replace('_', ' ')}",
                                                    quad_ids(ids, q)) for q in QUADS}})

    ledger = []
    for item in summary["ledger"]:
        entry = {**item}
        for side in ("cooperation", "friction"):
            entry[side] = [{**p, "anchor": _cite_point(ev, summary["clusters"], p)} for p in item[side]]
        ledger.append(entry)

    fronts = [{**f, "anchor": _cite_point(ev, summary["clusters"], f)} for f in summary["fronts"]]
    network = _network(G, edges, a, b, ev)
    model = {
        "pair": summary["pair"], "a": a, "b": b, "by": by,
        "since": since.isoformat() if since else None, "until": until.isoformat() if until else None,
        "generated": date.today().isoformat(),
        "totals": totals, "directions": directions, "series": series, "ledger": ledger, "fronts": fronts,
        "network": network, "actors": summary["actors"], "quotes": summary["quotes"], "stances": summary["stances"],
        "clusters": [ev.clusters[c["cluster_id"]] for c in summary["clusters"]],
        "evidence": list(ev.clusters.values()), "groups": ev.groups,
    }
    _titles(con, model)
    return model


def _titles(con: duckdb.DuckDBPyConnection, model: dict) -> None:
    """Each cited sentence's article title; an untitled article's first sentence, marked derived."""
    from ..analysis.titles import doc_titles

    members = [m for c in model["evidence"] for m in c.get("members") or []]
    titles = doc_titles(con, [m.get("doc_id") for m in members] + [q["doc_id"] for q in model["quotes"]]
                        + [s["doc_id"] for s in model["stances"]])
    for item in members + model["quotes"] + model["stances"]:
        found = titles.get(item.get("doc_id")) or {}
        item["shown_title"] = found.get("title") or item.get("title") or item.get("doc_id")
        item["title_derived"] = bool(found.get("derived"))
    for c in model["evidence"]:
        c["members"] = [{**m, "pieces": sentence_pieces(m)} for m in c.get("members") or []]
        # The report that speaks for the cluster leads wherever a number cites it.
        c["lead"] = next((m for m in c["members"] if m.get("event_id") == c.get("representative")),
                         c["members"][0] if c["members"] else None)
    model["by_anchor"] = {c["anchor"]: c for c in model["evidence"]}


def sentence_pieces(m: dict) -> list[tuple[str, bool]]:
    """The sentence cut around its trigger: [(text, is_trigger)]."""
    sentence, trigger, offset = m.get("sentence") or "", m.get("trigger"), m.get("trigger_offset")
    if trigger and offset is None:
        offset = sentence.find(trigger)
    if not trigger or offset is None or offset < 0 or sentence[offset:offset + len(trigger)] != trigger:
        return [(sentence, False)]
    end = offset + len(trigger)
    return [p for p in ((sentence[:offset], False), (trigger, True), (sentence[end:], False)) if p[0]]


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


def _edges(con: duckdb.DuckDBPyConnection, G, a: str, b: str, since, until) -> list[dict]:
    """The pair's neighbourhood in the actor network: its edges' figures with their clusters' ids,
    from dyad_figures (one query)."""
    from ..analysis.dyad import dyad_figures

    keep = {n for n in (a, b) if n in G}
    for n in list(keep):
        keep |= set(G.predecessors(n)) | set(G.successors(n))
    if not keep:
        return []
    _, rows = dyad_figures(con, since=since, until=until, levels=("direction",), actors=sorted(keep), ids=True)
    return sorted(rows, key=lambda r: (r["source"], r["target"]))


def _network(G, edges: list[dict], a: str, b: str, ev: Evidence) -> dict:
    """Nodes, edges with evidence, and a layout for the chart."""
    import networkx as nx

    H = G.subgraph({e["source"] for e in edges} | {e["target"] for e in edges} | ({a, b} & set(G))).copy()
    positions = nx.spring_layout(H.to_undirected(), seed=7) if len(H) else {}
    nodes = [{"code": n, "name": H.nodes[n].get("name") or n, "clusters": H.nodes[n].get("clusters", 0),
              "x": float(positions[n][0]), "y": float(positions[n][1])} for n in sorted(H)]
    out = [{**{k: e[k] for k in ("source", "target", "clusters", "events", "mean_goldstein", *QUADS, "cooperation",
                                   "conflict")},
            "anchor": ev.group(f"{e['source']}>{e['target']}", e["cluster_ids"])} for e in edges]
    return {"nodes": nodes, "edges": out}
