"""Rows to the terminal: a rich table, JSON or CSV, one way for every command."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date, datetime
from enum import Enum
from typing import Any, Sequence

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


def plain(value: Any) -> Any:
    """A JSON-friendly value: dates as ISO strings, everything else as it is."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def cell(value: Any) -> Any:
    """A value as one table or CSV cell (rich Text stays styled in tables)."""
    if isinstance(value, Text):
        return value
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(cell(v) for v in value)
    if isinstance(value, float):
        return f"{value:.3g}"
    return str(plain(value))


def dump_json(data: Any) -> None:
    json.dump(plain(data), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def emit(columns: Sequence[str], rows: Sequence[Sequence[Any]], fmt: Format, title: str | None = None,
         console: Console | None = None) -> None:
    if fmt is Format.json:
        dump_json([dict(zip(columns, row)) for row in rows])
    elif fmt is Format.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([str(cell(v)) for v in row] for row in rows)
    else:
        # Cells are Text, never markup: "[b]" or ":sun:" in a stored value prints as written.
        cells = [[c if isinstance(c, Text) else Text(c) for c in map(cell, row)] for row in rows]
        table = Table(title=Text(title) if title else None, show_lines=False, header_style="bold")
        for i, name in enumerate(columns):
            # Ids, dates and counts stay on one line; prose columns wrap; nothing is cut off.
            longest = max([len(name)] + [len(r[i]) for r in cells])
            short = longest <= 20 or not any(" " in r[i].plain for r in cells)  # ids stay whole
            table.add_column(Text(name), no_wrap=short, min_width=longest if short else min(longest, 24), overflow="fold")
        for row in cells:
            table.add_row(*row)
        console = console or Console()
        shortest = Measurement.get(console, console.options.update(width=10_000), table).minimum
        if shortest > console.width:
            # Narrower than the table's shortest form: widen it (a terminal folds the lines) rather
            # than squeeze ids or cut columns off.
            console = Console(file=console.file, width=shortest, emoji=False, highlight=False,
                              force_terminal=console.is_terminal)
        console.print(table, crop=False)
