"""One number, one name: each dyad figure computed through every view that shows it, and found equal
- `detente dyad A B -f json`, /api/dyad/A/B, the dyad page (cards, direction table, chart data), the
overview's top dyads (API and page), the dyad index (API, page, CSV), /api/network's and `detente
network`'s edges, and the report's figures (`detente report A B`, Markdown) - and equal to the
figures counted straight from the store's clusters."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import ROUND_HALF_UP, Decimal

import duckdb
import pytest

from detente.report.markdown import md, num

from .conftest import run_cli

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
DIRECTION_FIGURES = ("clusters", "events", "mean_goldstein", *QUADS)


def from_store(db, source: str, target: str) -> dict:
    """A direction's figures counted by hand from the clusters table (the definition, README "Vocabulary")."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("SELECT goldstein, quad, n_events FROM clusters WHERE modality IN ('asserted', 'reported') "
                           "AND source = ? AND target = ?", [source, target]).fetchall()
    finally:
        con.close()
    scores = [Decimal(str(g)) for g, _, _ in rows if g is not None]
    # an exact mean, rounded half away from zero as the views' DECIMAL average is
    mean = float((sum(scores) / len(scores)).quantize(Decimal("0.01"), ROUND_HALF_UP)) if scores else None
    return {"clusters": len(rows), "events": sum(n for *_, n in rows), "mean_goldstein": mean,
            **{q: sum(1 for _, quad, _ in rows if quad == q) for q in QUADS}}


def unlink(cell: str) -> str:
    return re.sub(r"\[(.*?)\]\(#[\w-]+\)", r"\1", cell.strip())


def md_row(text: str, first: str) -> list[str]:
    line = next(x for x in text.splitlines() if x.startswith(first))
    return [unlink(c) for c in line.strip().strip("|").split("|")]


def shown(value) -> str:
    return "–" if value is None else str(value)


@pytest.fixture(scope="module")
def pairs(client) -> list[tuple[str, str]]:
    """The three pairs with the most clusters, and one with few."""
    items = client.get("/api/dyads", params={"limit": 1000}).json()["items"]
    assert len(items) > 4
    return [(d["a"], d["b"]) for d in items[:3] + items[-1:]]


