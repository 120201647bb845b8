"""`detente dyad`, `detente network`, `detente clusters`: the analysis layer in the terminal."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import store
from .cli import (DEFAULT_DB, ActorOption, CodeOption, DbOption, DyadOption, EventSince, EventUntil, FormatOption,
                  IssueOption, LimitOption, ModalityOption, OffsetOption, QuadOption, UserError, _day, app, event_filter,
                  known_actor, note_page, out, page_limit)
from .render import Format, cell, dump_json, emit, plain



TABLE_CLUSTERS = 50  # clusters `detente dyad` lists in the terminal unless --limit says otherwise


class Period(str, Enum):
    month = "month"
    quarter = "quarter"
    year = "year"


def _open(db: Path):
    """The store, read-only, with its clusters built first if it predates them."""
    from .analysis.clusters import ensure_clusters

    ensure_clusters(db)
    return store.connect(db, read_only=True)



def _goldstein(value) -> Text:
    if value is None:
        return Text("-", style="dim")
    return Text(f"{value:+.1f}", style="green" if value > 0 else "red" if value < 0 else "")


def _short(text: str | None, width: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _sources(c: dict) -> str:
    return f"{c['n_sources']}: " + "; ".join(c["sources"] or [])


@app.command()
def dyad(
    a: Annotated[str, typer.Argument(help="One actor's code (RUS).")],
    b: Annotated[str, typer.Argument(help="The other's (IRN).")],
    by: Annotated[Period, typer.Option("--by", help="Period of the series.")] = Period.year,
    since: EventSince = None,
    until: EventUntil = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    limit: Annotated[Optional[int], typer.Option(min=0, help="List at most this many of the pair's clusters, oldest "
                                                 "first (default 50 in the table, 200 as JSON/CSV; 0: all). The "
                                                 "figures count them all.")] = None,
    offset: OffsetOption = 0,
) -> None:
    """How two actors get on: balance over time, the issue ledger, key actors, quotes, sources' stances."""
    from .analysis.dyad import CLUSTER_PAGE, dyad_summary

    a, b = a.strip().upper(), b.strip().upper()
    if a == b:
        raise UserError("a dyad takes two different codes, e.g. RUS IRN", 2)
    con = _open(db)
    for code in (a, b):
        known_actor(con, code)
    if limit is None:
        limit = TABLE_CLUSTERS if fmt is Format.table else CLUSTER_PAGE
    summary = dyad_summary(con, a, b, by.value, _day(since), _day(until), limit=limit or None, offset=offset)
    names = dict(con.execute("SELECT code, any_value(name) FROM actors WHERE code IN (?, ?) GROUP BY code", [a, b]).fetchall())
    if fmt is Format.json:
        dump_json(summary)
    elif fmt is Format.csv:
        columns = list(summary["series"][0]) if summary["series"] else ["period", "direction", "clusters"]
        emit(columns, [tuple(r.values()) for r in summary["series"]], fmt)
    else:
        _print_dyad(summary, names)
    note_page("clusters", len(summary["clusters"]), summary["clusters_total"], offset)


