"""Views that stay fast as the store grows (issue 15): each view, endpoint and page runs a bounded
number of queries, the same on a store four times larger (never one query per edge, cluster or
row), and every list has a default limit and pages. Synthetic stores from benchmarks/synthetic.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest

from detente.analysis.clusters import list_clusters
from detente.analysis.dyad import dyad_summary
from detente.analysis.network import actor_network
from detente.report import report_model
from detente.web.app import create_app

from .conftest import local, run_cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from synthetic import build_store  # noqa: E402

MAX_QUERIES = 30  # a view's queries, whatever the store's size


class Counting:
    """A DuckDB connection (or cursor) that counts the statements run through it and its cursors."""

    def __init__(self, con, counter: list[int] | None = None):
        self._con, self.counter = con, counter if counter is not None else [0]

    def execute(self, *args, **kwargs):
        self.counter[0] += 1
        return self._con.execute(*args, **kwargs)

    def cursor(self):
        return Counting(self._con.cursor(), self.counter)

    def __getattr__(self, name):
        return getattr(self._con, name)


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("scale")
    out = {}
    for name, n in (("small", 2000), ("large", 8000)):
        out[name] = folder / f"{name}.duckdb"
        build_store(out[name], n, seed=1, log=lambda *_: None)
    return out


def counted(db: Path, view) -> int:
    con = Counting(duckdb.connect(str(db), read_only=True))
    try:
        view(con)
    finally:
        con.close()
    return con.counter[0]


ANALYSES = {
    "dyad_summary": lambda con: dyad_summary(con, "RUS", "IRN", by="month"),
    "dyad_summary all clusters": lambda con: dyad_summary(con, "RUS", "IRN", limit=None, evidence=True),
    "report": lambda con: report_model(con, "RUS", "IRN", by="quarter"),
    "network": lambda con: actor_network(con),
    "clusters": lambda con: list_clusters(con, limit=500),
}


@pytest.mark.parametrize("name", ANALYSES)
def test_analysis_queries_do_not_grow_with_the_store(stores, name):
    small, large = (counted(stores[s], ANALYSES[name]) for s in ("small", "large"))
    assert small == large <= MAX_QUERIES, (name, small, large)


def _urls(db: Path) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    doc = con.execute("SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1").fetchone()[0]
    event = quote(con.execute("SELECT event_id FROM events WHERE source = 'RUS' ORDER BY 1 LIMIT 1").fetchone()[0], safe="")
    con.close()
    urls = ["/api/overview", "/api/documents", f"/api/documents/{doc}", "/api/events", f"/api/events/{event}",
            "/api/actors", "/api/actors/RUS", "/api/quotes", "/api/issues", "/api/search?q=cooperate",
            "/api/dyad/RUS/IRN", "/api/dyads", "/api/network", "/api/clusters?dyad=RUS,IRN",
            "/", "/documents", "/documents?sort=events", f"/documents/{doc}", "/events", "/events?sort=goldstein",
            f"/events/{event}", "/actors", "/actors/RUS", "/search?q=cooperate", "/dyads", "/dyad/RUS/IRN",
            "/dyad/RUS/IRN?by=month", "/sql"]
    return [(u.replace(event, "{event}").replace(doc, "{doc}"), u) for u in urls]


def test_endpoints_and_pages_run_a_bounded_number_of_queries(stores):
    counts = {}
    for size, db in stores.items():
        app = create_app(db, read_only=True)
        with local(app) as client:
            real = app.state.settings.con
            app.state.settings.con = Counting(real)
            for label, url in _urls(db):
                before = app.state.settings.con.counter[0]
                response = client.get(url)
                assert response.status_code == 200, (url, response.text[:200])
                counts.setdefault(label, {})[size] = app.state.settings.con.counter[0] - before
            app.state.settings.con = real
    grown = {url: c for url, c in counts.items() if c["small"] != c["large"] or c["large"] > MAX_QUERIES}
    assert not grown, grown


def test_the_dyad_pages_its_clusters(stores):
    con = duckdb.connect(str(stores["large"]), read_only=True)
    whole = dyad_summary(con, "RUS", "IRN", limit=None)
    first, second = (dyad_summary(con, "RUS", "IRN", limit=40, offset=o) for o in (0, 40))
    assert whole["clusters_total"] == len(whole["clusters"]) > 80
    assert [c["cluster_id"] for c in first["clusters"] + second["clusters"]] == [c["cluster_id"] for c in whole["clusters"][:80]]
    default = dyad_summary(con, "RUS", "IRN")
    assert len(default["clusters"]) == min(200, whole["clusters_total"]) and default["clusters_total"] == whole["clusters_total"]
    for key in ("totals", "directions", "series", "ledger", "fronts", "actors", "quotes", "stances"):
        assert first[key] == whole[key], key  # the figures and the ledger are the whole pair's, not the page's


def test_cli_lists_have_a_default_limit_and_page(stores):
    db = stores["small"]
    con = duckdb.connect(str(db), read_only=True)
    n_clusters, n_events = (con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("clusters", "events"))
    con.close()
    assert n_clusters > 1000 and n_events > 1000
    result = run_cli("clusters", "--db", db, "-f", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1000 and f"1-1,000 of {n_clusters:,} shown" in result.stderr
    every = json.loads(run_cli("clusters", "--db", db, "-f", "json", "--limit", "0").stdout)
    assert len(every) == n_clusters
    page = json.loads(run_cli("clusters", "--db", db, "-f", "json", "--limit", "7", "--offset", "3").stdout)
    assert [c["cluster_id"] for c in page] == [c["cluster_id"] for c in every[3:10]]
    events = run_cli("events", "--db", db, "-f", "csv", "--offset", "1990")
    assert len(events.stdout.strip().splitlines()) == 1 + n_events - 1990 and f"of {n_events:,} shown" in events.stderr
    bad = run_cli("events", "--db", db, "--offset", "-1")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_api_lists_page(stores):
    app = create_app(stores["small"], read_only=True)
    with local(app) as client:
        whole = client.get("/api/actors/RUS", params={"limit": 1000}).json()
        page = client.get("/api/actors/RUS", params={"limit": 5, "offset": 5}).json()
        assert whole["mentions_total"] == page["mentions_total"] > 10
        assert page["mentions"] == whole["mentions"][5:10]
        assert client.get("/api/actors/RUS").json()["limit"] == 100
        docs = client.get("/api/documents", params={"limit": 3, "offset": 2}).json()
        assert len(docs["items"]) == 3 and docs["total"] > 5
        dyad = client.get("/api/dyad/RUS/IRN", params={"limit": 3, "offset": 1}).json()
        assert len(dyad["clusters"]) == 3 and dyad["clusters_total"] > 3 and dyad["clusters_offset"] == 1
        assert client.get("/api/clusters", params={"limit": 2, "offset": 1}).json() == \
            client.get("/api/clusters", params={"limit": 3}).json()[1:]
        assert client.get("/api/dyad/RUS/IRN", params={"limit": 0}).status_code == 422
