"""Plain text and Markdown files: one document per file, metadata from the text."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..document import Document, normalise_text
from .decode import decode
from .errors import InputError


def read_text(path: Path) -> Iterator[Document]:
    data = path.read_bytes()
    text, encoding = decode(data, str(path))
    text = normalise_text(text)
    if not text.strip():
        raise InputError(str(path), "no text")
    yield Document(text=text, source_path=str(path), encoding=encoding, size=len(data))
