"""Datasette latency on a generated database of 1,000,000 claims over 50,000 documents.

    .venv/bin/python bench/bench_datasette.py [--claims 1000000] [--docs 50000] [--repeat 20]
                                              [--json out.json]

The database is built once through ``db.open_db`` (the project's schema, views and
FTS tables), bulk-filled with sqlite3 and cached under bench/out/ keyed by size,
generator version and schema; then it is served as ``pingce serve`` serves it
(immutable, the project's metadata, settings and plugin) and queried through
``Datasette.client``: the price-table canned query, search with a 3+-character
(trigram FTS), a 2-character (trigram vocabulary) and a 1-character (LIKE scan)
Chinese query, and ``select count(*) from claims`` as the framework-overhead floor.
Each is also timed as bare SQL (sqlite3). ``pingce export prices`` (the same SQL,
validated and written as JSON) is timed in-process.

The bulk load bypasses the FTS triggers (the FTS tables are rebuilt at the end) but
not the price-point triggers, so the price tables are kept by the same triggers that
serve every other writer.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import re
import sqlite3
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from common import OUT, ROOT, Figure, figures_table, fmt, header, median, percentile, table, write_json
from gen_notes import ASPECTS, BUGS, FEATURES, FILLER, PRAISE, SCENES

BENCH = "datasette"
GEN_VERSION = 1
TARGET_MS = 100.0
Q3, Q2, Q1 = "会跳轴", "跳轴", "跳"  # trigram FTS; trigram vocabulary + tail index; LIKE scan
# canonical name, vendor, how reviewers write it, credit unit
MODELS = [
    ("Kling 2.1", "Kuaishou", "可灵2.1", "灵感值"),
    ("Kling 2.1 Master", "Kuaishou", "可灵2.1大师版", "灵感值"),
    ("Kling 1.6", "Kuaishou", "可灵1.6", "灵感值"),
    ("Kling 2.5 Turbo", "Kuaishou", "可灵2.5 Turbo", "灵感值"),
    ("Hailuo 02", "MiniMax", "海螺02", "积分"),
    ("Hailuo 2.3", "MiniMax", "海螺2.3", "积分"),
    ("Jimeng 3.0", "ByteDance", "即梦3.0", "积分"),
    ("Seedance 1.0 Pro", "ByteDance", "Seedance 1.0 Pro", "积分"),
    ("Vidu Q1", "Shengshu", "Vidu Q1", "积分"),
    ("Vidu 2.0", "Shengshu", "Vidu 2.0", "积分"),
    ("PixVerse V4.5", "AIsphere", "PixVerse V4.5", "credits"),
    ("Runway Gen-4", "Runway", "Runway Gen-4", "credits"),
    ("Luma Ray2", "Luma AI", "Luma Ray2", "credits"),
    ("Veo 3", "Google", "Veo 3", None),
    ("Veo 3 Fast", "Google", "Veo 3 Fast", None),
    ("Sora 2", "OpenAI", "Sora 2", None),
    ("Pika 2.2", "Pika", "Pika 2.2", "credits"),
    ("Wan 2.2", "Alibaba", "万相2.2", "积分"),
    ("Hunyuan", "Tencent", "混元视频", "积分"),
    ("Qingying", "Zhipu", "清影", "积分"),
]
KINDS = [
    ("price", 25),
    ("speed", 10),
    ("bug", 20),
    ("strength", 18),
    ("capability", 10),
    ("limitation", 8),
    ("credit_rate", 4),
    ("price_change", 5),
]
CLAIM_COLS = (
    "id document_id kind model tier credits credit_unit price_cny price_usd duration_s resolution "
    "credits_per_cny percent direction generation_s quote section start end confidence method "
    "extractor_version"
).split()
DOC_COLS = (
    "id source platform platform_id url title author published_at status truncated pinned via text "
    "summary metadata images content_hash extractor_version first_seen updated"
).split()


def _claim(r: random.Random, m: tuple[str, str, str, str | None], kind: str) -> tuple[str, dict[str, Any]]:
    name, _, alias, unit = m
    if kind == "price":
        res, dur = r.choice(("720p", "1080p")), r.choice((5.0, 10.0))
        tier = r.choice((None, None, "standard", "high-quality", "master"))
        if unit is None:
            usd = r.choice((0.4, 0.5, 0.75)) * dur
            return f"{alias}（{res}）{dur:g}秒{usd:g}美元", dict(
                price_usd=usd, duration_s=dur, resolution=res, tier=tier
            )
        credits = r.choice((20, 35, 35, 100, 100, 100, 150)) * dur / 5
        return (
            f"{alias}（{res}），{dur:g}秒{credits:g}{unit}",
            dict(
                credits=credits,
                credit_unit=unit,
                price_cny=credits / 10,
                duration_s=dur,
                resolution=res,
                tier=tier,
            ),
        )
    if kind == "speed":
        s = float(r.randrange(20, 400))
        return f"{alias}生成一条视频大概要{s:g}秒", dict(generation_s=s)
    if kind == "bug":  # Zipf-like: a few flaws are common, most are rare
        bug = BUGS[min(int(r.paretovariate(2.0)) - 1, len(BUGS) - 1)]
        return f"{alias}在{r.choice(SCENES)}时{bug}", {}
    if kind == "strength":
        return f"{alias}的{r.choice(ASPECTS)}{r.choice(PRAISE)}", {}
    if kind == "capability":
        return f"{alias}支持{r.choice(FEATURES)}", {}
    if kind == "limitation":
        return f"{alias}目前还不支持{r.choice(FEATURES)}", {}
    if kind == "credit_rate":
        return f"{alias}的定价里10{unit or 'credits'}等于1元", dict(credits_per_cny=10.0)
    pct = float(r.choice((20, 30, 50, 65)))
    return f"{alias}价格直接降了{pct:g}%", dict(percent=pct, direction="down")


def generate(claims: int, docs: int, seed: int) -> Iterator[tuple[dict[str, Any], list[dict[str, Any]]]]:
    """(document row, its claim rows), with quotes at their true offsets in body or summary."""
    r = random.Random(seed)
    kinds, weights = zip(*KINDS, strict=True)
    for d in range(docs):
        n = (d + 1) * claims // docs - d * claims // docs
        cast = r.sample(MODELS, 3)
        body: list[str] = []
        summary: list[str] = []
        pos = {"body": 0, "summary": 0}
        rows = []
        for _ in range(n):
            kind = r.choices(kinds, weights)[0]
            model = r.choice(cast)
            quote, fields = _claim(r, model, kind)
            section = "summary" if r.random() < 0.1 else "body"
            parts = summary if section == "summary" else body
            filler = r.choice(FILLER)
            parts.append(filler + quote + "。")
            start = pos[section] + len(filler)
            pos[section] += len(filler) + len(quote) + 1
            rows.append(
                {
                    "kind": kind,
                    "model": model[0],
                    "quote": quote,
                    "section": section,
                    "start": start,
                    "end": start + len(quote),
                    "confidence": 0.9 if section == "body" else 0.54,
                    "method": "rules/1",
                    "extractor_version": 1,
                    **fields,
                }
            )
        doc_id = f"wechat:bench{d:07d}"
        day = f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}T{d % 24:02d}:00:00+08:00"
        text = "".join(body)
        doc = {
            "id": doc_id,
            "source": "bench",
            "platform": "wechat",
            "platform_id": f"bench{d:07d}",
            "url": f"https://mp.weixin.qq.com/s/bench{d:07d}",
            "title": f"{cast[0][2]}实测（{d}）",
            "author": "bench",
            "published_at": day,
            "status": "ok",
            "truncated": 0,
            "pinned": 0,
            "via": "clip",
            "text": text,
            "summary": "".join(summary) or None,
            "metadata": "{}",
            "images": "[]",
            "content_hash": hashlib.sha256(text.encode()).hexdigest(),
            "extractor_version": 1,
            "first_seen": day,
            "updated": day,
        }
        for i, c in enumerate(rows):
            c["id"] = hashlib.sha1(f"{doc_id}/{i}".encode()).hexdigest()[:20]
            c["document_id"] = doc_id
        yield doc, rows


def build(path: Path, claims: int, docs: int, seed: int) -> None:
    """Create the schema with db.open_db, bulk-insert without FTS triggers, rebuild FTS, restore triggers."""
    from db import open_db

    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = open_db(tmp)
    conn: sqlite3.Connection = db.conn
    conn.execute("pragma foreign_keys = off")
    conn.execute("pragma synchronous = off")
    triggers = conn.execute(
        "select name, sql from sqlite_master where type = 'trigger' and sql like '%\\_fts%' escape '\\'"
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"drop trigger [{name}]")
    ins_doc = f"insert into documents ({', '.join(DOC_COLS)}) values ({', '.join(':' + c for c in DOC_COLS)})"
    ins_claim = (
        f"insert into claims ({', '.join(f'[{c}]' for c in CLAIM_COLS)}) "
        f"values ({', '.join(':' + c for c in CLAIM_COLS)})"
    )
    blank = dict.fromkeys(CLAIM_COLS)
    with conn:
        conn.execute("insert into sources (name, type, config) values ('bench', 'clips', '{}')")
        conn.executemany(
            "insert into models (name, vendor, brand, aliases) values (?, ?, ?, ?)",
            [(m[0], m[1], m[0].split()[0], f'["{m[2]}"]') for m in MODELS],
        )
        batch_d: list[dict[str, Any]] = []
        batch_c: list[dict[str, Any]] = []
        for doc, rows in generate(claims, docs, seed):
            batch_d.append(doc)
            batch_c += [{**blank, **c} for c in rows]
            if len(batch_c) >= 50_000:
                conn.executemany(ins_doc, batch_d)
                conn.executemany(ins_claim, batch_c)
                batch_d, batch_c = [], []
        conn.executemany(ins_doc, batch_d)
        conn.executemany(ins_claim, batch_c)
        for fts in ("claims_fts", "documents_fts"):
            conn.execute(f"insert into {fts}({fts}) values('rebuild')")
        for _, sql in triggers:
            conn.execute(sql)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    tmp.rename(path)


def cached_db(claims: int, docs: int, seed: int) -> Path:
    schema = hashlib.sha256(
        (ROOT / "db" / "migrations.py").read_bytes() + (ROOT / "db" / "views.py").read_bytes()
    ).hexdigest()[:8]
    path = OUT / f"datasette_{claims}c_{docs}d_s{seed}_g{GEN_VERSION}_{schema}.db"
    if path.exists():
        print(f"   cached database: {path.relative_to(ROOT)} ({path.stat().st_size / 1e6:.0f} MB)")
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    build(path, claims, docs, seed)
    print(
        f"   built {path.relative_to(ROOT)} in {time.perf_counter() - t0:.0f} s "
        f"({path.stat().st_size / 1e6:.0f} MB)"
    )
    return path


async def timed(ds: Any, url: str, repeat: int, budget_s: float) -> tuple[list[float], dict[str, Any]]:
    for _ in range(2):  # warm-up: page cache, statement cache, templates
        resp = await ds.client.get(url)
    data = resp.json()
    times: list[float] = []
    t_end = time.perf_counter() + budget_s
    while len(times) < repeat and (len(times) < 5 or time.perf_counter() < t_end):
        t0 = time.perf_counter()
        resp = await ds.client.get(url)
        times.append(time.perf_counter() - t0)
        if resp.status_code != 200:
            break
    return times, {"status": resp.status_code, **(data if isinstance(data, dict) else {})}


def bare_sql(path: Path, sql: str, params: dict[str, str], repeat: int = 5) -> float:
    conn = sqlite3.connect(f"file:{path}?immutable=1", uri=True)
    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        conn.execute(sql, params).fetchmany(5001)
        times.append(time.perf_counter() - t0)
    conn.close()
    return median(times[1:])


async def measure(path: Path, repeat: int, budget_s: float) -> list[list[Any]]:
    from datasette.app import SETTINGS, Datasette

    from db.queries import QUERIES
    from ingest.web.serve import DEFAULT_SETTINGS, build_metadata, database_name

    types = {s.name: type(s.default) for s in SETTINGS}
    settings = {k: types[k](v) for k, v in DEFAULT_SETTINGS.items()}
    name = database_name(path)
    ds = Datasette(
        immutables=[str(path)],
        metadata=build_metadata(name),
        settings=settings,
    )
    await ds.invoke_startup()
    count_sql = "select count(*) from claims"
    cases = [
        (
            "price_table",
            f"/{name}/price_table.json?model=&since=",
            QUERIES["price_table"],
            {"model": "", "since": ""},
        ),
        (
            f"search {Q3} (FTS)",
            f"/{name}/search.json?{urlencode({'q': Q3})}",
            QUERIES["search"],
            {"q": Q3},
        ),
        (
            f"search {Q2} (vocab)",
            f"/{name}/search.json?{urlencode({'q': Q2})}",
            QUERIES["search"],
            {"q": Q2},
        ),
        (
            f"search {Q1} (LIKE)",
            f"/{name}/search.json?{urlencode({'q': Q1})}",
            QUERIES["search"],
            {"q": Q1},
        ),
        ("count(*) floor", f"/{name}.json?{urlencode({'sql': count_sql})}", count_sql, {}),
    ]
    rows = []
    for label, url, sql, params in cases:
        times, data = await timed(ds, url, repeat, budget_s)
        ms = [t * 1000 for t in times]
        msg = re.sub(r"<[^>]+>|\s+", " ", str(data.get("error", ""))).strip()
        if "too long" in msg:
            msg = f"interrupted at sql_time_limit_ms={ds.setting('sql_time_limit_ms')}"
        err = "" if data["status"] == 200 else f"HTTP {data['status']}: {msg[:70]}"
        rows.append(
            [
                label,
                median(ms),
                percentile(ms, 95),
                len(ms),
                len(data.get("rows") or []),
                bool(data.get("truncated")),
                bare_sql(path, sql, params) * 1000,
                err,
            ]
        )
    return rows


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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=1_000_000)
    ap.add_argument("--docs", type=int, default=0, help="default: claims / 20")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--repeat", type=int, default=20, help="timed requests per query (after 2 warm-ups)")
    ap.add_argument(
        "--budget", type=float, default=60.0, help="stop a query after this many seconds (≥5 runs)"
    )
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    docs = args.docs or max(1, args.claims // 20)
    header(f"bench_datasette: {args.claims:,} claims over {docs:,} documents")
    path = cached_db(args.claims, docs, args.seed)
    rows = asyncio.run(measure(path, args.repeat, args.budget))
    export_ms, export_rows, export_bytes = time_export(path, args.repeat, args.budget)
    floor = rows[-1][1]
    print()
    print(
        table(
            ["query", "median ms", "p95 ms", "n", "rows", "truncated", "bare SQL ms", "× floor", "error"],
            [
                [
                    r[0],
                    f"{r[1]:.1f}",
                    f"{r[2]:.1f}",
                    r[3],
                    r[4],
                    r[5],
                    fmt(r[6]),
                    f"{r[1] / floor:.1f}×",
                    r[7],
                ]
                for r in rows
            ],
        )
    )
    figs = []
    for label, med, p95, _, n_rows, _, bare, err in rows[:-1]:
        ok = not err
        note = (
            f"{err}; bare SQL {bare:,.0f} ms"
            if err
            else f"p95 {p95:.0f} ms, bare SQL {bare:.0f} ms, {n_rows} rows, {med / floor:.1f}× floor"
        )
        if label.endswith("(LIKE)"):  # one character: a LIKE scan by design, shown for information
            figs.append(Figure(BENCH, f"{label} median", med if ok else None, " ms", note=note))
        else:
            figs.append(
                Figure(BENCH, f"{label} median", med if ok else None, " ms", "<=", TARGET_MS, note=note)
            )
    figs.append(Figure(BENCH, "count(*) floor median", floor, " ms", note=f"p95 {rows[-1][2]:.1f} ms"))
    figs.append(
        Figure(
            BENCH,
            "export prices (json) median",
            median(export_ms),
            " ms",
            note=f"p95 {percentile(export_ms, 95):.0f} ms, {export_rows} rows, "
            f"{export_bytes / 1e6:.1f} MB, in-process (query, PriceRow validation, write)",
        )
    )
    print("\n" + figures_table(figs))
    write_json(args.json, BENCH, figs, {"db": str(path), "rows": rows, "export_ms": export_ms})
    return 0


if __name__ == "__main__":
    sys.exit(main())
