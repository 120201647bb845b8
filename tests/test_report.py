"""`detente report`: the HTML report opened in headless Chromium with no network (charts drawn,
screenshot not blank, article text escaped), and the Markdown report against dyad_summary."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import duckdb
import pytest

from detente.analysis.dyad import dyad_summary
from detente.report import report_model
from detente.report.markdown import cited, md, num

from .conftest import assert_no_traceback, run_cli

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
HOSTILE = "<script>alert(1)</script>"
# An article whose text and title carry markup: the report must show it as text, never run it.
ARTICLE = f"""# Tehran & Moscow <b>bold</b> talks

date 2023-03-03

On March 2, 2023, Iran praised Russia {HOSTILE} for its support in Syria.

Russia accused Iran of delays on March 2, 2023.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory, seeds) -> Path:
    folder = tmp_path_factory.mktemp("report")
    (folder / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    path = folder / "store.duckdb"
    result = run_cli("ingest", seeds, folder / "hostile.txt", "--db", path)
    assert result.returncode == 0, result.stderr
    return path


def report(db: Path, out: Path, *args: str) -> str:
    result = run_cli("report", "RUS", "IRN", "--db", db, "-o", out, *args)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    return out.read_text(encoding="utf-8")


def summary(db: Path, by: str = "year") -> dict:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return dyad_summary(con, "RUS", "IRN", by=by)
    finally:
        con.close()


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit, non-interlaced RGB/RGBA PNG (what Chromium writes): width, height, rows."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    assert depth == 8 and colour in (2, 6) and interlace == 0
    bpp = 3 if colour == 2 else 4
    raw, stride, rows, prev = zlib.decompress(b"".join(chunks)), width * bpp, [], bytearray(width * bpp)
    for y in range(height):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - bpp] if i >= bpp else 0
            up, corner = prev[i], prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i] for i in range(len(r)) if i % bpp < 3) for r in rows]


def inked(rows: list[bytes]) -> int:
    """Pixels darker than the page's white background."""
    return sum(1 for row in rows for i in range(0, len(row), 3) if min(row[i:i + 3]) < 235)


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed (.ci/run installs it)")
def test_html_report_renders_offline_in_chromium(db, tmp_path):
    from playwright.sync_api import sync_playwright

    out = tmp_path / "report.html"
    html = report(db, out)
    assert 'src="http' not in html and "<link" not in html  # no script or stylesheet from elsewhere
    shots = tmp_path / "screenshots"
    shots.mkdir()
    expected = summary(db)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1200, "height": 1000})
        requested, dialogs, errors = [], [], []
        page.route(re.compile(r"^(?!file:).*"), lambda route: (requested.append(route.request.url), route.abort()))
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(out.as_uri())
        page.wait_for_selector("#chart-network .main-svg", timeout=30_000)
        charts = page.eval_on_selector_all(".js-plotly-plot", "els => els.map(e => e.id)")
        assert charts == ["chart-timeline", "chart-quads", "chart-ledger", "chart-network"]
        for chart in charts:
            box = page.locator(f"#{chart} .main-svg").first.bounding_box()
            assert box["width"] > 400 and box["height"] > 200
        # The charts hold the analysis's numbers on a real time axis: per direction, the mean Goldstein
        # per year at mid-year, the line broken (a null) wherever years with no cluster lie between.
        drawn = page.evaluate("""() => Object.fromEntries(document.getElementById('chart-timeline').data
                                   .map(t => [t.name, [Array.from(t.x), Array.from(t.y)]]))""")
        assert page.evaluate("() => document.getElementById('chart-timeline').layout.xaxis.type") == "date"
        for direction in {r["direction"] for r in expected["series"]}:
            rows = [r for r in expected["series"] if r["direction"] == direction and r["mean_goldstein"] is not None]
            x, y = drawn[direction]
            assert [v for v in y if v is not None] == [r["mean_goldstein"] for r in rows]
            assert [v for v, w in zip(x, y) if w is not None] == [f"{r['period']}-07-02" for r in rows]
            gaps = sum(1 for r, s in zip(rows, rows[1:]) if int(s["period"]) != int(r["period"]) + 1)
            assert y.count(None) == gaps
        assert page.locator("#chart-timeline .scatterlayer .trace").count() == len(drawn)
        assert page.locator("#chart-quads .barlayer .point path").count() > 0
        # Every linked number leads to an element on the page.
        targets = page.eval_on_selector_all("a.num", "els => els.map(e => e.getAttribute('href').slice(1))")
        assert targets and all(page.locator(f"[id='{t}']").count() == 1 for t in set(targets))
        # The hostile article shows as text, escaped, and runs nothing.
        assert page.get_by_text(HOSTILE, exact=False).count() >= 1
        assert page.locator("b", has_text="bold").count() == 0
        page.screenshot(path=str(shots / "report.png"))
        page.locator("#chart-network").screenshot(path=str(shots / "network.png"))
        page.locator("#chart-quads").screenshot(path=str(shots / "quads.png"))
        browser.close()
    assert not requested and not dialogs and not errors, (requested, dialogs, errors)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and HOSTILE not in html
    # Not blank: a share of the first screen differs from the white background (a blank page: 0),
    # and the stacked bars are drawn (thin: each covers its year on an axis of two centuries).
    width, height, rows = png_pixels((shots / "report.png").read_bytes())
    assert (width, height) == (1200, 1000) and inked(rows) / (width * height) > 0.02
    width, height, rows = png_pixels((shots / "quads.png").read_bytes())
    assert inked(rows) / (width * height) > 0.01  # thin bars: a year is narrow on a real axis from 1813 to 2023
    width, height, rows = png_pixels((shots / "network.png").read_bytes())
    colours = {row[i:i + 3] for row in rows for i in range(0, len(row), 3)}
    assert len(colours) > 20  # nodes, edges, labels: drawn, not an empty frame


