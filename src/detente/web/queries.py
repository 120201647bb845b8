"""Read queries the dashboard needs and detente.analysis does not yet offer (documents, quotes,
search, overview figures). Plain SQL, results as JSON-ready dicts; candidates to move into
detente.analysis when the CLI wants them too."""

from __future__ import annotations

import re
from datetime import date

import duckdb

from ..analysis.actors import ACTOR_MENTION
from ..analysis.dyad import QUADS, dyad_figures
from ..analysis.titles import derived_title, doc_titles  # noqa: F401 - the pages' titles
from ..analysis.events import COUNTED, RECORD_ORDER, EventFilter, counted, records_query
from ..knowledge.events import load_vocabulary
from ..analysis.texts import issue_summary, list_quotes, quote_filter
from ..render import plain


def rows_as_dicts(result: duckdb.DuckDBPyConnection) -> list[dict]:
    columns = [c[0] for c in result.description]
    return [plain(dict(zip(columns, row))) for row in result.fetchall()]


def overview(con: duckdb.DuckDBPyConnection) -> dict:
    """Corpus size and date range."""
    docs, words, sentences, first, last = con.execute(
        "SELECT count(*), coalesce(sum(n_words), 0), coalesce(sum(n_sentences), 0), min(published), max(published) "
        "FROM documents").fetchone()
    events, n_counted, first_event, last_event = con.execute(
        f"SELECT count(*), count(*) FILTER (WHERE {counted()}), min(date_start), max(date_start) FROM events e"
    ).fetchone()
    quotes = con.execute("SELECT count(*) FROM quotes").fetchone()[0]
    try:
        clusters = con.execute(f"SELECT count(*) FROM clusters WHERE modality IN {COUNTED!r}").fetchone()[0]
    except duckdb.CatalogException:  # a store older than clusters, served read-only as it is
        clusters = None
    return plain({"documents": docs, "words": words, "sentences": sentences, "events": events,
                  "counted_events": n_counted, "clusters": clusters, "quotes": quotes, "first_published": first,
                  "last_published": last, "first_event": first_event, "last_event": last_event})


DYAD_KEYS = ("a", "b", "clusters", "events", "documents", "sources", "mean_goldstein", *QUADS, "first_date",
             "last_date", "undated")


def list_dyads(con: duckdb.DuckDBPyConnection, sort: str = "clusters", descending: bool = True,
               limit: int | None = 50, offset: int = 0) -> tuple[int, list[dict]]:
    """Pairs of actors (either direction) with their figures, as dyad_figures computes them for the
    dyad view: the dyad index and the overview's top dyads."""
    total, rows = dyad_figures(con, levels=("pair",), sort=sort, descending=descending, limit=limit, offset=offset)
    return total, [plain({k: r[k] for k in DYAD_KEYS}) for r in rows]


def top_dyads(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict]:
    """The pairs with the most counted clusters."""
    return list_dyads(con, "clusters", True, limit)[1]


def actor_names(con: duckdb.DuckDBPyConnection, codes) -> dict[str, str]:
    """The knowledge base's name of each code given (states, organisations, people)."""
    codes = sorted({c for c in codes if c})
    if not codes:
        return {}
    return dict(con.execute("SELECT code, any_value(name) FROM actors WHERE code IN (SELECT unnest(?::VARCHAR[])) "
                            "AND name IS NOT NULL GROUP BY code", [codes]).fetchall())


EVENT_COLUMNS = ("e.event_id, e.doc_id, e.sent_idx, e.date, e.source, e.target, e.cameo, e.cameo_name, e.goldstein, "
                 "e.quad, e.plover_type, e.modality, e.trigger, e.confidence, e.issue, d.title, d.published")


def latest_events(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict]:
    return rows_as_dicts(con.execute(f"""
        SELECT {EVENT_COLUMNS} FROM events e JOIN documents d USING (doc_id)
        ORDER BY e.date_start DESC NULLS LAST, e.doc_id, e.sent_idx, e.trigger_start LIMIT ?""", [limit]))


# The columns the event list can be sorted by, as the event record names them (looked up, never
# taken from a request as SQL); ties fall back to the record's own order.
EVENT_SORTS = {"date": "date_start", "source": "source", "target": "target", "cameo": "cameo",
               "what": "cameo_name", "goldstein": "goldstein", "quad": "quad", "modality": "modality",
               "confidence": "confidence", "issue": "issue", "published": "published"}
FACETS = ("quad", "root", "modality", "issue")


