"""Reading sources into Documents: files and folders of any supported kind.

`read_sources` yields a Document per article or an InputError per bad input, never raising
for user errors, so one bad file never stops a corpus from loading.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..document import Document, clean_chars, clean_line
from .errors import InputError
from .html import read_html
from .metadata import apply_metadata, usable_url
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
    """Files to read, in a stable order: given files as they are, folders recursively.

    In a folder, hidden files and folders are skipped, and symbolic links are not followed out of
    it: a link to a file outside the folder, to a folder outside it, or to nothing (missing, a loop)
    is reported and skipped; a link to a file inside the folder is read; a link to a folder inside
    it is skipped (its files are read where they are). A path given explicitly is read wherever it
    points: the user named it.
    """
    for raw in paths:
        path = Path(raw)
        try:
            is_dir, is_file, exists = path.is_dir(), path.is_file(), path.exists()
        except (OSError, ValueError) as e:  # a name with a NUL byte, too long a name
            yield InputError(str(path), f"not a usable path ({e})")
            continue
        if is_dir:
            yield from _walk(path)
        elif is_file:
            if path.suffix.lower() in READERS:
                yield path
            else:
                kinds = ", ".join(sorted(READERS))
                yield InputError(str(path), f"unsupported file type '{path.suffix or '(none)'}' (supported: {kinds})")
        elif exists:
            yield InputError(str(path), "not a regular file or folder")
        elif path.is_symlink():
            yield InputError(str(path), "broken symbolic link (its target is missing or a loop)")
        else:
            yield InputError(str(path), "no such file or folder")


def _walk(root: Path) -> Iterator[Path | InputError]:
    """The readable files under `root` and the errors of its links, sorted by path."""
    real_root = root.resolve()
    found: list[tuple[Path, Path | InputError]] = []

    def unreadable(e: OSError) -> None:
        found.append((Path(e.filename), InputError(str(e.filename), f"cannot read folder ({e.strerror or e})")))

    for folder, dirnames, filenames in os.walk(root, onerror=unreadable):  # links to folders are not entered
        here = Path(folder)
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in dirnames + filenames:
            if name.startswith("."):
                continue
            child = here / name
            item = _link(child, real_root) if child.is_symlink() else (
                child if name in filenames and child.suffix.lower() in READERS and _regular(child) else None)
            if item is not None:
                found.append((child, item))
    for _, item in sorted(found, key=lambda pair: pair[0]):
        yield item


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _link(link: Path, real_root: Path) -> Path | InputError | None:
    """A symbolic link in a folder: the link to read, an error to report, or None (nothing to read)."""
    readable = link.suffix.lower() in READERS
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):  # missing target, or a loop
        return InputError(str(link), "broken symbolic link (its target is missing or a loop), skipped") if readable else None
    inside = target == real_root or target.is_relative_to(real_root)
    if target.is_dir():
        return None if inside else InputError(str(link), "symbolic link to a folder outside the folder, skipped")
    if not readable:
        return None
    if not inside:
        return InputError(str(link), "symbolic link to a file outside the folder, skipped")
    return link if _regular(target) else None


def read_sources(items: Iterable[Path | InputError]) -> Iterator[Document | InputError]:
    """Documents from what `discover` found, metadata filled from their text.

    Never raises for what a file holds: a file whose reader fails in a way not foreseen is one
    error line ("cannot read (ValueError: ...)") and the next file is read.
    """
    for item in items:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            for doc in READERS[item.suffix.lower()](item):
                yield _finish(doc) if isinstance(doc, Document) else doc
        except InputError as e:
            yield e
        except OSError as e:
            yield InputError(str(item), f"cannot read ({e.strerror or e})")
        except RecursionError:
            yield InputError(str(item), "cannot read (nested too deeply)")
        except Exception as e:  # the last line of defence: one file never stops the run
            yield InputError(str(item), f"cannot read ({type(e).__name__}: {e})")


def _finish(doc: Document) -> Document | InputError:
    """The document with its metadata filled in from its text and every field clean: no control
    characters or lone surrogates anywhere, one-line metadata, a url that can be taken apart."""
    line = int(doc.record) if doc.record and doc.record.isdigit() else None
    try:
        doc.source_path = _storable_path(doc.source_path)
        doc.text = clean_chars(doc.text)  # readers normalise already; same length, so spans hold
        apply_metadata(doc)
        for name in ("title", "publication", "url"):
            value = getattr(doc, name)
            if isinstance(value, str):
                value = clean_line(value) or None
                setattr(doc, name, value)
                if value is None:
                    doc.basis.pop(name, None)
        if doc.url and not usable_url(doc.url):
            return InputError(doc.source_path, f"unreadable url {doc.url[:60]!r}", line)
        for name in ("authors", "keywords"):
            setattr(doc, name, [v for v in map(clean_line, getattr(doc, name)) if v])
            if not getattr(doc, name):
                doc.basis.pop(name, None)
        doc.text.encode("utf-8")  # what the document id is made of: must not fail later
    except Exception as e:
        return InputError(doc.source_path, f"cannot read ({type(e).__name__}: {e})", line)
    return doc


def _storable_path(path: str) -> str:
    """A file name that is not UTF-8 (its bytes kept as lone surrogates) with those bytes written
    as \\xNN, so that the store can take it; any other path as it is."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", errors="backslashreplace")
