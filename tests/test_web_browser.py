"""The dashboard in a real browser: `detente serve` started as a user would, on a free loopback port
over a copy of the seed store, driven with Playwright in Debian's chromium. Screenshots go to
$DETENTE_SCREENSHOTS when set, else to the test's temporary folder."""

from __future__ import annotations

import csv
import io
import os
import shutil
from pathlib import Path

import httpx
import pytest

from .conftest import Server
from .conftest import seed_store

CHROMIUM = Path("/usr/bin/chromium")
TOKEN = "browser-test-token"
# Records every Content-Security-Policy violation a page reports (read back by the page fixture).
CSP_WATCH = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline") + " " + (e.sourceFile || "") + ":" + e.lineNumber);
});
"""
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory, seeds):
    """The real server (uvicorn, via the CLI) over a writable copy of the seed store, uploads
    taking TOKEN."""
    db = tmp_path_factory.mktemp("browser") / "detente.duckdb"
    shutil.copy(seed_store(tmp_path_factory, seeds), db)
    server = Server(db, "--writable", "--token", TOKEN)
    yield server.base
    server.stop()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    folder = Path(os.environ.get("DETENTE_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_WATCH)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    if not pg.url.startswith("about:"):
        errors += pg.evaluate("window.__csp || []")
    context.close()
    assert not errors, errors  # no JavaScript error and no CSP violation on any page


def test_dyad_page_draws_its_charts(page, server, shots):
    summary = httpx.get(f"{server}/api/dyad/RUS/IRN").json()
    page.goto(f"{server}/dyad/RUS/IRN")
    page.wait_for_selector("#timeline .main-svg")
    page.wait_for_selector("#quads .main-svg")
    directions = {s["direction"] for s in summary["series"]}
    # one bar trace and one line trace per direction, drawn as SVG by plotly.js
    assert page.locator("#timeline .barlayer g.trace").count() == len(directions) == 2
    assert page.locator("#timeline .scatterlayer g.trace").count() == len(directions)
    periods = {s["period"] for s in summary["series"] if s["clusters"]}
    assert page.locator("#timeline .barlayer g.point path").count() >= len(periods) > 0
    assert page.locator("#quads .barlayer g.trace").count() == 4
    # A real time axis: years as dates, 1813 and 1881 as far apart as they are, not categories side by side.
    assert page.evaluate("() => document.getElementById('timeline').layout.xaxis.type") == "date"
    ticks = page.locator("#timeline .xtick text").all_text_contents()
    assert ticks and all(t.isdigit() for t in ticks)  # round years: 1850, 1900 ... (not the periods' labels)
    assert page.inner_text("#dyad-clusters") == str(summary["totals"]["clusters"])
    assert page.locator("#ledger tbody tr").count() == max(len(summary["ledger"]), 1)
    page.screenshot(path=shots / "dyad.png", full_page=True)


def test_filter_the_events_then_open_one_with_its_evidence(page, server, shots):
    page.goto(f"{server}/events")
    page.fill("#filters input[name=dyad]", "RUS,IRN")
    page.select_option("#filters select[name=quad]", "material_conflict")
    page.click("#filters button[type=submit]")
    page.wait_for_url("**/events?*dyad=RUS%2CIRN*")
    expected = httpx.get(f"{server}/api/events", params={"dyad": "RUS,IRN", "quad": "material_conflict"}).json()
    assert 0 < expected["total"] < httpx.get(f"{server}/api/events", params={"dyad": "RUS,IRN"}).json()["total"]
    assert page.inner_text("#event-total") == str(expected["total"])
    rows = page.locator("table.events tbody tr.event")
    assert rows.count() == len(expected["items"])
    assert set(page.locator("table.events .quad").all_inner_texts()) == {"material conflict"}
    page.screenshot(path=shots / "events-filtered.png", full_page=True)

    first = expected["items"][0]
    rows.first.locator("a.event-link").click()
    page.wait_for_selector("mark.evidence")
    evidence = page.locator("mark.evidence")
    assert evidence.count() == 1 and evidence.is_visible()
    assert " ".join(evidence.inner_text().split()) == " ".join(first["sentence"].split())
    assert evidence.locator("mark.trigger").inner_text() == first["trigger"]
    codes = set(page.locator("#article span.actor").evaluate_all("els => els.map(e => e.dataset.code)"))
    assert {first["source"], first["target"]} <= codes
    evidence.scroll_into_view_if_needed()
    page.screenshot(path=shots / "event-evidence.png")


def test_upload_a_document_and_see_it_listed(page, server, shots, tmp_path):
    title = f"Ankara and Baku sign a pipeline accord {os.getpid()}"
    article = tmp_path / "pipeline accord.txt"
    article.write_text(f"# {title}\n\nTurkey and Azerbaijan signed a gas pipeline agreement in Baku on Monday. "
                       "President Erdogan said the deal would bind Ankara and Baku for decades. "
                       "<script>window.pwned = true</script>\n", encoding="utf-8")
    before = httpx.get(f"{server}/api/documents").json()["total"]
    page.goto(f"{server}/upload#token={TOKEN}")  # the fragment fills the token field, then leaves the address
    assert page.input_value("#upload-token") == TOKEN and "#" not in page.url
    page.set_input_files("#upload-file", str(article))
    page.click("#upload-button")
    # a function, not an expression: Playwright evals an expression, which the page's CSP forbids
    page.wait_for_function("() => document.getElementById('upload-state').textContent.startsWith('done')",
                           timeout=240_000)
    assert float(page.get_attribute("#upload-progress", "value")) == 1.0
    assert "stored 1" in page.inner_text("#upload-state")
    page.screenshot(path=shots / "upload-done.png")

    page.click("#upload-documents a >> nth=0")
    page.wait_for_selector("#article")
    assert "<script>window.pwned = true</script>" in page.inner_text("#article")  # shown as text ...
    assert page.evaluate("window.pwned") is None  # ... never run

    page.goto(f"{server}/documents")
    listed = page.locator("#documents tr.document", has_text=title)
    assert listed.count() == 1
    assert page.locator("#documents tr.document").count() == before + 1
    page.screenshot(path=shots / "documents.png", full_page=True)


def test_dyad_index_sorts_and_opens_a_dyad(page, server, shots):
    expected = httpx.get(f"{server}/api/dyads", params={"limit": 50}).json()
    page.goto(f"{server}/")
    page.click("#nav-dyads")
    page.wait_for_selector("#dyads tbody tr.dyad")
    assert page.inner_text("#dyad-total") == str(expected["total"])
    rows = page.locator("#dyads tbody tr.dyad")
    assert rows.count() == min(50, expected["total"])
    counts = [int(x) for x in page.locator("#dyads td[data-figure=clusters]").all_inner_texts()]
    assert counts == [d["clusters"] for d in expected["items"]] and counts == sorted(counts, reverse=True)
    page.screenshot(path=shots / "dyads.png", full_page=True)
    # a click on a header sorts by it; a second click turns the order round
    page.click("#dyads th[data-sort=mean_goldstein] a")
    page.wait_for_url("**/dyads?*sort=mean_goldstein*")
    means = [float(x) for x in page.locator("#dyads td[data-figure=mean_goldstein]").all_inner_texts() if x != "–"]
    assert means == sorted(means)
    assert page.inner_text("#dyads th[data-sort=mean_goldstein] .arrow") == "▲"
    page.click("#dyads th[data-sort=mean_goldstein] a")
    page.wait_for_url("**order=desc*")
    means = [float(x) for x in page.locator("#dyads td[data-figure=mean_goldstein]").all_inner_texts() if x != "–"]
    assert means == sorted(means, reverse=True)
    page.screenshot(path=shots / "dyads-by-mean.png", full_page=True)
    first = page.locator("#dyads tbody tr.dyad").first
    a, b = first.get_attribute("data-dyad").split(",")
    first.locator("a.dyad-link").click()
    page.wait_for_url(f"**/dyad/{a}/{b}")
    page.wait_for_selector("#timeline .main-svg")
    summary = httpx.get(f"{server}/api/dyad/{a}/{b}").json()
    assert page.inner_text("#dyad-clusters") == str(summary["totals"]["clusters"])


def test_sql_page_runs_a_query_refuses_a_write_and_links_csv(page, server, shots):
    page.goto(f"{server}/")
    page.click("#nav-sql")
    page.wait_for_selector("#sql")
    page.fill("#sql", "SELECT source, target, count(*) AS events FROM events WHERE source IS NOT NULL "
                      "AND target IS NOT NULL GROUP BY ALL ORDER BY events DESC, source, target LIMIT 10")
    page.click("#sql-run")
    page.wait_for_selector("#sql-result")
    headers = page.locator("#sql-result thead th").all_inner_texts()
    assert headers == ["source", "target", "events"]
    assert page.locator("#sql-result tbody tr").count() == 10
    page.screenshot(path=shots / "sql.png", full_page=True)
    href = page.get_attribute("#sql-summary a.export-csv", "href")
    got = httpx.get(f"{server}{href}")
    assert got.status_code == 200 and got.text.splitlines()[0] == "source,target,events"
    assert len(got.text.splitlines()) == 11
    assert got.text.splitlines()[1].split(",") == [c.strip() for c in page.locator("#sql-result tbody tr").first.locator("td").all_inner_texts()]
    before = httpx.get(f"{server}/api/events", params={"limit": 1}).json()["total"]
    page.fill("#sql", "DELETE FROM events")
    page.click("#sql-run")
    page.wait_for_selector("#sql-error")
    assert "only SELECT" in page.inner_text("#sql-error") and page.locator("#sql-result").count() == 0
    page.fill("#sql", "SELECT * FROM read_csv('/etc/passwd')")
    page.click("#sql-run")
    page.wait_for_selector("#sql-error")
    assert "disabled" in page.inner_text("#sql-error")
    page.screenshot(path=shots / "sql-refused.png")
    assert httpx.get(f"{server}/api/events", params={"limit": 1}).json()["total"] == before


def test_sort_the_events_by_a_header_and_download_them(page, server, shots):
    page.goto(f"{server}/events?dyad=RUS,IRN")
    page.click("table.events th[data-sort=goldstein] a")
    page.wait_for_url("**sort=goldstein*")
    values = [float(x) for x in page.locator("table.events tbody td.num").all_inner_texts()]
    assert values == sorted(values, reverse=True)  # Goldstein sorts strongest first
    assert page.inner_text("#event-total") == str(httpx.get(f"{server}/api/events", params={"dyad": "RUS,IRN"}).json()["total"])
    # a facet adds its filter to the sorted list
    page.click("#facets [data-facet=quad] a.facet-link >> nth=0")
    page.wait_for_url("**quad=*")
    quads = set(page.locator("table.events .quad").all_inner_texts())
    assert len(quads) == 1 and "sort=goldstein" in page.url
    page.screenshot(path=shots / "events-sorted.png", full_page=True)
    href = page.get_attribute("a.export-csv", "href")
    rows = list(csv.DictReader(io.StringIO(httpx.get(f"{server}{href}").text)))
    assert len(rows) == int(page.inner_text("#event-total"))
    assert [float(r["goldstein"]) for r in rows] == sorted((float(r["goldstein"]) for r in rows), reverse=True)
    page.goto(f"{server}/actors?limit=10")
    assert page.locator("#actors tbody tr").count() == 10
    page.click(".pager a.next")
    page.wait_for_url("**offset=10*")
    assert page.locator("#actors tbody tr").count() >= 1
    page.screenshot(path=shots / "actors-page-2.png", full_page=True)
