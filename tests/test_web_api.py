"""The JSON API and the pages through FastAPI's TestClient over a real seed store: figures match the
store and the CLI, uploads are checked and ingested, article text is escaped, write endpoints are
guarded, and a schemathesis run against our own /openapi.json finds no server error."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import duckdb
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings

from detente.analysis.dyad import dyad_summary
from detente.analysis.events import COUNTED, MIN_CONFIDENCE
from detente.render import plain
from detente.web import create_app
from detente.web.jobs import safe_name

from .conftest import assert_no_traceback, local, run_cli


@pytest.fixture
def writable(seed_db, tmp_path):
    """A copy of the seed store for a test that writes; yields a factory of clients over it, each
    over a writable app and sending its token unless auth=False."""
    db = tmp_path / "detente.duckdb"
    shutil.copy(seed_db, db)
    opened = []

    def make(auth: bool = True, **options) -> TestClient:
        app = create_app(db, read_only=False, **options)
        c = local(app)
        if auth:
            c.headers["Authorization"] = f"Bearer {app.state.settings.token}"
        c.__enter__()
        opened.append(c)
        return c

    yield make
    for c in opened:
        c.__exit__(None, None, None)


def sql(db: Path, query: str, params=()) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query, list(params)).fetchall()
    finally:
        con.close()


def wait_for(client: TestClient, job: dict, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/ingest/{job['job_id']}").json()
        if job["status"] in ("done", "failed"):
            return job
        time.sleep(0.3)
    raise AssertionError(f"ingest job still {job['status']} after {timeout}s")


def test_overview_counts_match_the_store(client, seed_db):
    data = client.get("/api/overview").json()
    docs, words, first, last = sql(seed_db, "SELECT count(*), sum(n_words), min(published), max(published) FROM documents")[0]
    assert (data["documents"], data["words"]) == (docs, words)
    assert (data["first_published"], data["last_published"]) == (first.isoformat(), last.isoformat())
    assert data["events"] == sql(seed_db, "SELECT count(*) FROM events")[0][0]
    top = data["top_dyads"][0]
    # Top dyads rank pairs by counted clusters; their events are the counted events that report them.
    pair_events = sql(seed_db, "SELECT count(*) FROM events WHERE modality IN ('asserted', 'reported') AND "
                               f"confidence >= {MIN_CONFIDENCE} AND "
                               "least(source, target) = ? AND greatest(source, target) = ? AND source <> target",
                      (top["a"], top["b"]))[0][0]
    clusters = sql(seed_db, "SELECT count(*) FROM clusters WHERE modality IN ('asserted', 'reported') AND "
                            "least(source, target) = ? AND greatest(source, target) = ? AND source <> target",
                   (top["a"], top["b"]))[0][0]
    assert (top["events"], top["clusters"]) == (pair_events, clusters)
    assert all(d["clusters"] <= top["clusters"] for d in data["top_dyads"])
    assert data["clusters"] == sql(seed_db, "SELECT count(*) FROM clusters WHERE modality IN ('asserted', 'reported')")[0][0]
    page = client.get("/").text
    assert f'id="n-documents">{docs}<' in page and f'/dyad/{top["a"]}/{top["b"]}' in page
    assert client.get("/dyad", follow_redirects=False).headers["location"] == "/dyads"
    assert client.get("/dyad?a=rus&b=irn", follow_redirects=False).headers["location"] == "/dyad/RUS/IRN"


def test_events_filters_and_paging_match_the_cli(client, seed_db):
    cli = run_cli("events", "--db", seed_db, "--dyad", "RUS,IRN", "--format", "json")
    expected = [e["event_id"] for e in json.loads(cli.stdout)]
    assert len(expected) > 10
    pages, offset = [], 0
    while True:
        page = client.get("/api/events", params={"dyad": "RUS,IRN", "limit": 7, "offset": offset}).json()
        assert page["total"] == len(expected)
        pages += [e["event_id"] for e in page["items"]]
        offset += 7
        if offset >= page["total"]:
            break
    assert pages == expected
    conflict = client.get("/api/events", params={"actor": "rus", "quad": "material_conflict",
                                                 "modality": "asserted,reported", "since": "2015-01-01"}).json()
    assert conflict["total"] == sql(seed_db, "SELECT count(*) FROM events WHERE (source = 'RUS' OR target = 'RUS') AND "
                                             "quad = 'material_conflict' AND modality IN ('asserted', 'reported') AND "
                                             "date_start >= DATE '2015-01-01'")[0][0] > 0
    for e in conflict["items"]:
        assert "RUS" in (e["source"], e["target"]) and e["quad"] == "material_conflict"
        assert e["sentence"][e["trigger_offset"]:].startswith(e["trigger"])
    html = client.get("/events", params={"dyad": "RUS,IRN", "code": "19"}).text
    assert f'id="event-total">{client.get("/api/events?dyad=RUS,IRN&code=19").json()["total"]}<' in html


def test_event_page_highlights_the_evidence_and_marks_the_actors(client, seed_db):
    event_id, sentence, trigger = sql(seed_db, """
        SELECT e.event_id, s.text, e.trigger FROM events e JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
        WHERE e.source = 'RUS' AND e.target = 'IRN' ORDER BY e.event_id LIMIT 1""")[0]
    data = client.get(f"/api/events/{event_id}").json()
    assert data["sentence"] == sentence and data["trigger"] == trigger
    html = client.get(f"/events/{event_id}").text
    evidence = html.split('<mark class="evidence" id="evidence">', 1)[1].split("</mark>\n", 1)[0]
    assert f'<mark class="trigger">{trigger}</mark>' in evidence
    assert '<span class="actor" data-code="RUS"' in html and '<span class="actor" data-code="IRN"' in html
    assert client.get("/api/events/nope:1").status_code == 404


def test_dyad_api_is_the_analysis_summary_and_the_page_shows_it(client, seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    expected = plain(dyad_summary(con, "RUS", "IRN"))
    con.close()
    data = client.get("/api/dyad/rus/IRN").json()
    assert data == json.loads(json.dumps(expected))
    html = client.get("/dyad/RUS/IRN").text
    assert f'id="dyad-clusters">{expected["totals"]["clusters"]}<' in html
    assert 'id="timeline-data"' in html and "RUS&gt;IRN" not in html  # chart data is JSON, not escaped markup
    spec = json.loads(html.split('id="timeline-data">', 1)[1].split("</script>", 1)[0])
    bars = {t["name"]: sum(t["y"]) for t in spec["data"] if t["type"] == "bar"}
    for direction in ("RUS>IRN", "IRN>RUS"):
        assert bars[f"{direction} clusters"] == sum(s["clusters"] for s in expected["series"] if s["direction"] == direction)
    assert client.get("/api/dyad/RUS/IRN?by=decade").status_code == 422


def test_an_unknown_actor_code_is_a_404_not_an_empty_dyad(client):
    """A code no stored event names gives 404 saying so, as a page and as JSON; the same code twice is 422."""
    for a, b, code in [("XYZ", "IRN", "XYZ"), ("RUS", "QQQ", "QQQ")]:
        page = client.get(f"/dyad/{a}/{b}")
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert f"no events with actor &#39;{code}&#39;" in page.text and 'id="dyad-clusters"' not in page.text
        api = client.get(f"/api/dyad/{a}/{b}")
        assert api.status_code == 404 and code in api.json()["detail"]
    assert client.get("/api/dyad/RUS/rus").status_code == 422 and client.get("/dyad/IRN/IRN").status_code == 422
    assert client.get("/dyad?a=RUS&b=XYZ").status_code == 404  # the form's redirect lands on the same 404


def test_network_clusters_actors_quotes_issues(client, seed_db):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert {n["id"] for n in net["nodes"]} >= {code for pair in edges for code in pair}
    clusters = client.get("/api/clusters", params={"dyad": "RUS,IRN"}).json()
    counted = [c for c in clusters if c["source"] == "RUS" and c["target"] == "IRN" and c["modality"] in COUNTED]
    assert edges[("RUS", "IRN")]["clusters"] == len(counted) > 0
    assert sum(c["n_events"] for c in clusters) == client.get("/api/events?dyad=RUS,IRN").json()["total"]
    actors = client.get("/api/actors", params={"limit": 5}).json()
    assert actors[0]["mentions"] >= actors[-1]["mentions"] and actors[0]["code"] in ("RUS", "IRN")
    rus = client.get("/api/actors/RUS").json()
    assert len(rus["mentions"]) == actors[0]["mentions"] if actors[0]["code"] == "RUS" else len(rus["mentions"]) > 0
    assert client.get("/api/actors/ZZZNOPE").status_code == 404
    quotes = client.get("/api/quotes", params={"actor": "RUS"}).json()
    assert quotes["total"] == sql(seed_db, "SELECT count(*) FROM quotes WHERE speaker_actor = 'RUS' OR speaker_id = 'RUS'")[0][0]
    issues = {i["issue"]: i for i in client.get("/api/issues").json()}
    assert issues["nuclear"]["documents"] == sql(seed_db, "SELECT count(*) FROM issues WHERE issue = 'nuclear' AND assigned")[0][0]


def test_search_finds_the_documents_with_the_words(client, seed_db):
    data = client.get("/api/search", params={"q": "Hamadan airbase"}).json()
    having = {r[0] for r in sql(seed_db, "SELECT DISTINCT doc_id FROM sentences WHERE contains(lower(text), 'hamadan') "
                                         "OR contains(lower(text), 'airbase')")}
    assert {h["doc_id"] for h in data["items"]} == having and having
    scores = [h["score"] for h in data["items"]]
    assert scores == sorted(scores, reverse=True)
    best = data["items"][0]["snippets"][0]["text"].lower()
    assert "hamadan" in best or "airbase" in best
    html = client.get("/search", params={"q": "Hamadan"}).text
    assert '<mark class="term">Hamadan</mark>' in html
    assert client.get("/api/search", params={"q": ""}).status_code == 422


def test_upload_is_ingested_and_its_script_shown_as_text(writable, seed_db):
    client = writable()
    text = ("# Envoys meet in Baku\n\nTurkey and Azerbaijan signed a gas pipeline agreement in Baku on Monday. "
            "The statement read <script>alert('owned')</script> and <b>nothing else</b>.\n")
    response = client.post("/api/ingest", files={"file": ("../../etc/baku note.txt", text.encode())})
    assert response.status_code == 202, response.text
    job = wait_for(client, response.json())
    assert job["status"] == "done" and job["stored"] == 1 and job["filename"] == "baku_note.txt", job
    doc_id = job["documents"][0]
    listing = client.get("/api/documents").json()
    assert listing["total"] == 6 and doc_id in [d["doc_id"] for d in listing["items"]]
    html = client.get(f"/documents/{doc_id}").text
    assert "<script>alert" not in html and "&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;" in html
    assert "<b>nothing" not in html
    assert "Envoys meet in Baku" in client.get("/documents").text
    events = client.get("/api/events", params={"dyad": "TUR,AZE"}).json()
    assert events["total"] >= 1  # the new article's events are queryable at once
    again = wait_for(client, client.post("/api/ingest", files={"file": ("copy.txt", text.encode())}).json())
    assert (again["stored"], again["skipped"]) == (0, 1)


def test_an_upload_keeps_its_good_records_when_one_fails(writable, monkeypatch):
    """A record whose analysis raises (a bug, simulated in the event coder) and a broken line fail
    alone: the upload's other records are stored and the job names each failure with its line."""
    from detente.pipeline import load_nlp

    coder = type(load_nlp().get_pipe("detente_events"))
    real = coder.__call__
    monkeypatch.setattr(coder, "__call__", lambda self, doc: (_ for _ in ()).throw(ValueError("simulated bug"))
                        if "POISON" in doc.text else real(self, doc))
    records = ["Turkey and Azerbaijan signed a gas pipeline agreement in Baku on Monday.",
               "Russia attacked Iran. POISON", "Armenia and Georgia held talks in Tbilisi on trade."]
    feed = "\n".join([*(json.dumps({"text": t}) for t in records), '{"text": "broken']) + "\n"
    client = writable()
    job = wait_for(client, client.post("/api/ingest", files={"file": ("feed.jsonl", feed.encode())}).json())
    assert (job["status"], job["stored"]) == ("done", 2), job
    assert sorted(job["errors"]) == ["feed.jsonl:2: analysis failed (ValueError: simulated bug)",
                                     "feed.jsonl:4: invalid JSON (Unterminated string starting at column 10)"]


