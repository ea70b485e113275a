"""The generated database bench_datasette.py serves: claims over documents, written as `pingce run` writes.

``generate`` makes each document and its claims (quotes at their true offsets in the
body or summary; flaws Zipf-like, a few common and most rare); ``build`` writes them
through the project's schema with every trigger on, 200 documents a transaction,
ANALYZE at the end; ``cached_db`` keeps the file keyed by size, seed and
GEN_VERSION and opens it with the current code before each use (new migrations apply).
"""

from __future__ import annotations

import hashlib
import logging
import random
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from common import OUT
from gen_notes import ASPECTS, BUGS, FEATURES, FILLER, PRAISE, SCENES

log = logging.getLogger(__name__)

GEN_VERSION = 2
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
    "extractor_version observed_at"
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
        observed = f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}T{d % 24:02d}:00:00"
        observed = (datetime.fromisoformat(observed) - timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M:%SZ")
        for i, c in enumerate(rows):
            c["id"] = hashlib.sha1(f"{doc_id}/{i}".encode()).hexdigest()[:20]
            c["document_id"] = doc_id
            c["observed_at"] = observed  # as the writer fills it (db/batch.py): its document's date, UTC
        yield doc, rows


def build(path: Path, claims: int, docs: int, seed: int, batch_docs: int = 200) -> None:
    """Create the schema with db.open_db and write it as `pingce run` does: every trigger on.

    Documents and their claims go in through the FTS and price-point triggers, one
    transaction per ``batch_docs`` documents, so the FTS index is built up in the
    many small segments a real history of runs leaves (no one-off rebuild), and
    ANALYZE runs at the end as `pingce run` does after a large run.
    """
    from db import open_db
    from db.price_points import sync_price_points

    tmp = path.with_suffix(".tmp")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    db = open_db(tmp)
    conn: sqlite3.Connection = db.conn
    # A page cache that holds the indexes: a million random-key inserts with SQLite's default
    # 2 MB cache spend their time re-reading index pages; the file written is the same.
    conn.execute("pragma cache_size = -1000000")
    ins_doc = f"insert into documents ({', '.join(DOC_COLS)}) values ({', '.join(':' + c for c in DOC_COLS)})"
    ins_claim = (
        f"insert into claims ({', '.join(f'[{c}]' for c in CLAIM_COLS)}) "
        f"values ({', '.join(':' + c for c in CLAIM_COLS)})"
    )
    blank = dict.fromkeys(CLAIM_COLS)
    with conn:
        conn.execute("insert into sources (name, type, config) values ('bench', 'clips', '{}')")
        conn.executemany(
            "insert or ignore into models (name, vendor, brand, aliases) values (?, ?, ?, ?)",
            [(m[0], m[1], m[0].split()[0], f'["{m[2]}"]') for m in MODELS],
        )
    batch_d: list[dict[str, Any]] = []
    batch_c: list[dict[str, Any]] = []
    for doc, rows in generate(claims, docs, seed):
        batch_d.append(doc)
        batch_c += [{**blank, **c} for c in rows]
        if len(batch_d) >= batch_docs:
            with conn:
                conn.executemany(ins_doc, batch_d)
                conn.executemany(ins_claim, batch_c)
                sync_price_points(db)  # as save_document does
            batch_d, batch_c = [], []
    with conn:
        conn.executemany(ins_doc, batch_d)
        conn.executemany(ins_claim, batch_c)
        sync_price_points(db)
    conn.execute("analyze")
    conn.commit()
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    tmp.rename(path)


def cached_db(claims: int, docs: int, seed: int, out: Path = OUT) -> Path:
    """The generated database, built once per size and generator; opened (migrated) on every use."""
    from db import open_db

    path = out / f"datasette_{claims}c_{docs}d_s{seed}_g{GEN_VERSION}.db"
    if path.exists():
        print(f"   cached database: {path} ({path.stat().st_size / 1e6:.0f} MB)")
    else:
        out.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        build(path, claims, docs, seed)
        print(f"   built {path} in {time.perf_counter() - t0:.0f} s ({path.stat().st_size / 1e6:.0f} MB)")
    # opened by the current code before it is served, freshly built or not: the search index is made
    # from what the triggers queued and the price changes are recorded then (served unopened, search
    # found nothing and price_changes listed nothing)
    t0 = time.perf_counter()
    db = open_db(path)
    db.execute("pragma wal_checkpoint(truncate)")
    db.conn.close()
    print(f"   opened (migrations applied if any) in {time.perf_counter() - t0:.1f} s")
    return path
