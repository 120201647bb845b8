"""Issue 16: nothing a web page sends can reach the store, and nothing stored runs in a page.

Through FastAPI's TestClient: only http(s) urls become links; every response carries the CSP and
the other security headers; a request naming a foreign Host gets 400 (DNS rebinding); a write
from another origin gets 403, without the token 401, as a form's urlencoded or text/plain body
415; a writable app always has a token; a read-only app over a store whose clusters are stale
changes no byte of it. Through `detente serve` under uvicorn: the token a writable server makes is
printed and is what lets an upload in; the default server is read-only. In chromium: XSS payloads
stored in every field the dashboard shows never run on any page, no page breaks its CSP, and a
cross-site form post to /api/ingest is refused with 403."""

from __future__ import annotations

import hashlib
import http.server
import logging
import re
import shutil
import socketserver
import threading
from html.parser import HTMLParser
from pathlib import Path

import duckdb
import httpx
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from detente.web import create_app
from detente.web.security import CONTENT_SECURITY_POLICY

from .conftest import Server
from .conftest import seed_store
from .test_web_api import wait_for

LOCAL = "http://127.0.0.1:8000"
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
EXPECTED_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
NOT_LINKS = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)",
             "\njavascript:alert(1)", "java\nscript:alert(document.domain)", "\x01javascript:alert(1)",
             "javascript\t:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
             "//evil.example/x", "http:\\\\evil.example", "https:evil.example", "ftp://example.org/file"]


def local(app, **options) -> TestClient:
    return TestClient(app, base_url=LOCAL, **options)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, seeds) -> Path:
    return seed_store(tmp_path_factory, seeds)


@pytest.fixture
def store_copy(seed_db, tmp_path) -> Path:
    db = tmp_path / "detente.duckdb"
    shutil.copy(seed_db, db)
    return db


def execute(db: Path, *statements: tuple[str, list]) -> None:
    con = duckdb.connect(str(db))
    try:
        for query, params in statements:
            con.execute(query, params)
        con.execute("CHECKPOINT")
    finally:
        con.close()


def scheme_of(href: str) -> str | None:
    """The scheme a browser reads in an href: leading and trailing C0 controls and spaces dropped,
    tabs and newlines inside removed (WHATWG URL parsing)."""
    value = re.sub(r"[\t\n\r]", "", href.strip("".join(map(chr, range(0x21)))))
    m = re.match(r"([A-Za-z][A-Za-z0-9+.\-]*):", value)
    return m.group(1).lower() if m else None


