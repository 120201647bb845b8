"""Server-rendered pages: the same calls as the API, rendered by Jinja2 templates (autoescaped).
Every list page sorts by its column headers (?sort=&order=, keys looked up in a whitelist), pages,
and links its rows as CSV and JSON (/events.csv?..., /events.json?...: the same filter and order)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Annotated, Iterable, Literal, Optional
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..analysis.actors import ACTOR_SORTS, actor_mentions, count_actors, count_mentions, describe, list_actors
from ..analysis.dyad import DYAD_SORTS
from ..analysis.events import COUNTED, MIN_CONFIDENCE, QUADS, EventFilter, count_events, list_events
from ..render import plain
from ..report import charts
from . import api, queries, sqlquery
from .app import HERE
from .jobs import UPLOAD_SUFFIXES
from .security import http_url

router = APIRouter(include_in_schema=False)
# Autoescape on for every template: article text is data, never markup.
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))
# A stored url becomes a link only when it is http(s); anything else (javascript:, data:) is text.
templates.env.filters["http_url"] = http_url
Sort = Annotated[Optional[str], Query(pattern=r"^[a-z_]{1,30}$")]
Order = Annotated[Optional[Literal["asc", "desc"]], Query()]
ExportLimit = Annotated[Optional[int], Query(ge=1, le=1_000_000)]


def render(request: Request, name: str, status_code: int = 200, **context) -> HTMLResponse:
    settings = request.app.state.settings
    return templates.TemplateResponse(request, name, {"read_only": settings.read_only,
                                                      "stale_clusters": settings.stale_clusters, **context},
                                      status_code=status_code)


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html", status, status=status, message=message)


def pieces(text: str, start: int, spans: list[tuple[int, int, dict]]) -> list[dict]:
    """`text` (which starts at offset `start`) cut at every span boundary; each piece carries the
    marks of the spans covering it: {'text', 'evidence', 'trigger', 'actor', 'title', 'term'}."""
    cuts = {0, len(text)}
    for a, b, _ in spans:
        cuts.update(min(max(x - start, 0), len(text)) for x in (a, b))
    bounds = sorted(cuts)
    out = []
    for lo, hi in zip(bounds, bounds[1:]):
        marks: dict = {}
        for a, b, mark in spans:
            if a - start <= lo and hi <= b - start:
                for key, value in mark.items():
                    marks.setdefault(key, value)
        out.append({"text": text[lo:hi], **marks})
    return out


def article(doc: dict, evidence: tuple[int, int] | None = None, trigger: tuple[int, int] | None = None) -> list[dict]:
    """A document's text as pieces: actor mentions marked, the evidence sentence and trigger highlighted."""
    spans = []
    if evidence:
        spans.append((*evidence, {"evidence": True}))
    if trigger:
        spans.append((*trigger, {"trigger": True}))
    for m in doc["mentions"]:
        title = " ".join(x for x in (m["actor_code"] or f"{m['kind']}?", m["role"] or "", f"({m['how']})") if x)
        spans.append((m["start_char"], m["end_char"], {"actor": m["actor_code"] or "", "title": title}))
    return pieces(doc["text"], 0, spans)


def marked_terms(text: str, terms: list[str]) -> list[dict]:
    """A sentence with every occurrence of the search terms marked."""
    low, spans = text.lower(), []
    for term in terms:
        at = low.find(term)
        while at >= 0 and term:
            spans.append((at, at + len(term), {"term": True}))
            at = low.find(term, at + len(term))
    return pieces(text, 0, spans)


def marked_trigger(sentence: str, offset: int, trigger: str) -> list[dict]:
    return pieces(sentence, 0, [(offset, offset + len(trigger), {"trigger": True})])




