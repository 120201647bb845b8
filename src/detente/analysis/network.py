"""The actor network: who acts on whom, how often (clusters: real-world events) and how
(mean Goldstein: the sign of the relation), with each actor's centrality. Edge figures are
dyad_figures' per direction."""

from __future__ import annotations

from datetime import date

import duckdb
import networkx as nx

from .dyad import dyad_figures
from .events import QUADS


EDGE_FIGURES = ("clusters", "events", "documents", "sources", "mean_goldstein", *QUADS, "cooperation", "conflict")


def actor_network(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                  min_clusters: int = 1) -> nx.DiGraph:
    """Edges source -> target from counted clusters dated within the bounds, with the figures of
    dyad_figures for that direction (the dyad view's, so every view agrees); an edge needs at
    least `min_clusters` clusters (one real-world event reported ten times is one). A node's
    `clusters` is the sum over its edges."""
    _, edges = dyad_figures(con, since=since, until=until, levels=("direction",), min_clusters=min_clusters)
    codes = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    names = dict((code, (name, kind)) for code, name, kind in con.execute(
        "SELECT code, any_value(name), any_value(kind) FROM actors WHERE code IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY code", [codes]).fetchall())
    G = nx.DiGraph()
    for code in codes:
        name, kind = names.get(code, (code, "unknown"))
        G.add_node(code, name=name or code, kind=kind or "unknown", clusters=0)
    for e in sorted(edges, key=lambda e: (e["source"], e["target"])):
        # GraphML has no null: a figure with no value (a mean over no Goldstein score) is left out.
        G.add_edge(e["source"], e["target"], **{k: e[k] for k in EDGE_FIGURES if e[k] is not None})
        G.nodes[e["source"]]["clusters"] += e["clusters"]
        G.nodes[e["target"]]["clusters"] += e["clusters"]
    return G


def _pagerank(G: nx.DiGraph) -> dict[str, float]:
    try:
        return nx.pagerank(G, weight="clusters")
    except ImportError:  # networkx's fast path needs scipy, which detente does not ship
        from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

        return _pagerank_python(G, weight="clusters")


def centrality(G: nx.DiGraph) -> dict[str, dict]:
    """Per node: weighted in/out degree, degree centrality, betweenness, PageRank."""
    if not G:
        return {}
    degree = nx.degree_centrality(G)
    betweenness = nx.betweenness_centrality(G)
    pagerank = _pagerank(G)
    return {n: {"in": int(G.in_degree(n, weight="clusters")), "out": int(G.out_degree(n, weight="clusters")),
                "degree": round(degree[n], 4), "betweenness": round(betweenness[n], 4),
                "pagerank": round(pagerank[n], 4)} for n in G}


NODE_COLUMNS = ["code", "name", "kind", "clusters", "in", "out", "partners", "degree", "betweenness", "pagerank",
                "mean_goldstein"]


def network_rows(G: nx.DiGraph) -> tuple[list[str], list[tuple]]:
    """One row per actor, most central first."""
    scores = centrality(G)
    rows = []
    for n, attrs in G.nodes(data=True):
        s = scores[n]
        edges = [d for *_, d in G.in_edges(n, data=True)] + [d for *_, d in G.out_edges(n, data=True)]
        scored = [d for d in edges if d.get("mean_goldstein") is not None]
        weight = sum(d["clusters"] for d in scored)
        mean = round(sum(d["mean_goldstein"] * d["clusters"] for d in scored) / weight, 2) if weight else None
        rows.append((n, attrs["name"], attrs["kind"], attrs["clusters"], s["in"], s["out"],
                     len(set(G.predecessors(n)) | set(G.successors(n))), s["degree"], s["betweenness"],
                     s["pagerank"], mean))
    rows.sort(key=lambda r: (-r[9], r[0]))
    return NODE_COLUMNS, rows


def network_json(G: nx.DiGraph) -> dict:
    """{nodes: [{id, name, kind, clusters, centrality...}], edges: [{source, target, clusters, events,
    mean_goldstein, ...}]}."""
    scores = centrality(G)
    return {
        "nodes": [{"id": n, **attrs, **scores[n]} for n, attrs in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, **{k: d.get(k) for k in EDGE_FIGURES}} for u, v, d in G.edges(data=True)],
    }
