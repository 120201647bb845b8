"""HTML pages: the main text extracted with trafilatura, boilerplate (menus, footers) dropped."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import trafilatura

from ..document import Document, clean_chars, normalise_text
from .decode import decode
from .errors import InputError
from .metadata import parse_date_text, usable_url

MIN_WORDS = 5


def document_from_html(html: str, origin: str, size: int = 0, encoding: str | None = None) -> Document:
    try:
        result = _extract(clean_chars(html))  # the parser refuses NUL and other control characters
    except RecursionError:
        raise InputError(origin, "HTML nested too deeply to read") from None
    except Exception as e:  # trafilatura and lxml on odd markup: this page fails, not the run
        raise InputError(origin, f"cannot extract the article ({type(e).__name__}: {e})") from None
    text = normalise_text(result.text or "") if result is not None else ""
    if len(text.split()) < MIN_WORDS:  # a stray menu label is not an article
        raise InputError(origin, "no article text found in the HTML")
    doc = Document(text=text, source_path=origin, encoding=encoding, size=size)
    meta = {
        "title": result.title,
        "published": parse_date_text(result.date) if result.date else None,
        "publication": result.sitename,
        "authors": [a.strip() for a in (result.author or "").split(";") if a.strip()],
        "url": result.url if result.url and usable_url(result.url) else None,
    }
    for name, value in meta.items():
        if value:
            setattr(doc, name, value)
            doc.basis[name] = "html metadata"
    return doc


def _extract(html: str):
    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        # Only a date the page states: never the fallback of "today".
        date_extraction_params={"extensive_search": False, "original_date": True},
    )


def read_html(path: Path) -> Iterator[Document]:
    data = path.read_bytes()
    html, encoding = decode(data, str(path))
    yield document_from_html(html, str(path), size=len(data), encoding=encoding)
