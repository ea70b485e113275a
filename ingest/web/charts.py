"""The chart pages: Vega-Lite specs of the price table and of claims over time, drawn as SVG.

The specs are rendered to SVG on the server by vl-convert-python, so the page
needs no JavaScript and no network; ``/DB/-/charts/NAME.json`` serves the spec
itself. The page is ``templates/pingce_charts.html``.

Drawing costs seconds (a profile puts most of it in vl-convert's text layout with
the CJK font list), while the data behind a chart changes only when the database
does: each SVG is kept per spec, i.e. per chart data, in memory and in a file
under the temporary directory, so a page is drawn once per database state; the
chart's query is answered once per database state too (``facets.cached_execute``).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import statistics
import tempfile
from pathlib import Path
from typing import Any

from datasette.utils.asgi import Forbidden, NotFound, Response
from datasette.version import __version__ as datasette_version
from markupsafe import Markup

from db.queries import CLAIMS_OVER_TIME_SQL, PRICE_TABLE_SQL
from ingest.web.facets import cached_execute

log = logging.getLogger(__name__)

FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
INTERNAL_DBS = {"_internal", "_memory"}


#: The price rows a chart draws one bar each; the rest are one "others" bar (their median).
TOP_PRICES = 30
#: The claim kinds a chart gives a colour each; the rest are "other kinds".
TOP_KINDS = 8
# Tableau 20, then grey for what is not one vendor or kind ("others", "vendor not stated")
_PALETTE = (
    "#4e79a7 #f28e2b #e15759 #76b7b2 #59a14f #edc948 #b07aa1 #ff9da7 #9c755f #a0cbe8 "
    "#ffbe7d #ff9d9a #86bcb6 #8cd17d #f1ce63 #d4a6c8 #fabfd2 #d7b5a6 #79706e #bab0ac"
).split()
_GREYS = ("#c7c7c7", "#8c8c8c")


def _colours(names: list[str], last: tuple[str, ...]) -> dict[str, Any]:
    """A colour scale: ``names`` in the palette's colours, ``last`` (what is no one name) in greys."""
    named = sorted(n for n in set(names) if n not in last)
    greys = [n for n in last if n in names]
    palette = _PALETTE * (len(named) // len(_PALETTE) + 1)
    return {"domain": named + greys, "range": palette[: len(named)] + list(_GREYS[: len(greys)])}


def _variant(r: dict[str, Any]) -> str:
    """Tier, resolution and clip length as far as stated (nothing for what is not)."""
    duration = r.get("duration_s")
    parts = [r.get("tier"), r.get("resolution"), f"{duration:g} s" if duration else None]
    return " · ".join(str(p) for p in parts if p)


def _amounts(cny: float | None, usd: float | None) -> str:
    return " · ".join(t for t in (cny is not None and f"¥{cny:.2f}", usd is not None and f"${usd:.3f}") if t)


def price_per_second_spec(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Bars of price per second of video across vendors: CNY per second below, USD per second above.

    Every price table row with a price per second in CNY (stated, through a credit rate, or from
    USD at the exchange rate of sources.yml) is a bar, coloured by vendor; the TOP_PRICES rows
    most documents state are drawn and the rest make one "others" bar at their median.
    """
    fx = next((r["fx_usd_cny"] for r in rows if r.get("fx_usd_cny")), None)
    fx_date = next((r["fx_date"] for r in rows if r.get("fx_usd_cny")), None)
    priced = [r for r in rows if r.get("cny_per_second") is not None]
    usd_only = sum(1 for r in rows if r.get("cny_per_second") is None and r.get("usd_per_second") is not None)
    priced.sort(key=lambda r: (-(r.get("supporting_documents") or 0), r["cny_per_second"], r["model"]))
    shown, rest = priced[:TOP_PRICES], priced[TOP_PRICES:]
    values = []
    for r in shown:
        variant = _variant(r)
        values.append(
            {
                "label": f"{r['model']} · {variant}" if variant else r["model"],
                "model": r["model"],
                "vendor": r.get("vendor") or "vendor not stated",
                "cny_per_second": r["cny_per_second"],
                "usd_per_second": r.get("usd_per_second"),
                "amounts": _amounts(r["cny_per_second"], r.get("usd_per_second")),
                "price": r.get("price_label"),
                "documents": r.get("supporting_documents"),
                "basis": r.get("per_second_basis"),
                "conflict": r.get("conflict"),
            }
        )
    if rest:
        cny = statistics.median(r["cny_per_second"] for r in rest)
        usd = cny / fx if fx else None
        values.append(
            {
                "label": f"others: {len(rest)} more prices (median)",
                "model": "others",
                "vendor": "others",
                "cny_per_second": cny,
                "usd_per_second": usd,
                "amounts": _amounts(cny, usd),
                "documents": sum(r.get("supporting_documents") or 0 for r in rest),
            }
        )
    order = [v["label"] for v in sorted(values, key=lambda v: (v["model"] == "others", -v["cny_per_second"]))]
    top = max((v["cny_per_second"] for v in values), default=0) * 1.3 or 1
    subtitle = ["CNY per second of video (axis below)" + (", USD per second (axis above)" if fx else "")]
    if fx:
        subtitle.append(
            f"CNY and USD converted at {fx:g} CNY/USD ({fx_date or 'date not stated'}), sources.yml"
        )
    else:
        subtitle.append("no exchange rate: set exchange_rate in sources.yml to convert CNY and USD")
    if usd_only and not fx:
        subtitle.append(f"{usd_only} prices stated in USD only are left out until then")
    if rest:
        subtitle.append(f"the {len(shown)} prices most documents state; the other {len(rest)} as one bar")
    x = {"field": "cny_per_second", "type": "quantitative", "scale": {"domain": [0, top]}}
    layers: list[dict[str, Any]] = [
        {
            "mark": {"type": "bar", "tooltip": {"content": "data"}},
            "encoding": {
                "x": {**x, "title": "CNY per second"},
                "color": {
                    "field": "vendor",
                    "type": "nominal",
                    "title": "vendor",
                    "scale": _colours([v["vendor"] for v in values], ("vendor not stated", "others")),
                },
            },
        },
        {
            "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
            "encoding": {"x": {**x, "axis": None}, "text": {"field": "amounts"}, "color": {"value": "#333"}},
        },
    ]
    if fx:  # an axis only: the CNY axis read in USD at the exchange rate
        layers.append(
            {
                "mark": {"type": "tick", "opacity": 0},
                "encoding": {
                    "x": {
                        "field": "usd_per_second",
                        "type": "quantitative",
                        "title": "USD per second",
                        "scale": {"domain": [0, top / fx]},
                        "axis": {"orient": "top"},
                    }
                },
            }
        )
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": {
            "text": "Price per second of generated video, across vendors (price table)",
            "subtitle": subtitle,
        },
        "width": 520,
        "height": {"step": 18},
        "data": {"values": values},
        "encoding": {
            "y": {
                "field": "label",
                "type": "nominal",
                "title": None,
                "sort": order,  # dearest first, "others" last
                "axis": {"labelLimit": 0},
            }
        },
        "layer": layers,
        "resolve": {"scale": {"x": "independent"}},
        "config": {"font": FONT},
    }


def claims_over_time_spec(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Stacked bars: claims per month, coloured by kind (the TOP_KINDS most common, then "other kinds")."""
    totals: dict[str, int] = {}
    for r in rows:
        totals[r["kind"]] = totals.get(r["kind"], 0) + (r.get("claims") or 0)
    kept = set(sorted(totals, key=lambda k: (-totals[k], k))[:TOP_KINDS])
    merged: dict[tuple[str, str], dict[str, Any]] = {}
    for r in rows:
        kind = r["kind"] if r["kind"] in kept else "other kinds"
        v = merged.setdefault(
            (r["month"], kind), {"month": f"{r['month']}-01", "kind": kind, "claims": 0, "documents": 0}
        )
        v["claims"] += r.get("claims") or 0
        v["documents"] += r.get("documents") or 0
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Claims over time: claims per month by kind (document date)",
        "width": 560,
        "height": 240,
        "data": {"values": list(merged.values())},
        "mark": {"type": "bar", "tooltip": {"content": "data"}},
        "encoding": {
            "x": {
                "field": "month",
                "type": "temporal",
                "timeUnit": "yearmonth",
                "title": "month",
                "axis": {"format": "%Y-%m", "labelOverlap": True, "labelAngle": -45},
            },
            "y": {"field": "claims", "type": "quantitative", "aggregate": "sum", "title": "claims"},
            "color": {
                "field": "kind",
                "type": "nominal",
                "scale": _colours([v["kind"] for v in merged.values()], ("other kinds",)),
            },
        },
        "config": {"font": FONT},
    }


#: name -> (heading, SQL, spec builder, canned query with the same data)
CHARTS = {
    "price_per_second": (
        "Price per second across vendors",
        PRICE_TABLE_SQL,
        price_per_second_spec,
        "price_table",
    ),
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
    # the price table behind a chart is read once per database state, as the default facets are
    result = await cached_execute(datasette, database, sql, {"model": "", "since": ""})
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
        "pingce_charts.html",
        {"database": database, "charts": charts, "datasette_version": datasette_version},
        request=request,
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