def _print_dyad(s: dict, names: dict) -> None:
    a, b = s["pair"]
    t = s["totals"]
    head = Text.assemble((f"{names.get(a, a)} ({a}) and {names.get(b, b)} ({b})\n", "bold"),
                         f"{t['clusters']} clusters ({t['events']} events reporting them) in {t['documents']} documents "
                         f"from {t['sources']} sources, {t['first_date'] or '?'} to {t['last_date'] or '?'}; "
                         f"mean Goldstein ", _goldstein(t["mean_goldstein"]),
                         f"; {t['undated']} undated; {t['uncounted']} hypothetical or negated (shown, not counted)")
    out.print(Panel(head, title="dyad", expand=False))

    table = Table(title=f"cooperation and conflict by {s['by']}", header_style="bold")
    for name in ("period", "direction", "clusters", "mean Goldstein", "verbal coop", "material coop",
                 "verbal conflict", "material conflict"):
        table.add_column(name, justify="left" if name in ("period", "direction") else "right")
    for r in s["series"]:
        if r["clusters"]:
            table.add_row(r["period"], r["direction"], str(r["clusters"]), _goldstein(r["mean_goldstein"]),
                          *(str(r[q]) for q in ("verbal_cooperation", "material_cooperation", "verbal_conflict",
                                                "material_conflict")))
    out.print(table)

    table = Table(title="clusters (one row per real-world event; hypothetical and negated ones dimmed)",
                  header_style="bold", show_lines=True)
    for name, kw in (("date", {"no_wrap": True}), ("who", {"no_wrap": True}), ("what", {"max_width": 28}),
                     ("G", {"justify": "right"}), ("events", {"justify": "right"}), ("sources", {"max_width": 30}),
                     ("issue", {"max_width": 14}), ("evidence", {"ratio": 1})):
        table.add_column(name, **kw)
    for c in s["clusters"]:
        counted = c["modality"] in ("asserted", "reported")
        what = f"{c['cameo']} {c['cameo_name'] or ''}" + ("" if counted else f" [{c['modality']}]")
        table.add_row(c["date"] or "undated", f"{c['source']}>{c['target']}", what, _goldstein(c["goldstein"]),
                      str(c["n_events"]), _sources(c), c["issue"] or "", _short(c["sentence"], 240),
                      style=None if counted else "dim")
    out.print(table)

    table = Table(title="issue ledger: points of cooperation and of friction, strongest first",
                  header_style="bold", show_lines=True)
    table.add_column("issue", max_width=22)
    table.add_column("cooperation", ratio=1)
    table.add_column("friction", ratio=1)
    for entry in s["ledger"]:
        table.add_row(Text(entry["label"], style="bold"),
                      *(_points(entry[side], entry[f"n_{side}"]) + _said(entry["said"][side], entry["n_said"][side])
                        for side in ("cooperation", "friction")))
    out.print(table if s["ledger"] else Text("issue ledger: no counted events or statements on an issue", style="dim"))

    if s["fronts"]:
        table = Table(title="shared fronts: what each side does with third parties both deal with",
                      header_style="bold", show_lines=True)
        for name, kw in (("date", {"no_wrap": True}), ("who", {"no_wrap": True}), ("what", {"max_width": 28}),
                         ("G", {"justify": "right"}), ("sources", {"max_width": 30}), ("evidence", {"ratio": 1})):
            table.add_column(name, **kw)
        for f in s["fronts"]:
            table.add_row(f["date"] or "undated", f"{f['source']}>{f['target']}", f"{f['cameo']} {f['cameo_name'] or ''}",
                          _goldstein(f["goldstein"]), _sources(f), _short(f["sentence"], 240))
        out.print(table)

    table = Table(title="key actors (mentions in the documents on the dyad)", header_style="bold")
    for side in (a, b):
        table.add_column(f"for {side}")
    sides = [s["actors"].get(a, []), s["actors"].get(b, [])]
    for i in range(max(len(x) for x in sides) if any(sides) else 0):
        table.add_row(*(_actor(side[i]) if i < len(side) else "" for side in sides))
    out.print(table)

    table = Table(title="quotes", header_style="bold", show_lines=True)
    for name in ("speaker", "quote", "source"):
        table.add_column(name, ratio=2 if name == "quote" else 1)
    for q in s["quotes"]:
        speaker = q["speaker"] or "?"
        if q["affiliation"]:
            speaker += f" ({q['affiliation']})"
        source = "; ".join(str(x) for x in (q["publication"] or q["title"] or q["doc_id"], q["published"]) if x)
        table.add_row(speaker, f"“{_short(q['text'], 300)}”", source)
    out.print(table if s["quotes"] else Text("quotes: none", style="dim"))

    if s["stances"]:
        table = Table(title="how each source characterises the relationship", header_style="bold", show_lines=True)
        for name in ("source", "published", "stance", "confidence", "evidence"):
            table.add_column(name, ratio=2 if name == "evidence" else None)
        for st in s["stances"]:
            table.add_row(st["publication"] or st["title"] or st["doc_id"], cell(st["published"]),
                          (st["label"] or "").replace("_", " "), cell(st["confidence"]),
                          _short(st["evidence"][0], 240) if st["evidence"] else "")
        out.print(table)
    else:
        out.print(Text("stances: no source's characterisation of this relationship is stored", style="dim"))


def _points(points: list[dict], total: int) -> Text:
    text = Text()
    for p in points[:3]:
        text.append(f"{p['date'] or 'undated'} ", style="bold")
        text.append(f"{p['cameo_name']} ")
        text.append_text(_goldstein(p["goldstein"]))
        text.append(f"\n“{_short(p['sentence'], 200)}”", style="italic")
        text.append(f"\n[{'; '.join(p['sources'] or [])}]\n", style="dim")
    if total > 3:
        text.append(f"… {total - 3} more\n", style="dim")
    return text


