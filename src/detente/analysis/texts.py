"""Quotations and issue areas as the store holds them, filtered the same way for the CLI and the web."""

from __future__ import annotations

from datetime import date

import duckdb

from . import date_filter


def quote_filter(speaker: str | None = None, actor: str | None = None, since: date | None = None,
                 until: date | None = None) -> tuple[str, list]:
    """The SQL condition on quotes `q` joined to documents `d`: a speaker's name contains `speaker`
    (any case), the speaker acts for `actor` (a code) or is that person id, the article's date."""
    where, params = date_filter(since, until)
    if speaker:
        where += " AND contains(lower(q.speaker), lower(?))"
        params.append(speaker)
    if actor:
        where += " AND (q.speaker_actor = ? OR q.speaker_id = ?)"
        params += [actor, actor]
    return where, params


# The one quote record: the quotation with its offsets in the document and its sentence, the
# speaker as written and as resolved, and the article. CLI JSON/CSV and the API give it.
QUOTE_SQL = """
    SELECT q.doc_id, q.sent_idx, q.start_char, q.end_char, q.text, q.speaker, q.speaker_actor, q.speaker_id,
           q.affiliation, q.how, d.title, d.publication, d.published
    FROM quotes q JOIN documents d USING (doc_id) WHERE {where}
    ORDER BY d.published NULLS LAST, q.doc_id, q.start_char
"""


def list_quotes(con: duckdb.DuckDBPyConnection, where: str, params: list, limit: int | None = None,
                offset: int = 0) -> tuple[list[str], list[tuple], int]:
    """The quote records a quote_filter selects, paged: (columns, rows, how many in all)."""
    total = con.execute(f"SELECT count(*) FROM quotes q JOIN documents d USING (doc_id) WHERE {where}", params).fetchone()[0]
    paging = "" if limit is None else f" LIMIT {int(limit)} OFFSET {int(offset)}"
    result = con.execute(QUOTE_SQL.format(where=where) + paging, params)
    return [c[0] for c in result.description], result.fetchall(), total


def issue_summary(con: duckdb.DuckDBPyConnection, since: date | None = None,
                  until: date | None = None) -> duckdb.DuckDBPyConnection:
    """Per issue area: documents on it, their mean weight, sentences, and events (a result to fetch)."""
    where, params = date_filter(since, until)
    event_where, event_params = date_filter(since, until, "d2.published")
    return con.execute(f"""
        SELECT i.issue, count(*) FILTER (WHERE i.assigned) AS documents, round(avg(i.weight), 3) AS mean_weight,
               sum(i.sentences) AS sentences,
               (SELECT count(*) FROM events e JOIN documents d2 USING (doc_id)
                WHERE e.issue = i.issue AND {event_where}) AS events
        FROM issues i JOIN documents d USING (doc_id) WHERE {where}
        GROUP BY i.issue ORDER BY documents DESC, sentences DESC, i.issue""", event_params + params)
