"""`detente serve`: the web dashboard and JSON API over a store (FastAPI under uvicorn)."""

from __future__ import annotations

import ipaddress
from typing import Annotated, Optional

import typer

from .cli import DEFAULT_DB, DbOption, UserError, app, err


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; anything but loopback needs --token for uploads.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the store read-only; uploads are refused (403).")] = False,
    token: Annotated[Optional[str], typer.Option(envvar="DETENTE_TOKEN", help="Bearer token uploads must send.")] = None,
    max_upload_mb: Annotated[float, typer.Option(min=0.001, help="Largest upload accepted, in MiB.")] = 5.0,
) -> None:
    """Serve the dashboard (pages at /, /dyad/A/B, /events ...) and the JSON API (/api, schema at /openapi.json)."""
    import uvicorn

    from .web import create_app

    if not read_only and not token and not is_loopback(host):
        raise UserError(f"serving on {host} (not loopback) needs --token TOKEN for uploads, or --read-only", 2)
    web = create_app(db, read_only=read_only, token=token, max_upload=int(max_upload_mb * 1024 * 1024))
    err.print(f"detente: serving {db} at http://{host}:{port}/{' (read-only)' if read_only else ''}")
    uvicorn.run(web, host=host, port=port, log_level="warning")
