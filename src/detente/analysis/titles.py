"""Titles for the articles that have none: the first sentence, cut near TITLE_CHARS, marked as derived
wherever it is shown (the dashboard's lists and pages, the report)."""

from __future__ import annotations

import duckdb

TITLE_CHARS = 80


def derived_title(sentence: str | None) -> str | None:
    """An untitled article's first sentence, cut at a word near TITLE_CHARS with an ellipsis."""
    text = " ".join((sentence or "").split())
    if len(text) <= TITLE_CHARS:
        return text or None
    cut = text[:TITLE_CHARS - 1]
    if " " in cut[TITLE_CHARS // 2:]:
        cut = cut[:cut.rindex(" ")]
    return cut.rstrip(" ,;:-") + "…"


def doc_titles(con: duckdb.DuckDBPyConnection, doc_ids) -> dict[str, dict]:
    """Each document's {title, derived}: its own title, or an untitled one's first sentence (derived)."""
    ids = sorted({d for d in doc_ids if d})
    if not ids:
        return {}
    rows = con.execute("""
        SELECT d.doc_id, d.title, s.text FROM documents d LEFT JOIN sentences s ON s.doc_id = d.doc_id AND s.idx = 0
        WHERE d.doc_id IN (SELECT unnest(?::VARCHAR[]))""", [ids]).fetchall()
    return {doc_id: ({"title": title, "derived": False} if title else {"title": derived_title(first), "derived": True})
            for doc_id, title, first in rows}
