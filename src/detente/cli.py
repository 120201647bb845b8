"""The `detente` command line: ingest a corpus, then look at what the store holds.

Exit codes: 0 done; 1 some inputs failed (the rest was stored); 2 bad usage; 3 the store or a
query failed; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from . import store
from .analysis import page_clause
from .render import Format, cell, dump_json, emit

EXIT_INPUT, EXIT_STORE, EXIT_INTERRUPTED = 1, 3, 130

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="detente: evidence-linked models of relations between states, from news and analysis articles.",
)
# typer 0.29 shows a flag as taking a value ("--counted <bool>"); a flag takes none.
_display_type = typer.core.TyperOption.display_type_rich
typer.core.TyperOption.display_type_rich = lambda self, ctx: None if self.is_flag else _display_type(self, ctx)

# ":SUN:" in an event id is text, not an emoji; piped output is 160 columns wide, not 80, and a
# table wider than that is widened, never cropped (render.emit).
out = Console(emoji=False) if sys.stdout.isatty() or "COLUMNS" in os.environ else Console(emoji=False, width=160)
# Messages are never wrapped: one error, one line, however narrow the terminal or pipe.
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[Path, typer.Option("--db", envvar="DETENTE_DB", help="The DuckDB store.", show_default=True)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
DEFAULT_LIMIT = 1000  # rows a list shows unless --limit says otherwise (issue 15: every list is paged)
LimitOption = Annotated[Optional[int], typer.Option(
    min=0, help=f"Show at most this many (default {DEFAULT_LIMIT}; 0: all of them).")]
OffsetOption = Annotated[int, typer.Option("--offset", min=0, help="Skip this many first (with --limit: a page).")]


def page_limit(limit: Optional[int]) -> Optional[int]:
    """The rows a list shows: --limit's, DEFAULT_LIMIT when not given, None (all) for 0."""
    return DEFAULT_LIMIT if limit is None else (limit or None)


def note_page(what: str, shown: int, total: int, offset: int) -> None:
    """Say on stderr when a list shows only part of what it selects (stdout stays the rows alone)."""
    if shown < total:
        first = f"{offset + 1:,}-{offset + shown:,}" if shown else "none"
        err.print(f"{what}: {first} of {total:,} shown; --limit N (0: all) and --offset M page through them")
DEFAULT_DB = Path(store.DEFAULT_DB)


class UserError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""

    def __init__(self, message: str, code: int = EXIT_STORE):
        super().__init__(message)
        self.code = code


def _version(value: bool) -> None:
    if value:
        from . import __version__

        out.print(f"detente {__version__}")
        raise typer.Exit()


@app.callback()
def options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
    db: Annotated[Optional[Path], typer.Option("--db", help="The DuckDB store, for the command that follows (as its own --db).", show_default=False)] = None,
) -> None:
    """detente: evidence-linked models of relations between states, from news and analysis articles."""
    if db is not None:  # the command's --db reads DETENTE_DB when it is not given itself
        os.environ["DETENTE_DB"] = str(db)


def known_actor(con, code: str) -> None:
    """An actor code the store has events for; else a one-line error (an unknown code gives empty
    results that look like an answer)."""
    from .analysis.dyad import unknown_actors

    if unknown_actors(con, code):
        raise UserError(f"no events with actor {code!r} in the store (list codes with `detente actors`)", 2)