def test_every_view_shows_the_same_dyad_figures(client, seed_db, pairs, tmp_path):
    overview = client.get("/api/overview").json()
    top = {(d["a"], d["b"]): d for d in overview["top_dyads"]}
    overview_page = client.get("/").text
    index = {(d["a"], d["b"]): d for d in client.get("/api/dyads", params={"limit": 1000}).json()["items"]}
    index_csv = {(r["a"], r["b"]): r for r in csv.DictReader(io.StringIO(client.get("/dyads.csv").text))}
    index_page = client.get("/dyads", params={"limit": 1000}).text
    network = {(e["source"], e["target"]): e for e in client.get("/api/network").json()["edges"]}
    cli_network = run_cli("network", "--db", seed_db, "-f", "json")
    assert cli_network.returncode == 0, cli_network.stderr
    cli_edges = {(e["source"], e["target"]): e for e in json.loads(cli_network.stdout)["edges"]}
    checked = 0
    for a, b in pairs:
        cli = run_cli("dyad", a, b, "--db", seed_db, "-f", "json")
        assert cli.returncode == 0, cli.stderr
        s = json.loads(cli.stdout)
        api = client.get(f"/api/dyad/{a}/{b}").json()
        for key in ("totals", "directions", "series"):
            assert api[key] == s[key], (a, b, key)
        t = s["totals"]
        directions = {d["direction"]: d for d in s["directions"]}
        # the definition: counted straight from the store
        for d in directions.values():
            assert {k: d[k] for k in DIRECTION_FIGURES} == from_store(seed_db, d["source"], d["target"]), d["direction"]
        assert t["clusters"] == sum(d["clusters"] for d in directions.values())
        assert t["events"] == sum(d["events"] for d in directions.values())
        # per period: the series adds up to each direction, undated clusters apart
        for d in directions.values():
            rows = [r for r in s["series"] if r["direction"] == d["direction"]]
            assert sum(r["clusters"] for r in rows) + d["undated"] == d["clusters"]
            assert sum(r["events"] for r in rows) <= d["events"]
            for q in QUADS:
                assert sum(r[q] for r in rows) <= d[q]
        # the dyad page: cards, the direction table, the charts' data
        page = client.get(f"/dyad/{a}/{b}").text
        for key, value in [("clusters", t["clusters"]), ("events", t["events"]), ("mean-goldstein", shown(t["mean_goldstein"])),
                           ("documents", t["documents"]), ("sources", t["sources"])]:
            assert f'id="dyad-{key}">{value}<' in page, (a, b, key)
        assert f"{len([c for c in s['clusters'] if c['modality'] in ('asserted', 'reported')])} counted" in page
        for d in directions.values():
            row = page.split(f'data-source="{d["source"]}" data-target="{d["target"]}">', 1)[1].split("</tr>", 1)[0]
            cells = dict(re.findall(r'data-figure="(\w+)">([^<]*)<', row))
            assert cells == {k: shown(d[k]) for k in (*DIRECTION_FIGURES, "undated")}, d["direction"]
        chart = json.loads(page.split('id="timeline-data">', 1)[1].split("</script>", 1)[0])
        for d in directions.values():
            drawn = [y for trace in chart["data"] if trace["type"] == "bar" and trace["name"].startswith(d["direction"] + " ")
                     for y in trace["y"]]
            assert sum(drawn) == d["clusters"] - d["undated"]
            means = [y for trace in chart["data"] if trace["type"] == "scatter" and trace["name"].startswith(d["direction"] + " ")
                     for y in trace["y"] if y is not None]
            assert sorted(means) == sorted(r["mean_goldstein"] for r in s["series"]
                                           if r["direction"] == d["direction"] and r["mean_goldstein"] is not None)
        # the overview's top dyads, the dyad index (JSON, CSV, page)
        pair = tuple(sorted((a, b)))
        for view in ([top[pair]] if pair in top else []) + [index[pair]]:
            assert (view["clusters"], view["events"], view["mean_goldstein"], view["documents"], view["sources"]) == (
                t["clusters"], t["events"], t["mean_goldstein"], t["documents"], t["sources"])
            assert (view["first_date"], view["last_date"], view["undated"]) == (t["first_date"], t["last_date"], t["undated"])
            for q in QUADS:
                assert view[q] == sum(d[q] for d in directions.values())
        assert {k: index_csv[pair][k] for k in ("clusters", "events", "mean_goldstein")} == {
            "clusters": str(t["clusters"]), "events": str(t["events"]), "mean_goldstein": "" if t["mean_goldstein"] is None else str(t["mean_goldstein"])}
        for html in ([overview_page] if pair in top else []) + [index_page]:
            row = html.split(f'data-dyad="{pair[0]},{pair[1]}"', 1)[1].split("</tr>", 1)[0]
            cells = dict(re.findall(r'data-figure="(\w+)">([^<]*)<', row))
            assert (cells["clusters"], cells["events"], cells["mean_goldstein"]) == (
                str(t["clusters"]), str(t["events"]), shown(t["mean_goldstein"]))
        # the network's edges (API and CLI) are the directions
        for d in directions.values():
            edge = (d["source"], d["target"])
            if not d["clusters"]:
                assert edge not in network and edge not in cli_edges
                continue
            for edges in (network, cli_edges):
                assert {k: edges[edge][k] for k in DIRECTION_FIGURES} == {k: d[k] for k in DIRECTION_FIGURES}
        # the report: totals, each direction, each period, the network's edges
        text = run_cli("report", a, b, "--db", seed_db, "-o", tmp_path / f"{a}-{b}.md")
        assert text.returncode == 0, text.stderr
        text = (tmp_path / f"{a}-{b}.md").read_text(encoding="utf-8")
        head = md_row(text.split("| clusters | events | documents", 1)[1], "| ")
        assert head[:5] == [str(t["clusters"]), str(t["events"]), str(t["documents"]), str(t["sources"]), num(t["mean_goldstein"])]
        for d in directions.values():
            cells = md_row(text, f"| {md(d['direction'])} |")
            assert cells[1:] == [str(d["clusters"]), str(d["events"]), num(d["mean_goldstein"]), *(str(d[q]) for q in QUADS)]
            if d["clusters"]:
                edge = md_row(text, f"| {md(d['source'])} | {md(d['target'])} |")
                assert edge[2:] == [str(d["clusters"]), str(d["events"]), num(d["mean_goldstein"]),
                                    str(d["verbal_cooperation"] + d["material_cooperation"]),
                                    str(d["verbal_conflict"] + d["material_conflict"])]
        for r in s["series"]:
            cells = md_row(text, f"| {r['period']} | {md(r['direction'])} |")
            assert cells[2:] == [str(r["clusters"]), str(r["events"]), num(r["mean_goldstein"]), *(str(r[q]) for q in QUADS)]
        checked += 1
    assert checked == len(pairs)


def test_one_name_for_each_thing(client, seed_db):
    """Clusters are clusters and events are events in every view's keys: no 'happenings', no edge
    'goldstein' beside the dyad's 'mean_goldstein', no node 'events' that counts clusters."""
    net = client.get("/api/network").json()
    assert all("mean_goldstein" in e and "goldstein" not in e for e in net["edges"])
    assert all("clusters" in n and "events" not in n for n in net["nodes"])
    s = client.get("/api/dyad/IRN/RUS").json()
    assert set(s["directions"][0]) >= {"clusters", "events", "mean_goldstein"}
    for path in ("/", "/dyads", "/dyad/IRN/RUS", "/events", "/api/dyad/IRN/RUS", "/openapi.json"):
        assert "happening" not in client.get(path).text.lower(), path
