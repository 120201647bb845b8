"""The report as one self-contained HTML file: plotly.js inlined from the installed plotly package,
inline CSS, the charts' data as JSON in the page, all article text escaped by Jinja2's autoescape."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import plotly
import plotly.graph_objects as go
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from . import QUADS, charts

TEMPLATES = Path(__file__).parent / "templates"
QUAD_COLOURS = {"verbal_cooperation": "#74add1", "material_cooperation": "#313695",
                "verbal_conflict": "#f46d43", "material_conflict": "#a50026"}


@lru_cache(maxsize=1)
def plotly_js() -> str:
    """plotly.min.js from the installed package; `</script` would end the inline block early."""
    path = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    return path.read_text(encoding="utf-8").replace("</script", "<\\/script")


def safe_json(data) -> Markup:
    """JSON that can sit inside a <script> element: no <, >, & that HTML would read."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _layout(title: str, **extra) -> dict:
    return {"title": {"text": title}, "margin": {"l": 60, "r": 20, "t": 50, "b": 60}, "height": 380,
            "paper_bgcolor": "white", "plot_bgcolor": "#fafafa", **extra}


def timeline_figure(model: dict) -> go.Figure:
    """Mean Goldstein per period and direction on a real time axis (report.charts)."""
    spec = charts.timeline(model["series"], model["by"], bars=False)
    fig = go.Figure(spec["data"])
    fig.update_layout(**_layout(f"Mean Goldstein score per {model['by']}",
                                yaxis={"range": [-10.5, 10.5], "title": {"text": "Goldstein (-10 conflict .. +10 cooperation)"}},
                                xaxis={"type": "date"}))
    return fig


def quad_figure(model: dict) -> go.Figure:
    """Clusters per quad class and period (both directions), stacked, on a real time axis."""
    spec = charts.quads(model["series"], model["by"])
    fig = go.Figure(spec["data"])
    fig.update_layout(**_layout(f"Clusters per quad class and {model['by']}", barmode="overlay", xaxis={"type": "date"}))
    return fig


def ledger_figure(model: dict) -> go.Figure:
    items = model["ledger"]
    labels = [i.get("label") or i["issue"] for i in items]
    fig = go.Figure([
        go.Bar(y=labels, x=[len(i["cooperation"]) for i in items], orientation="h", name="cooperation",
               marker_color=QUAD_COLOURS["material_cooperation"]),
        go.Bar(y=labels, x=[-len(i["friction"]) for i in items], orientation="h", name="friction",
               marker_color=QUAD_COLOURS["material_conflict"]),
    ])
    fig.update_layout(**_layout("Issue ledger: points of cooperation and of friction", barmode="relative",
                                height=max(260, 60 + 40 * len(items))))
    return fig


def network_figure(model: dict) -> go.Figure:
    nodes = {n["code"]: n for n in model["network"]["nodes"]}
    traces = []
    for sign, colour in (("cooperation", "#313695"), ("conflict", "#a50026")):
        xs, ys = [], []
        for e in model["network"]["edges"]:
            if (e["mean_goldstein"] or 0) >= 0 if sign == "cooperation" else (e["mean_goldstein"] or 0) < 0:
                u, v = nodes[e["source"]], nodes[e["target"]]
                xs += [u["x"], v["x"], None]
                ys += [u["y"], v["y"], None]
        traces.append(go.Scatter(x=xs, y=ys, mode="lines", name=f"mean Goldstein {'≥ 0' if sign == 'cooperation' else '< 0'}",
                                 line={"color": colour, "width": 1.5}, hoverinfo="skip"))
    pair = {model["a"], model["b"]}
    traces.append(go.Scatter(
        x=[n["x"] for n in nodes.values()], y=[n["y"] for n in nodes.values()], mode="markers+text",
        text=list(nodes), textposition="top center", name="actors",
        marker={"size": [10 + min(30, 2 * (n["clusters"] or 0) ** 0.5 * 3) for n in nodes.values()],
                "color": ["#fdae61" if c in pair else "#abd9e9" for c in nodes], "line": {"width": 1, "color": "#333"}},
        customdata=[n["clusters"] for n in nodes.values()], hovertemplate="%{text}: %{customdata} clusters<extra></extra>"))
    fig = go.Figure(traces)
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    fig.update_layout(**_layout(f"Actor network around {model['a']} and {model['b']}", height=480,
                                xaxis=hidden, yaxis=hidden))
    return fig


def figures(model: dict) -> list[dict]:
    """The charts, as plotly JSON (data, layout) for the page to draw."""
    charts = [("timeline", timeline_figure), ("quads", quad_figure), ("ledger", ledger_figure),
              ("network", network_figure)]
    return [{"id": name, "json": safe_json(json.loads(make(model).to_json()))} for name, make in charts]


def render_html(model: dict) -> str:
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda v, digits=2: "–" if v is None else (f"{v:.{digits}f}" if isinstance(v, float) else str(v))
    return env.get_template("report.html.j2").render(
        m=model, charts=figures(model), plotly_js=Markup(plotly_js()), quads=QUADS)
