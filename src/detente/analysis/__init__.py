"""Analysis over the store: plain SQL first, results as (columns, rows) for any renderer."""

from __future__ import annotations

from datetime import date


def date_filter(since: date | None, until: date | None, column: str = "d.published") -> tuple[str, list]:
    """A SQL condition on a document date; documents without a date drop out once a bound is given."""
    clauses, params = [], []
    if since:
        clauses.append(f"{column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{column} <= ?")
        params.append(until)
    return (" AND ".join(clauses) or "TRUE"), params


def limit_clause(limit: int | None) -> str:
    """` LIMIT n` when a limit is given (an int, so safe to put in SQL), else nothing."""
    return f" LIMIT {int(limit)}" if limit else ""


def page_clause(limit: int | None, offset: int = 0) -> str:
    """` LIMIT n OFFSET m` for a page: limit_clause's limit, and the offset when there is one."""
    return limit_clause(limit) + (f" OFFSET {int(offset)}" if offset else "")
