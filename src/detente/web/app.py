"""The FastAPI app: JSON API under /api, server-rendered pages, plotly.js from its installed package."""

from __future__ import annotations

import logging
import secrets
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import duckdb
from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import store
from ..analysis.clusters import ensure_clusters
from .jobs import Ingestor

log = logging.getLogger("detente.web")
HERE = Path(__file__).parent
MAX_UPLOAD_BYTES = 5 * 1024 * 1024


def plotly_js() -> Path:
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


class Settings:
    """What every request reads: the store connection, the mode, the token, the upload worker."""

    def __init__(self, con: duckdb.DuckDBPyConnection, read_only: bool, token: str | None, max_upload: int):
        self.con = con
        self.read_only = read_only
        self.token = token
        self.ingestor = None if read_only else Ingestor(con, max_upload)

    def check_write(self, request: Request) -> None:
        """Writes: refused on a read-only server, and need the bearer token when one is set."""
        if self.read_only:
            raise HTTPException(403, "this server is read-only (started with --read-only)")
        if self.token:
            given = request.headers.get("authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not secrets.compare_digest(value.strip().encode(), self.token.encode()):
                raise HTTPException(401, "this server needs a token for uploads: send 'Authorization: Bearer TOKEN'",
                                    headers={"WWW-Authenticate": "Bearer"})


def create_app(db_path: str | Path, read_only: bool = False, token: str | None = None,
               max_upload: int = MAX_UPLOAD_BYTES) -> FastAPI:
    """An app over one store: read-only opens it read-only; otherwise it holds the only connection
    (DuckDB allows one writing process) and each request takes its own cursor from it."""
    try:
        ensure_clusters(db_path)  # a store made before clusters existed, or changed by a CLI ingest since
    except store.StoreError:
        if not read_only:
            raise
        log.warning("%s: cannot build the event clusters (read-only); dyad and cluster views may be stale", db_path)
    con = store.connect(db_path, read_only=read_only)
    settings = Settings(con, read_only, token, max_upload)

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
    async def guard_writes(request: Request, call_next):
        """Refuse a write before its body is read: read-only, no token, or more bytes than allowed."""
        if request.method == "POST" and request.url.path == "/api/ingest":
            try:
                settings.check_write(request)
            except HTTPException as e:
                return JSONResponse({"detail": e.detail}, e.status_code, headers=e.headers)
            length = request.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_upload + 64 * 1024:  # room for the multipart framing
                return JSONResponse({"detail": f"file too large (limit {max_upload:,} bytes)"}, 413)
        return await call_next(request)

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

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith("/api/") or exc.status_code not in (404, 400, 422):
            return JSONResponse({"detail": exc.detail}, exc.status_code, headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError):
        problems = [f"{'.'.join(str(p) for p in e.get('loc', ()) if p not in ('query', 'path', 'body'))}: {e.get('msg')}"
                    for e in exc.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": "; ".join(problems), "errors": problems}, 422)
        return pages.error_page(request, 422, "; ".join(problems))

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception):
        # Logged in full here; the client learns nothing of the internals.
        log.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
        return JSONResponse({"detail": "internal error"}, 500)

    return app
