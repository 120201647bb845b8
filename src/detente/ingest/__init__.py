"""Reading sources into Documents: files and folders of any supported kind.

`read_sources` yields a Document per article or an InputError per bad input, never raising
for user errors, so one bad file never stops a corpus from loading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..document import Document
from .errors import InputError
from .html import read_html
from .metadata import apply_metadata
from .records import read_csv, read_json, read_jsonl
from .text import read_text
from .urls import read_urls

READERS: dict[str, Callable[[Path], Iterator[Document | InputError]]] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
    ".json": read_json,
    ".csv": read_csv,
    ".urls": read_urls,
}

__all__ = ["InputError", "READERS", "discover", "read_sources"]


def discover(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """Files to read, in a stable order: given files as they are, folders recursively."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                hidden = any(part.startswith(".") for part in child.relative_to(path).parts)
                if child.is_file() and not hidden and child.suffix.lower() in READERS:
                    yield child
        elif path.is_file():
            if path.suffix.lower() in READERS:
                yield path
            else:
                kinds = ", ".join(sorted(READERS))
                yield InputError(str(path), f"unsupported file type '{path.suffix or '(none)'}' (supported: {kinds})")
        elif path.exists():
            yield InputError(str(path), "not a regular file or folder")
        else:
            yield InputError(str(path), "no such file or folder")


def read_sources(items: Iterable[Path | InputError]) -> Iterator[Document | InputError]:
    """Documents from what `discover` found, metadata filled from their text."""
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            for doc in READERS[item.suffix.lower()](item):
                yield apply_metadata(doc) if isinstance(doc, Document) else doc
        except InputError as e:
            yield e
        except OSError as e:
            yield InputError(str(item), f"cannot read ({e.strerror or e})")
