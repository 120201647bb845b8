"""URL lists: a `.urls` file, one address a line (# comments allowed); each page is fetched and
its main text extracted as for an HTML file. A page that cannot be fetched is reported with its
line and the rest still load."""

from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

from ..document import Document
from .decode import decode
from .errors import InputError
from .html import document_from_html

TIMEOUT_S = 20
MAX_BYTES = 20 * 2**20
USER_AGENT = "detente/0.1 (news analysis; research use)"


def fetch(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # only http(s): checked by the caller
        data = response.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"page larger than {MAX_BYTES // 2**20} MiB")
    return data


def read_urls(path: Path) -> Iterator[Document | InputError]:
    text, _ = decode(path.read_bytes(), str(path))
    for number, line in enumerate(text.splitlines(), start=1):
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
        except (urllib.error.URLError, OSError, ValueError) as e:
            reason = getattr(e, "reason", None) or e
            yield InputError(str(path), f"{url}: cannot fetch ({reason})", number)
            continue
        doc.record = str(number)
        if not doc.url:
            doc.url, doc.basis["url"] = url, "fetched from"
        yield doc
