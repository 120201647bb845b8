"""HTML pages: the main text extracted with trafilatura, boilerplate (menus, footers) dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import trafilatura

from ..document import Document, normalise_text
from .decode import decode
from .errors import InputError
from .metadata import parse_date_text

MIN_WORDS = 5


def document_from_html(html: str, origin: str, size: int = 0, encoding: str | None = None) -> Document:
    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Only a date the page states: never the fallback of "today".
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = normalise_text(result.text or "") if result is not None else ""
    if len(text.split()) < MIN_WORDS:  # a stray menu label is not an article
        raise InputError(origin, "no article text found in the HTML")
    doc = Document(text=text, source_path=origin, encoding=encoding, size=size)
    meta = {
        "title": result.title,
        "published": parse_date_text(result.date) if result.date else None,
        "publication": result.sitename,
        "authors": [a.strip() for a in (result.author or "").split(";") if a.strip()],
        "url": result.url,
    }
    for name, value in meta.items():
        if value:
            setattr(doc, name, value)
            doc.basis[name] = "html metadata"
    return doc


def read_html(path: Path) -> Iterator[Document]:
    data = path.read_bytes()
    html, encoding = decode(data, str(path))
    yield document_from_html(html, str(path), size=len(data), encoding=encoding)
