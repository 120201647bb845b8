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
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve anywhere


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to bind; requests naming it (or a loopback name) are answered.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    writable: Annotated[bool, typer.Option("--writable", help="Accept uploads (POST /api/ingest), each with the bearer token; "
                                           "without it the server is read-only.")] = False,
    read_only: Annotated[bool, typer.Option("--read-only", help="The default: open the store read-only, refuse every "
                                            "write (403). Kept for scripts that pass it.")] = False,
    token: Annotated[Optional[str], typer.Option(envvar="DETENTE_TOKEN", help="Bearer token uploads must send (with "
                                                 "--writable); when none is given one is made and printed.")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option("--allow-host", help="Also answer requests whose Host is this "
                                                            "name (repeatable); others get 400.")] = None,
    max_upload_mb: Annotated[float, typer.Option(min=0.001, help="Largest upload accepted, in MiB.")] = 5.0,
) -> None:
    """Serve the dashboard (pages at /, /dyad/A/B, /events ...) and the JSON API (/api, schema at /openapi.json).

    Read-only unless --writable: a writable server takes uploads only with its bearer token."""
    import uvicorn

    from .web import create_app
    from .web.security import WILDCARD_BINDS, allowed_hosts

    if writable and read_only:
        raise UserError("--writable and --read-only contradict each other: pass one", 2)
    try:
        allowed_hosts(host, allow_host or ())
    except ValueError as e:
        raise UserError(f"--allow-host: {e}", 2) from None
    web = create_app(db, read_only=not writable, token=token, max_upload=int(max_upload_mb * 1024 * 1024),
                     host=host, allow_hosts=allow_host or ())
    settings = web.state.settings
    wildcard = host.strip() in WILDCARD_BINDS
    # the address to open: a wildcard bind is reached, and answered, by loopback
    shown = "127.0.0.1" if wildcard else f"[{host.strip('[]')}]" if ":" in host else host
    say = lambda text: err.print(text, soft_wrap=True, markup=False, highlight=False)  # noqa: E731
    mode = "read-only" if settings.read_only else "writable"
    say(f"detente: serving {db} at http://{shown}:{port}/ ({mode}{f', listening on {host}' if wildcard else ''})")
    if token and not writable:
        say("detente: --token does nothing on a read-only server (add --writable to accept uploads)")
    if writable:
        if token:
            say("detente: uploads need the token given by --token (or DETENTE_TOKEN): "
                "send 'Authorization: Bearer TOKEN'")
        else:
            t = settings.token
            say(f"detente: uploads need the token {t} (programs send 'Authorization: Bearer {t}'; "
                f"in a browser open http://{shown}:{port}/upload#token={t})")
        if not is_loopback(host):
            say(f"detente: {host} is not loopback: the token travels in clear over plain HTTP")
    if wildcard:
        say("detente: requests must name this server by a loopback address or an --allow-host name")
    uvicorn.run(web, host=host, port=port, log_level="warning")
