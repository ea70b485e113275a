"""What bench_datasette.py requests and how it times it: the pages, the server, the cold start.

``pages`` lists every page (the README's, each canned query with and without its
parameters, each table and view page with its default facets, a document, the Atom
feed, the charts); ``serving`` makes a Datasette as `pingce serve` does; ``measure``
times each page through ``Datasette.client`` (the first request, then ``--repeat``
more, and the canned query's SQL alone); ``cold_start`` a new server per table page
with the OS page cache dropped; ``time_export`` `pingce export prices` in-process.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from common import median, percentile
from datasette_data import MODELS

log = logging.getLogger(__name__)

Q3, Q2, Q1 = "会跳轴", "跳轴", "跳"  # trigram FTS; trigram vocabulary + tail index; LIKE scan


async def timed(ds: Any, url: str, repeat: int, budget_s: float) -> tuple[float, list[float], int, int]:
    """The first request's time, the times of ``repeat`` more, the last status and the table rows it showed.

    The first request warms the page cache, statement cache and templates, and fills what the
    server keeps per database state (facet counts, chart drawings): it is what the first
    visitor after a write waits.
    """
    t0 = time.perf_counter()
    resp = await ds.client.get(url)
    first = time.perf_counter() - t0
    times: list[float] = []
    t_end = time.perf_counter() + budget_s
    while len(times) < repeat and (len(times) < 5 or time.perf_counter() < t_end):
        t0 = time.perf_counter()
        resp = await ds.client.get(url)
        times.append(time.perf_counter() - t0)
    return first, times, resp.status_code, resp.text.count("<tr")


def bare_sql(path: Path, sql: str, params: dict[str, str], repeat: int = 5) -> float:
    from db.search import register_functions

    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    register_functions(conn)  # the search SQL calls them, as the served connections do
    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        conn.execute(sql, params).fetchmany(5001)
        times.append(time.perf_counter() - t0)
    conn.close()
    return median(times[1:])


def pages(name: str) -> list[tuple[str, str, str | None, dict[str, str]]]:
    """(label, URL, SQL or None, params): every page the README lists, every canned query with and
    without its parameters, every table and view page with its default facets, the charts."""
    from db.queries import QUERIES

    model, other = MODELS[0][0], MODELS[4][0]
    out: list[tuple[str, str, str | None, dict[str, str]]] = [
        ("/ (index)", "/", None, {}),
        (f"/{name} (database)", f"/{name}", None, {}),
    ]
    canned: list[tuple[str, dict[str, str]]] = [
        ("price_table", {"model": "", "since": "", "page": ""}),
        ("price_table", {"model": model, "since": "", "page": ""}),
        ("price_table", {"model": "", "since": "2024-06-01", "page": ""}),
        ("price_table", {"model": model, "since": "2024-06-01", "page": ""}),
        ("price_table", {"model": "", "since": "", "page": "3"}),
        ("price_history", {"model": "", "since": "", "page": ""}),
        ("price_history", {"model": model, "since": "", "page": ""}),
        ("price_history", {"model": model, "since": "2024-06-01", "page": ""}),
        ("price_history", {"model": model, "since": "", "page": "10"}),
        ("price_conflicts", {"model": "", "since": "", "page": ""}),
        ("price_conflicts", {"model": model, "since": "2024-06-01", "page": ""}),
        ("price_changes", {"model": "", "since": "", "page": ""}),
        ("price_changes", {"model": model, "since": "2024-06-01", "page": ""}),
        ("model_bugs_strengths", {"model": "", "page": ""}),
        ("model_bugs_strengths", {"model": other, "page": ""}),
        ("model_bugs_strengths", {"model": other, "page": "10"}),
        ("compare_models", {"model_a": "", "model_b": ""}),
        ("compare_models", {"model_a": model, "model_b": other}),
        ("search", {"q": "", "page": ""}),
        ("search", {"q": Q3, "page": ""}),
        ("search", {"q": "可灵", "page": ""}),
        ("search", {"q": "可灵", "page": "5"}),
        ("search", {"q": Q2, "page": ""}),
        ("search", {"q": Q1, "page": ""}),
        ("search", {"q": "手指", "page": ""}),
        ("search", {"q": "秒", "page": ""}),
        ("claims_over_time", {}),
    ]
    for query, params in canned:
        if query not in QUERIES:  # a canned query another branch adds or renames
            continue
        shown = ", ".join(f"{k}={v}" for k, v in params.items() if v) or "no parameters"
        url = f"/{name}/{query}" + (f"?{urlencode(params)}" if params else "")
        out.append((f"{query} ({shown})", url, QUERIES[query], params))
    for name_ in (
        "claims",
        "documents",
        "models",
        "sources",
        "runs",
        "run_errors",
        "prices",
        "bugs",
        "strengths",
        "abilities",
        "speeds",
        "claim_evidence",
    ):
        out.append((f"/{name_}", f"/{name}/{name_}", None, {}))
    out += [
        (f"/claim_evidence?model={model}", f"/{name}/claim_evidence?{urlencode({'model': model})}", None, {}),
        (f"/claims?model={model}", f"/{name}/claims?{urlencode({'model': model})}", None, {}),
        (f"/prices?model={model}", f"/{name}/prices?{urlencode({'model': model})}", None, {}),
        ("/documents row", f"/{name}/documents/wechat:bench0000001", None, {}),
        ("/-/price-changes.atom", f"/{name}/-/price-changes.atom", None, {}),
        ("/-/charts", f"/{name}/-/charts", None, {}),
    ]
    return out


def serving(path: Path, immutable: bool = False) -> Any:
    """A Datasette serving ``path`` as `pingce serve` does (settings, metadata, plugin)."""
    from datasette.app import SETTINGS, Datasette

    from ingest.web.serve import DEFAULT_SETTINGS, build_metadata, database_name, inspect_data

    types = {s.name: type(s.default) for s in SETTINGS}
    # as Datasette reads `--setting NAME VALUE`: "off" is False for a boolean setting
    settings = {
        k: (v.lower() in ("on", "true", "1")) if types[k] is bool else types[k](v)
        for k, v in DEFAULT_SETTINGS.items()
    }
    name = database_name(path)
    if immutable:
        t0 = time.perf_counter()
        counts = inspect_data(path)  # as `pingce serve --immutable` passes it (--inspect-file)
        print(f"   inspect data (row counts of every table): {time.perf_counter() - t0:.2f} s")
        ds = Datasette(
            immutables=[str(path)],
            metadata=build_metadata(name, path),
            settings=settings,
            inspect_data=counts,
        )
    else:
        ds = Datasette([str(path)], metadata=build_metadata(name, path), settings=settings)
    return ds


#: The pages timed from a cold start: the table pages whose facets count every claim or document.
COLD_PAGES = ("claims", "documents")
COLD_REQUESTS = 5


def drop_page_cache() -> str:
    """Drop the OS page cache (needs root): '' when done, else why not (then the figures are warm)."""
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("1\n")
    except OSError as e:
        return f"page cache not dropped ({e.strerror}): warm"
    return ""


async def cold_start(path: Path, immutable: bool = False) -> list[tuple[str, list[float], str]]:
    """Per page of COLD_PAGES: a new server, the OS page cache dropped, COLD_REQUESTS requests (ms)."""
    from ingest.web import facets
    from ingest.web.serve import database_name

    out = []
    for table_name in COLD_PAGES:
        facets.forget()
        ds = serving(path, immutable)
        await ds.invoke_startup()
        why = drop_page_cache()
        times = []
        for _ in range(COLD_REQUESTS):
            t0 = time.perf_counter()
            await ds.client.get(f"/{database_name(path)}/{table_name}")
            times.append((time.perf_counter() - t0) * 1000)
        await facets.settled()  # the counts begun in the background end before the next page
        out.append((f"/{table_name}", times, why))
        print(
            f"   cold /{table_name:<12} " + " ".join(f"{t:7.0f}" for t in times) + f" ms  {why}"
            f"  load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return out


async def measure(
    path: Path, repeat: int, budget_s: float, only: str = "", immutable: bool = False
) -> tuple[list[list[Any]], float]:
    """Each page through Datasette.client as HTML: (rows of figures, the charts page's cold draw in ms).

    Served as `pingce serve` serves by default: the file opened read-only and followed
    (Datasette counts a table page's rows per request); ``immutable`` as `pingce serve
    --immutable` (row counts from inspect data).
    """
    from ingest.web.serve import database_name

    name = database_name(path)
    ds = serving(path, immutable)
    print(f"   served {'immutable' if immutable else 'read-only, followed (as `pingce serve`)'}")
    await ds.invoke_startup()
    count_sql = "select count(*) from claims"
    rows = []
    cold_chart_ms = float("nan")
    cases = pages(name) + [("count(*) floor", f"/{name}.json?{urlencode({'sql': count_sql})}", count_sql, {})]
    for label, url, sql, params in cases:
        if only and only not in label:
            continue
        if url.endswith("/-/charts"):
            from ingest.web import charts

            charts._drawn.clear()
            for old in charts.svg_cache_dir().glob("*.svg"):
                old.unlink()
            t0 = time.perf_counter()
            await ds.client.get(url)
            cold_chart_ms = (time.perf_counter() - t0) * 1000
        first, times, status, nrows = await timed(ds, url, repeat, budget_s)
        ms = [t * 1000 for t in times]
        bare = bare_sql(path, sql, params) * 1000 if sql else float("nan")
        rows.append([label, median(ms), percentile(ms, 95), len(ms), nrows, bare, status, first * 1000])
        p95 = percentile(ms, 95)
        print(
            f"   {label:<58} {median(ms):8.1f} ms  p95 {p95:8.1f}  first {first * 1000:8.1f}  HTTP {status}"
            f"  load {os.getloadavg()[0]:.1f}",
            flush=True,
        )
    return rows, cold_chart_ms


def time_export(path: Path, repeat: int, budget_s: float) -> tuple[list[float], int, int]:
    """`pingce export prices --format json` in-process: query, validate, write; (ms each, rows, bytes)."""
    import io

    from ingest.export import export_prices

    out = io.StringIO()
    n = export_prices(path, "json", out)  # warm-up
    size = len(out.getvalue().encode())
    times: list[float] = []
    t_end = time.perf_counter() + budget_s
    while len(times) < repeat and (len(times) < 5 or time.perf_counter() < t_end):
        t0 = time.perf_counter()
        export_prices(path, "json", io.StringIO())
        times.append((time.perf_counter() - t0) * 1000)
    return times, n, size
