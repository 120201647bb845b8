"""Dating undated articles by the events they share with dated ones.

An article with no publication date cannot resolve "last week" or "on Monday": its events are
stored undated, with basis 'unanchored'. When clustering puts such an event with a report whose
date another article's text gives (Putin's visit to Tehran "last week", and "Putin appeared this
week in Tehran" in an article of 2022-07-22), that date fixes the first; and the earliest
publication date from which the article's expression names that date is the publication date the
article most likely had. The article is then analysed again with it, so its other relative dates
("last year", "in January") resolve too. Its `published_basis` says how the date was found, and
from which article; an article whose anchors disagree is left undated.
"""

from __future__ import annotations

import functools
from datetime import date, timedelta
from typing import Callable, Iterable

import duckdb

from . import store
from .document import Document, DocRecords
from .analysis.clusters import TOLD_SQL, date_span
from .pipeline.dates import needs_anchor, read_date

SEARCH_DAYS = 400  # how far after an anchoring event its article may have been published
ANCHOR_PRECISIONS = ("day", "week", "month")  # "last year" is too vague to date an article by
WRITE_BATCH = 64  # dated articles per write transaction: 56 of 8 took 3.4 s at 1,600 articles, 7 of 64 2.8 s

ANCHORS_SQL = f"""
WITH told AS (   -- clusters holding a report whose date its article's text gives
    SELECT ec.cluster_id, any_value(e.doc_id) AS doc_id
    FROM event_clusters ec JOIN events e USING (event_id)
    WHERE e.date_start IS NOT NULL AND e.date_basis IN {TOLD_SQL}
    GROUP BY ec.cluster_id
)
SELECT e.doc_id, (SELECT list(m.surface ORDER BY m.start_char) FROM mentions m
                   WHERE m.doc_id = e.doc_id AND m.sent_idx = e.sent_idx AND m.label = 'DATE'),
       c.date_start, c.date_precision, c.date, t.doc_id
FROM events e
JOIN documents d ON d.doc_id = e.doc_id
JOIN event_clusters ec ON ec.event_id = e.event_id
JOIN clusters c ON c.cluster_id = ec.cluster_id
JOIN told t ON t.cluster_id = ec.cluster_id AND t.doc_id <> e.doc_id
WHERE e.date_basis = 'unanchored' AND d.published IS NULL AND c.date_start IS NOT NULL
ORDER BY e.doc_id, e.sent_idx
"""


def _overlaps(expression: str, day: date, start: date, precision: str | None, text: str | None) -> bool | None:
    """Whether `expression` read on publication `day` names a date overlapping the anchor (its first
    day, precision and ISO text); None when it names no date precise enough to anchor by."""
    found = read_date(expression, day)
    if found is None or found.precision not in ANCHOR_PRECISIONS:
        return None
    _, lo, hi = date_span(start, precision, text)
    _, a, b = date_span(found.start, found.precision, found.value)
    return a < hi and lo < b


@functools.lru_cache(maxsize=8192)
def publication_for(expression: str, start: date, precision: str | None, text: str | None) -> date | None:
    """The earliest publication date from which `expression` ("last week") names a date that
    overlaps the anchor's (remembered: the articles about one event say the same "last week" of it)."""
    for offset in range(-1, SEARCH_DAYS):
        try:
            day = start + timedelta(days=offset)
        except OverflowError:  # the calendar ends before the search does
            return None
        hit = _overlaps(expression, day, start, precision, text)
        if hit is None:
            return None
        if hit:
            return day
    return None


def anchor_undated(con: duckdb.DuckDBPyConnection,
                   analyse_dated: Callable[[list[Document]], Iterable[tuple[list[DocRecords], str, list[dict | None]]]]) -> int:
    """Date the undated articles that share an event with a dated report, and analyse them again
    with that date: `analyse_dated(documents)` gives their records, batch by batch as they are ready,
    as a fresh analysis with the date would (one that fails is left out: it stays undated, as it was
    stored), each with the pipeline version and what each changed of its stored analysis
    (store.analysis_changes; None: write it whole). They are written as they come, WRITE_BATCH
    articles or more in a transaction, while the next ones are analysed; of an analysis, only the
    rows that changed. Returns how many were dated."""
    rows = con.execute(ANCHORS_SQL).fetchall()
    if not rows:
        return 0
    by_doc: dict[str, list[tuple]] = {}
    for doc_id, expressions, start, precision, text, other in rows:
        by_doc.setdefault(doc_id, []).append((expressions or [], (start, precision, text), other))
    found = {}
    for doc_id, anchors in by_doc.items():
        day, why = _publication(anchors)
        if day is not None:
            found[doc_id] = (day, why)
    if not found:
        return 0
    documents = store.read_documents(con, list(found))
    for document in documents:
        document.published, document.basis["published"] = found[document.doc_id]
    dated, ready, changes, ready_version = 0, [], [], None
    for records, version, changed in analyse_dated(documents):
        if ready and (version != ready_version or len(ready) >= WRITE_BATCH):
            store.replace_analysis(con, ready, ready_version, changes)
            dated, ready, changes = dated + len(ready), [], []
        ready, changes, ready_version = ready + records, changes + changed, version
    if ready:
        store.replace_analysis(con, ready, ready_version, changes)
    return dated + len(ready)


def _publication(anchors: list[tuple]) -> tuple[date | None, str]:
    """The publication date an article's anchors agree on, and how it was found."""
    found = []  # (publication, expression, anchor, other article)
    for expressions, anchor, other in anchors:
        for expression in (e for e in expressions if needs_anchor(e)):
            day = publication_for(expression, *anchor)
            if day is not None:
                found.append((day, expression, anchor, other))
    if not found:
        return None, ""
    day = max(f[0] for f in found)
    if not all(_overlaps(expression, day, *anchor) for _, expression, anchor, _ in found):
        return None, ""  # the anchors disagree: better undated than wrongly dated
    _, expression, anchor, other = next(f for f in found if f[0] == day)
    return day, (f"inferred: the earliest date from which '{expression}' names {anchor[2]}, "
                 f"the date of the same event in article {other}")