def test_upload_checks_type_size_and_never_writes_outside_its_folder(writable):
    client = writable(max_upload=1000)
    bad_type = client.post("/api/ingest", files={"file": ("list.urls", b"http://example.com\n")})
    assert bad_type.status_code == 415 and ".urls" in bad_type.json()["detail"]
    assert client.post("/api/ingest", files={"file": ("x.exe", b"MZ")}).status_code == 415
    too_big = client.post("/api/ingest", files={"file": ("big.txt", b"a " * 2000)})
    assert too_big.status_code == 413 and "1,000" in too_big.json()["detail"]
    assert client.post("/api/ingest", files={"file": ("empty.txt", b"")}).status_code == 400
    assert client.post("/api/ingest").status_code == 422
    folder = client.app.state.settings.ingestor.folder
    assert list(folder.iterdir()) == []  # refused uploads leave nothing behind
    for name, safe in [("../../etc/passwd.txt", "passwd.txt"), ("..\\..\\win.ini.md", "win.ini.md"),
                       (".hidden.txt", "hidden.txt"), ("a b;c$.csv", "a_b_c_.csv"), ("", "upload")]:
        assert safe_name(name) == safe


def test_read_only_and_token_guard_the_writes(writable, seed_db):
    files = {"file": ("a.txt", b"Russia and Iran signed a treaty.")}
    read_only = local(create_app(seed_db))  # read-only is the default
    refused = read_only.post("/api/ingest", files=files)
    assert refused.status_code == 403 and "read-only" in refused.json()["detail"]
    assert "uploads are turned off" in read_only.get("/upload").text
    guarded = writable(auth=False, token="s3cret")
    assert guarded.post("/api/ingest", files=files).status_code == 401
    assert guarded.post("/api/ingest", files=files, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = guarded.post("/api/ingest", files=files, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 202
    assert wait_for(guarded, ok.json())["status"] == "done"


def test_serve_refuses_contradictory_options_and_a_missing_store(tmp_path):
    both = run_cli("serve", "--db", tmp_path / "x.duckdb", "--writable", "--read-only")
    assert both.returncode == 2 and "--writable" in both.stderr
    assert_no_traceback(both)
    bad_host = run_cli("serve", "--db", tmp_path / "x.duckdb", "--allow-host", "evil.example/path")
    assert bad_host.returncode == 2 and "--allow-host" in bad_host.stderr
    assert_no_traceback(bad_host)
    for options in ((), ("--read-only",)):  # read-only, the default, never creates a store
        missing = run_cli("serve", "--db", tmp_path / "none.duckdb", *options)
        assert missing.returncode == 3 and "no store here" in missing.stderr
    assert not (tmp_path / "none.duckdb").exists()


def test_bad_requests_get_clear_4xx_and_errors_no_internals(client, seed_db):
    for url, status, words in [("/api/events?since=2015-13-01", 422, "since"), ("/api/events?modality=maybe", 422, "modality"),
                               ("/api/events?limit=0", 422, "limit"), ("/api/documents/zz", 422, "doc_id"), ("/api/nothing", 404, "")]:
        response = client.get(url)
        assert response.status_code == status, url
        assert words in response.json()["detail"]
    for path in ("/static/../../store.py", "/static/%2e%2e/%2e%2e/store.py", "/api/documents/..%2F..%2Fetc%2Fpasswd"):
        assert client.get(path).status_code in (404, 422), path
    app = create_app(seed_db)

    @app.get("/api/boom")
    def boom():
        return 1 / 0

    response = local(app, raise_server_exceptions=False).get("/api/boom")
    assert response.status_code == 500 and response.json() == {"detail": "internal error"}
    assert response.headers["x-content-type-options"] == "nosniff"  # set outside the middleware too


def test_property_no_server_errors(seed_db):
    """Schemathesis draws requests for every operation of our own OpenAPI schema (valid and not);
    none may make the server fail."""
    import schemathesis
    from hypothesis import given
    from schemathesis.checks import not_a_server_error

    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(seed_db, allow_hosts=["testserver"]))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 14
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def no_server_error(case):
            case.call_and_validate(checks=[not_a_server_error])

        no_server_error()
