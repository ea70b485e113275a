"""Datasette plugin for pingce: links to documents and originals, evidence in context, charts.

Loaded with ``--plugins-dir`` (see ``ingest.serve``). The charts are Vega-Lite
specs rendered to SVG on the server by vl-convert-python, so the page needs no
JavaScript and no network; ``/DB/-/charts/NAME.json`` serves the spec itself.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any
from urllib.parse import quote as urlquote

from datasette import hookimpl
from datasette.utils import tilde_encode
from datasette.utils.asgi import Forbidden, NotFound, Response
from markupsafe import Markup, escape

from db.queries import CLAIMS_OVER_TIME_SQL, PRICE_TABLE_SQL

log = logging.getLogger(__name__)

FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
INTERNAL_DBS = {"_internal", "_memory"}


def _get(row: Any, key: str) -> Any:
    try:
        return row[key]
    except (KeyError, IndexError, TypeError):
        return None


def _link(href: str, text: str, external: bool = False) -> Markup:
    extra = ' rel="noopener noreferrer" target="_blank"' if external else ""
    return Markup(f'<a href="{escape(href)}"{extra}>{escape(text)}</a>')


@hookimpl
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str, datasette: Any) -> Any:
    """Documents link to their originals; claims link to their document and their evidence."""
    if not isinstance(value, str) or not value:
        return None
    urls = datasette.urls
    is_http = value.startswith(("http://", "https://"))
    if (column == "document_url" or (table == "documents" and column == "url")) and is_http:
        return _link(value, value + " ↗", external=True)
    if table == "documents" and column == "title":
        url = _get(row, "url")
        if isinstance(url, str) and url.startswith(("http://", "https://")):
            return _link(url, value + " ↗", external=True)
        return None
    if column == "document_id" and table not in ("claims", "documents"):
        return _link(urls.row(database, "documents", tilde_encode(value)), value)
    if column == "claim_id":
        if table == "claim_evidence":
            return _link(urls.row(database, "claims", tilde_encode(value)), value)
        return _link(urls.table(database, "claim_evidence") + "?claim_id=" + urlquote(value), value)
    if table == "claims" and column == "quote":
        claim_id = _get(row, "id")
        if not isinstance(claim_id, str):
            return None
        href = urls.table(database, "claim_evidence") + "?claim_id=" + urlquote(claim_id)
        return Markup(f"{escape(value)} <small>{_link(href, '[in context]')}</small>")
    if table == "claim_evidence" and column == "in_context" and _get(row, "located") != "missing":
        before, quote, after = (_get(row, k) or "" for k in ("context_before", "quote", "context_after"))
        return Markup(f'{escape(before)}<mark class="evidence">{escape(quote)}</mark>{escape(after)}')
    return None


# Folds the column descriptions Datasette lists above a table into <details>,
# and shows each description as its column header's tooltip.
FOLD_DESCRIPTIONS = """
document.querySelectorAll("dl.column-descriptions").forEach(function (dl) {
  dl.querySelectorAll("dt").forEach(function (dt) {
    var th = document.querySelector("th.col-" + CSS.escape(dt.textContent.trim()));
    if (th && dt.nextElementSibling) { th.title = dt.nextElementSibling.textContent; }
  });
  var details = document.createElement("details");
  var summary = document.createElement("summary");
  summary.textContent = "Column descriptions (" + dl.querySelectorAll("dt").length + ")";
  dl.parentNode.insertBefore(details, dl);
  details.appendChild(summary);
  details.appendChild(dl);
});
"""


@hookimpl
def extra_body_script(
    template: str,
    database: str | None,
    table: str | None,
    columns: Any,
    view_name: str,
    request: Any,
    datasette: Any,
) -> str | None:
    return FOLD_DESCRIPTIONS if view_name == "table" else None


# ---------------------------------------------------------------- charts
def price_per_second_spec(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars of CNY per second of video, one per model x tier x resolution x duration."""
    values = []
    for r in rows:
        if r.get("cny_per_second") is None:
            continue
        duration = r.get("duration_s")
        variant = " · ".join(
            str(x)
            for x in (r.get("tier") or "—", r.get("resolution") or "?", f"{duration:g}s" if duration else "?")
        )
        values.append(
            {
                "label": f"{r['model']} · {variant}",
                "model": r["model"],
                "variant": variant,
                "cny_per_second": r["cny_per_second"],
                "price": r.get("price_label"),
                "documents": r.get("supporting_documents"),
                "conflict": r.get("conflict"),
            }
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "CNY per second of generated video, by model (price table)",
        "width": 520,
        "data": {"values": values},
        "encoding": {
            "y": {"field": "label", "type": "nominal", "title": None, "sort": "x"},
            "x": {"field": "cny_per_second", "type": "quantitative", "title": "CNY per second"},
            "color": {"field": "model", "type": "nominal", "title": "model"},
        },
        "layer": [
            {"mark": {"type": "bar", "tooltip": {"content": "data"}}},
            {
                "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                "encoding": {
                    "text": {"field": "cny_per_second", "format": ".2f"},
                    "color": {"value": "#333"},
                },
            },
        ],
        "config": {"font": FONT},
    }


