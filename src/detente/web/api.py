"""The JSON API under /api: thin calls into detente.analysis (and web.queries), results as JSON."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Iterator, Literal, Optional

import duckdb
from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, Request, UploadFile
from fastapi.responses import JSONResponse

from ..analysis.actors import actor_mentions, count_mentions, describe, list_actors
from ..analysis.events import MODALITIES, QUADS, EventFilter, count_events, event_record, issue_codes, list_events
from ..render import plain
from . import queries
from .jobs import UPLOAD_SUFFIXES, UploadError

router = APIRouter(prefix="/api", tags=["api"])

# Actor codes (RUS, P5+1, IRGC) and person ids (vladimir_putin).
CODE_PATTERN = r"^[A-Za-z0-9_+.\-]{1,80}$"
Code = Annotated[str, Path(pattern=CODE_PATTERN, description="An actor code (RUS) or a person id (vladimir_putin).")]


Quad = Enum("Quad", {q: q for q in QUADS}, type=str)  # the quad classes, as the API validates them


class Period(str, Enum):
    year = "year"
    quarter = "quarter"
    month = "month"




def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A cursor of the app's one connection for this request (a DuckDB connection is not shared
    across threads; its cursors are)."""
    cur = request.app.state.settings.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Db = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Since = Annotated[Optional[date], Query(description="On or after this day (YYYY-MM-DD).")]
Until = Annotated[Optional[date], Query(description="On or before this day (YYYY-MM-DD).")]
Limit = Annotated[int, Query(ge=1, le=1000, description="At most this many.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many first.")]