class Markup(HTMLParser):
    """Every link-like attribute, every script element and every event-handler attribute of a page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[dict] = []
        self.handlers: list[str] = []
        self.styles = 0

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction", "xlink:href") and value is not None:
                self.links.append(value)
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name == "style":
                self.styles += 1
        if tag == "script":
            self.scripts.append(dict(attrs))
        if tag == "style":
            self.styles += 1


def markup(html: str) -> Markup:
    parser = Markup()
    parser.feed(html)
    return parser


def unsafe_links(html: str) -> list[str]:
    return [h for h in markup(html).links if scheme_of(h) not in (None, "http", "https")]


def test_only_http_urls_become_links(store_copy):
    """A stored url is a link only when it is http(s) with a host; anything else is escaped text."""
    doc_id = execute_first(store_copy, "SELECT doc_id FROM documents ORDER BY doc_id LIMIT 1")
    for url in NOT_LINKS + ["https://example.org/a?b=1&c=<x>", "  HTTP://Example.org/ok  "]:
        execute(store_copy, ("UPDATE documents SET url = ?, site = ? WHERE doc_id = ?", [url, "site<b>", doc_id]))
        with local(create_app(store_copy)) as client:
            html = client.get(f"/documents/{doc_id}").text
        assert unsafe_links(html) == [], (url, unsafe_links(html))
        if url in NOT_LINKS:
            assert '<a class="original"' not in html, url
            shown = html.split('<span class="original">', 1)[1].split("</span>", 1)[0]
            assert "site&lt;b&gt;" in shown and str(escape(url)) in shown, (url, shown)  # shown, escaped
        else:
            link = html.split('<a class="original" href="', 1)[1].split('"', 1)[0]
            assert scheme_of(link) in ("http", "https") and "example.org" in link.lower(), (url, link)
            assert "&lt;x&gt;" in link or "<" not in url  # the url is escaped inside its attribute


def execute_first(db: Path, query: str):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(query).fetchone()[0]
    finally:
        con.close()


def check_headers(response, what: str) -> None:
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, (what, response.status_code, name, response.headers.get(name))


def test_every_response_carries_the_security_headers_and_pages_have_no_inline_script(seed_db):
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe-eval" not in CONTENT_SECURITY_POLICY
    assert "'unsafe-inline'" not in CONTENT_SECURITY_POLICY.split("script-src", 1)[1].split(";", 1)[0]
    for directive in ("default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'",
                      "form-action 'self'", "img-src 'self' data:"):
        assert directive in CONTENT_SECURITY_POLICY
    app = create_app(seed_db)

    @app.get("/api/boom")
    def boom():
        return 1 / 0

    with local(app, raise_server_exceptions=False) as client:
        event_id = client.get("/api/events?limit=1").json()["items"][0]["event_id"]
        doc_id = client.get("/api/documents?limit=1").json()["items"][0]["doc_id"]
        pages = ["/", "/documents", f"/documents/{doc_id}", "/events", f"/events/{event_id}", "/actors",
                 "/actors/RUS", "/dyad/RUS/IRN", "/search?q=Iran", "/upload", "/nothing", "/events?limit=0"]
        for path in pages:
            response = client.get(path)
            check_headers(response, path)
            assert response.headers["content-type"].startswith("text/html"), path
            found = markup(response.text)
            assert found.handlers == [], (path, found.handlers)
            for script in found.scripts:  # a script is a file of ours or JSON data, never inline code
                assert script.get("src") in ("/static/app.js", "/plotly.min.js") or (
                    script.get("type") == "application/json" and "src" not in script), (path, script)
        for path in ["/api/overview", "/api/events?limit=2", "/api/nothing", "/api/events?limit=0", "/static/app.js",
                     "/static/style.css", "/plotly.min.js", "/openapi.json", "/dyad", "/api/boom"]:
            check_headers(client.get(path, follow_redirects=False), path)
        check_headers(client.post("/api/ingest", files={"file": ("a.txt", b"x")}), "read-only POST")
        check_headers(client.get("/", headers={"Host": "evil.example"}), "foreign Host")
        assert client.get("/api/boom").status_code == 500


def test_foreign_hosts_are_refused_dns_rebinding(seed_db):
    """A page on attacker.example whose name is rebound to 127.0.0.1 sends Host: attacker.example:
    refused, on every path, before anything is read."""
    with local(create_app(seed_db)) as client:
        for host in ("attacker.example", "attacker.example:8000", "127.0.0.1.attacker.example", "localhost.evil",
                     "evil.example:80", "", "127.0.0.1:notaport", "user@127.0.0.1"):
            for path in ("/api/overview", "/", "/static/app.js", "/plotly.min.js", "/api/documents"):
                response = client.get(path, headers={"Host": host})
                assert response.status_code == 400, (host, path, response.status_code)
                assert response.json() == {"detail": "Host not allowed"}
        for host in ("localhost", "localhost:8000", "127.0.0.1", "127.0.0.1:1234", "[::1]:8000", "LOCALHOST:8000"):
            assert client.get("/api/overview", headers={"Host": host}).status_code == 200, host
    # the bound address and --allow-host names are answered too; nothing else
    with local(create_app(seed_db, host="10.1.2.3", allow_hosts=["Dash.Example", "[fd00::5]"])) as client:
        for host, status in [("10.1.2.3:8000", 200), ("dash.example", 200), ("dash.example:8443", 200),
                             ("[fd00::5]:8000", 200), ("10.1.2.4:8000", 400), ("other.example", 400)]:
            assert client.get("/api/overview", headers={"Host": host}).status_code == status, host
    with local(create_app(seed_db, host="0.0.0.0")) as client:  # a wildcard bind names no host
        assert client.get("/api/overview", headers={"Host": "0.0.0.0:8000"}).status_code == 400
        assert client.get("/api/overview", headers={"Host": "192.168.1.20:8000"}).status_code == 400
    with pytest.raises(ValueError):
        create_app(seed_db, allow_hosts=["evil.example/path"])


def test_cross_site_writes_are_refused_and_same_origin_with_the_token_is_accepted(store_copy):
    files = lambda name="a.txt": {"file": (name, b"Russia and Iran signed a treaty in Moscow.")}  # noqa: E731
    with local(create_app(store_copy, read_only=False, token="s3cret-token")) as client:
        auth = {"Authorization": "Bearer s3cret-token"}
        for origin in ("https://evil.example", "null", "http://127.0.0.1:9999", "http://localhost:8000",
                       "https://127.0.0.1:8000", "http://127.0.0.1:8000.evil.example", "http://127.0.0.1:8000/x"):
            refused = client.post("/api/ingest", files=files(), headers={**auth, "Origin": origin})
            assert refused.status_code == 403 and "cross-site" in refused.json()["detail"], origin
        for site in ("cross-site", "same-site"):
            refused = client.post("/api/ingest", files=files(), headers={**auth, "Sec-Fetch-Site": site})
            assert refused.status_code == 403, site
        for method in ("PUT", "PATCH", "DELETE", "PROPFIND"):
            response = client.request(method, "/api/ingest", headers={**auth, "Origin": "https://evil.example"})
            assert response.status_code == 403, method
        preflight = client.options("/api/ingest", headers={"Origin": "https://evil.example",
                                                            "Access-Control-Request-Method": "POST",
                                                            "Access-Control-Request-Headers": "authorization"})
        assert not any(h.startswith("access-control-allow") for h in preflight.headers)  # no CORS: no token cross-site
        foreign = client.post("/api/ingest", files=files(), headers={**auth, "Host": "evil.example"})
        assert foreign.status_code == 400
        same = {"Origin": LOCAL, "Sec-Fetch-Site": "same-origin"}
        assert client.post("/api/ingest", files=files(), headers=same).status_code == 401  # no token
        wrong = client.post("/api/ingest", files=files(), headers={**same, "Authorization": "Bearer s3cret"})
        assert wrong.status_code == 401 and wrong.headers["www-authenticate"] == "Bearer"
        for content_type in ("application/x-www-form-urlencoded", "text/plain;charset=UTF-8"):
            form = client.post("/api/ingest", content=b"file=x", headers={**same, **auth, "Content-Type": content_type})
            assert form.status_code == 415, content_type
        before = client.get("/api/documents").json()["total"]
        accepted = client.post("/api/ingest", files=files(), headers={**same, **auth})
        assert accepted.status_code == 202, accepted.text
        assert wait_for(client, accepted.json())["status"] == "done"
        # a program (no Origin, no Sec-Fetch-Site) with the token is accepted too
        program = client.post("/api/ingest", files={"file": ("b.txt", b"Iran and Turkey met in Ankara.")}, headers=auth)
        assert program.status_code == 202 and wait_for(client, program.json())["status"] == "done"
        assert client.get("/api/documents").json()["total"] == before + 2


def test_a_writable_app_always_has_a_token_and_a_read_only_one_takes_no_write(store_copy):
    app = create_app(store_copy, read_only=False)
    token = app.state.settings.token
    assert token and len(token) >= 32
    with local(app) as client:
        assert client.post("/api/ingest", files={"file": ("a.exe", b"MZ")}).status_code == 401
        passed = client.post("/api/ingest", files={"file": ("a.exe", b"MZ")}, headers={"Authorization": f"Bearer {token}"})
        assert passed.status_code == 415  # past every guard: refused only for its type
        upload = client.get("/upload").text
        assert 'id="upload-token"' in upload and token not in upload  # the page never holds the token
    with local(create_app(store_copy, read_only=False)) as again:
        assert again.app.state.settings.token not in (None, token)  # made anew each time
    with local(create_app(store_copy)) as client:  # read-only: the default
        assert client.app.state.settings.read_only and client.app.state.settings.token is None
        refused = client.post("/api/ingest", files={"file": ("a.txt", b"x")},
                              headers={"Origin": LOCAL, "Authorization": f"Bearer {token}"})
        assert refused.status_code == 403 and "read-only" in refused.json()["detail"]


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


def make_clusters_stale(db: Path) -> None:
    execute(db, ("UPDATE meta SET value = 'stale' WHERE key = 'clusters_of'", []))
    assert not Path(f"{db}.wal").exists()


def test_a_read_only_server_changes_no_byte_of_a_store_with_stale_clusters(store_copy, caplog):
    make_clusters_stale(store_copy)
    before = digest(store_copy)
    caplog.set_level(logging.WARNING, logger="detente.web")
    with local(create_app(store_copy)) as client:
        event_id = client.get("/api/events?limit=1").json()["items"][0]["event_id"]
        doc_id = client.get("/api/documents?limit=1").json()["items"][0]["doc_id"]
        gets = ["/", "/documents", f"/documents/{doc_id}", "/events", f"/events/{event_id}", "/actors", "/actors/RUS",
                "/dyad", "/dyad/RUS/IRN", "/dyad/RUS/IRN?by=month", "/search?q=Iran", "/upload", "/static/app.js",
                "/plotly.min.js", "/openapi.json", "/api/overview", "/api/documents", f"/api/documents/{doc_id}",
                "/api/events", f"/api/events/{event_id}", "/api/actors", "/api/actors/RUS", "/api/quotes",
                "/api/issues", "/api/search?q=Iran", "/api/dyad/RUS/IRN", "/api/network", "/api/clusters"]
        for path in gets:
            assert client.get(path).status_code == 200, path
        assert client.post("/api/ingest", files={"file": ("a.txt", b"Russia and Iran met.")}).status_code == 403
        assert not Path(f"{store_copy}.wal").exists()
        stale_note = 'id="stale-clusters"' in client.get("/dyad/RUS/IRN").text
    assert digest(store_copy) == before
    assert not Path(f"{store_copy}.wal").exists()
    assert stale_note and "clusters are stale" in caplog.text  # served as they are, and said so


# --- `detente serve` under uvicorn -------------------------------------------------------------

def test_serve_writable_prints_its_token_and_the_default_is_read_only(seed_db, tmp_path):
    writable_db = tmp_path / "w" / "detente.duckdb"
    writable_db.parent.mkdir()
    shutil.copy(seed_db, writable_db)
    server = Server(writable_db, "--writable")
    try:
        token = server.token()
        assert len(token) >= 32 and f"/upload#token={token}" in server.output()
        upload = lambda **headers: httpx.post(f"{server.base}/api/ingest", headers=headers,  # noqa: E731
                                              files={"file": ("a.exe", b"MZ")})
        assert upload().status_code == 401
        assert upload(Authorization="Bearer nope").status_code == 401
        assert upload(Authorization=f"Bearer {token}", Origin="https://evil.example").status_code == 403
        assert upload(Authorization=f"Bearer {token}").status_code == 415  # let in; refused for its type
        rebound = httpx.get(f"{server.base}/api/overview", headers={"Host": "attacker.example"})
        assert rebound.status_code == 400
        check_headers(httpx.get(f"{server.base}/"), "/ under uvicorn")
    finally:
        server.stop()

    stale_db = tmp_path / "r" / "detente.duckdb"
    stale_db.parent.mkdir()
    shutil.copy(seed_db, stale_db)
    make_clusters_stale(stale_db)
    before = digest(stale_db)
    server = Server(stale_db)  # no option: read-only
    try:
        assert "read-only" in server.output() and "token" not in server.output()
        refused = httpx.post(f"{server.base}/api/ingest", files={"file": ("a.txt", b"Russia and Iran met.")})
        assert refused.status_code == 403
        for path in ("/", "/dyad/RUS/IRN", "/api/clusters", "/api/network"):
            assert httpx.get(f"{server.base}{path}").status_code == 200
    finally:
        server.stop()
    assert digest(stale_db) == before and not Path(f"{stale_db}.wal").exists()


# --- in chromium -------------------------------------------------------------------------------

PAYLOADS = ["<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '"><svg onload=alert(1)>',
            "</script><script>alert(1)</script>", "javascript:alert(1)", "'-alert(1)-'"]
XSS_DOCUMENTS = [
    {"title": "Moscow and Tehran <script>alert(1)</script> sign a pact", "publication": '"><svg onload=alert(1)>',
     "authors": ["<img src=x onerror=alert(1)>", "J. Writer"], "url": "javascript:alert(1)", "published": "2016-08-16",
     "text": "Russia and Iran signed a military cooperation agreement in Tehran on Monday <img src=x onerror=alert(1)>. "
             '"Our partnership with Iran is strong <script>alert(1)</script>," Russian Foreign Minister Sergei Lavrov '
             'said. Iran condemned the United States "><svg onload=alert(1)>. </script><script>alert(1)</script> '
             "Russian bombers used the Hamadan airbase in Iran to strike targets in Syria. javascript:alert(1)\n"},
    {"title": "</script><script>alert(1)</script>", "publication": "<img src=x onerror=alert(1)>",
     "authors": '"><svg onload=alert(1)>', "url": "https://example.org/news/pact?a=1&b=<x>", "published": "2016-09-01",
     "text": "Iran accused Russia of breaching the deal <img src=x onerror=alert(1)>. "
             '"We will not accept this <script>alert(1)</script>," said Iranian Foreign Minister Mohammad Javad Zarif. '
             "Russia criticised Iran on Thursday '-alert(1)-'.\n"},
]
# What ingest cannot put in a field (a site is the url's host, a speaker a name) goes in by SQL.
XSS_UPDATES = [
    ("UPDATE documents SET site = ?, keywords = [?, ?]", ['"><svg onload=alert(1)>', PAYLOADS[0], PAYLOADS[1]]),
    ("UPDATE quotes SET speaker = ? || speaker, affiliation = ?", [PAYLOADS[0], PAYLOADS[2]]),
    ("UPDATE mentions SET how = ?, role = ? WHERE kind = 'person'", [PAYLOADS[2], PAYLOADS[1]]),
    ("UPDATE mentions SET surface = ? WHERE kind = 'country' AND surface = 'Syria'", [PAYLOADS[3]]),
    ("UPDATE actors SET name = ? WHERE code = 'RUS'", [PAYLOADS[0]]),
    ("UPDATE actors SET name = ?, office = ? WHERE code = 'IRN'", [PAYLOADS[3], PAYLOADS[2]]),
    ("UPDATE events SET cameo_name = ? || cameo_name, plover_type = ?, date_basis = ?", PAYLOADS[:3]),
    ("UPDATE events SET quad = ?, modality = ?, issue = ? WHERE trigger = 'said'", [PAYLOADS[2], PAYLOADS[2], PAYLOADS[1]]),
    ("UPDATE events SET issue = ? WHERE issue IS NOT NULL", [PAYLOADS[3]]),
    ("UPDATE issues SET issue = ?, assigned = true", [PAYLOADS[3]]),
    ("UPDATE stances SET label = ?", [PAYLOADS[0]]),
]
# Runs before any script of a page: alert/confirm/prompt recorded (and a dialog handler besides),
# every CSP violation recorded.
WATCH = """
window.__fired = [];
window.__csp = [];
["alert", "confirm", "prompt"].forEach(function (name) {
  window[name] = function (m) { window.__fired.push(name + ":" + m); };
});
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""
# After load: what an injected payload would leave in the DOM.
INSPECT = """() => {
  const handlers = [], scripts = [], links = [];
  for (const el of document.querySelectorAll("*")) {
    for (const a of el.attributes) if (a.name.startsWith("on")) handlers.push(el.tagName + " " + a.name);
  }
  for (const s of document.scripts) {
    const src = s.getAttribute("src");
    if (!(src === "/static/app.js" || src === "/plotly.min.js" || (!src && s.type === "application/json"))) scripts.push(s.outerHTML.slice(0, 120));
  }
  for (const a of document.querySelectorAll("a[href]")) if (a.protocol !== "http:" && a.protocol !== "https:") links.push(a.getAttribute("href"));
  return {fired: window.__fired, csp: window.__csp, handlers, scripts, links,
          images: document.querySelectorAll("img").length, text: document.body.innerText};
}"""


