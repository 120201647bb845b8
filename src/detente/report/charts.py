"""The dyad's charts on a real time axis, as plain plotly.js figures (dicts), for the dashboard and
the report alike.

Each series period is a span of time (README, "The dyad view"): a month, a quarter, a year, or the
year or decade of a date known no better. Bars cover their period's span (each direction half of
it); the mean Goldstein line has a point at the middle of each period and breaks wherever the next
period with a value is not the adjacent one, so it never draws across empty years. Periods coarser
than the series' own (a date known only to the year in a quarterly series) are drawn apart: a wide,
lighter bar over the whole year and an unconnected marker at mid-year, never as Q1 or January.
"""

from __future__ import annotations

from datetime import date

from ..analysis.events import QUADS

DIRECTION_COLOURS = ("#1f618d", "#b9770e")
QUAD_COLOURS = {"verbal_cooperation": "#7fb3d5", "material_cooperation": "#1f618d",
                "verbal_conflict": "#f0b27a", "material_conflict": "#c0392b"}
MS_PER_DAY = 86_400_000


def _span(row: dict) -> tuple[date, date]:
    return date.fromisoformat(row["period_start"]), date.fromisoformat(row["period_end"])


def midpoint(row: dict) -> str:
    """The middle day of a period (a year's is 2 July): where its mean is plotted."""
    start, end = _span(row)
    return date.fromordinal(start.toordinal() + (end - start).days // 2).isoformat()


def _ms(days: int) -> int:
    return days * MS_PER_DAY


def mean_line(rows: list[dict]) -> tuple[list, list]:
    """x (midpoints) and y (mean Goldstein) of one direction's periods, in time order, with a gap
    (None) between two periods that are not adjacent: no line across empty periods."""
    xs, ys, last_end = [], [], None
    for r in sorted(rows, key=lambda r: r["period_start"]):
        if r["mean_goldstein"] is None:
            continue
        if last_end is not None and r["period_start"] != last_end:
            xs.append(last_end)
            ys.append(None)
        xs.append(midpoint(r))
        ys.append(r["mean_goldstein"])
        last_end = r["period_end"]
    return xs, ys


def _bars(rows: list[dict], y: list, part: int, parts: int, **extra) -> dict:
    """Bars each covering its share (part of parts) of its period's span."""
    widths = [_ms((_span(r)[1] - _span(r)[0]).days) // parts for r in rows]
    return {"type": "bar", "x": [r["period_start"] for r in rows], "y": y, "width": widths,
            "offset": [w * part for w in widths], "customdata": [r["period"] for r in rows],
            "hovertemplate": "%{customdata}: %{y}<extra>%{fullData.name}</extra>", **extra}


def _directions(series: list[dict]) -> list[str]:
    return list(dict.fromkeys(r["direction"] for r in series))


def timeline(series: list[dict], by: str, bars: bool = True) -> dict:
    """Clusters (bars) and mean Goldstein (lines) per period and direction."""
    data = []
    for i, (direction, colour) in enumerate(zip(_directions(series), DIRECTION_COLOURS)):
        rows = [r for r in series if r["direction"] == direction]
        own = [r for r in rows if r["period_kind"] == by]
        coarse = [r for r in rows if r["period_kind"] != by]
        if bars:
            data.append(_bars(own, [r["clusters"] for r in own], i, 2, name=f"{direction} clusters",
                              marker={"color": colour}))
            if any(r["clusters"] for r in coarse):
                data.append(_bars(coarse, [r["clusters"] for r in coarse], i, 2, marker={"color": colour},
                                  opacity=0.35, name=f"{direction} clusters dated to the year or decade only"))
        x, y = mean_line(own)
        data.append({"type": "scatter", "mode": "lines+markers", "name": f"{direction} mean Goldstein" if bars else direction,
                     "x": x, "y": y, "connectgaps": False, "line": {"color": colour, "dash": "dot" if bars else "solid"},
                     **({"yaxis": "y2"} if bars else {})})
        scored = [r for r in coarse if r["mean_goldstein"] is not None]
        if scored:
            data.append({"type": "scatter", "mode": "markers", "name": f"{direction} mean Goldstein, year or decade only",
                         "x": [midpoint(r) for r in scored], "y": [r["mean_goldstein"] for r in scored],
                         "customdata": [r["period"] for r in scored],
                         "hovertemplate": "%{customdata}: %{y}<extra>%{fullData.name}</extra>",
                         "marker": {"color": colour, "symbol": "diamond-open", "size": 9},
                         **({"yaxis": "y2"} if bars else {})})
    return {"data": data, "layout": {"barmode": "overlay", "xaxis": {"type": "date"}}}


def quads(series: list[dict], by: str) -> dict:
    """The quad classes per period, both directions together, stacked; coarser periods apart."""
    periods: dict[str, dict] = {}
    for r in series:
        p = periods.setdefault(r["period"], {**r, **{q: 0 for q in QUADS}})
        for q in QUADS:
            p[q] += r.get(q) or 0
    data = []
    for kind_rows, extra in (([p for p in periods.values() if p["period_kind"] == by], {}),
                             ([p for p in periods.values() if p["period_kind"] != by],
                              {"opacity": 0.35, "legendgroup": "coarse"})):
        if not kind_rows:
            continue
        base = [0] * len(kind_rows)
        for q in QUADS:
            y = [p[q] for p in kind_rows]
            name = q.replace("_", " ") + (", year or decade only" if extra else "")
            data.append(_bars(kind_rows, y, 0, 1, base=list(base), name=name, marker={"color": QUAD_COLOURS[q]},
                              **extra))
            base = [b + v for b, v in zip(base, y)]
    return {"data": data, "layout": {"barmode": "overlay", "xaxis": {"type": "date"}}}
