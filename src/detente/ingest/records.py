"""Multi-record files: JSONL, JSON (an object or a list of objects) and CSV.

Each record needs a `text`; `title`, `url`, `published`, `source`/`publication` and `authors`
are taken when present. A bad record is reported with its line and the rest still load.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import Iterator

from ..document import Document, clean_line, normalise_text
from .decode import decode, decode_lines
from .errors import InputError
from .metadata import parse_date_text, usable_url

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


def _show(value, limit: int = 60) -> str:
    """A value for an error message: its repr, cut to `limit` characters."""
    try:
        shown = repr(value) if isinstance(value, (str, int, float)) else type(value).__name__
    except ValueError:  # an int too long to write out
        shown = type(value).__name__
    return shown if len(shown) <= limit else shown[: limit - 3] + "..."


def _as_text(value) -> str | None:
    """A field's value as text: strings as they are, numbers written out; None for anything else."""
    if isinstance(value, str):
        return value
    if type(value) in (int, float):
        try:
            return str(value)
        except ValueError:  # an int of more than 4,300 digits
            return None
    return None


# Control characters that never occur in text (tab, LF, FF, CR and ESC excluded).
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def _controls(text: str) -> int:
    return len(_CONTROL_CHARS.findall(text))


def document_from_record(record, path: str, line: int, size: int = 0,
                         encoding: str | None = None) -> Document | InputError:
    if not isinstance(record, dict):
        return InputError(path, f"expected an object with a 'text' field, got {type(record).__name__}", line)
    text = _get(record, TEXT_FIELDS)
    if not isinstance(text, str) or not text.strip():
        return InputError(path, "record has no text (looked for: " + ", ".join(TEXT_FIELDS) + ")", line)
    if _controls(text) > max(2, len(text) // 100):
        return InputError(path, "binary data in the text, not text", line)
    doc = Document(text=normalise_text(text), source_path=path, record=str(line), size=size, encoding=encoding)
    if not doc.text.strip():
        return InputError(path, "record has no text (looked for: " + ", ".join(TEXT_FIELDS) + ")", line)
    for name, keys in _FIELD_NAMES.items():
        raw = _get(record, keys)
        if raw is None:
            continue
        if name == "authors":
            texts = [_as_text(a) for a in (raw if isinstance(raw, list) else [raw]) if a is not None]
            if None in texts:
                return InputError(path, f"'authors' should be names, got {_show(raw)}", line)
            if not isinstance(raw, list):  # "A. Writer and B. Writer", "A; B"
                texts = texts[0].replace(" and ", ";").split(";")
            value = [a for a in map(clean_line, texts) if a]
            if not value:
                continue
        else:
            value = _as_text(raw)
            if value is None:
                what = "a date" if name == "published" else "text"
                return InputError(path, f"'{name}' should be {what}, got {_show(raw)}", line)
            if name == "published":
                value = parse_date_text(value)
                if value is None:
                    return InputError(path, f"unreadable date {_show(raw)}", line)
            else:
                value = clean_line(value)
                if not value:
                    continue
                if name == "url" and not usable_url(value):
                    return InputError(path, f"unreadable url {_show(value)}", line)
        setattr(doc, name, value)
        doc.basis[name] = "field"
    return doc


def _parse_json(text: str):
    """The JSON value in `text`; raises ValueError with a reason for the user."""
    try:
        return json.loads(text, strict=False)  # a raw tab or control inside a string is read, then cleaned
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    except ValueError as e:
        if "integer string conversion" in str(e):
            raise ValueError("invalid JSON (a number with more than 4,300 digits)") from None
        raise ValueError(f"invalid JSON ({e})") from None


def _jsonl_records(path: Path, lines: list[str], encodings: list[str]) -> Iterator[Document | InputError]:
    for number, (line, encoding) in enumerate(zip(lines, encodings), start=1):
        if not line.strip():
            continue
        try:
            record = _parse_json(line)
        except json.JSONDecodeError as e:
            yield InputError(str(path), f"invalid JSON ({e.msg.removesuffix(' at')} at column {e.colno})", number)
            continue
        except ValueError as e:
            yield InputError(str(path), str(e), number)
            continue
        yield _record(record, str(path), number, len(line.encode("utf-8", errors="replace")) + 1, encoding)


def _record(record, path: str, number: int, size: int, encoding: str | None) -> Document | InputError:
    """document_from_record, with what it cannot read (a value nested too deeply) an error for the record."""
    try:
        return document_from_record(record, path, number, size=size, encoding=encoding)
    except (RecursionError, ValueError, TypeError) as e:
        return InputError(path, f"unreadable record ({type(e).__name__}: {e})", number)


def read_jsonl(path: Path) -> Iterator[Document | InputError]:
    lines, encodings = decode_lines(path.read_bytes(), str(path))
    yield from _jsonl_records(path, lines, encodings)


def read_json(path: Path) -> Iterator[Document | InputError]:
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    try:
        parsed = _parse_json(text)
    except json.JSONDecodeError as e:
        if "\n{" in text.strip():  # JSON Lines saved as .json
            yield from read_jsonl(path)
            return
        raise InputError(str(path), f"invalid JSON ({e.msg.removesuffix(' at')} at line {e.lineno} column {e.colno})") from None
    except ValueError as e:
        raise InputError(str(path), str(e)) from None
    records = parsed if isinstance(parsed, list) else [parsed]
    share = len(data) // max(1, len(records))
    for number, record in enumerate(records, start=1):
        yield _record(record, str(path), number, share, encoding)


def read_csv(path: Path) -> Iterator[Document | InputError]:
    data = path.read_bytes()
    lines, encodings = decode_lines(data, str(path))
    text = "\n".join(lines)
    encoding = " + ".join(dict.fromkeys(encodings))
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        fieldnames = reader.fieldnames or []
    except csv.Error as e:
        raise InputError(str(path), f"malformed CSV ({e})", reader.line_num) from None
    columns = [clean_line(str(c)).lower() for c in fieldnames]
    if not any(c in TEXT_FIELDS for c in columns):
        shown = ", ".join(columns) or "none"
        shown = shown if len(shown) <= 200 else shown[:197] + "..."
        raise InputError(str(path), f"no text column (need one of: {', '.join(TEXT_FIELDS)}; found: {shown})")
    share = len(data) // max(1, text.count("\n"))
    try:
        for row in reader:
            # Line numbers count the header as line 1, as a spreadsheet shows them.
            yield _record(row, str(path), reader.line_num, share, encoding)
    except csv.Error as e:
        yield InputError(str(path), f"malformed CSV ({e})", reader.line_num)
