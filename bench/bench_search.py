"""Search across scripts: conversion speed, index size and query times (one core).

Usage: python bench/bench_search.py [--docs 3000] [--seed 7] [--json out.json]

Generates review documents (bench_extract's templates, a third of them in
Traditional) and prints, each next to a baseline measured in the same run:

* conversion: ``db.search.search_text`` (OpenCC's tables compiled into a
  ``str.translate`` map) in characters per second, vs OpenCC's own converter;
  on ../shared's raw corpus files too, when present;
* index size: the contentless Simplified trigram index of m013, vs m002/m007's
  index of the verbatim text plus its last-two-character indexes;
* query time for one, two and three-or-more characters in both scripts through
  SEARCH_SQL (its first page), vs a LIKE scan of the same columns.

The search pages at a million claims are timed by bench_datasette.py (through Datasette).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench_extract import _to_traditional, make_doc
from common import SHARED, Figure, figures_table, machine_line, write_json

from db import open_db
from db.queries import SEARCH_SQL
from db.search import register_functions, search_text

BENCH = "search"
_OLD_INDEX = """
create virtual table documents_fts using fts5 (title, text, summary, tokenize='trigram', content='documents');
insert into documents_fts (rowid, title, text, summary) select rowid, title, text, summary from documents;
create index documents_title_tail on documents (lower(substr(title, -2)));
create index documents_text_tail on documents (lower(substr(text, -2)));
create index documents_summary_tail on documents (lower(substr(summary, -2)));
"""

_NEW_INDEX = """
insert into documents_fts (rowid, title, text, summary) select rowid,
  pingce_search_text(title), pingce_search_text(text), pingce_search_text(summary) from documents;
"""


def _rate(fn: Callable[[str], object], texts: list[str]) -> float:
    chars = sum(len(t) for t in texts)
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        best = min(best, time.perf_counter() - t0)
    return chars / best


def _build(path: Path, sql: str, texts: list[str], new: bool) -> tuple[int, float]:
    """Bytes the index adds and seconds it takes to build, for ``texts`` as documents."""
    if new:  # the project's schema; its triggers are dropped so that the index is built in one go
        db = open_db(path)
        db.execute("drop trigger documents_search_ai")
        conn = db.conn
        conn.execute("insert into sources (name, type) values ('s', 'x')")
    else:
        conn = sqlite3.connect(path)
        conn.execute("create table documents (id, source, platform, title, text, summary, first_seen)")
    conn.executemany(
        "insert into documents (id, source, platform, title, text, first_seen) "
        "values (?, 's', 'x', '', ?, '')",
        [(str(i), t) for i, t in enumerate(texts)],
    )
    if new:
        conn.execute("insert into documents_fts (documents_fts) values ('delete-all')")
    conn.commit()
    conn.execute("vacuum")
    before = path.stat().st_size
    t0 = time.perf_counter()
    with conn:
        conn.executescript(sql)
    took = time.perf_counter() - t0
    conn.execute("vacuum")
    conn.close()
    return path.stat().st_size - before, took


def _timed(conn: sqlite3.Connection, sql: str, params: dict[str, str]) -> tuple[float, int]:
    best, n = float("inf"), 0
    for _ in range(3):
        t0 = time.perf_counter()
        n = len(conn.execute(sql, params).fetchall())
        best = min(best, time.perf_counter() - t0)
    return best * 1000, n


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)
    figs: list[Figure] = []
    rng = random.Random(args.seed)
    simp = [make_doc(rng, rng.randint(800, 3000)).text for _ in range(args.docs)]
    trad = [_to_traditional(t) for t in simp[: args.docs // 3]]
    texts = trad + simp[args.docs // 3 :]
    print(machine_line())
    print(f"{len(texts)} generated documents, {sum(map(len, texts)):,} characters, {len(trad)} Traditional\n")

    from opencc import OpenCC

    cc = OpenCC("t2s")
    sample = trad[:50]
    print("conversion (chars/s)        search_text    OpenCC t2s   ratio")
    for label, part in (("Traditional", sample), ("Simplified", simp[-50:])):
        ours, theirs = _rate(search_text, part), _rate(cc.convert, part)
        print(f"  {label:<24}{ours:>14,.0f}{theirs:>14,.0f}{ours / theirs:>8.1f}x")
        figs.append(
            Figure(
                BENCH,
                f"conversion, {label}",
                ours / 1e6,
                " M chars/s",
                note=f"{ours / theirs:.1f}x OpenCC's own converter ({theirs / 1e6:.2f} M chars/s)",
            )
        )
    raw = [p.read_text("utf-8", "replace") for p in sorted(SHARED.glob("corpus*/**/*")) if p.is_file()]
    if raw:
        ours = _rate(search_text, raw)
        print(f"  ../shared corpus files    {ours:>14,.0f}  ({len(raw)} files, {sum(map(len, raw)):,} chars)")

    with tempfile.TemporaryDirectory() as tmp:
        old, old_s = _build(Path(tmp) / "old.db", _OLD_INDEX, texts, new=False)
        new, new_s = _build(Path(tmp) / "new.db", _NEW_INDEX, texts, new=True)
        print(f"\nindex size: m013 {new / 1e6:.1f} MB vs m002+m007 {old / 1e6:.1f} MB ({new / old:.2f}x)")
        figs.append(
            Figure(
                BENCH,
                "Simplified index / verbatim index size",
                new / old,
                "x",
                "<=",
                1.25,
                note=f"{new / 1e6:.1f} MB vs {old / 1e6:.1f} MB, {len(texts):,} documents",
            )
        )
        print(
            f"index build: m013 {new_s:.2f} s ({len(texts) / new_s:,.0f} docs/s) vs m002+m007 {old_s:.2f} s "
            f"({len(texts) / old_s:,.0f} docs/s), {new_s / old_s:.2f}x"
        )

        path = Path(tmp) / "new.db"
        conn = sqlite3.connect(path)
        register_functions(conn)
        print("\nquery (ms, best of 3)   SEARCH_SQL  hits   LIKE scan  hits")
        # common words (in most documents), then words cut from one Traditional and one Simplified document
        rare = [
            t[k : k + n] for t in (trad[3], simp[-3]) for k, n in ((200, 1), (300, 2), (400, 3), (500, 5))
        ]
        for q in ("的", "秒", "視", "视频", "視頻", "可灵", *rare):
            ms, n = _timed(conn, SEARCH_SQL, {"q": q, "page": ""})
            like_ms, like_n = _timed(conn, "select rowid from documents where text like :q", {"q": f"%{q}%"})
            print(f"  {q:<10}{ms:>16.1f}{n:>6}{like_ms:>12.1f}{like_n:>6}")
            figs.append(
                Figure(
                    BENCH,
                    f"search SQL {q!r} ({len(q)} chars)",
                    ms,
                    " ms",
                    "<=",
                    100.0,
                    note=f"first page {n} rows; LIKE scan {like_ms:.1f} ms, {like_n} rows",
                )
            )
        conn.close()
    print("\n" + figures_table(figs))
    write_json(args.json, BENCH, figs, {"docs": len(texts)})


if __name__ == "__main__":
    main()