class Listing:
    """A list page's sort, page and links: each link keeps the page's filter and changes one thing."""

    def __init__(self, request: Request, sorts: dict, sort: str | None, order: str | None, default: str,
                 total: int, limit: int, offset: int, rows: int, descending_first: Iterable[str] = ()):
        if sort is not None and sort not in sorts:
            raise HTTPException(422, f"sort takes {', '.join(sorts)} (got {sort!r})")
        self.request, self.path = request, request.url.path
        self.descending_first = set(descending_first)
        self.sort = sort or default
        self.descending = (order == "desc") if order else self.sort in self.descending_first
        self.total, self.limit, self.offset, self.rows = total, limit, offset, rows

    def url(self, path: str | None = None, **changes) -> str:
        params = {k: v for k, v in self.request.query_params.items() if v != ""}
        for key, value in changes.items():
            if value is None:
                params.pop(key, None)
            else:
                params[key] = str(value)
        query = urlencode(params)
        return (path or self.path) + (f"?{query}" if query else "")

    def sort_url(self, key: str) -> str:
        if key == self.sort:
            order = "asc" if self.descending else "desc"
        else:
            order = "desc" if key in self.descending_first else "asc"
        return self.url(sort=key, order=order, offset=None)

    def arrow(self, key: str) -> str:
        return ("▼" if self.descending else "▲") if key == self.sort else ""

    @property
    def prev(self) -> str | None:
        return self.url(offset=max(self.offset - self.limit, 0) or None) if self.offset else None

    @property
    def next(self) -> str | None:
        return self.url(offset=self.offset + self.limit) if self.offset + self.limit < self.total else None

    def export(self, fmt: str) -> str:
        """The same rows (all of them, not this page's) as CSV or JSON."""
        return self.url(f"{self.path}.{fmt}", offset=None, limit=None, sort=self.sort,
                        order="desc" if self.descending else "asc")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(plain(value), ensure_ascii=False)
    return str(value)


def rows_response(columns: list[str], rows: Iterable[tuple], fmt: str, name: str) -> Response:
    """Rows as CSV (a header, then one line a row) or JSON (an array of objects), streamed."""
    if fmt == "csv":
        def lines():
            buffer = io.StringIO()
            writer = csv.writer(buffer, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_cell(v) for v in row])
                if buffer.tell() > 1 << 16:
                    yield buffer.getvalue()
                    buffer.seek(0)
                    buffer.truncate()
            yield buffer.getvalue()

        return StreamingResponse(lines(), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})

    def items():
        yield "["
        for i, row in enumerate(rows):
            yield ("," if i else "") + "\n" + json.dumps(plain(dict(zip(columns, row))), ensure_ascii=False)
        yield "\n]\n"

    return StreamingResponse(items(), media_type="application/json")


def query_response(request: Request, query: str, params: list, fmt: str, name: str) -> Response:
    """A query's rows streamed from a cursor of its own (closed when the last row is sent)."""
    cur = request.app.state.settings.con.cursor()
    try:
        result = cur.execute(query, params)
    except BaseException:
        cur.close()
        raise
    columns = [c[0] for c in result.description]

    def rows():
        try:
            while chunk := result.fetchmany(2000):
                yield from chunk
        finally:
            cur.close()

    return rows_response(columns, rows(), fmt, name)


def names_of(con, *groups) -> dict[str, str]:
    """The knowledge base's names of the actor codes in these lists of rows (keys source, target, a, b, code)."""
    codes = {row.get(k) for rows in groups for row in rows for k in ("source", "target", "a", "b", "code")}
    return queries.actor_names(con, codes)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, con: api.Db):
    columns, rows = list_actors(con, limit=12)
    dyads, events = queries.top_dyads(con), queries.latest_events(con, 12)
    return render(request, "overview.html", stats=queries.overview(con), dyads=dyads,
                  actors=[plain(dict(zip(columns, r))) for r in rows], events=events, names=names_of(con, dyads, events))


# -- documents --------------------------------------------------------------------------------

def _documents(request, con, sort, order, limit, offset) -> tuple[Listing, list[dict]]:
    total = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    listing = Listing(request, queries.DOCUMENT_SORTS, sort, order, "published", total, limit, offset, 0,
                      descending_first=("published", "words", "events", "ingested"))
    _, items = queries.list_documents(con, limit, offset, listing.sort, listing.descending)
    listing.rows = len(items)
    return listing, items


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, con: api.Db, sort: Sort = None, order: Order = None, limit: api.Limit = 50,
              offset: api.Offset = 0):
    listing, items = _documents(request, con, sort, order, limit, offset)
    return render(request, "documents.html", items=items, list=listing)