def default_corpus() -> Path | None:
    """The reference corpus beside the project, when there is one."""
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        candidate = base.parent / "shared" / "corpus" / "seeds"
        if candidate.is_dir():
            return candidate
    return None


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (.txt .md .html .jsonl .json .csv); default: the seed corpus.", show_default=False)] = None,
    db: DbOption = DEFAULT_DB,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per analysis batch and per transaction.")] = 32,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Report each committed batch on stderr.")] = False,
    workers: Annotated[Optional[int], typer.Option(min=1, help="Analyse in this many processes (default: every core, for a corpus of 256 KiB or more).", show_default=False)] = None,
    scheduler: Annotated[Optional[str], typer.Option(envvar="DETENTE_SCHEDULER", help="Analyse on the Dask cluster whose scheduler is here (tcp://host:8786).", show_default=False)] = None,
) -> None:
    """Read articles, analyse them and store them; documents already stored are skipped."""
    if not paths:
        corpus = default_corpus()
        if corpus is None:
            raise UserError("no PATH given and the default corpus ../shared/corpus/seeds does not exist", 2)
        paths = [corpus]
    from .engine import ingest as run_ingest  # spaCy loads only for commands that need it
    from .pipeline import load_nlp

    con = store.connect(db)
    progress = Progress(
        TextColumn("[bold]ingest"), BarColumn(), DownloadColumn(), TextColumn("{task.fields[docs]} docs"),
        TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal,  # no bar in a log
    )
    task = progress.add_task("ingest", total=None, docs=0)

    def on_batch(number: int, count: int) -> None:
        progress.update(task, docs=progress.tasks[task].fields["docs"] + count)
        if verbose:
            progress.console.print(f"committed batch {number} ({count} documents)")

    def on_error(error) -> None:
        progress.console.print(Text(f"detente: {error}", style="red"))

    def on_note(note) -> None:
        progress.console.print(Text(f"detente: note: {note}", style="yellow"))

    with progress:
        summary = run_ingest(
            paths, con, load_nlp, batch_size=batch_size, on_error=on_error,  # loaded when a document needs it
            on_start=lambda total: progress.update(task, total=total),
            on_advance=lambda n: progress.advance(task, n), on_batch=on_batch, on_note=on_note,
            workers=workers, scheduler=scheduler,
        )
    total_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    con.close()
    out.print(f"{summary.line()}; {summary.words:,} words analysed; {total_docs} documents in {db}", soft_wrap=True)
    if summary.failed:
        raise typer.Exit(EXIT_INPUT)