def test_markdown_report_matches_dyad_summary(db, tmp_path):
    text = report(db, tmp_path / "report.md", "--by", "quarter")
    expected = summary(db, "quarter")
    t = expected["totals"]
    head = re.search(r"^\| \[(\d+)\]\(#grp-1\) \| \[(\d+)\]\(#grp-1\) \| \[(\d+)\]\(#grp-1\) \| \[(\d+)\]\(#grp-1\) "
                     r"\| \[([-\d.]+)\]\(#grp-1\) \| (\S+) \| (\S+) \|$", text, re.M)
    assert head and head.groups() == (str(t["clusters"]), str(t["events"]), str(t["documents"]), str(t["sources"]),
                                       num(t["mean_goldstein"]), t["first_date"], t["last_date"])
    for r in expected["series"]:
        line = next(x for x in text.splitlines() if x.startswith(f"| {r['period']} | {md(r['direction'])} |"))
        cells = [re.sub(r"\[(.*)\]\(#[\w-]+\)", r"\1", c.strip()) for c in line.strip("|").split("|")]
        assert cells[2:] == [str(r["clusters"]), str(r["events"]), num(r["mean_goldstein"]), *(str(r[q]) for q in (
            "verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"))]
    assert re.search(r"^\| 2023-Q1 \| IRN&gt;RUS \| \[[1-9]\d*\]", text, re.M)  # the article added beside the seeds
    for item in expected["ledger"]:
        assert f"### {md(item['label'])}" in text
        for p in item["cooperation"] + item["friction"]:
            assert f"> {md(p['sentence'])}" in text
    for side in ("RUS", "IRN"):
        for actor in expected["actors"][side]:
            assert f"| {md(actor['name'])} | {md(actor['role'])} | {actor['mentions']} |" in text
    # Every cluster's every event is quoted in the evidence, its trigger in bold, the hostile one escaped.
    for c in expected["clusters"]:
        for m in c["members"]:
            at = m["trigger_offset"]
            end = at + len(m["trigger"])
            assert f"> {cited({'pieces': [(m['sentence'][:at], False), (m['trigger'], True), (m['sentence'][end:], False)]})}" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script" not in text and "<b>" not in text


def test_each_linked_number_counts_its_evidence(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        model = report_model(con, "RUS", "IRN", by="year")
    finally:
        con.close()
    groups = model["groups"]
    assert len(groups[model["totals"]["anchor"]]["clusters"]) == model["totals"]["clusters"]
    for r in model["series"]:
        assert len(groups[r["anchor"]]["clusters"]) == r["clusters"] if r["clusters"] else r["anchor"] is None
        for q, anchor in r["quad_anchors"].items():
            assert (len(groups[anchor]["clusters"]) if anchor else 0) == r[q]
    for e in model["network"]["edges"]:
        assert len(groups[e["anchor"]]["clusters"]) == e["clusters"]
    anchors = {c["anchor"] for c in model["evidence"]}
    assert all(a in anchors for g in groups.values() for a in g["clusters"])


@pytest.mark.parametrize("args, message", [
    (["-o", "{tmp}/r.pdf"], "written as .html or .md"),
    (["-o", "{tmp}/missing/r.html"], "does not exist"),
    (["-o", "{tmp}/r.html", "--by", "week"], "--by takes"),
])
def test_bad_report_requests_give_one_line_and_exit_2(db, tmp_path, args, message):
    result = run_cli("report", "RUS", "IRN", "--db", db, *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert_no_traceback(result)
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and not list(tmp_path.iterdir())


def test_a_linked_number_lands_on_the_sentences_it_counts(db, tmp_path):
    """A number's link leads to the sentences themselves (trigger marked, article and date beside
    them), never to a list of bare cluster anchors."""
    text = report(db, tmp_path / "report.md")
    con = duckdb.connect(str(db), read_only=True)
    try:
        model = report_model(con, "RUS", "IRN")
    finally:
        con.close()
    section = text.split('<a id="grp-1"></a>', 1)[1].split("<a id=", 1)[0]
    assert not re.search(r"\[ev-\d+\]\(#ev-\d+\)", text)  # no list of bare "ev-1" links anywhere
    cited_clusters = model["groups"]["grp-1"]["clusters"]
    assert len(cited_clusters) == model["totals"]["clusters"] > 0
    for anchor in cited_clusters:
        lead = model["by_anchor"][anchor]["lead"]
        assert f"> {cited(lead)}" in section and f"**{md(lead['trigger'])}**" in cited(lead)
        assert lead["shown_title"] and md(lead["shown_title"]) in section
    # an untitled article is named by its first sentence, in italics
    derived = [m for c in model["evidence"] for m in c["members"] if m["title_derived"]]
    assert derived and f"*{md(derived[0]['shown_title'])}*" in text and derived[0]["shown_title"].endswith("…")
    html = report(db, tmp_path / "report.html")
    group = html.split('id="grp-1"', 1)[1].split('class="group"', 1)[0]
    assert group.count("<blockquote>") == len(cited_clusters) and group.count("<mark>") == len(cited_clusters)
