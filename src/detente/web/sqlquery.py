"""The browser's SQL page (/sql, /sql.json, /sql.csv): one read-only statement over the store, as
Datasette offers. Only a single SELECT (WITH ... SELECT, FROM-first, SUMMARIZE) or EXPLAIN runs, on
a cursor of the app's connection, which create_app locked to the store (no COPY, read_csv, ATTACH,
extensions or settings: store.lock_down); at most `max_rows` rows come back and a query running past
`seconds` is interrupted. Every failure is one line."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field

import duckdb

MAX_SQL = 10_000  # characters
PAGE_ROWS = 1_000  # rows shown on the page
EXPORT_ROWS = 100_000  # rows in /sql.json and /sql.csv
SECONDS = 5.0
ALLOWED = {duckdb.StatementType.SELECT: "SELECT", duckdb.StatementType.EXPLAIN: "EXPLAIN"}


class SqlRefused(Exception):
    """A statement the SQL page does not run, or one that failed: the message is one line."""


@dataclass
class SqlResult:
    columns: list[str] = field(default_factory=list)
    rows: list[tuple] = field(default_factory=list)
    truncated: bool = False  # more rows than max_rows: the rest were not fetched
    seconds: float = 0.0


def check(sql: str) -> str:
    """The one statement of `sql` if it only reads, else SqlRefused saying why."""
    if len(sql) > MAX_SQL:
        raise SqlRefused(f"the query is longer than {MAX_SQL:,} characters")
    try:
        statements = duckdb.extract_statements(sql)
    except duckdb.Error as e:
        raise SqlRefused(_line(e)) from None
    if len(statements) != 1:
        raise SqlRefused(f"one statement at a time (got {len(statements)})")
    kind = statements[0].type
    if kind not in ALLOWED:
        raise SqlRefused(f"only SELECT, WITH ... SELECT and EXPLAIN run here: this store is read-only "
                         f"(got {kind.name})")
    query = statements[0].query
    if kind == duckdb.StatementType.EXPLAIN:  # EXPLAIN ANALYZE runs what it explains: that too must read only
        explained = re.sub(r"^\s*EXPLAIN\s+(ANALY[SZ]E\s+)?", "", query, flags=re.I)
        inner = duckdb.extract_statements(explained) if explained != query else []
        if len(inner) != 1 or inner[0].type != duckdb.StatementType.SELECT:
            raise SqlRefused("EXPLAIN runs here only on a SELECT")
    return query


def _line(e: BaseException) -> str:
    text = str(e).strip().splitlines()
    return f"{type(e).__name__}: {text[0] if text else ''}".rstrip(": ")


def run(con: duckdb.DuckDBPyConnection, sql: str, max_rows: int = PAGE_ROWS, seconds: float | None = None) -> SqlResult:
    """Run one read-only statement on a fresh cursor of `con` (a locked-down connection), fetching
    at most `max_rows` rows, interrupted after `seconds` (SECONDS)."""
    import time

    seconds = seconds or SECONDS
    query = check(sql)
    cur = con.cursor()
    timer = threading.Timer(seconds, cur.interrupt)
    started = time.monotonic()
    timer.start()
    try:
        # In a transaction that is rolled back: whatever a statement did, nothing of it stays.
        cur.execute("BEGIN TRANSACTION")
        result = cur.execute(query)
        columns = [c[0] for c in result.description or []]
        rows = result.fetchmany(max_rows + 1)
    except duckdb.InterruptException:
        raise SqlRefused(f"the query ran past {seconds:g} seconds and was stopped") from None
    except duckdb.Error as e:
        if time.monotonic() - started >= seconds:
            raise SqlRefused(f"the query ran past {seconds:g} seconds and was stopped") from None
        raise SqlRefused(_line(e)) from None
    finally:
        timer.cancel()
        try:
            cur.execute("ROLLBACK")
        except duckdb.Error:
            pass
        cur.close()
    return SqlResult(columns, rows[:max_rows], len(rows) > max_rows, round(time.monotonic() - started, 3))
