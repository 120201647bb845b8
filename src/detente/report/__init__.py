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
    from ..analysis.dyad import dyad_clusters_where, dyad_summary

    summary = dyad_summary(con, a, b, by=by, since=since, until=until, evidence=True, limit=REPORT_CLUSTERS)
    cap = None if summary["totals"]["clusters"] <= EVIDENCE_ALL else GROUP_EVIDENCE
    G, edges = _neighbourhood(con, a, b, since, until, EDGE_EVIDENCE if cap is None else EDGE_EVIDENCE_CAPPED)
    # the pair's clusters' attestation and quad, to split groups by quad and pick the best-attested
    where, params = dyad_clusters_where(a, b, since, until)
    attrs = {i: (n or 0, d, q) for i, n, d, q in con.execute(
        f"SELECT e.cluster_id, e.n_sources, e.date_start, e.quad FROM clusters e WHERE {where}", params).fetchall()}
    own = {(d["source"], d["target"]): d["cluster_ids"] for d in summary["directions"]}
    for e in edges:  # the pair's own edges cite their clusters as its directions do
        e["cluster_ids"] = own.get((e["source"], e["target"]), e["cluster_ids"])

    def best(ids: list[str]) -> list[str]:
        """At most GROUP_EVIDENCE of a group's clusters, the best-attested (most sources, then the
        latest), in the group's own order."""
        if cap is None or len(ids) <= cap:
            return ids
        kept = set(sorted(ids, key=lambda i: (-attrs[i][0], -(attrs[i][1] or date.min).toordinal(), i))[:cap])
        return [i for i in ids if i in kept]

    def quad_ids(ids: list[str], quad: str) -> list[str]:
        return [i for i in ids if attrs[i][2] == quad]

    t = summary["totals"]
    groups = [(f"all counted clusters between {a} and {b}", t["cluster_ids"])]
    for d in summary["directions"]:
        groups += [(f"{d['direction']}: all counted clusters", d["cluster_ids"])]
        groups += [(f"{d['direction']}, {q.replace('_', ' ')}", quad_ids(d["cluster_ids"], q)) for q in QUADS]
    for row in summary["series"]:
        groups += [(f"{row['direction']}, {row['period']}", row["cluster_ids"])]
        groups += [(f"{row['direction']}, {row['period']}, {q.replace('_', ' ')}", quad_ids(row["cluster_ids"], q))
                   for q in QUADS]
    pair_known = {c["cluster_id"]: c for c in summary["clusters"]}
    points = {p["cluster_id"] for item in summary["ledger"] for side in ("cooperation", "friction") for p in item[side]}
    for e in edges:
        e["cluster_ids"] = best(e["cluster_ids"])
    cited = {i for _, ids in groups for i in best(ids)} | {i for e in edges for i in e["cluster_ids"]}
    missing = sorted((cited | points) - set(pair_known))
    fetched = {c["cluster_id"]: c for c in list_clusters(con, ids=missing)} if missing else {}
    pair_known |= {i: c for i, c in fetched.items() if i in attrs}
    ev = Evidence({**fetched, **pair_known})
    for c in summary["clusters"]:
        ev.cite(c)
    anchors = iter([ev.group(label if len(best(ids)) == len(ids) else
                             f"{label}, the {cap} best-attested of {len(ids):,}", best(ids))
                    for label, ids in groups])
    totals = {**t, "anchor": next(anchors)}
    directions = [{**d, "anchor": next(anchors), "quad_anchors": {q: next(anchors) for q in QUADS}}
                  for d in summary["directions"]]
    series = [{**row, "anchor": next(anchors), "quad_anchors": {q: next(anchors) for q in QUADS}}
              for row in summary["series"]]

    ledger = []
    for item in summary["ledger"]:
        entry = {**item}
        for side in ("cooperation", "friction"):
            entry[side] = [{**p, "anchor": _cite_point(ev, pair_known, p)} for p in item[side]]
        ledger.append(entry)

    fronts = [{**f, "anchor": _cite_point(ev, pair_known, f)} for f in summary["fronts"]]
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


def _cite_point(ev: Evidence, clusters: dict[str, dict], point: dict) -> str:
    """A ledger point's anchor: its cluster's (one of the pair's), or the point itself as evidence when unlisted."""
    if point["cluster_id"] in clusters:
        return ev.cite(clusters[point["cluster_id"]])
    return ev.cite({
        "cluster_id": point["cluster_id"], "cameo": point.get("cameo"), "cameo_name": point.get("cameo_name"),
        "goldstein": point.get("goldstein"), "date": point.get("date"), "sources": point.get("sources") or [],
        "members": [{"doc_id": point.get("doc_id"), "sent_idx": point.get("sent_idx"), "sentence": point.get("sentence"),
                     "title": point.get("title"), "publication": None, "published": None}],
    })