def claims_over_time_spec(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Stacked bars: claims per month, coloured by kind."""
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Claims over time: claims per month by kind (document date)",
        "width": 560,
        "height": 240,
        "data": {"values": rows},
        "mark": {"type": "bar", "tooltip": {"content": "data"}},
        "encoding": {
            "x": {"field": "month", "type": "ordinal", "title": "month"},
            "y": {"field": "claims", "type": "quantitative", "aggregate": "sum", "title": "claims"},
            "color": {"field": "kind", "type": "nominal"},
        },
        "config": {"font": FONT},
    }


#: name -> (heading, SQL, spec builder, canned query with the same data)
CHARTS = {
    "price_per_second": ("Price per second by model", PRICE_TABLE_SQL, price_per_second_spec, "price_table"),
    "claims_over_time": ("Claims over time", CLAIMS_OVER_TIME_SQL, claims_over_time_spec, "claims_over_time"),
}


def render_svg(spec: dict[str, Any]) -> str | None:
    """SVG for a Vega-Lite spec, or None when vl-convert-python is not installed."""
    try:
        import vl_convert
    except ImportError:
        log.warning("vl-convert-python is not installed: charts are not rendered")
        return None
    return str(vl_convert.vegalite_to_svg(spec))


async def _chart(datasette: Any, database: str, name: str) -> tuple[dict[str, Any], int]:
    _, sql, build, _ = CHARTS[name]
    result = await datasette.get_database(database).execute(sql, {"model": "", "since": ""})
    rows = [dict(r) for r in result.rows]
    spec = build(rows)
    return spec, len(spec["data"]["values"])


async def _check(datasette: Any, request: Any) -> str:
    database = request.url_vars["database"]
    if database in INTERNAL_DBS or database not in datasette.databases:
        raise NotFound(f"Database not found: {database}")
    if not await datasette.permission_allowed(request.actor, "view-database", database, default=True):
        raise Forbidden("You may not view this database")
    return database


PAGE = """{% extends "base.html" %}
{% block title %}Charts: {{ database }}{% endblock %}
{% block extra_head %}<style>.chart{margin:1.5em 0}.chart svg{max-width:100%;height:auto}</style>{% endblock %}
{% block crumbs %}<p class="crumbs"><a href="{{ urls.instance() }}">home</a> /
<a href="{{ urls.database(database) }}">{{ database }}</a></p>{% endblock %}
{% block content %}
<h1>Charts</h1>
{% for chart in charts %}
<section class="chart" id="{{ chart.name }}">
  <h2>{{ chart.title }}</h2>
  {% if chart.svg and chart.count %}{{ chart.svg }}
  {% elif not chart.count %}<p class="message-info">No data for this chart yet.</p>
  {% else %}<p class="message-warning">Install vl-convert-python to draw this chart.</p>{% endif %}
  <p>Data: <a href="{{ chart.data_url }}">{{ chart.query }}</a> ·
     <a href="{{ chart.data_url }}.json?_shape=array">JSON</a> ·
     Vega-Lite: <a href="{{ chart.spec_url }}">spec</a> · <a href="{{ chart.svg_url }}">SVG</a></p>
</section>
{% endfor %}
{% endblock %}
"""


async def charts_page(datasette: Any, request: Any) -> Response:
    database = await _check(datasette, request)
    charts = []
    for name, (heading, _, _, query) in CHARTS.items():
        spec, count = await _chart(datasette, database, name)
        svg = await asyncio.to_thread(render_svg, spec) if count else None
        base = datasette.urls.database(database)
        charts.append(
            {
                "name": name,
                "title": heading,
                "count": count,
                "query": query,
                "svg": Markup(svg) if svg else None,
                "data_url": f"{base}/{query}",
                "spec_url": f"{base}/-/charts/{name}.json",
                "svg_url": f"{base}/-/charts/{name}.svg",
            }
        )
    template = datasette.jinja_env.from_string(PAGE)
    html = await datasette.render_template(
        template, {"database": database, "charts": charts}, request=request
    )
    return Response.html(html)


async def chart_file(datasette: Any, request: Any) -> Response:
    database = await _check(datasette, request)
    name, fmt = request.url_vars["chart"], request.url_vars["fmt"]
    if name not in CHARTS:
        raise NotFound(f"No chart named {name}")
    spec, _ = await _chart(datasette, database, name)
    if fmt == "json":
        return Response.json(spec)
    svg = await asyncio.to_thread(render_svg, spec)
    if svg is None:
        return Response.text("vl-convert-python is not installed", status=501)
    return Response(svg, content_type="image/svg+xml; charset=utf-8")


@hookimpl
def register_routes() -> list[tuple[str, Any]]:
    return [
        (r"^/(?P<database>[^/]+)/-/charts$", charts_page),
        (r"^/(?P<database>[^/]+)/-/charts/(?P<chart>[a-z_]+)\.(?P<fmt>svg|json)$", chart_file),
    ]


@hookimpl
def menu_links(datasette: Any, actor: Any, request: Any) -> list[dict[str, str]]:
    names = [n for n in datasette.databases if n not in INTERNAL_DBS]
    return [{"href": datasette.urls.database(n) + "/-/charts", "label": f"Charts: {n}"} for n in names]


@hookimpl
def database_actions(datasette: Any, actor: Any, database: str, request: Any) -> list[dict[str, str]]:
    return [{"href": datasette.urls.database(database) + "/-/charts", "label": "Price and claim charts"}]