@pytest.fixture(scope="module")
def xss_server(tmp_path_factory):
    """`detente serve --writable` (its own token) over a store with payloads in every shown field."""
    import json

    from .conftest import run_cli

    folder = tmp_path_factory.mktemp("xss")
    records = folder / "payloads.jsonl"
    records.write_text("".join(json.dumps(d) + "\n" for d in XSS_DOCUMENTS), encoding="utf-8")
    db = folder / "detente.duckdb"
    result = run_cli("ingest", records, "--db", db)
    assert result.returncode == 0, result.stderr
    execute(db, *XSS_UPDATES)
    execute(db, ("UPDATE clusters SET cameo_name = ?", [PAYLOADS[1]]))
    server = Server(db, "--writable")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


def test_stored_payloads_never_run_and_no_page_breaks_its_csp(browser, xss_server):
    base = xss_server.base
    docs = httpx.get(f"{base}/api/documents").json()["items"]
    events = httpx.get(f"{base}/api/events").json()["items"]
    assert len(docs) == 2 and any(e["source"] == "RUS" and e["target"] == "IRN" for e in events)
    stored = httpx.get(f"{base}/api/documents/{docs[0]['doc_id']}").json()
    assert any(p in str(stored) for p in PAYLOADS)
    paths = [f"/documents/{d['doc_id']}" for d in docs] + [f"/events/{e['event_id']}" for e in events]
    paths += ["/", "/documents", "/events", "/actors", "/actors/RUS", "/actors/IRN", "/dyad/RUS/IRN",
             "/dyad/RUS/IRN?by=month", "/upload", "/search?q=alert", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
             "/events?issue=nuclear", "/events/%3Cscript%3Ealert(1)%3C%2Fscript%3E", "/actors/%22%3E%3Csvg%20onload=alert(1)%3E",
             "/nothing%3Cimg%20src=x%20onerror=alert(1)%3E"]
    context = browser.new_context()
    context.add_init_script(WATCH)
    page = context.new_page()
    dialogs, errors = [], []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    try:
        seen = ""
        for path in paths:
            page.goto(f"{base}{path}")
            if path.startswith("/dyad/"):
                page.wait_for_selector("#timeline .main-svg")
            found = page.evaluate(INSPECT)
            assert found["fired"] == [] and dialogs == [], (path, found["fired"], dialogs)
            assert found["csp"] == [] and errors == [], (path, found["csp"], errors)
            assert found["handlers"] == [] and found["scripts"] == [] and found["images"] == 0, (path, found)
            assert found["links"] == [], (path, found["links"])  # javascript: never a link
            seen += found["text"]
        # the payloads were on the pages, as text
        for payload in ("<img src=x onerror=alert(1)>", "<script>alert(1)</script>", '"><svg onload=alert(1)>',
                        "</script><script>alert(1)</script>", "javascript:alert(1)"):
            assert payload in seen, payload
        bad, good = sorted(docs, key=lambda d: not d["url"].startswith("javascript"))
        page.goto(f"{base}/documents/{bad['doc_id']}")  # the javascript: url is text ...
        assert page.inner_text("span.original").endswith("javascript:alert(1)") and page.locator("a.original").count() == 0
        page.goto(f"{base}/documents/{good['doc_id']}")  # ... an https one a link
        assert page.eval_on_selector("a.original", "a => a.href") == "https://example.org/news/pact?a=1&b=%3Cx%3E"
    finally:
        context.close()