@app.command()
def docs(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """List the stored documents."""
    con = store.connect(db, read_only=True)
    limit = page_limit(limit)
    # the page first, then its counts and sources: work for the rows shown, not for every document
    query = """
        WITH page AS (
            SELECT doc_id FROM documents d ORDER BY d.published NULLS LAST, d.source_path, d.record
        """ + page_clause(limit, offset) + """
        )
        SELECT d.doc_id, d.published, d.title, d.publication, d.authors, d.n_words AS words,
               d.n_sentences AS sentences, (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id) AS mentions,
               regexp_extract(d.source_path, '[^/\\\\]+$') || coalesce(':' || d.record, '') AS source
        FROM page JOIN documents d USING (doc_id) ORDER BY d.published NULLS LAST, d.source_path, d.record
    """
    result = con.execute(query)
    columns = [c[0] for c in result.description]
    rows = result.fetchall()
    emit(columns, rows, fmt, title=f"documents in {db}", console=out)
    note_page("documents", len(rows), con.execute("SELECT count(*) FROM documents").fetchone()[0], offset)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="A document id, or a unique prefix of one.")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """Show one document: its metadata, then its sentences, numbered, with entity mentions marked."""
    con = store.connect(db, read_only=True)
    doc_id = store.resolve_doc_id(con, doc_id)
    result = con.execute("SELECT * EXCLUDE (text) FROM documents WHERE doc_id = ?", [doc_id])
    document = dict(zip([c[0] for c in result.description], result.fetchone()))
    sentences = con.execute(
        "SELECT idx, start_char, end_char, text FROM sentences WHERE doc_id = ? ORDER BY idx", [doc_id]
    ).fetchall()
    result = con.execute(
        "SELECT sent_idx, start_char, end_char, surface, label, actor_code, role, kind, how, detail "
        "FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id])
    mention_columns = [c[0] for c in result.description]
    mentions = result.fetchall()
    if fmt is Format.json:
        dump_json({
            "document": document,
            "sentences": [dict(zip(("idx", "start_char", "end_char", "text"), s)) for s in sentences],
            "mentions": [dict(zip(mention_columns, m)) for m in mentions],
        })
        return
    by_sentence: dict[int, list] = {}
    for m in mentions:
        by_sentence.setdefault(m[0], []).append(m)
    if fmt is Format.csv:
        rows = [(i, s, e, t, [f"{m[3]}:{_mark(m)}" for m in by_sentence.get(i, [])]) for i, s, e, t in sentences]
        emit(["idx", "start_char", "end_char", "text", "mentions"], rows, fmt)
        return
    for name in ("doc_id", "title", "published", "publication", "authors", "url", "source_path"):
        basis = document.get(f"{name}_basis")
        value = cell(document.get(name)) or "-"
        out.print(Text.assemble((f"{name:>12} ", "bold"), value, (f"  ({basis})" if basis else "", "dim")))
    out.print()
    for idx, start, _end, text in sentences:
        line = Text(f"[{idx}] ", style="bold cyan")
        pos = 0
        for m in by_sentence.get(idx, []):
            a, b = m[1] - start, m[2] - start
            line.append(text[pos:a])
            line.append(m[3], style="bold yellow" if m[5] else "yellow")
            line.append(f"[{_mark(m)}]", style="dim")
            pos = b
        line.append(text[pos:])
        out.print(line)


def _mark(mention: tuple) -> str:
    """How `show` labels a mention: its actor code and role, or its entity label."""
    label, code, role, kind = mention[4:8]
    if kind is None:
        return label
    if code is None:
        return f"{kind}?"  # an actor no code was found for
    return f"{code} {role}" if role else code


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A read-only SQL query, e.g. \"SELECT count(*) FROM documents\".")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """Run a read-only SQL query against the store (no other file can be read or written)."""
    import duckdb

    con = store.lock_down(store.connect(db, read_only=True))
    try:
        result = con.execute(query)
    except duckdb.Error as e:
        raise UserError(f"SQL: {str(e).splitlines()[0]}") from None
    if result.description is None:
        raise UserError("SQL: the statement returned no rows (only queries are allowed)")
    emit([c[0] for c in result.description], result.fetchall(), fmt, console=out)