def _said(points: list[dict], total: int) -> Text:
    """Statements about the pair on the issue: what the sources say, beside what they report."""
    text = Text()
    for p in points[:2]:
        text.append("said: ", style="bold")
        text.append(f"“{_short(p['sentence'], 200)}”", style="italic")
        text.append(f"\n[{'; '.join(p['sources'] or [])}]\n", style="dim")
    if total > 2:
        text.append(f"… {total - 2} more said\n", style="dim")
    return text


def _actor(entry: dict) -> Text:
    return Text.assemble((entry["name"], "bold"), f" {entry['role'] or ''} ", (f"({entry['mentions']})", "dim"))


def _write_atomic(path: Path, write) -> None:
    """Write through export's temporary-file-then-rename, so a failed run leaves no half file."""
    from .export import ExportError, atomic_output

    try:
        with atomic_output(Path(path)) as tmp:
            write(tmp)
    except ExportError as e:
        raise UserError(str(e), 2) from None


@app.command()
def network(
    since: EventSince = None,
    until: EventUntil = None,
    min_clusters: Annotated[int, typer.Option("--min-clusters", min=1, help="Keep edges with at least this many clusters.")] = 1,
    outputs: Annotated[Optional[list[Path]], typer.Option("--output", "-o", help="Also write the network to this file: .graphml (GraphML) or .json ({nodes, edges}); repeatable.")] = None,
    db: DbOption = DEFAULT_DB,
    fmt: FormatOption = Format.table,
    limit: LimitOption = None,
) -> None:
    """The actor network: edges weighted by events, signed by mean Goldstein; actors by centrality."""
    import networkx as nx

    from .analysis.network import actor_network, network_json, network_rows

    for path in outputs or []:
        if path.suffix.lower() not in (".graphml", ".json"):
            raise UserError(f"{path}: --output writes .graphml or .json (got {path.suffix or 'no suffix'!r})", 2)
    con = _open(db)
    G = actor_network(con, _day(since), _day(until), min_clusters)
    for path in outputs or []:
        if path.suffix.lower() == ".graphml":
            _write_atomic(path, lambda p: nx.write_graphml(G, p))
        else:
            text = json.dumps(plain(network_json(G)), indent=2, ensure_ascii=False)
            _write_atomic(path, lambda p, text=text: Path(p).write_text(text, encoding="utf-8"))
    if fmt is Format.json:
        dump_json(network_json(G))
        return
    columns, rows = network_rows(G)
    emit(columns, rows[:limit] if limit else rows, fmt,
         title=f"{G.number_of_nodes()} actors, {G.number_of_edges()} directed relations", console=out)
    if fmt is Format.table and G.number_of_edges():
        edges = sorted(G.edges(data=True), key=lambda e: (-e[2]["clusters"], e[0], e[1]))
        edge_rows = [(u, v, d["clusters"], d["events"], _goldstein(d["mean_goldstein"]), d["cooperation"], d["conflict"])
                     for u, v, d in edges[:limit or 20]]
        emit(["source", "target", "clusters", "events", "mean_goldstein", "cooperation", "conflict"], edge_rows, fmt,
             title="strongest relations", console=out)


@app.command()
def clusters(
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
    limit: LimitOption = None,
    offset: OffsetOption = 0,
) -> None:
    """List clusters: each real-world event once, with the events that report it and their sources."""
    from .analysis.clusters import count_clusters, list_clusters

    flt = event_filter(actor, dyad, code, quad, modality, since, until, issue)
    con = _open(db)
    limit = page_limit(limit)
    found = list_clusters(con, flt, limit, offset=offset)
    if limit is not None and (offset or len(found) == limit):
        note_page("clusters", len(found), count_clusters(con, flt), offset)
    if fmt is Format.json:
        dump_json(found)
        return
    columns = ["cluster_id", "date", "source", "target", "cameo", "cameo_name", "goldstein", "modality", "n_events",
               "n_sources", "sources", "issue", "sentence"]
    rows = [tuple(c[k] for k in columns) for c in found]
    emit(columns, rows, fmt, title=f"{len(rows)} event clusters", console=out)
