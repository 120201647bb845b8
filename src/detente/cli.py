"""The `detente` command line: ingest a corpus, then look at what the store holds.

Exit codes: 0 done; 1 some inputs failed (the rest was stored); 2 bad usage; 3 the store or a
query failed; 130 interrupted.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.text import Text

from . import store
from .render import Format, cell, dump_json, emit

EXIT_INPUT, EXIT_STORE, EXIT_INTERRUPTED = 1, 3, 130

app = typer.Typer(
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    help="detente: evidence-linked models of relations between states, from news and analysis articles.",
)
# Piped output is not cut to 80 columns: tables stay readable in files and pagers.
out = Console() if sys.stdout.isatty() or "COLUMNS" in os.environ else Console(width=160)
err = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", envvar="DETENTE_DB", help="The DuckDB store.", show_default=True)]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
DEFAULT_DB = Path(store.DEFAULT_DB)


class UserError(Exception):
    """A problem the user can fix; printed as one line, never as a traceback."""

    def __init__(self, message: str, code: int = EXIT_STORE):
        super().__init__(message)
        self.code = code


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
        TimeRemainingColumn(), console=err, transient=True,
    )
    task = progress.add_task("ingest", total=None, docs=0)

    def on_batch(number: int, count: int) -> None:
        progress.update(task, docs=progress.tasks[task].fields["docs"] + count)
        if verbose:
            progress.console.print(f"committed batch {number} ({count} documents)")

    def on_error(error) -> None:
        progress.console.print(Text(f"detente: {error}", style="red"))

    with progress:
        nlp = load_nlp()
        summary = run_ingest(
            paths, con, nlp, batch_size=batch_size, on_error=on_error,
            on_start=lambda total: progress.update(task, total=total),
            on_advance=lambda n: progress.advance(task, n), on_batch=on_batch,
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
    limit: Annotated[Optional[int], typer.Option(min=1, help="Show at most this many.")] = None,
) -> None:
    """List the stored documents."""
    con = store.connect(db, read_only=True)
    query = """
        SELECT d.doc_id, d.published, d.title, d.publication, d.authors, d.n_words AS words,
               d.n_sentences AS sentences, (SELECT count(*) FROM mentions m WHERE m.doc_id = d.doc_id) AS mentions,
               regexp_extract(d.source_path, '[^/\\\\]+$') || coalesce(':' || d.record, '') AS source
        FROM documents d ORDER BY d.published NULLS LAST, d.source_path, d.record
    """ + (f" LIMIT {int(limit)}" if limit else "")
    result = con.execute(query)
    columns = [c[0] for c in result.description]
    emit(columns, result.fetchall(), fmt, title=f"documents in {db}", console=out)


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
    mentions = con.execute(
        "SELECT sent_idx, start_char, end_char, surface, label FROM mentions WHERE doc_id = ? ORDER BY start_char", [doc_id]
    ).fetchall()
    if fmt is Format.json:
        dump_json({
            "document": document,
            "sentences": [dict(zip(("idx", "start_char", "end_char", "text"), s)) for s in sentences],
            "mentions": [dict(zip(("sent_idx", "start_char", "end_char", "surface", "label"), m)) for m in mentions],
        })
        return
    by_sentence: dict[int, list] = {}
    for m in mentions:
        by_sentence.setdefault(m[0], []).append(m)
    if fmt is Format.csv:
        rows = [(i, s, e, t, [f"{m[3]}:{m[4]}" for m in by_sentence.get(i, [])]) for i, s, e, t in sentences]
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
        for _, m_start, m_end, surface, label in by_sentence.get(idx, []):
            a, b = m_start - start, m_end - start
            line.append(text[pos:a])
            line.append(surface, style="bold yellow")
            line.append(f"[{label}]", style="dim")
            pos = b
        line.append(text[pos:])
        out.print(line)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="A read-only SQL query, e.g. \"SELECT count(*) FROM documents\".")],
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
) -> None:
    """Run a read-only SQL query against the store."""
    import duckdb

    con = store.connect(db, read_only=True)
    try:
        result = con.execute(query)
    except duckdb.Error as e:
        raise UserError(f"SQL: {str(e).splitlines()[0]}") from None
    if result.description is None:
        raise UserError("SQL: the statement returned no rows (only queries are allowed)")
    emit([c[0] for c in result.description], result.fetchall(), fmt, console=out)


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
