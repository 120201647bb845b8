"""Multi-record files: JSONL, JSON (an object or a list of objects) and CSV.

Each record needs a `text`; `title`, `url`, `published`, `source`/`publication` and `authors`
are taken when present. A bad record is reported with its line and the rest still load.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Iterator

from ..document import Document, normalise_text
from .decode import decode
from .errors import InputError
from .metadata import parse_date_text

TEXT_FIELDS = ("text", "body", "content")
_FIELD_NAMES = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "publish_date", "published_at"),
    "publication": ("publication", "source", "outlet", "sitename"),
    "authors": ("authors", "author", "byline"),
}

csv.field_size_limit(sys.maxsize)  # articles are longer than csv's 128 KiB default


def _get(record: dict, names: tuple[str, ...]):
    lowered = {str(k).lower(): v for k, v in record.items()}
    for name in names:
        value = lowered.get(name)
        if value not in (None, "", []):
            return value
    return None


def document_from_record(record: dict, path: str, line: int, size: int = 0,
                         encoding: str | None = None) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(path, f"expected an object with a 'text' field, got {type(record).__name__}", line)
    text = _get(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return InputError(path, "record has no text (looked for: " + ", ".join(TEXT_FIELDS) + ")", line)
    doc = Document(text=normalise_text(text), source_path=path, record=str(line), size=size, encoding=encoding)
    for name, keys in _FIELD_NAMES.items():
        value = _get(record, keys)
        if value is None:
            continue
        if name == "published":
            value = parse_date_text(str(value))
            if value is None:
                return InputError(path, f"unreadable date {_get(record, keys)!r}", line)
        elif name == "authors":
            value = value if isinstance(value, list) else str(value).replace(" and ", ";").split(";")
            value = [str(a).strip() for a in value if str(a).strip()]
        else:
            value = str(value).strip()
        setattr(doc, name, value)
        doc.basis[name] = "field"
    return doc


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            yield InputError(str(path), f"invalid JSON ({e.msg} at column {e.colno})", number)
            continue
        yield document_from_record(record, str(path), number, size=len(line.encode()) + 1, encoding=encoding)


def read_json(path: Path) -> Iterator[Document | InputError]:
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    try:
        parsed = json.loads(text)
    except json.JSONDecodeError as e:
        if "\n{" in text.strip():  # JSON Lines saved as .json
            yield from read_jsonl(path)
            return
        raise InputError(str(path), f"invalid JSON ({e.msg} at line {e.lineno} column {e.colno})") from None
    records = parsed if isinstance(parsed, list) else [parsed]
    share = len(data) // max(1, len(records))
    for number, record in enumerate(records, start=1):
        yield document_from_record(record, str(path), number, size=share, encoding=encoding)


def read_csv(path: Path) -> Iterator[Document | InputError]:
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    if not any(c in TEXT_FIELDS for c in columns):
        raise InputError(
            str(path), f"no text column (need one of: {', '.join(TEXT_FIELDS)}; found: {', '.join(columns) or 'none'})"
        )
    share = len(data) // max(1, text.count("\n"))
    try:
        for row in reader:
            # Line numbers count the header as line 1, as a spreadsheet shows them.
            yield document_from_record(row, str(path), reader.line_num, size=share, encoding=encoding)
    except csv.Error as e:
        yield InputError(str(path), f"malformed CSV ({e})", reader.line_num)
