"""The actor network: who acts on whom, how often (clusters: real-world events) and how
(mean Goldstein: the sign of the relation), with each actor's centrality."""

from __future__ import annotations

from datetime import date

import duckdb
import networkx as nx

from .events import COUNTED


def actor_network(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                  min_events: int = 1) -> nx.DiGraph:
    """Edges source -> target from counted clusters dated within the bounds; an edge needs at
    least `min_events` clusters (one real-world event reported ten times is one)."""
    clauses, params = ["modality IN (SELECT unnest(?::VARCHAR[]))", "source IS NOT NULL", "target IS NOT NULL",
                       "source <> target"], [list(COUNTED)]
    if since:
        clauses.append("date_start >= ?")
        params.append(since)
    if until:
        clauses.append("date_start <= ?")
        params.append(until)
    edges = con.execute(f"""
        SELECT source, target, count(*) AS clusters, sum(n_events) AS events, round(avg(goldstein), 3) AS goldstein,
               count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
               count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict
        FROM clusters WHERE {' AND '.join(clauses)}
        GROUP BY source, target HAVING count(*) >= ? ORDER BY source, target""", [*params, min_events]).fetchall()
    codes = sorted({e[0] for e in edges} | {e[1] for e in edges})
    names = dict((code, (name, kind)) for code, name, kind in con.execute(
        "SELECT code, any_value(name), any_value(kind) FROM actors WHERE code IN (SELECT unnest(?::VARCHAR[])) "
        "GROUP BY code", [codes]).fetchall())
    G = nx.DiGraph()
    for code in codes:
        name, kind = names.get(code, (code, "unknown"))
        G.add_node(code, name=name or code, kind=kind or "unknown", events=0)
    for source, target, clusters, events, goldstein, cooperation, conflict in edges:
        G.add_edge(source, target, clusters=clusters, events=int(events), goldstein=goldstein if goldstein is not None else 0.0,
                   cooperation=cooperation, conflict=conflict)
        G.nodes[source]["events"] += clusters
        G.nodes[target]["events"] += clusters
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


NODE_COLUMNS = ["code", "name", "kind", "events", "in", "out", "partners", "degree", "betweenness", "pagerank",
                "mean_goldstein"]


def network_rows(G: nx.DiGraph) -> tuple[list[str], list[tuple]]:
    """One row per actor, most central first."""
    scores = centrality(G)
    rows = []
    for n, attrs in G.nodes(data=True):
        s = scores[n]
        edges = [d for *_, d in G.in_edges(n, data=True)] + [d for *_, d in G.out_edges(n, data=True)]
        weight = sum(d["clusters"] for d in edges)
        mean = round(sum(d["goldstein"] * d["clusters"] for d in edges) / weight, 2) if weight else None
        rows.append((n, attrs["name"], attrs["kind"], attrs["events"], s["in"], s["out"],
                     len(set(G.predecessors(n)) | set(G.successors(n))), s["degree"], s["betweenness"],
                     s["pagerank"], mean))
    rows.sort(key=lambda r: (-r[9], r[0]))
    return NODE_COLUMNS, rows


def network_json(G: nx.DiGraph) -> dict:
    """{nodes: [{id, name, kind, events, centrality...}], edges: [{source, target, clusters, ...}]}."""
    scores = centrality(G)
    return {
        "nodes": [{"id": n, **attrs, **scores[n]} for n, attrs in G.nodes(data=True)],
        "edges": [{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)],
    }