SinceOption = Annotated[Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Documents published on or after.")]
UntilOption = Annotated[Optional[datetime], typer.Option("--until", formats=["%Y-%m-%d"], help="Documents published on or before.")]


def _day(value: Optional[datetime]) -> Optional[date]:
    return value.date() if value else None


@app.command()
def actors(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
    unresolved: Annotated[bool, typer.Option("--unresolved", help="List the names no code was found for.")] = False,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """List actors with their mention counts (codes: ISO3 for states and those acting for them)."""
    from .analysis.actors import count_actors, list_actors

    con = store.connect(db, read_only=True)
    columns, rows = list_actors(con, _day(since), _day(until), unresolved, page_limit(limit), offset)
    emit(columns, rows, fmt, title="unresolved names" if unresolved else "actors", console=out)
    if page_limit(limit) is not None and (offset or len(rows) == page_limit(limit)):
        note_page("actors", len(rows), count_actors(con, _day(since), _day(until), unresolved), offset)


@app.command()
def actor(
    code: Annotated[str, typer.Argument(help="A code (RUS, IRGC, IS) or a person id (vladimir_putin).")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Show one actor: what the knowledge base says of it, then its mentions in context."""
    from .analysis.actors import actor_mentions, describe

    con = store.connect(db, read_only=True)
    known = describe(con, code)
    columns, rows = actor_mentions(con, code, _day(since), _day(until))
    if not known and not rows:
        raise UserError(f"no actor {code!r} in the store (list them with `detente actors`)")
    if fmt is not Format.table:
        emit(columns, rows, fmt)
        return
    for c, name, kind, country, role, office, start, end in known:
        held = f"  {office} {start or ''}..{end or ''}" if office else ""
        out.print(Text.assemble((f"{c} ", "bold"), f"{name} ({kind}", f", {country}" if country else "",
                                f", {role}" if role else "", ")", (held, "dim")))
    table_rows = []
    for doc_id, published, sent_idx, surface, acode, role, how, detail, offset, sentence in rows:
        table_rows.append((doc_id, published, sent_idx, surface, acode, role, how, detail,
                           _marked(sentence, offset, surface)))
    emit(["doc_id", "published", "sent", "surface", "code", "role", "how", "detail", "sentence"], table_rows, fmt,
         title=f"{len(rows)} mentions", console=out)


def _marked(sentence: str, offset: int, words: str) -> Text:
    """A sentence with the words at `offset` highlighted: a mention, a trigger."""
    text = Text(sentence)
    text.stylize("bold yellow", offset, offset + len(words))
    return text


# The event filters, shared by `events`, `clusters` and `export`.
ActorOption = Annotated[Optional[str], typer.Option(help="Events with this actor on either side (RUS).")]
DyadOption = Annotated[Optional[str], typer.Option(help="Events between two actors, either direction: RUS,IRN.")]
CodeOption = Annotated[Optional[str], typer.Option(help="CAMEO code or prefix: 19, 042.")]
QuadOption = Annotated[Optional[str], typer.Option(help="verbal_cooperation, material_cooperation, verbal_conflict, material_conflict.")]
ModalityOption = Annotated[Optional[str], typer.Option(help="asserted, reported, hypothetical, negated (comma-separated).")]
EventSince = Annotated[Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Events dated on or after.")]
EventUntil = Annotated[Optional[datetime], typer.Option("--until", formats=["%Y-%m-%d"], help="Events dated on or before.")]
IssueOption = Annotated[Optional[str], typer.Option(help="Events on this issue area.")]


MinConfidenceOption = Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Events coded with at least this confidence (default: all, the counted ones marked).")]
CountedOption = Annotated[bool, typer.Option("--counted", help="Only the events the counts are made of: asserted or reported, at the counting threshold.")]


def event_filter(actor, dyad, code, quad, modality, since, until, issue, min_confidence=None, counted=False):
    """The EventFilter those options describe; an unknown value is a one-line error (exit 2)."""
    from .analysis.events import MODALITIES, QUADS, EventFilter, issue_codes

    pair = None
    if dyad:
        parts = [p.strip().upper() for p in dyad.split(",")]
        if len(parts) != 2 or not all(parts):
            raise UserError(f"--dyad takes two codes separated by a comma, e.g. RUS,IRN (got {dyad!r})", 2)
        pair = (parts[0], parts[1])
    modalities = [m.strip() for m in modality.split(",")] if modality else None
    if modalities and not set(modalities) <= set(MODALITIES):
        raise UserError(f"--modality takes {', '.join(sorted(MODALITIES))} (got {modality!r})", 2)
    if quad and quad not in QUADS:
        raise UserError(f"--quad takes {', '.join(QUADS)} (got {quad!r})", 2)
    if issue and issue not in issue_codes():
        raise UserError(f"--issue takes {', '.join(issue_codes())} (got {issue!r})", 2)
    if code and not (code.isdigit() and len(code) <= 4):
        raise UserError(f"--code takes a CAMEO code or prefix of digits, e.g. 19 or 042 (got {code!r})", 2)
    return EventFilter(actor.upper() if actor else None, pair, code, quad, modalities, _day(since), _day(until), issue,
                       min_confidence, counted)


# What the events table shows in the terminal; -f json/csv give the whole record.
EVENT_TABLE = ("date", "source", "target", "cameo", "cameo_name", "goldstein", "quad", "modality", "confidence",
               "counted", "trigger", "title", "event_id")


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    actor: ActorOption = None,
    dyad: DyadOption = None,
    code: CodeOption = None,
    quad: QuadOption = None,
    modality: ModalityOption = None,
    since: EventSince = None,
    until: EventUntil = None,
    issue: IssueOption = None,
    min_confidence: MinConfidenceOption = None,
    only_counted: CountedOption = False,
    evidence: Annotated[bool, typer.Option("--evidence", help="Show each event's sentence with its trigger (in the table).")] = False,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """List coded events: who did what to whom, when, with CAMEO/PLOVER codes, modality and
    confidence. The table marks the counted ones; -f json/csv give each event's whole record."""
    from .analysis.events import count_events, list_events

    flt = event_filter(actor, dyad, code, quad, modality, since, until, issue, min_confidence, only_counted)
    con = store.connect(db, read_only=True)
    limit = page_limit(limit)
    columns, rows = list_events(con, flt, limit, offset)
    total = count_events(con, flt) if limit and (offset or len(rows) == limit) else len(rows) + offset
    note_page("events", len(rows), total, offset)
    if fmt is Format.table:
        records = [dict(zip(columns, row)) for row in rows]
        shown = [*EVENT_TABLE, "sentence"] if evidence else list(EVENT_TABLE)
        rows = [[_marked(r["sentence"], r["trigger_offset"], r["trigger"]) if c == "sentence"
                 else ("yes" if r[c] else "") if c == "counted" else r[c] for c in shown] for r in records]
        columns = shown
    emit(columns, rows, fmt, title=f"{len(rows)} of {total} events" if total > len(rows) else f"{len(rows)} events",
         console=out)


@app.command()
def quotes(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    speaker: Annotated[Optional[str], typer.Option(help="Speakers whose name contains this (case-insensitive).")] = None,
    actor: Annotated[Optional[str], typer.Option(help="Speakers acting for this code (RUS) or this person id.")] = None,
    since: SinceOption = None,
    until: UntilOption = None,
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """List direct quotations with their speakers, the speakers' affiliations and the article."""
    from .analysis.texts import list_quotes, quote_filter

    where, params = quote_filter(speaker, actor, _day(since), _day(until))
    con = store.connect(db, read_only=True)
    columns, rows, total = list_quotes(con, where, params, page_limit(limit), offset)
    note_page("quotes", len(rows), total, offset)
    if fmt is Format.table:  # the terminal shows who said what where; -f json/csv give the whole record
        shown = ("published", "speaker", "speaker_actor", "affiliation", "text", "how", "doc_id", "sent_idx")
        at = [columns.index(c) for c in shown]
        rows = [[r[i] for i in at] for r in rows]
        columns = list(shown)
    emit(columns, rows, fmt, title=f"{len(rows)} of {total} quotes" if total > len(rows) else f"{len(rows)} quotes", console=out)


@app.command()
def issues(
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    since: SinceOption = None,
    until: UntilOption = None,
) -> None:
    """Issue areas across the corpus: documents on each, share of sentences, and events per issue."""
    from .analysis.texts import issue_summary

    result = issue_summary(store.connect(db, read_only=True), _day(since), _day(until))
    emit([c[0] for c in result.description], result.fetchall(), fmt, title="issues", console=out)


@app.command()
def stance(
    a: Annotated[str, typer.Argument(help="One state of the dyad (RUS).")],
    b: Annotated[str, typer.Argument(help="The other (IRN).")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    evidence: Annotated[bool, typer.Option("--evidence", help="Show the sentences behind each label.")] = False,
) -> None:
    """How each document, and each source, characterises the relationship between two states."""
    pair = sorted((a.strip().upper(), b.strip().upper()))
    con = store.connect(db, read_only=True)
    for code in pair:
        known_actor(con, code)
    result = con.execute("""
        SELECT coalesce(d.publication, d.site, regexp_extract(d.source_path, '[^/]+$')) AS source, d.published, d.title, st.label,
               st.confidence, st.scores, st.doc_id,
               (SELECT list(s.text ORDER BY list_position(st.evidence, s.idx)) FROM sentences s
                 WHERE s.doc_id = st.doc_id AND list_contains(st.evidence, s.idx)) AS evidence
        FROM stances st JOIN documents d USING (doc_id)
        WHERE st.actor_a = ? AND st.actor_b = ?
        ORDER BY d.published NULLS LAST, st.doc_id""", pair)
    columns = [c[0] for c in result.description]
    rows = result.fetchall()
    if not evidence:
        columns, rows = columns[:-1], [r[:-1] for r in rows]
    emit(columns, rows, fmt, title=f"{pair[0]}-{pair[1]}: how {len(rows)} documents characterise the relationship", console=out)
    if fmt is Format.table and rows:
        by_source: dict[str, list[str]] = {}
        for row in rows:
            by_source.setdefault(str(row[0]), []).append(row[3])
        emit(["source", "labels"], [(k, ", ".join(v)) for k, v in by_source.items()], fmt, title="per source", console=out)


@app.command()
def reanalyse(
    db: DbOption = DEFAULT_DB,
    everything: Annotated[bool, typer.Option("--all", help="Every document, not only those analysed by another version.")] = False,
) -> None:
    """Analyse stored documents again, after an upgrade of detente or of its knowledge base."""
    from .engine import reanalyse as run_reanalyse
    from .pipeline import load_nlp

    con = store.connect(db)
    progress = Progress(TextColumn("[bold]reanalyse"), BarColumn(), TextColumn("{task.completed}/{task.total} docs"),
                        TimeRemainingColumn(), console=err, transient=True, disable=not err.is_terminal)
    task = progress.add_task("reanalyse", total=None)
    failed = []

    def on_error(error) -> None:
        failed.append(error)
        progress.console.print(Text(f"detente: {error}", style="red"))

    with progress:
        count = run_reanalyse(con, load_nlp(), everything,
                              on_start=lambda n: progress.update(task, total=n),
                              on_advance=lambda n: progress.advance(task, n), on_error=on_error)
    out.print(f"re-analysed {count} documents in {db}" + (f"; {len(failed)} kept their old analysis" if failed else ""))
    if failed:
        raise typer.Exit(EXIT_INPUT)


eval_app = typer.Typer(no_args_is_help=True, help="Score detente against gold annotations.")
app.add_typer(eval_app, name="eval")
GoldOption = Annotated[Optional[Path], typer.Option("--gold", help="Folder of gold JSON files (default: ../shared/corpus/seeds-gold).")]
ErrorsOption = Annotated[bool, typer.Option("--errors", help="List every disagreement with the gold.")]
CorpusOption = Annotated[Optional[Path], typer.Option("--corpus", help="Folder of the articles the gold names (default: seeds/ beside the gold).")]


def _gold_dir(gold: Optional[Path]) -> Path:
    if gold:
        return gold
    corpus = default_corpus()
    if corpus is None:
        raise UserError("no --gold given and the default ../shared/corpus/seeds-gold does not exist", 2)
    return corpus.parent / "seeds-gold"


def _analysed_gold(gold: Optional[Path], corpus: Optional[Path]) -> list:
    """(gold annotation, DocRecords) for each gold file, its article analysed by today's pipeline."""
    from .eval import GoldError, load_gold
    from .pipeline import analyse, load_nlp

    try:
        pairs = load_gold(_gold_dir(gold), corpus)
    except GoldError as e:
        raise UserError(str(e), 2) from None
    records = analyse([doc for _, doc in pairs], load_nlp())
    return [(g, r) for (g, _), r in zip(pairs, records)]


def _eval_plover(path: Path, fmt: Format, errors: bool, min_confidence: float) -> None:
    from .eval import GoldError, analyse_plover, load_plover, plover_actor_codes, score_plover
    from .pipeline import load_nlp

    try:
        records = load_plover(path)
    except GoldError as e:
        raise UserError(str(e), 2) from None
    scores = score_plover(analyse_plover(records, path, load_nlp()), plover_actor_codes(), min_confidence)
    _report(scores, fmt, f"PLOVER: {len(records)} records", False)
    if errors:
        _print_errors({"PLOVER": next(iter(scores.values()))})


def _register_eval(name: str, scorer: str, summary: str) -> None:
    """`detente eval NAME`: analyse the gold's articles, score them with eval.SCORER, report."""

    def command(gold: GoldOption = None, corpus: CorpusOption = None, fmt: FormatOption = Format.table,
                errors: ErrorsOption = False) -> None:
        from . import eval as evaluation

        _report(getattr(evaluation, scorer)(_analysed_gold(gold, corpus)), fmt, name, errors)

    command.__doc__ = summary
    eval_app.command(name)(command)


_register_eval("actors", "score_actors",
               "Precision, recall and F1 of actor resolution: mentions (surface, code) and actors per document.")
_register_eval("quotes", "score_quotes", "Precision, recall and F1 of quotations: (speaker, text), and text alone.")
_register_eval("issues", "score_issues", "Precision, recall and F1 of the issue areas assigned to each document.")
_register_eval("stance", "score_stance", "Whether each document's relationship label is the gold's.")


def _report(scores: dict, fmt: Format, title: str, errors: bool) -> None:
    """A table of scores (one row per measure), then, when asked, every disagreement."""
    from .eval import SCORE_COLUMNS

    emit(SCORE_COLUMNS, [s.row(name) for name, s in scores.items()], fmt, title=title, console=out)
    if errors:
        _print_errors(scores)


def _print_errors(scores: dict) -> None:
    for name, score in scores.items():
        for line in score.errors:
            out.print(f"{name}: {line}", soft_wrap=True, markup=False)


@eval_app.command("events")
def eval_events(
    gold: GoldOption = None,
    corpus: CorpusOption = None,
    fmt: FormatOption = Format.table,
    errors: ErrorsOption = False,
    plover: Annotated[Optional[Path], typer.Option("--plover", help="Score against PLOVER gold-standard records (JSONL) instead.")] = None,
    min_confidence: Annotated[Optional[float], typer.Option(min=0.0, max=1.0, help="Score the events coded with at least this confidence (default: the counting threshold).")] = None,
) -> None:
    """Precision, recall and F1 of (source, target, CAMEO root) per sentence; quad, modality and date
    accuracy. With --plover FILE: (source, target, PLOVER type) per record, overall and per type."""
    from .analysis.events import MIN_CONFIDENCE
    from .eval import SCORE_COLUMNS, score_event_details, score_events

    min_confidence = MIN_CONFIDENCE if min_confidence is None else min_confidence
    if plover:
        _eval_plover(plover, fmt, errors, min_confidence)
        return
    pairs = _analysed_gold(gold, corpus)
    scores, rates, confusion = score_events(pairs, min_confidence)
    details = score_event_details(pairs, min_confidence)
    roots = [s.row(root) for root, s in details["per_root"].items()]
    error_rows = sorted(details["errors"].items(), key=lambda kv: -kv[1])
    if fmt is Format.json:
        dump_json({"scores": [dict(zip(SCORE_COLUMNS, s.row(name))) for name, s in scores.items()], "rates": rates,
                   "confusions": [dict(zip(("what", "gold", "ours", "count"), (*k, n))) for k, n in confusion],
                   "per_root": [dict(zip(["root", *SCORE_COLUMNS[1:]], r)) for r in roots],
                   "errors": [{"class": k, "count": n} for k, n in error_rows],
                   "by threshold": [dict(zip(["threshold", *SCORE_COLUMNS[1:]], r)) for r in details["by threshold"]],
                   "reliability": details["reliability"], "calibration error": details["calibration error"]})
        return
    emit(SCORE_COLUMNS, [s.row(name) for name, s in scores.items()], fmt, title=f"events: {len(pairs)} gold documents", console=out)
    emit(["measure", "value"], [(k, round(v, 3)) for k, v in rates.items()], fmt, console=out)
    if confusion:
        emit(["what", "gold", "ours", "count"], [(*k, n) for k, n in confusion], fmt, title="commonest confusions", console=out)
    emit(["root", *SCORE_COLUMNS[1:]], roots, fmt, title=f"per CAMEO root, confidence >= {min_confidence}", console=out)
    emit(["error class", "count"], error_rows, fmt, title="errors by class (counted events)", console=out)
    emit(["counted at", *SCORE_COLUMNS[1:]], details["by threshold"], fmt,
         title="the counted events at other thresholds: more precision, or more recall", console=out)
    reliability = details["reliability"]
    emit(list(reliability[0]), [list(r.values()) for r in reliability if r["events"]], fmt,
         title="reliability: events per confidence band and the share matching the gold", console=out)
    out.print(f"calibration error (mean |share right - confidence| over events): {details['calibration error']}; "
              f"bands off by more than 0.1: {details['bands off by more than 0.1']}", soft_wrap=True, markup=False)
    if errors:
        _print_errors(scores)
        for kind, lines in details["examples"].items():
            for line in lines:
                out.print(f"{kind}: {line}", soft_wrap=True, markup=False)


@eval_app.command("agreement")
def eval_agreement(
    other: Annotated[Path, typer.Argument(help="Folder of a second annotation of the same articles (gold JSON files).")],
    gold: GoldOption = None,
    corpus: CorpusOption = None,
    fmt: FormatOption = Format.table,
    errors: ErrorsOption = False,
) -> None:
    """How far a second annotation agrees with the gold on events (sentence, source, target, CAMEO
    root), scored as detente is: the ceiling a coder can be expected to reach on that gold."""
    from .agreement import score_agreement
    from .eval import SCORE_COLUMNS, GoldError

    try:
        scored = score_agreement(_gold_dir(gold), other, corpus)
    except GoldError as e:
        raise UserError(str(e), 2) from None
    if fmt is Format.json:
        dump_json({"events": dict(zip(SCORE_COLUMNS, scored["events"].row("events"))), "rates": scored["rates"],
                   "per_root": [dict(zip(["root", *SCORE_COLUMNS[1:]], s.row(root))) for root, s in scored["per_root"].items()]})
        return
    title = f"agreement: {other} against {_gold_dir(gold)}"
    emit(SCORE_COLUMNS, [scored["events"].row("events (sentence, source, target, root)")], fmt, title=title, console=out)
    emit(["measure", "value"], list(scored["rates"].items()), fmt, console=out)
    emit(["root", *SCORE_COLUMNS[1:]], [s.row(root) for root, s in scored["per_root"].items()], fmt,
         title="per CAMEO root (the reference's root for what only it codes, the other's for the rest)", console=out)
    if errors:
        _print_errors({"events": scored["events"]})


# Commands defined in their own modules register on `app` when imported (one line each).
# `python -m detente.cli` runs this file as __main__: command modules must find this `app`.
if __name__ == "__main__":
    sys.modules.setdefault("detente.cli", sys.modules["__main__"])
# -- command modules --
from . import cli_analysis  # noqa: E402,F401
from . import cli_output  # noqa: E402,F401
from . import cli_web  # noqa: E402,F401


def main() -> None:
    """Entry point: user errors become one line on stderr and an exit code, not a traceback."""
    from .ingest import InputError

    try:
        code = app(standalone_mode=False)  # a typer.Exit inside a command comes back as its code
        sys.exit(code if isinstance(code, int) else 0)
    except (UserError, store.StoreError, InputError) as e:
        err.print(Text(f"detente: error: {e}", style="red"), soft_wrap=True)
        sys.exit(getattr(e, "code", EXIT_STORE))
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        err.print("detente: interrupted")
        sys.exit(EXIT_INTERRUPTED)
    except typer.TyperException as e:  # usage errors: typer prints them the usual way
        if hasattr(e, "show"):
            e.show()
        sys.exit(getattr(e, "exit_code", 2))
    except Exception as e:  # a bug, not a user error: say so in one line unless debugging
        if os.environ.get("DETENTE_DEBUG"):
            raise
        err.print(Text(f"detente: internal error: {type(e).__name__}: {e} (set DETENTE_DEBUG=1 for the traceback)", style="red"))
        sys.exit(70)


if __name__ == "__main__":
    main()