def events_query(flt: EventFilter, sort: str | None = None, descending: bool = False, limit: int | None = None,
                 offset: int = 0) -> tuple[str, list]:
    """The event records (analysis.events) the filter selects, sorted by a key of EVENT_SORTS; a
    page sorted by an event's own column is cut from the events table before the joins."""
    if limit is not None and sort != "published":
        way = "DESC" if descending else "ASC"
        order = f"e.{EVENT_SORTS[sort]} {way} NULLS LAST, e.date_start NULLS LAST, e.event_id" if sort else RECORD_ORDER
        return records_query(flt, limit, offset, order)
    query, params = records_query(flt)
    if sort:
        way = "DESC" if descending else "ASC"
        query = f"SELECT * FROM ({query}) ORDER BY {EVENT_SORTS[sort]} {way} NULLS LAST, date_start NULLS LAST, event_id"
    if limit is not None:
        query += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return query, params


def event_facets(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> dict[str, list[dict]]:
    """Counts of the events the filter selects per quad class, CAMEO root, modality and issue (as
    Datasette's facets), most first; one query."""
    where, params = flt.where()
    rows = con.execute(f"""
        SELECT e.quad, e.root, e.modality, e.issue, grouping(e.quad) = 0 AS by_quad, grouping(e.root) = 0 AS by_root,
               grouping(e.modality) = 0 AS by_modality, count(*) AS n
        FROM events e WHERE {where}
        GROUP BY GROUPING SETS ((e.quad), (e.root), (e.modality), (e.issue))
        ORDER BY n DESC, 1, 2, 3, 4""", params).fetchall()
    facets: dict[str, list[dict]] = {f: [] for f in FACETS}
    names = load_vocabulary().codes
    for quad, root, modality, issue, by_quad, by_root, by_modality, n in rows:
        facet, value = (("quad", quad) if by_quad else ("root", root) if by_root else
                        ("modality", modality) if by_modality else ("issue", issue))
        label = value
        if facet == "root" and value in names:
            label = f"{value} {names[value].name.capitalize()}"
        facets[facet].append({"value": value, "label": label, "count": n})
    return facets


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict | None:
    """One event with its evidence: the sentence's and trigger's offsets in the document."""
    rows = rows_as_dicts(con.execute("""
        SELECT e.*, s.text AS sentence, s.start_char AS sentence_start, s.end_char AS sentence_end,
               d.title, d.published, d.publication
        FROM events e JOIN documents d USING (doc_id)
        JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
        WHERE e.event_id = ?""", [event_id]))
    return rows[0] if rows else None


# The columns the document list can be sorted by (looked up, never taken from a request as SQL).
DOCUMENT_SORTS = {"published": "published", "title": "lower(coalesce(title, first_sentence))",
                  "publication": "lower(publication)", "words": "words", "events": "events",
                  "ingested": "ingested_at", "source": "source"}


def documents_query(sort: str = "published", descending: bool = True, limit: int | None = 50,
                    offset: int = 0) -> tuple[str, list]:
    """Stored documents with their counts and, for an untitled one, its first sentence."""
    way = "DESC" if descending else "ASC"
    order = f"ORDER BY {DOCUMENT_SORTS[sort]} {way} NULLS LAST, ingested_at DESC, doc_id"
    columns = """d.doc_id, d.published, d.title, s.text AS first_sentence, d.publication, d.authors, d.url,
                   d.n_words AS words, d.n_sentences AS sentences, {events} AS events,
                   regexp_extract(d.source_path, '[^/\\\\]+$') || coalesce(':' || d.record, '') AS source,
                   d.ingested_at"""
    events = "(SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id)"
    if limit is None:
        return f"""SELECT * FROM (SELECT {columns.format(events=events)}
                   FROM documents d LEFT JOIN sentences s ON s.doc_id = d.doc_id AND s.idx = 0) {order}""", []
    # A page: sorted on what the sort needs alone (the first sentence only for untitled documents,
    # events counted in one grouped pass only when sorting by them), then the rest for its rows only.
    first = "s.text" if sort == "title" else "NULL::VARCHAR"
    source = ("regexp_extract(d.source_path, '[^/\\\\]+$') || coalesce(':' || d.record, '')" if sort == "source"
              else "NULL::VARCHAR")
    counts = ("LEFT JOIN (SELECT doc_id, count(*) AS events FROM events GROUP BY doc_id) n ON n.doc_id = d.doc_id"
              if sort == "events" else "")
    sentence = "LEFT JOIN sentences s ON s.doc_id = d.doc_id AND s.idx = 0" if sort == "title" else ""
    query = f"""
        WITH page AS (
            SELECT * FROM (
                SELECT d.doc_id, d.published, d.title, {first} AS first_sentence, d.publication, d.n_words AS words,
                       {"coalesce(n.events, 0)" if counts else "NULL::BIGINT"} AS events, {source} AS source, d.ingested_at
                FROM documents d {counts} {sentence})
            {order} LIMIT {int(limit)} OFFSET {int(offset)}
        )
        SELECT * FROM (SELECT {columns.format(events=events)}
                       FROM page p JOIN documents d ON d.doc_id = p.doc_id
                       LEFT JOIN sentences s ON s.doc_id = d.doc_id AND s.idx = 0) {order}"""
    return query, []


def list_documents(con: duckdb.DuckDBPyConnection, limit: int = 50, offset: int = 0, sort: str = "published",
                   descending: bool = True) -> tuple[int, list[dict]]:
    total = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    rows = rows_as_dicts(con.execute(*documents_query(sort, descending, limit, offset)))
    for row in rows:
        if not row["title"]:
            row["derived_title"] = derived_title(row["first_sentence"])
    return total, rows


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict | None:
    """A document with its text, sentences, actor mentions, events and quotes."""
    docs = rows_as_dicts(con.execute(
        "SELECT * EXCLUDE (masked, source_path), regexp_extract(source_path, '[^/\\\\]+$') AS source "
        "FROM documents WHERE doc_id = ?", [doc_id]))
    if not docs:
        return None
    doc = docs[0]
    doc["sentences"] = rows_as_dicts(con.execute(
        "SELECT idx, start_char, end_char, text, issues FROM sentences WHERE doc_id = ? ORDER BY idx", [doc_id]))
    doc["mentions"] = mentions(con, doc_id)
    doc["events"] = rows_as_dicts(con.execute(
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d USING (doc_id) WHERE e.doc_id = ? "
        "ORDER BY e.sent_idx, e.trigger_start", [doc_id]))
    doc["quotes"] = rows_as_dicts(con.execute(
        "SELECT sent_idx, start_char, end_char, text, speaker, speaker_actor, affiliation FROM quotes "
        "WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    doc["issues"] = rows_as_dicts(con.execute(
        "SELECT issue, weight, sentences FROM issues WHERE doc_id = ? AND assigned ORDER BY weight DESC", [doc_id]))
    return doc


def mentions(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[dict]:
    """A document's actor mentions (places and plain entities left out)."""
    return rows_as_dicts(con.execute(f"""
        SELECT m.sent_idx, m.start_char, m.end_char, m.surface, m.actor_code, m.role, m.kind, m.how
        FROM mentions m WHERE m.doc_id = ? AND {ACTOR_MENTION} ORDER BY m.start_char""", [doc_id]))


def quotes(con: duckdb.DuckDBPyConnection, speaker: str | None = None, actor: str | None = None,
           since: date | None = None, until: date | None = None, limit: int = 50, offset: int = 0
           ) -> tuple[int, list[dict]]:
    """Quote records (analysis.texts.QUOTE_SQL), filtered as `detente quotes` filters them."""
    where, params = quote_filter(speaker, actor, since, until)
    columns, rows, total = list_quotes(con, where, params, limit, offset)
    return total, [plain(dict(zip(columns, row))) for row in rows]


def issues(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None) -> list[dict]:
    """Issue areas: documents on each, sentences, and events (as `detente issues`)."""
    return rows_as_dicts(issue_summary(con, since, until))


MAX_TERMS = 8


def search_terms(q: str) -> list[str]:
    """The words of a query (quoted phrases kept whole), lower-cased, at most MAX_TERMS."""
    terms = [a or b for a, b in re.findall(r'"([^"]+)"|(\S+)', q.lower())]
    return [t.strip() for t in terms if t.strip()][:MAX_TERMS]


def search(con: duckdb.DuckDBPyConnection, q: str, limit: int = 20) -> list[dict]:
    """Documents whose sentences contain the query's words, best first.

    DuckDB's fts extension is not bundled with the wheel (it installs from the network), so this
    is plain SQL: a sentence scores one point per query term it contains plus its occurrences, a
    document the sum over its matching sentences; each hit keeps its three best sentences.
    """
    terms = search_terms(q)
    if not terms:
        return []
    has = " + ".join("(contains(lower(s.text), ?))::INTEGER" for _ in terms)
    occurrences = " + ".join("(length(lower(s.text)) - length(replace(lower(s.text), ?, ''))) // length(?)"
                             for _ in terms)
    params = terms + [p for t in terms for p in (t, t)]
    hits = rows_as_dicts(con.execute(f"""
        WITH scored AS (
            SELECT s.doc_id, s.idx, s.text, {has} AS matched, {occurrences} AS occurrences
            FROM sentences s
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY doc_id ORDER BY matched DESC, occurrences DESC, idx) AS rank
            FROM scored WHERE matched > 0
        )
        SELECT r.doc_id, d.title, d.published, d.publication,
               sum(r.matched + r.occurrences) AS score, count(*) AS sentences,
               list({{'idx': r.idx, 'text': r.text}} ORDER BY r.rank) FILTER (WHERE r.rank <= 3) AS snippets
        FROM ranked r JOIN documents d USING (doc_id)
        GROUP BY r.doc_id, d.title, d.published, d.publication
        ORDER BY score DESC, r.doc_id LIMIT ?""", params + [limit]))
    return hits
