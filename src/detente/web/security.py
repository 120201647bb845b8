"""What the server accepts and from whom: the Host check (against DNS rebinding), cross-site and
unauthenticated writes refused, and the security headers (CSP and friends) on every response."""

from __future__ import annotations

import json
import secrets
from urllib.parse import urlsplit, urlunsplit

from starlette.datastructures import Headers

# Every response carries these. No inline script anywhere: the pages load /static/app.js and
# /plotly.min.js, and chart data sits in <script type="application/json"> blocks, which never run.
# plotly.js writes its own <style> rules and style attributes as it draws: style-src allows
# inline styles, scripts get no such allowance.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; "
                           "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD_BINDS = frozenset({"", "0.0.0.0", "::", "[::]"})
# Every other method (POST, PUT, PATCH, DELETE, and any the app does not know) is checked as a write.
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What a plain HTML <form> can send to another site without a CORS preflight, besides multipart
# (which the upload endpoint takes, and which the token guards).
FORM_TYPES = frozenset({"application/x-www-form-urlencoded", "text/plain"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def http_url(value) -> str | None:
    """The url to link to if `value` is an http(s) URL with a host, else None (show it as text).

    Leading and trailing spaces are dropped; any other space or control character inside (which
    browsers silently remove, turning `java\\tscript:` into `javascript:`) means not a link. The
    link is rebuilt from its parsed parts."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or any(ord(c) <= 0x20 or ord(c) == 0x7F for c in text):
        return None
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises on a port that is not a number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, parts.query, parts.fragment))


def host_name(value: str) -> str | None:
    """The name a Host header (or an --allow-host value) names, lower-case, IPv6 without brackets;
    None when it is not a host[:port]."""
    value = value.strip()
    if not value or any(c in value for c in "/?#@\\ \t") or value.startswith(":"):
        return None
    try:
        parts = urlsplit("//" + value)
        parts.port  # noqa: B018
    except ValueError:
        return None
    return parts.hostname or None


def allowed_hosts(bound: str | None = None, extra=()) -> frozenset[str]:
    """Loopback names, the address the server is bound to (unless a wildcard), and `extra`."""
    names = set(LOOPBACK_NAMES)
    if bound and bound.strip() not in WILDCARD_BINDS:
        name = host_name(bound if ":" not in bound.strip("[]") else f"[{bound.strip('[]')}]")
        if name:
            names.add(name)
    for value in extra:
        name = host_name(value)
        if not name:
            raise ValueError(f"not a host name: {value!r}")
        names.add(name)
    return frozenset(names)


def origin_of(scheme: str, host: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) with the scheme's default port filled in."""
    try:
        parts = urlsplit(f"{scheme}://{host}")
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return None
    if parts.scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return parts.scheme, parts.hostname, port


def parse_origin(value: str) -> tuple[str, str, int] | None:
    scheme, sep, rest = value.strip().partition("://")
    if not sep or not rest or any(c in rest for c in "/?#@"):
        return None
    return origin_of(scheme.lower(), rest)


def bearer_matches(header: str, token: str) -> bool:
    scheme, _, value = header.partition(" ")
    return scheme.lower() == "bearer" and secrets.compare_digest(value.strip().encode(), token.encode())


class Refusal(Exception):
    def __init__(self, status: int, detail: str, headers: dict | None = None):
        super().__init__(detail)
        self.status, self.detail, self.headers = status, detail, headers or {}


def check_host(headers: Headers, allowed: frozenset[str]) -> None:
    name = host_name(headers.get("host", ""))
    if name is None or name not in allowed:
        raise Refusal(400, "Host not allowed")


def check_same_origin(scope: dict, headers: Headers) -> None:
    """A write must come from our own pages or from a program, never from another site's page:
    an Origin header must be this server's own origin; without one, Sec-Fetch-Site must not say
    cross-site or same-site (a program sends neither)."""
    origin = headers.get("origin")
    if origin is not None:
        own = origin_of(scope.get("scheme", "http"), headers.get("host", ""))
        if own is None or parse_origin(origin) != own:
            raise Refusal(403, "cross-site write refused: the Origin is not this server's")
    elif headers.get("sec-fetch-site", "").lower() in ("cross-site", "same-site"):
        raise Refusal(403, "cross-site write refused")


def check_write(headers: Headers, read_only: bool, token: str | None) -> None:
    """Writes: refused on a read-only server; on a writable one they need the bearer token."""
    if read_only:
        raise Refusal(403, "this server is read-only (start it with --writable to accept uploads)")
    if not token or not bearer_matches(headers.get("authorization", ""), token):
        raise Refusal(401, "uploads need the server's token: send 'Authorization: Bearer TOKEN'",
                      {"www-authenticate": "Bearer"})
    content_type = headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type in FORM_TYPES:
        raise Refusal(415, f"{content_type} is not accepted: send multipart/form-data or application/json")


class Guard:
    """ASGI middleware around the whole app: the Host check on every request, the write checks
    before a body is read, and the security headers on every response."""

    def __init__(self, app, settings):
        self.app = app
        self.settings = settings

    async def __call__(self, scope, receive, send):
        if scope["type"] not in ("http", "websocket"):
            return await self.app(scope, receive, send)
        headers = Headers(scope=scope)
        try:
            check_host(headers, self.settings.allowed_hosts)
            if scope["type"] == "http" and scope["method"].upper() not in SAFE_METHODS:
                check_same_origin(scope, headers)
                check_write(headers, self.settings.read_only, self.settings.token)
                length = headers.get("content-length", "")
                limit = self.settings.max_upload + 64 * 1024  # room for the multipart framing
                if length.isdigit() and int(length) > limit:
                    raise Refusal(413, f"file too large (limit {self.settings.max_upload:,} bytes)")
        except Refusal as refusal:
            if scope["type"] == "websocket":
                return await send({"type": "websocket.close", "code": 1008})
            return await self.refuse(refusal, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(message.get("headers", []))
            await send(message)

        await self.app(scope, receive, send_with_headers)

    @staticmethod
    async def refuse(refusal: Refusal, send) -> None:
        body = json.dumps({"detail": refusal.detail}).encode()
        raw = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
        raw += [(k.encode(), v.encode()) for k, v in refusal.headers.items()]
        await send({"type": "http.response.start", "status": refusal.status, "headers": with_security_headers(raw)})
        await send({"type": "http.response.body", "body": body})


def with_security_headers(raw: list) -> list:
    names = {k.encode() for k in SECURITY_HEADERS}
    kept = [(k, v) for k, v in raw if bytes(k).lower() not in names]
    return kept + [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]
