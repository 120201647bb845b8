"""URL lists: a `.urls` file, one address a line (# comments allowed); each page is fetched and
its main text extracted as for an HTML file. A page that cannot be fetched is reported with its
line and the rest still load."""

from __future__ import annotations

import http.client
import socket
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

from ..document import Document
from .decode import decode, decode_lines
from .errors import InputError
from .html import document_from_html

TIMEOUT_S = 20  # each connect and each read
PAGE_DEADLINE_S = 60  # the whole page, redirects included: a server that drips bytes is cut off
MAX_BYTES = 20 * 2**20
USER_AGENT = "detente/0.1 (news analysis; research use)"


class _Deadline:
    """Shuts down every socket of one fetch when its time is up: the blocked read returns at once."""

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def watch(self, sock: socket.socket) -> socket.socket:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)
        return sock


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass


def _watched(base: type, deadline: _Deadline):
    class Connection(base):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            create = self._create_connection
            self._create_connection = lambda *a, **k: deadline.watch(create(*a, **k))

    return Connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def http_open(self, req):
        return self.do_open(_watched(http.client.HTTPConnection, self.deadline), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: _Deadline):
        super().__init__()
        self.deadline = deadline

    def https_open(self, req):
        return self.do_open(_watched(http.client.HTTPSConnection, self.deadline), req, context=self._context)


def fetch(url: str) -> bytes:
    """The page at `url`: TIMEOUT_S for each connect and read, PAGE_DEADLINE_S for all of it.
    Raises ValueError (too large, too slow), urllib's errors, OSError or http.client's errors."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with _Deadline(PAGE_DEADLINE_S) as deadline:
        opener = urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline))
        try:
            with opener.open(request, timeout=TIMEOUT_S) as response:  # only http(s): checked by the caller
                data = response.read(MAX_BYTES + 1)
        except Exception:
            if deadline.expired:
                raise ValueError(f"took longer than {_seconds(PAGE_DEADLINE_S)}") from None
            raise
        if deadline.expired:  # a shut-down socket can look like the end of the page
            raise ValueError(f"took longer than {_seconds(PAGE_DEADLINE_S)}")
    if len(data) > MAX_BYTES:
        raise ValueError(f"page larger than {MAX_BYTES // 2**20} MiB")
    return data


def _seconds(value: float) -> str:
    return f"{value:g} s"


def read_urls(path: Path) -> Iterator[Document | InputError]:
    lines, _ = decode_lines(path.read_bytes(), str(path))
    for number, line in enumerate(lines, start=1):
        url = line.split("#", 1)[0].strip()
        if not url:
            continue
        if not url.startswith(("http://", "https://")):
            yield InputError(str(path), f"not an http(s) address: {url!r}", number)
            continue
        try:
            data = fetch(url)
            html, encoding = decode(data, url)
            doc = document_from_html(html, str(path), size=len(line) + 1, encoding=encoding)
        except InputError as e:
            yield InputError(str(path), f"{url}: {e.reason}", number)
            continue
        except urllib.error.HTTPError as e:
            yield InputError(str(path), f"{url}: cannot fetch (HTTP {e.code} {e.reason})", number)
            continue
        except (urllib.error.URLError, OSError, ValueError, http.client.HTTPException) as e:
            reason = str(getattr(e, "reason", None) or e) or type(e).__name__
            yield InputError(str(path), f"{url}: cannot fetch ({reason})", number)
            continue
        doc.record = str(number)
        if not doc.url:
            doc.url, doc.basis["url"] = url, "fetched from"
        yield doc