@router.get("/documents.{fmt}")
def documents_export(request: Request, fmt: Literal["csv", "json"], sort: Sort = None, order: Order = None):
    listing = Listing(request, queries.DOCUMENT_SORTS, sort, order, "published", 0, 1, 0, 0,
                      descending_first=("published", "words", "events", "ingested"))
    return query_response(request, *queries.documents_query(listing.sort, listing.descending, None), fmt, "documents")


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, con: api.Db, doc_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]):
    doc = queries.document(con, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return render(request, "document.html", doc=doc, pieces=article(doc), event=None,
                  titles=queries.doc_titles(con, [doc_id]), names=names_of(con, doc["events"]))


# -- events -----------------------------------------------------------------------------------

EVENT_DESCENDING = ("goldstein", "confidence", "date", "published")


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, con: api.Db, flt: api.Filter, sort: Sort = None, order: Order = None,
           limit: api.Limit = 50, offset: api.Offset = 0):
    listing = Listing(request, queries.EVENT_SORTS, sort, order, "date", count_events(con, flt), limit, offset, 0,
                      descending_first=EVENT_DESCENDING)
    result = con.execute(*queries.events_query(flt, listing.sort if sort else None, listing.descending, limit, offset))
    columns = [c[0] for c in result.description]
    items = [plain(dict(zip(columns, row))) for row in result.fetchall()]
    for item in items:
        item["pieces"] = pieces(item["sentence"], 0, [(item["trigger_offset"], item["trigger_offset_end"], {"trigger": True})])
    listing.rows = len(items)
    filters = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit", "sort", "order") and v}
    return render(request, "events.html", page={"total": listing.total, "offset": offset, "items": items},
                  filters=filters, quads=QUADS, modalities=api.MODALITIES, list=listing,
                  facets=queries.event_facets(con, flt), names=names_of(con, items))


@router.get("/events.{fmt}")
def events_export(request: Request, fmt: Literal["csv", "json"], flt: api.Filter, sort: Sort = None,
                  order: Order = None, limit: ExportLimit = None, offset: api.Offset = 0):
    listing = Listing(request, queries.EVENT_SORTS, sort, order, "date", 0, 1, 0, 0, descending_first=EVENT_DESCENDING)
    query = queries.events_query(flt, listing.sort if sort else None, listing.descending, limit, offset)
    return query_response(request, *query, fmt, "events")


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, con: api.Db, event_id: Annotated[str, Path(max_length=300)]):
    found = queries.event(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    doc = queries.document(con, found["doc_id"])
    text = article(doc, (found["sentence_start"], found["sentence_end"]), (found["trigger_start"], found["trigger_end"]))
    counts = found["modality"] in COUNTED and (found["confidence"] or 0) >= MIN_CONFIDENCE
    return render(request, "document.html", doc=doc, pieces=text, event=found, counted=counts,
                  titles=queries.doc_titles(con, [doc["doc_id"]]), names=names_of(con, [found]))


# -- actors -----------------------------------------------------------------------------------

ACTOR_DESCENDING = ("mentions", "documents")


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, con: api.Db, sort: Sort = None, order: Order = None, limit: api.Limit = 100,
           offset: api.Offset = 0):
    listing = Listing(request, ACTOR_SORTS, sort, order, "mentions", count_actors(con), limit, offset, 0,
                      descending_first=ACTOR_DESCENDING)
    columns, rows = list_actors(con, limit=limit, offset=offset, sort=listing.sort, descending=listing.descending)
    listing.rows = len(rows)
    return render(request, "actors.html", actors=[plain(dict(zip(columns, r))) for r in rows], list=listing)