class Evil(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def test_a_cross_site_form_post_is_refused(browser, xss_server, tmp_path):
    """A page of another site (http://localhost:PORT, where the server is 127.0.0.1) posts a form to
    /api/ingest, as multipart and as text/plain: the browser sends its Origin, the server answers 403
    and stores nothing."""
    target = f"{xss_server.base}/api/ingest"
    for name, enctype in (("multipart.html", "multipart/form-data"), ("plain.html", "text/plain")):
        (tmp_path / name).write_text(
            f'<form id="f" method="post" enctype="{enctype}" action="{target}">'
            '<input name="file" value="Russia and Iran signed a treaty."></form>'
            '<script>document.getElementById("f").submit()</script>', encoding="utf-8")
    handler = lambda *a, **k: http.server.SimpleHTTPRequestHandler(*a, directory=str(tmp_path), **k)  # noqa: E731
    evil = Evil(("127.0.0.1", 0), handler)
    threading.Thread(target=evil.serve_forever, daemon=True).start()
    before = httpx.get(f"{xss_server.base}/api/documents").json()["total"]
    context = browser.new_context()
    page = context.new_page()
    try:
        for name in ("multipart.html", "plain.html"):
            with page.expect_response(lambda r: r.url == target) as answer:
                page.goto(f"http://localhost:{evil.server_address[1]}/{name}")
            response = answer.value
            sent = response.request.all_headers()
            assert sent.get("origin") == f"http://localhost:{evil.server_address[1]}", sent
            assert response.status == 403 and "cross-site" in response.json()["detail"], (name, response.status)
    finally:
        context.close()
        evil.shutdown()
    assert httpx.get(f"{xss_server.base}/api/documents").json()["total"] == before
