"""The chart pages: Vega-Lite specs of the price table and of claims over time, drawn as SVG.

The specs are rendered to SVG on the server by vl-convert-python, so the page
needs no JavaScript and no network; ``/DB/-/charts/NAME.json`` serves the spec
itself. The page is ``templates/pingce_charts.html``.

Drawing costs seconds (a profile puts most of it in vl-convert's text layout with
the CJK font list), while the data behind a chart changes only when the database
does: each SVG is kept per spec, i.e. per chart data, in memory and in a file
under the temporary directory, so a page is drawn once per database state.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

from datasette.utils.asgi import Forbidden, NotFound, Response
from markupsafe import Markup

from db.queries import CLAIMS_OVER_TIME_SQL, PRICE_TABLE_SQL

log = logging.getLogger(__name__)

FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
INTERNAL_DBS = {"_internal", "_memory"}


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


_MEMORY_LIMIT = 64
_drawn: dict[str, str] = {}


def svg_cache_dir() -> Path:
    return Path(tempfile.gettempdir()) / f"pingce-charts-{os.getuid() if hasattr(os, 'getuid') else 'user'}"


def cached_svg(spec: dict[str, Any]) -> str | None:
    """``render_svg(spec)``, drawn once per spec (kept in memory and in :func:`svg_cache_dir`)."""
    try:
        import vl_convert
    except ImportError:
        return render_svg(spec)
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    version = getattr(vl_convert, "__version__", "")
    key = hashlib.sha256(f"{version}\n{text}".encode()).hexdigest()
    if key in _drawn:
        return _drawn[key]
    path = svg_cache_dir() / f"{key}.svg"
    try:
        svg = path.read_text(encoding="utf-8")
    except OSError:
        drawn = render_svg(spec)
        if drawn is None:
            return None
        svg = drawn
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            part = path.with_suffix(f".{os.getpid()}.part")
            part.write_text(svg, encoding="utf-8")
            part.replace(path)
        except OSError as exc:  # a read-only temporary directory: keep it in memory only
            log.warning("could not keep the chart drawing in %s: %s", path.parent, exc)
    if len(_drawn) >= _MEMORY_LIMIT:
        _drawn.pop(next(iter(_drawn)))
    _drawn[key] = svg
    return svg


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


async def charts_page(datasette: Any, request: Any) -> Response:
    database = await _check(datasette, request)
    charts = []
    for name, (heading, _, _, query) in CHARTS.items():
        spec, count = await _chart(datasette, database, name)
        svg = await asyncio.to_thread(cached_svg, spec) if count else None
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
    html = await datasette.render_template(
        "pingce_charts.html", {"database": database, "charts": charts}, request=request
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
    svg = await asyncio.to_thread(cached_svg, spec)
    if svg is None:
        return Response.text("vl-convert-python is not installed", status=501)
    return Response(svg, content_type="image/svg+xml; charset=utf-8")
