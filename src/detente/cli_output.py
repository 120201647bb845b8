"""`detente export` and `detente report`: the store's events and a dyad's story, as files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from . import store
from .cli import (DEFAULT_DB, ActorOption, CodeOption, CountedOption, DbOption, DyadOption, EventSince, EventUntil,
                  IssueOption, MinConfidenceOption,
                  ModalityOption, QuadOption, UserError, _day, app, event_filter, known_actor, out)

OutputOption = Annotated[Path, typer.Option("--output", "-o", help="The file to write (replaced whole, never half-written).")]


@app.command()
def export(
    output: OutputOption,
    fmt: Annotated[Optional[str], typer.Option("--format", "-f", help="csv, parquet, jsonl (our schema, with evidence), gdelt (GDELT 2.0 event table, tab-separated), plover (PLOVER JSON records, one a line); default: from the file name.", show_default=False)] = None,
    db: DbOption = DEFAULT_DB,
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
) -> None:
    """Export coded events with their evidence: our schema (csv, parquet, jsonl), GDELT 2.0, or PLOVER."""
    from .analysis.clusters import ensure_clusters
    from .export import ExportError, check_output, export_events, format_for

    flt = event_filter(actor, dyad, code, quad, modality, since, until, issue, min_confidence, only_counted)
    try:
        kind = format_for(output, fmt)
        check_output(output)
        ensure_clusters(db)  # GDELT's NumMentions/NumSources come from the clusters
        con = store.connect(db, read_only=True)
        count = export_events(con, kind, output, flt)
    except ExportError as e:
        raise UserError(str(e), 2) from None
    out.print(f"wrote {count} events to {output} ({kind})", soft_wrap=True, markup=False)


@app.command()
def report(
    a: Annotated[str, typer.Argument(help="One side of the dyad (RUS).")],
    b: Annotated[str, typer.Argument(help="The other side (IRN).")],
    output: OutputOption,
    by: Annotated[str, typer.Option("--by", help="Period of the series: year, quarter or month.")] = "year",
    since: EventSince = None,
    until: EventUntil = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Write a report on a dyad: one self-contained HTML file with charts (-o x.html), or Markdown (-o x.md)."""
    from .analysis.clusters import ensure_clusters
    from .export import ExportError, check_output
    from .report import REPORT_SUFFIXES, build_report

    if by not in ("year", "quarter", "month"):
        raise UserError(f"--by takes year, quarter or month (got {by!r})", 2)
    if output.suffix.lower() not in REPORT_SUFFIXES:
        raise UserError(f"{output}: the report is written as .html or .md (got {output.suffix or 'no suffix'!r})", 2)
    try:
        check_output(output)
        ensure_clusters(db)
        con = store.connect(db, read_only=True)
        for code in (a.upper(), b.upper()):
            known_actor(con, code)
        build_report(con, a.upper(), b.upper(), output, by=by, since=_day(since), until=_day(until))
    except ExportError as e:
        raise UserError(str(e), 2) from None
    out.print(f"wrote the {a.upper()}-{b.upper()} report to {output}", soft_wrap=True, markup=False)
