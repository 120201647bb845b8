"""Server-rendered pages: the same calls as the API, rendered by Jinja2 templates (autoescaped)."""

from __future__ import annotations

from typing import Annotated, Optional
from urllib.parse import quote, urlencode

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from ..analysis.actors import actor_mentions, describe, list_actors
from ..analysis.events import COUNTED, MIN_CONFIDENCE, EventFilter, list_events
from ..render import plain
from . import api, queries
from .app import HERE
from .jobs import UPLOAD_SUFFIXES
from .security import http_url

router = APIRouter(include_in_schema=False)
# Autoescape on for every template: article text is data, never markup.
templates = Jinja2Templates(env=Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True))
# A stored url becomes a link only when it is http(s); anything else (javascript:, data:) is text.
templates.env.filters["http_url"] = http_url
QUADS = [q.value for q in api.Quad]
DIRECTION_COLOURS = ("#1f618d", "#b9770e")
QUAD_COLOURS = {"verbal_cooperation": "#7fb3d5", "material_cooperation": "#1f618d",
                "verbal_conflict": "#f0b27a", "material_conflict": "#c0392b"}


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


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, con: api.Db):
    columns, rows = list_actors(con, limit=12)
    return render(request, "overview.html", stats=queries.overview(con), dyads=queries.top_dyads(con),
                  actors=[plain(dict(zip(columns, r))) for r in rows], events=queries.latest_events(con, 12))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, con: api.Db, limit: api.Limit = 50, offset: api.Offset = 0):
    total, items = queries.list_documents(con, limit, offset)
    return render(request, "documents.html", total=total, items=items, limit=limit, offset=offset,
                  more=offset + limit < total)


@router.get("/documents/{doc_id}", response_class=HTMLResponse)
def document(request: Request, con: api.Db, doc_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]):
    doc = queries.document(con, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return render(request, "document.html", doc=doc, pieces=article(doc), event=None)


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, con: api.Db, flt: api.Filter, limit: api.Limit = 50, offset: api.Offset = 0):
    page = api.events_page(con, flt, limit, offset)
    for item in page["items"]:
        item["pieces"] = marked_trigger(item["evidence"], item["trigger_offset"], item["trigger"])
    params = {k: v for k, v in request.query_params.items() if k not in ("offset", "limit") and v}
    link = lambda off: "/events?" + urlencode({**params, "limit": limit, "offset": off})  # noqa: E731
    return render(request, "events.html", page=page, filters=params, quads=QUADS, modalities=api.MODALITIES,
                  prev=link(max(offset - limit, 0)) if offset else None,
                  next=link(offset + limit) if offset + limit < page["total"] else None)


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event(request: Request, con: api.Db, event_id: Annotated[str, Path(max_length=300)]):
    found = queries.event(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    doc = queries.document(con, found["doc_id"])
    text = article(doc, (found["sentence_start"], found["sentence_end"]), (found["trigger_start"], found["trigger_end"]))
    counts = found["modality"] in COUNTED and (found["confidence"] or 0) >= MIN_CONFIDENCE
    return render(request, "document.html", doc=doc, pieces=text, event=found, counted=counts)


@router.get("/actors", response_class=HTMLResponse)
def actors(request: Request, con: api.Db):
    columns, rows = list_actors(con)
    return render(request, "actors.html", actors=[plain(dict(zip(columns, r))) for r in rows])


@router.get("/actors/{code}", response_class=HTMLResponse)
def actor(request: Request, con: api.Db, code: api.Code):
    known = describe(con, code)
    columns, rows = actor_mentions(con, code)
    if not known and not rows:
        raise HTTPException(404, f"no actor {code!r} in the store")
    mentions = [plain(dict(zip(columns, r))) for r in rows]
    for m in mentions:
        m["pieces"] = pieces(m["sentence"], 0, [(m["offset"], m["offset"] + len(m["surface"]), {"actor": code})])
    ecols, erows = list_events(con, EventFilter(actor=code.upper()), evidence=False, limit=200)
    _, quotes = queries.quotes(con, actor=code, limit=100)
    keys = ("code", "name", "kind", "country", "role", "office", "valid_from", "valid_to")
    return render(request, "actor.html", code=code, known=[plain(dict(zip(keys, k))) for k in known],
                  mentions=mentions, events=[plain(dict(zip(ecols, r))) for r in erows], quotes=quotes)


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, con: api.Db, q: Annotated[Optional[str], Query(max_length=200)] = None):
    hits = queries.search(con, q, 50) if q else []
    terms = queries.search_terms(q or "")
    for hit in hits:
        hit["snippets"] = [{**s, "pieces": marked_terms(s["text"], terms)} for s in hit["snippets"]]
    return render(request, "search.html", q=q or "", hits=hits)