@router.get("/actors.{fmt}")
def actors_export(request: Request, con: api.Db, fmt: Literal["csv", "json"], sort: Sort = None, order: Order = None):
    listing = Listing(request, ACTOR_SORTS, sort, order, "mentions", 0, 1, 0, 0, descending_first=ACTOR_DESCENDING)
    columns, rows = list_actors(con, sort=listing.sort, descending=listing.descending)
    return rows_response(columns, rows, fmt, "actors")


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor(request: Request, con: api.Db, code: api.Code, limit: api.Limit = 100, offset: api.Offset = 0):
    """An actor: the knowledge base's rows, a page of its mentions (oldest first), its latest events and quotes."""
    known = describe(con, code)
    total = count_mentions(con, code)
    if not known and not total:
        raise HTTPException(404, f"no actor {code!r} in the store")
    columns, rows = actor_mentions(con, code, limit=limit, offset=offset)
    mentions = [plain(dict(zip(columns, r))) for r in rows]
    for m in mentions:
        m["pieces"] = pieces(m["sentence"], 0, [(m["offset"], m["offset"] + len(m["surface"]), {"actor": code})])
    ecols, erows = list_events(con, EventFilter(actor=code.upper()), limit=200)
    _, quotes = queries.quotes(con, actor=code, limit=100)
    keys = ("code", "name", "kind", "country", "role", "office", "valid_from", "valid_to")
    events = [plain(dict(zip(ecols, r))) for r in erows]
    listing = Listing(request, {}, None, None, "", total, limit, offset, len(mentions))
    return render(request, "actor.html", code=code, known=[plain(dict(zip(keys, k))) for k in known],
                  mentions=mentions, mentions_total=total, list=listing, events=events, quotes=quotes, names=names_of(con, events),
                  titles=queries.doc_titles(con, [q["doc_id"] for q in quotes]))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, con: api.Db, q: Annotated[Optional[str], Query(max_length=200)] = None):
    hits = queries.search(con, q, 50) if q else []
    terms = queries.search_terms(q or "")
    for hit in hits:
        hit["snippets"] = [{**s, "pieces": marked_terms(s["text"], terms)} for s in hit["snippets"]]
    return render(request, "search.html", q=q or "", hits=hits, titles=queries.doc_titles(con, [h["doc_id"] for h in hits]))


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request):
    settings = request.app.state.settings
    limit = settings.ingestor.max_bytes if settings.ingestor else 0
    return render(request, "upload.html", suffixes=UPLOAD_SUFFIXES, limit=limit)


# -- dyads ------------------------------------------------------------------------------------

DYAD_DESCENDING = ("clusters", "events", "documents", "sources", "last_date", *QUADS)


@router.get("/dyads", response_class=HTMLResponse)
def dyads(request: Request, con: api.Db, sort: Sort = None, order: Order = None, limit: api.Limit = 50,
          offset: api.Offset = 0):
    """Every pair of actors that stored events join, with its figures (dyad_figures), sortable and paged."""
    listing = Listing(request, DYAD_SORTS, sort, order, "clusters", 0, limit, offset, 0, descending_first=DYAD_DESCENDING)
    total, items = queries.list_dyads(con, listing.sort, listing.descending, limit, offset)
    listing.total, listing.rows = total, len(items)
    return render(request, "dyads.html", items=items, list=listing, quads=QUADS, names=names_of(con, items))


@router.get("/dyads.{fmt}")
def dyads_export(request: Request, con: api.Db, fmt: Literal["csv", "json"], sort: Sort = None, order: Order = None):
    listing = Listing(request, DYAD_SORTS, sort, order, "clusters", 0, 1, 0, 0, descending_first=DYAD_DESCENDING)
    _, items = queries.list_dyads(con, listing.sort, listing.descending, None)
    columns = list(queries.DYAD_KEYS)
    return rows_response(columns, [tuple(i[k] for k in columns) for i in items], fmt, "dyads")


def dyad_charts(summary: dict) -> tuple[dict, dict]:
    """Plotly figures (plain dicts for plotly.js) on a real time axis (report.charts): clusters and
    mean Goldstein per period and direction; the quad classes per period."""
    by = summary["by"]
    timeline, quads = charts.timeline(summary["series"], by), charts.quads(summary["series"], by)
    base = {"margin": {"t": 40, "r": 60, "b": 40, "l": 50}, "height": 340, "legend": {"orientation": "h", "y": 1.15}}
    timeline["layout"] |= {**base, "yaxis": {"title": {"text": "clusters"}, "rangemode": "tozero"},
                           "yaxis2": {"title": {"text": "mean Goldstein"}, "overlaying": "y", "side": "right",
                                      "range": [-10.5, 10.5], "dtick": 5, "zeroline": False, "showgrid": False}}
    quads["layout"] |= {**base, "yaxis": {"title": {"text": "clusters"}, "rangemode": "tozero"}}
    return timeline, quads


