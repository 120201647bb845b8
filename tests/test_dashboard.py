"""The dashboard's lists and SQL page through FastAPI's TestClient over the seed store: the SQL page
runs one read-only statement and refuses everything else (the store unchanged), with a row cap and
a time limit; every list sorts by whitelisted columns, pages, and links its rows as CSV and JSON
(the same rows as the page's filter); the event list's facets count what the filter selects; the
dyad index lists every pair; untitled articles get their first sentence as a derived title; actor
names stand beside codes."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil


from detente.web import create_app

from .conftest import local
from .test_web_api import sql


def rows_of(html: str, table_id: str) -> list[str]:
    body = html.split(f'id="{table_id}"', 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr[^>]*>.*?</tr>", body.split("<tbody>", 1)[1], re.S)


def parse_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


# -- the SQL page ---------------------------------------------------------------------------------

REFUSED = [
    "COPY events TO '/tmp/detente-copy.csv'",
    "SELECT * FROM read_csv('/etc/passwd')",
    "SELECT * FROM read_text('/etc/hostname')",
    "SELECT * FROM glob('/etc/*')",
    "ATTACH '/tmp/detente-other.duckdb' AS other",
    "INSERT INTO meta VALUES ('x', 'y')",
    "DELETE FROM events",
    "UPDATE documents SET title = 'x'",
    "DROP TABLE events",
    "CREATE TABLE t AS SELECT 1",
    "PRAGMA database_list",
    "SET enable_external_access = true",
    "INSTALL httpfs",
    "LOAD httpfs",
    "EXPORT DATABASE '/tmp/detente-export'",
    "CALL pragma_version()",
    "EXPLAIN ANALYZE DELETE FROM events",
    "SELECT 1; DELETE FROM events",
    "SELEC nothing",
]


def test_sql_page_runs_one_read_only_statement_and_refuses_the_rest(seed_db, tmp_path):
    db = tmp_path / "store.duckdb"
    shutil.copy(seed_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    events = sql(db, "SELECT count(*) FROM events")[0][0]
    # a writable app (the one that could write) refuses every write and every file outside the store
    with local(create_app(db, read_only=False)) as client:
        for statement in REFUSED:
            page = client.get("/sql", params={"sql": statement})
            assert page.status_code == 400, statement
            error = re.search(r'<p class="error" id="sql-error">(.*?)</p>', page.text, re.S)
            assert error and "\n" not in error.group(1).strip(), (statement, page.text[-500:])
            assert 'id="sql-result"' not in page.text
            for fmt in ("csv", "json"):
                export = client.get(f"/sql.{fmt}", params={"sql": statement})
                assert export.status_code == 400 and export.json()["detail"], statement
        ok = client.get("/sql", params={"sql": "SELECT source, count(*) AS n FROM events GROUP BY source ORDER BY n DESC, source"})
        assert ok.status_code == 200 and 'id="sql-result"' in ok.text
    con_rows = sql(db, "SELECT source, count(*) AS n FROM events GROUP BY source ORDER BY n DESC, source")
    assert len(rows_of(ok.text, "sql-result")) == len(con_rows)
    assert sql(db, "SELECT count(*) FROM events")[0][0] == events
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before  # not a byte changed
    assert not (tmp_path / "detente-copy.csv").exists()


def test_sql_rows_are_capped_and_a_long_query_stopped(client, monkeypatch):
    from detente.web import sqlquery

    page = client.get("/sql", params={"sql": "SELECT range AS n FROM range(5000)"})
    assert len(rows_of(page.text, "sql-result")) == sqlquery.PAGE_ROWS
    assert "the result has more" in page.text
    small = client.get("/sql", params={"sql": "SELECT 1 AS one"})
    assert "the result has more" not in small.text and len(rows_of(small.text, "sql-result")) == 1
    monkeypatch.setattr(sqlquery, "SECONDS", 0.5)
    slow = client.get("/sql", params={"sql": "SELECT count(*) FROM range(100000000) a, range(1000) b WHERE a.range % 7 = b.range"})
    assert slow.status_code == 400 and "ran past 0.5 seconds" in slow.text


def test_sql_csv_and_json_links_give_the_rows(client, seed_db):
    query = "SELECT doc_id, title, n_words FROM documents ORDER BY doc_id"
    page = client.get("/sql", params={"sql": query})
    link = re.search(r'<a class="export-csv" href="([^"]+)"', page.text).group(1).replace("&amp;", "&")
    rows = parse_csv(client.get(link).text)
    expected = sql(seed_db, query)
    assert [(r["doc_id"], r["title"] or None, int(r["n_words"])) for r in rows] == expected
    link = re.search(r'<a class="export-json" href="([^"]+)"', page.text).group(1).replace("&amp;", "&")
    assert [d["doc_id"] for d in client.get(link).json()] == [r[0] for r in expected]


# -- lists: sorting, paging, CSV/JSON, facets -------------------------------------------------------

def test_event_list_sorts_by_whitelisted_columns(client):
    page = client.get("/events", params={"dyad": "RUS,IRN", "sort": "goldstein", "order": "desc", "limit": 200}).text
    values = [float(v) for v in re.findall(r'<td class="num">(-?[\d.]+)</td>', page)]
    assert values and values == sorted(values, reverse=True)
    up = client.get("/events", params={"dyad": "RUS,IRN", "sort": "goldstein", "order": "asc", "limit": 200}).text
    assert [float(v) for v in re.findall(r'<td class="num">(-?[\d.]+)</td>', up)] == sorted(values)
    # the header links sort, keeping the filter, and the current column shows its direction
    assert 'href="/events?dyad=RUS%2CIRN&amp;sort=goldstein&amp;order=asc' in page.replace("limit=200&amp;", "")
    for bad in ("bogus", "goldstein;DROP TABLE events", "goldstein desc", "1"):
        assert client.get("/events", params={"sort": bad}).status_code == 422, bad
    assert client.get("/events", params={"order": "sideways"}).status_code == 422


def test_every_list_links_its_rows_as_csv_and_json(client, seed_db):
    # events: the same rows as the page's filter, in the page's order
    params = {"dyad": "RUS,IRN", "quad": "material_conflict", "sort": "date", "order": "desc"}
    page = client.get("/events", params=params).text
    link = re.search(r'<a class="export-csv" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert link.startswith("/events.csv?") and "quad=material_conflict" in link and "offset" not in link
    rows = parse_csv(client.get(link).text)
    shown = re.findall(r'<a class="event-link" href="/events/([^"]+)"', page)
    api = client.get("/api/events", params={"dyad": "RUS,IRN", "quad": "material_conflict", "limit": 1000}).json()
    assert len(rows) == api["total"] > 0 and {r["event_id"] for r in rows} == {e["event_id"] for e in api["items"]}
    from urllib.parse import unquote
    assert [r["event_id"] for r in rows][:len(shown)] == [unquote(s) for s in shown]
    json_link = re.search(r'<a class="export-json" href="([^"]+)"', page).group(1).replace("&amp;", "&")
    assert [e["event_id"] for e in client.get(json_link).json()] == [r["event_id"] for r in rows]
    # documents, actors, dyads: every row, whatever the page
    n_docs = sql(seed_db, "SELECT count(*) FROM documents")[0][0]
    for path, count in [("/documents", n_docs), ("/actors", None), ("/dyads", None)]:
        page = client.get(path, params={"limit": 2}).text
        total = int(re.search(r"<p class=\"exports\">All (\d+)", page).group(1))
        csv_rows = parse_csv(client.get(re.search(r'class="export-csv" href="([^"]+)"', page).group(1).replace("&amp;", "&")).text)
        json_rows = client.get(re.search(r'class="export-json" href="([^"]+)"', page).group(1).replace("&amp;", "&")).json()
        assert len(csv_rows) == len(json_rows) == total == (count or total) > 2, path


def test_event_facets_count_the_filtered_events_and_add_their_filter(client, seed_db):
    page = client.get("/events", params={"dyad": "RUS,IRN"}).text
    where = "((source = 'RUS' AND target = 'IRN') OR (source = 'IRN' AND target = 'RUS'))"
    for facet, column, param in [("quad", "quad", "quad"), ("modality", "modality", "modality"), ("root", "root", "code"),
                                 ("issue", "issue", "issue")]:
        expected = dict(sql(seed_db, f"SELECT {column}, count(*) FROM events WHERE {where} AND {column} IS NOT NULL GROUP BY 1"))
        block = page.split(f'data-facet="{facet}"', 1)[1].split("</ul>", 1)[0]
        found = {}
        for href, count in re.findall(r'<a class="facet-link" href="([^"]+)">.*?</a> <span class="count">(\d+)</span>', block):
            value = re.search(rf"[?&;]{param}=([^&]+)", href.replace("&amp;", "&")).group(1)
            assert "dyad=RUS%2CIRN" in href  # the link keeps the filter and adds its own
            found[value] = int(count)
        # most first, ties by value, as the page orders them
        assert found == {k: v for k, v in sorted(expected.items(), key=lambda kv: (-kv[1], kv[0]))[:12]}, facet
    chosen = client.get("/events", params={"dyad": "RUS,IRN", "quad": "verbal_conflict"}).text
    assert 'class="chosen"' in chosen and 'class="facet-remove"' in chosen


def test_actor_list_pages_and_sorts(client, seed_db):
    total = sql(seed_db, "SELECT count(DISTINCT actor_code) FROM mentions WHERE kind IS NOT NULL AND kind <> 'place' "
                         "AND actor_code IS NOT NULL")[0][0]
    first = client.get("/actors", params={"limit": 10}).text
    assert len(rows_of(first, "actors")) == 10 and f'id="actor-total">{total}<' in first
    assert 'class="next" href="/actors?limit=10&amp;offset=10"' in first
    codes, offset = [], 0
    while offset < total:
        page = client.get("/actors", params={"limit": 10, "offset": offset, "sort": "code", "order": "asc"}).text
        codes += re.findall(r'<tr class="actor"><td><a class="code" href="/actors/[^"]+">([^<]+)</a>', page)
        offset += 10
    assert len(codes) == total and codes == sorted(codes)


def test_dyad_index_lists_every_pair_sorted_and_paged(client, seed_db):
    pairs = sql(seed_db, """SELECT least(source, target), greatest(source, target), count(*) FROM clusters
                            WHERE modality IN ('asserted', 'reported') AND source <> target GROUP BY ALL""")
    page = client.get("/dyads").text
    assert f'id="dyad-total">{len(pairs)}<' in page
    shown = re.findall(r'data-dyad="([^"]+)".*?data-figure="clusters">(\d+)<', page, re.S)
    counts = [int(n) for _, n in shown]
    assert counts == sorted(counts, reverse=True) and counts[0] == max(n for *_, n in pairs)
    a, b = shown[0][0].split(",")
    assert f'href="/dyad/{a}/{b}"' in page
    by_name = client.get("/dyads", params={"sort": "dyad", "order": "asc", "limit": 5, "offset": 5}).text
    names = re.findall(r'data-dyad="([^"]+)"', by_name)
    assert names == sorted(f"{x},{y}" for x, y, _ in pairs)[5:10]
    assert client.get("/api/dyads", params={"limit": 3}).json()["total"] == len(pairs)
    assert "/dyads" in client.get("/").text and 'href="/dyads"' in client.get("/dyad/RUS/IRN").text


def test_untitled_articles_get_their_first_sentence_and_codes_their_names(client, seed_db):
    untitled = sql(seed_db, "SELECT d.doc_id, s.text FROM documents d JOIN sentences s ON s.doc_id = d.doc_id AND s.idx = 0 "
                            "WHERE d.title IS NULL ORDER BY d.doc_id")
    assert untitled
    page = client.get("/documents").text
    for doc_id, first in untitled:
        row = next(r for r in rows_of(page, "documents") if doc_id in r)
        shown = re.search(r'<em class="derived" title="untitled: its first sentence">(.*?)</em>', row).group(1)
        assert len(shown) <= 81 and " ".join(first.split()).startswith(shown.rstrip("…").replace("&#39;", "'").replace("&amp;", "&"))
        assert shown.endswith("…") == (len(" ".join(first.split())) > 80)
        assert f"<title>{shown}" in client.get(f"/documents/{doc_id}").text  # the page's title too, as text
    events = client.get("/events", params={"actor": "RUS"}).text
    assert '<a class="code" href="/actors/RUS">RUS</a> <span class="actor-name">Russia</span>' in events
    overview = client.get("/").text
    assert re.search(r'data-dyad="IRN,RUS"><td><a href="/dyad/IRN/RUS">IRN – RUS</a> <span class="actor-name">Iran – Russia</span>', overview)