@router.get("/upload", response_class=HTMLResponse)
def upload(request: Request):
    settings = request.app.state.settings
    limit = settings.ingestor.max_bytes if settings.ingestor else 0
    return render(request, "upload.html", suffixes=UPLOAD_SUFFIXES, limit=limit)


def dyad_charts(summary: dict) -> tuple[dict, dict]:
    """Plotly figures (plain dicts for plotly.js) from a dyad summary's series: clusters and mean
    Goldstein per period and direction; the quad classes per period."""
    series = summary["series"]
    periods = sorted({str(s["period"]) for s in series})
    timeline, quads = [], []
    for direction, colour in zip(sorted({s["direction"] for s in series}), DIRECTION_COLOURS):
        rows = {str(s["period"]): s for s in series if s["direction"] == direction and s["clusters"]}
        timeline.append({"type": "bar", "name": f"{direction} clusters", "x": periods, "marker": {"color": colour},
                         "y": [rows[p]["clusters"] if p in rows else 0 for p in periods]})
        timeline.append({"type": "scatter", "mode": "lines+markers", "name": f"{direction} mean Goldstein",
                         "line": {"color": colour, "dash": "dot"},
                         "x": [p for p in periods if p in rows], "yaxis": "y2",
                         "y": [rows[p]["mean_goldstein"] for p in periods if p in rows]})
    for quad in QUADS:
        totals = {p: 0 for p in periods}
        for s in series:
            totals[str(s["period"])] += s.get(quad) or 0
        quads.append({"type": "bar", "name": quad.replace("_", " "), "x": periods, "y": [totals[p] for p in periods],
                      "marker": {"color": QUAD_COLOURS[quad]}})
    base = {"margin": {"t": 40, "r": 60, "b": 40, "l": 50}, "height": 340,
            "legend": {"orientation": "h", "y": 1.15}, "xaxis": {"type": "category"}}
    return ({"data": timeline, "layout": {**base, "barmode": "group", "yaxis": {"title": {"text": "clusters"}},
                                          "yaxis2": {"title": {"text": "mean Goldstein"}, "overlaying": "y",
                                                     "side": "right", "range": [-10.5, 10.5],
                                                     "dtick": 5, "zeroline": False, "showgrid": False}}},
            {"data": quads, "layout": {**base, "barmode": "stack", "yaxis": {"title": {"text": "events"}}}})


@router.get("/dyad")
def dyad_pick(con: api.Db, a: Annotated[Optional[str], Query(pattern=api.CODE_PATTERN)] = None,
              b: Annotated[Optional[str], Query(pattern=api.CODE_PATTERN)] = None):
    """The dyad form's target (?a=RUS&b=IRN), or with no codes the pair with the most events."""
    if not (a and b):
        top = queries.top_dyads(con, 1)
        if not top:
            return RedirectResponse("/", 303)
        a, b = top[0]["a"], top[0]["b"]
    return RedirectResponse(f"/dyad/{quote(a.upper())}/{quote(b.upper())}", 303)


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad(request: Request, con: api.Db, a: api.Code, b: api.Code, by: api.Period = api.Period.year):
    from ..analysis.dyad import dyad_summary

    summary = plain(dyad_summary(con, a.upper(), b.upper(), by=by.value))
    timeline, quads = dyad_charts(summary)
    return render(request, "dyad.html", a=a.upper(), b=b.upper(), by=by.value, s=summary,
                  timeline=timeline, quads=quads)