def event_filter(
    actor: Annotated[Optional[str], Query(pattern=CODE_PATTERN, description="Either side: RUS.")] = None,
    dyad: Annotated[Optional[str], Query(pattern=r"^[A-Za-z0-9_+.\-]{1,80},[A-Za-z0-9_+.\-]{1,80}$",
                                         description="Both sides, either direction: RUS,IRN.")] = None,
    code: Annotated[Optional[str], Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code or prefix: 19, 042.")] = None,
    quad: Annotated[Optional[Quad], Query(description="Quad class.")] = None,
    modality: Annotated[Optional[str], Query(pattern=r"^[a-z]+(,[a-z]+)*$",
                                             description="Comma-separated: asserted,reported,hypothetical,negated.")] = None,
    since: Annotated[Optional[date], Query(description="Events dated on or after.")] = None,
    until: Annotated[Optional[date], Query(description="Events dated on or before.")] = None,
    issue: Annotated[Optional[str], Query(pattern=r"^[a-z0-9_]{1,60}$", description="Issue area: nuclear.")] = None,
    min_confidence: Annotated[Optional[float], Query(ge=0, le=1, description="Events coded with at least this confidence.")] = None,
    counted: Annotated[bool, Query(description="Only the events the counts are made of (asserted or reported, at the counting threshold).")] = False,
) -> EventFilter:
    """The filters of `detente events`, from query parameters."""
    modalities = modality.split(",") if modality else None
    if modalities and not set(modalities) <= set(MODALITIES):
        raise HTTPException(422, f"modality takes {', '.join(MODALITIES)} (got {modality!r})")
    if issue and issue not in issue_codes():
        raise HTTPException(422, f"issue takes {', '.join(issue_codes())} (got {issue!r})")
    pair = tuple(dyad.upper().split(",")) if dyad else None
    return EventFilter(actor.upper() if actor else None, pair, code, quad.value if quad else None, modalities,
                       since, until, issue, min_confidence, counted)


Filter = Annotated[EventFilter, Depends(event_filter)]


def events_page(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int, offset: int) -> dict:
    """A page of event records (README, "The event record") and how many the filter selects."""
    columns, rows = list_events(con, flt, limit, offset)
    return {"total": count_events(con, flt), "offset": offset, "limit": limit,
            "items": [plain(dict(zip(columns, row))) for row in rows]}


@router.get("/overview", summary="Corpus size, date range, top dyads, top actors, latest events")
def overview(con: Db) -> dict:
    columns, rows = list_actors(con, limit=10)
    return {**queries.overview(con), "top_dyads": queries.top_dyads(con),
            "top_actors": [plain(dict(zip(columns, r))) for r in rows], "latest_events": queries.latest_events(con)}


@router.get("/documents", summary="Stored documents, newest first")
def documents(con: Db, limit: Limit = 50, offset: Offset = 0) -> dict:
    total, items = queries.list_documents(con, limit, offset)
    return {"total": total, "offset": offset, "limit": limit, "items": items}


@router.get("/documents/{doc_id}", summary="One document: text, sentences, actor mentions, events, quotes")
def document(con: Db, doc_id: Annotated[str, Path(pattern=r"^[0-9a-f]{16}$")]) -> dict:
    doc = queries.document(con, doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id}")
    return doc


@router.get("/events", summary="Coded events with the filters of `detente events`, paged")
def events(con: Db, flt: Filter, limit: Limit = 50, offset: Offset = 0) -> dict:
    return events_page(con, flt, limit, offset)


@router.get("/events/{event_id}", summary="One event with its evidence sentence and trigger offsets")
def event(con: Db, event_id: Annotated[str, Path(max_length=300)]) -> dict:
    found = event_record(con, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id}")
    return plain(found)


@router.get("/actors", summary="Actors by mention count")
def actors(con: Db, since: Since = None, until: Until = None, unresolved: bool = False, limit: Limit = 100,
           offset: Offset = 0) -> list[dict]:
    columns, rows = list_actors(con, since, until, unresolved, limit, offset)
    return [plain(dict(zip(columns, r))) for r in rows]


@router.get("/actors/{code}", summary="One actor: knowledge-base rows and mentions in context")
def actor(con: Db, code: Code, since: Since = None, until: Until = None, limit: Limit = 100, offset: Offset = 0) -> dict:
    """The knowledge base's rows and a page of the mentions (oldest first; `mentions_total` in all)."""
    known = describe(con, code)
    total = count_mentions(con, code, since, until)
    if not known and not total:
        raise HTTPException(404, f"no actor {code!r} in the store")
    columns, rows = actor_mentions(con, code, since, until, limit, offset)
    keys = ("code", "name", "kind", "country", "role", "office", "valid_from", "valid_to")
    return {"code": code, "knowledge": [plain(dict(zip(keys, k))) for k in known],
            "mentions_total": total, "offset": offset, "limit": limit,
            "mentions": [plain(dict(zip(columns, r))) for r in rows]}


@router.get("/quotes", summary="Direct quotations with speakers and affiliations")
def quotes(con: Db, speaker: Annotated[Optional[str], Query(max_length=200)] = None,
           actor: Annotated[Optional[str], Query(pattern=CODE_PATTERN)] = None,
           since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    total, items = queries.quotes(con, speaker, actor, since, until, limit, offset)
    return {"total": total, "offset": offset, "limit": limit, "items": items}


@router.get("/issues", summary="Issue areas: documents, sentences and events on each")
def issues(con: Db, since: Since = None, until: Until = None) -> list[dict]:
    return queries.issues(con, since, until)


@router.get("/search", summary="Documents whose sentences contain the words of q, best first")
def search(con: Db, q: Annotated[str, Query(min_length=1, max_length=200)], limit: Limit = 20) -> dict:
    return {"q": q, "terms": queries.search_terms(q), "items": queries.search(con, q, limit)}


def check_dyad(con: duckdb.DuckDBPyConnection, a: str, b: str) -> tuple[str, str]:
    """Two different codes that stored events name (upper-cased); else 422 or 404 saying which."""
    from ..analysis.dyad import unknown_actors

    a, b = a.upper(), b.upper()
    if a == b:
        raise HTTPException(422, f"a dyad takes two different codes, e.g. RUS and IRN (got {a} twice)")
    for code in unknown_actors(con, a, b):
        raise HTTPException(404, f"no events with actor {code!r} in the store (the actor list has the codes)")
    return a, b


@router.get("/dyad/{a}/{b}", summary="A dyad: totals, directions, series, issue ledger, clusters, actors, quotes, stances")
def dyad(con: Db, a: Code, b: Code, by: Period = Period.year, since: Since = None, until: Until = None,
         limit: Annotated[int, Query(ge=1, le=1000, description="Clusters listed at most (oldest first).")] = 200,
         offset: Offset = 0) -> dict:
    """The dyad's figures count all its clusters; `clusters` lists a page of them (`clusters_total` in all)."""
    from ..analysis.dyad import dyad_summary

    a, b = check_dyad(con, a, b)
    return plain(dyad_summary(con, a, b, by=by.value, since=since, until=until, limit=limit, offset=offset))


DyadSort = Annotated[str, Query(pattern=r"^[a-z_]{1,30}$", description="Sort key: clusters, events, documents, "
                                "sources, mean_goldstein, first_date, last_date, dyad, or a quad class.")]
Order = Annotated[Literal["asc", "desc"], Query(description="Sort order.")]


@router.get("/dyads", summary="Every pair of actors with its figures (counted clusters), sorted and paged")
def dyads(con: Db, sort: DyadSort = "clusters", order: Order = "desc", limit: Limit = 50, offset: Offset = 0) -> dict:
    from ..analysis.dyad import DYAD_SORTS

    if sort not in DYAD_SORTS:
        raise HTTPException(422, f"sort takes {', '.join(DYAD_SORTS)} (got {sort!r})")
    total, items = queries.list_dyads(con, sort, order == "desc", limit, offset)
    return {"total": total, "offset": offset, "limit": limit, "items": items}


@router.get("/network", summary="The actor network: nodes and directed edges with their dyad figures")
def network(con: Db, since: Since = None, until: Until = None,
            min_clusters: Annotated[int, Query(ge=1, le=1_000_000, description="Keep edges with at least this many clusters.")] = 1) -> dict:
    from ..analysis.network import actor_network, network_json

    return plain(network_json(actor_network(con, since, until, min_clusters)))


@router.get("/clusters", summary="Event clusters (one real-world event and the events that report it) with members")
def clusters(con: Db, flt: Filter, limit: Limit = 100, offset: Offset = 0) -> list[dict]:
    from dataclasses import replace

    from ..analysis.clusters import list_clusters
    from ..analysis.events import COUNTED

    if flt.min_confidence is not None:
        raise HTTPException(422, "min_confidence filters events: a cluster has no confidence (events below the "
                                 "counting threshold cluster apart, as modality 'uncertain')")
    if flt.counted:  # the counted clusters: asserted or reported (uncertain ones are apart already)
        flt = replace(flt, counted=False, modality=[m for m in (flt.modality or COUNTED) if m in COUNTED])
    return plain(list_clusters(con, flt, limit, offset=offset))


@router.post("/ingest", status_code=202, summary="Upload one file to ingest; returns the job to poll")
def ingest(request: Request, file: Annotated[UploadFile, File(description=f"One of: {' '.join(UPLOAD_SUFFIXES)}")]) -> JSONResponse:
    settings = request.app.state.settings
    settings.check_write(request)
    try:
        job, path = settings.ingestor.save(file.filename or "", iter(lambda: file.file.read(1 << 16), b""))
    except UploadError as e:
        raise HTTPException(e.status, str(e)) from None
    settings.ingestor.submit(job, path)
    return JSONResponse(job.as_dict(), 202, headers={"Location": f"/api/ingest/{job.job_id}"})


@router.get("/ingest/{job_id}", summary="Progress of an upload's ingest")
def ingest_status(request: Request, job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")]) -> dict:
    ingestor = request.app.state.settings.ingestor
    job = ingestor.jobs.get(job_id) if ingestor else None
    if job is None:
        raise HTTPException(404, f"no ingest job {job_id}")
    return job.as_dict()
