"""The FastAPI app: JSON API under /api, server-rendered pages, plotly.js from its installed package."""

from __future__ import annotations

import logging
import secrets
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Iterable
from urllib.parse import parse_qsl, urlencode

import duckdb
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import store
from ..analysis.clusters import clusters_current, ensure_clusters
from .jobs import Ingestor
from .security import SECURITY_HEADERS, Guard, Refusal, allowed_hosts, check_same_origin, check_write

log = logging.getLogger("detente.web")
HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class Settings:
    """What every request reads: the store connection, the mode, the token, the hosts it answers,
    the upload worker."""

    def __init__(self, con: duckdb.DuckDBPyConnection, read_only: bool, token: str | None, max_upload: int,
                 hosts: frozenset[str], stale_clusters: bool = False):
        self.con = con
        self.read_only = read_only
        self.token = token
        self.max_upload = max_upload
        self.allowed_hosts = hosts
        self.stale_clusters = stale_clusters
        self.ingestor = None if read_only else Ingestor(con, max_upload)

    def check_write(self, request: Request) -> None:
        """The middleware's write checks, made again by the route that writes, so that a write never
        rests on the middleware alone."""
        try:
            check_same_origin(request.scope, request.headers)
            check_write(request.headers, self.read_only, self.token)
        except Refusal as e:
            raise HTTPException(e.status, e.detail, headers=e.headers or None) from None


def open_store(db_path: str | Path, read_only: bool) -> tuple[duckdb.DuckDBPyConnection, bool]:
    """The store's connection and whether its event clusters are stale. Read-only changes no byte
    of the store: stale clusters are served as they are, with a warning; a writable server builds
    them first."""
    if read_only:
        con = store.connect(db_path, read_only=True)
        try:
            stale = not clusters_current(con)
        except duckdb.Error:
            stale = True
        if stale:
            log.warning("%s: the event clusters are stale (the store changed since they were built); served "
                        "as they are - run `detente clusters --db %s` to rebuild them", db_path, db_path)
        return con, stale
    ensure_clusters(db_path)  # a store made before clusters existed, or changed by a CLI ingest since
    return store.connect(db_path), False


def lock_down(con: duckdb.DuckDBPyConnection) -> None:
    """store.lock_down, once: a second app over the same file in one process shares DuckDB's
    database instance, whose configuration the first one locked already."""
    external, locked = con.execute("SELECT current_setting('enable_external_access'), "
                                   "current_setting('lock_configuration')").fetchone()
    if not locked:
        store.lock_down(con)
    elif external:
        raise RuntimeError("the store's configuration is locked with external access on")


def create_app(db_path: str | Path, read_only: bool = True, token: str | None = None,
               max_upload: int = MAX_UPLOAD_BYTES, host: str | None = None,
               allow_hosts: Iterable[str] = ()) -> FastAPI:
    """An app over one store. Read-only (the default) opens it read-only and writes nothing. A
    writable app holds the only connection (DuckDB allows one writing process), each request takes
    its own cursor from it, and uploads need a bearer token: `token`, or one made here when none is
    given (read it from app.state.settings.token). Requests must name a loopback host, `host` (the
    address bound) or one of `allow_hosts`."""
    hosts = allowed_hosts(host, allow_hosts)
    if not read_only and not token:
        token = secrets.token_urlsafe(24)
    con, stale = open_store(db_path, read_only)
    # The server never reads or writes a file but its store through DuckDB: no COPY, read_csv,
    # ATTACH, extension or setting from any query (the SQL page's included), ever.
    lock_down(con)
    settings = Settings(con, read_only, token if not read_only else None, max_upload, hosts, stale)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        if settings.ingestor:
            settings.ingestor.close()
        con.close()

    app = FastAPI(
        title="detente", lifespan=lifespan, docs_url=None, redoc_url=None,  # both load their JS from a CDN
        description="Evidence-linked events, actors, quotes and issues between states, read from articles.",
    )
    app.state.settings = settings

    from . import api, pages

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    @app.middleware("http")
    async def drop_empty_params(request: Request, call_next):
        """A filter form sends its empty fields (`?actor=&since=`): empty means not given."""
        query = request.scope.get("query_string", b"")
        if query:
            pairs = parse_qsl(query.decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v != ""]
            if len(kept) != len(pairs):
                request.scope["query_string"] = urlencode(kept).encode("latin-1")
        return await call_next(request)

    @app.get("/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript")

    def wants_json(request: Request) -> bool:
        """The API and the lists' .json/.csv files answer errors in JSON; pages with a page."""
        path = request.url.path
        return path.startswith("/api/") or path.endswith((".json", ".csv"))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if wants_json(request) or exc.status_code not in (404, 400, 422):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path', 'body'))}: {e.get('msg')}"
                    for e in exc.errors()]
        if wants_json(request):
            return JSONResponse({"detail": "; ".join(problems), "errors": problems}, 422)
        return pages.error_page(request, 422, "; ".join(problems))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # Logged in full here; the client learns nothing of the internals. This answer leaves from
        # outside the middleware, so it carries the security headers itself.
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error"}, 500, headers=SECURITY_HEADERS)

    # Outermost: the Host check, the write checks and the security headers see every request.
    app.add_middleware(Guard, settings=settings)
    return app