REPORT_CLUSTERS = 200  # the pair's clusters the report lists whole, oldest first (the figures count them all)
# A report on a pair of at most EVIDENCE_ALL counted clusters cites every one behind every number (and
# up to EDGE_EVIDENCE per network edge); beyond, each linked number cites its GROUP_EVIDENCE
# best-attested clusters and says how many it counts, so the report stays readable and quick to make.
EVIDENCE_ALL = 1000
EDGE_EVIDENCE = 50
EDGE_EVIDENCE_CAPPED = 10
GROUP_EVIDENCE = 20
NEIGHBOURS = 12  # the pair's partners the network section shows, those with the most clusters first


def _neighbourhood(con: duckdb.DuckDBPyConnection, a: str, b: str, since, until, cap: int):
    """The pair's neighbourhood in the actor network (analysis.network: counted clusters between two
    different actors, dated within the bounds): the pair and its NEIGHBOURS strongest partners (by
    clusters with either side), as a graph whose nodes carry their name, kind and clusters over the
    whole network, and the edges among them with dyad_figures' figures and, as evidence, the ids of
    their `cap` best-attested clusters (most sources, then the latest; all of them when there are no
    more). A few grouped queries, never the whole network."""
    import networkx as nx

    from ..analysis.dyad import COUNTED_PAIRS as counted, _figures_where, dyad_figures

    where, params = _figures_where(None, None, since, until)
    partners = con.execute(f"""
        SELECT CASE WHEN e.source IN (?, ?) THEN e.target ELSE e.source END AS other, count(*) AS n
        FROM clusters e WHERE {counted} AND {where} AND (e.source IN (?, ?) OR e.target IN (?, ?))
        GROUP BY other HAVING other NOT IN (?, ?)
        ORDER BY n DESC, other LIMIT {NEIGHBOURS}""", [a, b, *params, a, b, a, b, a, b]).fetchall()
    candidates = sorted({a, b} | {p for p, _ in partners})
    totals = dict(con.execute(f"""
        SELECT n, count(*) FROM (SELECT unnest([e.source, e.target]) AS n FROM clusters e WHERE {counted} AND {where})
        WHERE n IN (SELECT unnest(?::VARCHAR[])) GROUP BY n""", [*params, candidates]).fetchall())
    G = nx.DiGraph()
    if not any(n in totals for n in (a, b)):
        return G, []
    keep = sorted(n for n in candidates if n in totals)
    names = {code: (name, kind) for code, name, kind in con.execute(
        "SELECT code, any_value(name), any_value(kind) FROM actors WHERE code IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY code", [keep]).fetchall()}
    for code in keep:
        name, kind = names.get(code, (code, "unknown"))
        G.add_node(code, name=name or code, kind=kind or "unknown", clusters=totals[code])
    _, rows = dyad_figures(con, since=since, until=until, levels=("direction",), actors=keep)
    where, params = _figures_where(None, keep, since, until)
    # the best-attested, listed as every group lists its clusters: oldest first, undated last
    cited = {(s, t): [i for _, _, i in sorted((d is None, d, i) for d, i in best)] for s, t, best in con.execute(f"""
        SELECT e.source, e.target, list((e.date_start, e.cluster_id) ORDER BY e.n_sources DESC,
                                        e.date_start DESC NULLS LAST, e.cluster_id)[1:{int(cap)}]
        FROM clusters e WHERE {counted} AND {where} GROUP BY ALL""", params).fetchall()}
    for r in rows:
        r["cluster_ids"] = cited.get((r["source"], r["target"]), [])
        G.add_edge(r["source"], r["target"])
    return G, sorted(rows, key=lambda r: (r["source"], r["target"]))


def _network(G, edges: list[dict], a: str, b: str, ev: Evidence) -> dict:
    """Nodes, edges with evidence, and a layout for the chart."""
    import networkx as nx

    H = G.subgraph({e["source"] for e in edges} | {e["target"] for e in edges} | ({a, b} & set(G))).copy()
    positions = nx.spring_layout(H.to_undirected(), seed=7) if len(H) else {}
    nodes = [{"code": n, "name": H.nodes[n].get("name") or n, "clusters": H.nodes[n].get("clusters", 0),
              "x": float(positions[n][0]), "y": float(positions[n][1])} for n in sorted(H)]
    out = [{**{k: e[k] for k in ("source", "target", "clusters", "events", "mean_goldstein", *QUADS, "cooperation",
                                   "conflict")},
            "anchor": ev.group(f"{e['source']}>{e['target']}" + (
                "" if len(e["cluster_ids"]) == e["clusters"] else
                f", the {len(e['cluster_ids'])} best-attested of {e['clusters']:,}"), e["cluster_ids"])}
           for e in edges]
    return {"nodes": nodes, "edges": out}
