"""Actors and their mentions, as the store holds them."""

from __future__ import annotations

from datetime import date

import duckdb

from . import date_filter, page_clause

# Actor mentions are those with a kind; places are where things happen, kept apart.
ACTOR_MENTION = "m.kind IS NOT NULL AND m.kind <> 'place'"


# The columns a list of actors can be sorted by (looked up, never taken from a request as SQL).
ACTOR_SORTS = {"code": "code", "name": "n.name", "kind": "kind", "mentions": "mentions", "documents": "documents"}


def _actor_hits(since: date | None, until: date | None, unresolved: bool) -> tuple[str, list]:
    where, params = date_filter(since, until)
    code = "m.actor_code IS NULL" if unresolved else "m.actor_code IS NOT NULL"
    key = "m.surface" if unresolved else "m.actor_code"
    return f"""
            SELECT {key} AS actor, m.kind, m.role, m.surface, m.doc_id
            FROM mentions m JOIN documents d USING (doc_id)
            WHERE {ACTOR_MENTION} AND {code} AND {where}""", params


def list_actors(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                unresolved: bool = False, limit: int | None = None, offset: int = 0, sort: str = "mentions",
                descending: bool = True) -> tuple[list[str], list[tuple]]:
    """Actors by mention count (or by a key of ACTOR_SORTS): their name, kind, roles seen and the
    surfaces that named them."""
    hits, params = _actor_hits(since, until, unresolved)
    way = "DESC" if descending else "ASC"
    query = f"""
        WITH hits AS ({hits}
        ), names AS (
            SELECT code, any_value(name) AS name FROM actors WHERE kind <> 'person' GROUP BY code
        )
        SELECT h.actor AS code, n.name, mode(h.kind) AS kind, count(*) AS mentions,
               count(DISTINCT h.doc_id) AS documents,
               list_sort(list_distinct(list(h.role) FILTER (WHERE h.role IS NOT NULL))) AS roles,
               list(DISTINCT h.surface)[1:6] AS surfaces
        FROM hits h LEFT JOIN names n ON n.code = h.actor
        GROUP BY h.actor, n.name ORDER BY {ACTOR_SORTS[sort]} {way} NULLS LAST, mentions DESC, code
    """ + page_clause(limit, offset)
    result = con.execute(query, params)
    return [c[0] for c in result.description], result.fetchall()


def count_actors(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None,
                 unresolved: bool = False) -> int:
    """How many actors list_actors lists."""
    hits, params = _actor_hits(since, until, unresolved)
    return con.execute(f"SELECT count(DISTINCT actor) FROM ({hits})", params).fetchone()[0]


def _mentions_of(code: str, since: date | None, until: date | None) -> tuple[str, list]:
    where, params = date_filter(since, until)
    return (f"""SELECT m.*, d.published FROM mentions m JOIN documents d USING (doc_id)
                WHERE {ACTOR_MENTION} AND (m.actor_code = ? OR m.actor_id = ?) AND {where}""", [code, code, *params])


def actor_mentions(con: duckdb.DuckDBPyConnection, code: str, since: date | None = None,
                   until: date | None = None, limit: int | None = None,
                   offset: int = 0) -> tuple[list[str], list[tuple]]:
    """The mentions of an actor, by canonical code (RUS, IS) or knowledge-base id (vladimir_putin),
    oldest first, paged (`limit` None: all); only the page's rows are joined to their sentences."""
    mentions, params = _mentions_of(code, since, until)
    query = f"""
        WITH m AS ({mentions} ORDER BY d.published NULLS LAST, m.doc_id, m.start_char{page_clause(limit, offset)})
        SELECT m.doc_id, m.published, m.sent_idx, m.surface, m.actor_code, m.role, m.how, m.detail,
               m.start_char - s.start_char AS offset, s.text AS sentence
        FROM m JOIN sentences s ON s.doc_id = m.doc_id AND s.idx = m.sent_idx
        ORDER BY m.published NULLS LAST, m.doc_id, m.start_char
    """
    result = con.execute(query, params)
    return [c[0] for c in result.description], result.fetchall()


def count_mentions(con: duckdb.DuckDBPyConnection, code: str, since: date | None = None,
                   until: date | None = None) -> int:
    """How many mentions actor_mentions lists, unpaged."""
    mentions, params = _mentions_of(code, since, until)
    return con.execute(f"SELECT count(*) FROM ({mentions})", params).fetchone()[0]


def describe(con: duckdb.DuckDBPyConnection, code: str) -> list[tuple]:
    """The knowledge base's rows for a code: name, kind, country, role, and offices with dates."""
    return con.execute(
        "SELECT code, name, kind, country, role, office, valid_from, valid_to FROM actors "
        "WHERE code = ? ORDER BY valid_from NULLS FIRST", [code]).fetchall()