@router.get("/dyad")
def dyad_pick(a: Annotated[Optional[str], Query(pattern=api.CODE_PATTERN)] = None,
              b: Annotated[Optional[str], Query(pattern=api.CODE_PATTERN)] = None):
    """The dyad form's target (?a=RUS&b=IRN); with no codes, the dyad index."""
    if not (a and b):
        return RedirectResponse("/dyads", 303)
    return RedirectResponse(f"/dyad/{quote(a.upper())}/{quote(b.upper())}", 303)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, con: api.Db, a: api.Code, b: api.Code, by: api.Period = api.Period.year,
         limit: api.Limit = 200, offset: api.Offset = 0):
    """The dyad view; its clusters latest first, `limit` a page (`offset`: skip that many of the latest)."""
    from ..analysis.clusters import count_clusters
    from ..analysis.dyad import dyad_summary
    from ..analysis.events import EventFilter

    a, b = api.check_dyad(con, a, b)
    total = count_clusters(con, EventFilter(dyad=(a, b)))
    page = min(limit, total - offset)  # the page ends `offset` clusters before the latest
    start = total - offset - page if page > 0 else total
    summary = plain(dyad_summary(con, a, b, by=by.value, limit=max(page, 1), offset=start))
    timeline, quads = dyad_charts(summary)
    docs = [m["doc_id"] for c in summary["clusters"] for m in c["members"]]
    docs += [p["doc_id"] for e in summary["ledger"] for side in ("cooperation", "friction") for p in e[side] + e["said"][side]]
    docs += [x["doc_id"] for x in summary["fronts"] + summary["quotes"] + summary["stances"]]
    for c in summary["clusters"]:
        for m in c["members"]:
            m["pieces"] = _trigger_pieces(m)
    counted = [c for c in summary["clusters"] if c["modality"] in COUNTED]
    shown = len(summary["clusters"])
    listing = Listing(request, {}, None, None, "", total, limit, offset, shown)
    newer = listing.url(offset=max(offset - limit, 0) or None) if offset else None
    older = listing.url(offset=offset + limit) if offset + limit < total else None
    return render(request, "dyad.html", a=a, b=b, by=by.value, s=summary, timeline=timeline, quads=quads,
                  shown=shown, newer=newer, older=older,
                  counted=counted, uncounted=[c for c in summary["clusters"] if c["modality"] not in COUNTED],
                  titles=queries.doc_titles(con, docs), names=names_of(con, summary["fronts"], [{"a": a, "b": b}]))


def _trigger_pieces(m: dict) -> list[dict]:
    offset = m.get("trigger_offset")
    if offset is None or not m.get("trigger"):
        return [{"text": m["sentence"]}]
    return pieces(m["sentence"], 0, [(offset, offset + len(m["trigger"]), {"trigger": True})])


# -- SQL --------------------------------------------------------------------------------------

SqlText = Annotated[Optional[str], Query(max_length=sqlquery.MAX_SQL, description="One read-only SQL statement.")]
EXAMPLE_SQL = ("SELECT source, target, count(*) AS clusters, round(avg(goldstein), 2) AS mean_goldstein\n"
               "FROM clusters WHERE modality IN ('asserted', 'reported') AND source <> target\n"
               "GROUP BY ALL ORDER BY clusters DESC LIMIT 20")


@router.get("/sql", response_class=HTMLResponse)
def sql_page(request: Request, con: api.Db, sql: SqlText = None):
    """A read-only SQL statement over the store and its first rows, as Datasette offers."""
    result, error = None, None
    if sql and sql.strip():
        try:
            result = sqlquery.run(request.app.state.settings.con, sql)
        except sqlquery.SqlRefused as e:
            error = str(e)
    tables = con.execute("""SELECT table_name, list(column_name ORDER BY column_index) FROM duckdb_columns()
                            WHERE schema_name = 'main' AND NOT internal GROUP BY table_name ORDER BY table_name""").fetchall()
    links = {fmt: f"/sql.{fmt}?" + urlencode({"sql": sql}) for fmt in ("csv", "json")} if result else {}
    return render(request, "sql.html", status_code=400 if error else 200, sql=sql or "", example=EXAMPLE_SQL,
                  result=result, error=error, tables=tables, links=links, max_rows=sqlquery.PAGE_ROWS,
                  seconds=sqlquery.SECONDS)


@router.get("/sql.{fmt}")
def sql_export(request: Request, fmt: Literal["csv", "json"], sql: SqlText = None):
    """The statement's rows (at most EXPORT_ROWS) as CSV or JSON; a refusal is 400 with one line."""
    if not sql or not sql.strip():
        return JSONResponse({"detail": "give the query as ?sql=SELECT ..."}, 400)
    try:
        result = sqlquery.run(request.app.state.settings.con, sql, sqlquery.EXPORT_ROWS)
    except sqlquery.SqlRefused as e:
        return JSONResponse({"detail": str(e)}, 400)
    response = rows_response(result.columns, result.rows, fmt, "query")
    if result.truncated:
        response.headers["X-Rows-Truncated"] = f"first {sqlquery.EXPORT_ROWS:,} rows"
    return response
