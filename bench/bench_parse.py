"""Page parsing on the real WeChat pages: our parser vs trafilatura vs a bare lexbor parse.

    .venv/bin/python bench/bench_parse.py [--rounds 15] [--json out.json]

Every round parses every page once with each contender, in rotating order, so
the three see the same inputs under the same conditions; figures are medians over
rounds. Inputs are the bytes on disk (each contender decodes them itself).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import SHARED, Figure, figures_table, fmt, header, median, table, write_json

BENCH = "parse"
JUNK = ("var ", "function(", "微信扫一扫")  # script code and page chrome no body text may contain


def contenders() -> dict[str, Callable[[bytes], tuple[str, str]]]:
    """name -> page bytes -> (status, text)."""
    import trafilatura
    from selectolax.lexbor import LexborHTMLParser

    from ingest.parsers.wechat import parse_wechat_article

    def ours(data: bytes) -> tuple[str, str]:
        doc = parse_wechat_article(data, "")
        return doc.status, doc.text

    def traf(data: bytes) -> tuple[str, str]:
        return "", trafilatura.extract(data) or ""

    def traf_fast(data: bytes) -> tuple[str, str]:  # no fallback extractors
        return "", trafilatura.extract(data, fast=True) or ""

    def bare(data: bytes) -> tuple[str, str]:
        node = LexborHTMLParser(data).css_first("#js_content")
        return "", node.text() if node is not None else ""

    return {"ours": ours, "trafilatura": traf, "trafilatura fast": traf_fast, "bare lexbor": bare}


def load_pages(corpus: Path) -> list[tuple[str, bytes, dict[str, Any]]]:
    expected: dict[str, dict[str, Any]] = {}
    exp_file = corpus / "expected.json"
    if exp_file.exists():
        expected = {e["path"]: e for e in json.loads(exp_file.read_text(encoding="utf-8")).get("wechat", [])}
    pages = []
    for path in sorted((corpus / "wechat_html").glob("*.html")):
        rel = f"wechat_html/{path.name}"
        pages.append((path.name, path.read_bytes(), expected.get(rel, {})))
    return pages


def measure(
    pages: list[tuple[str, bytes, dict[str, Any]]],
    rounds: int,
    funcs: dict[str, Callable[[bytes], tuple[str, str]]],
) -> dict[str, list[list[float]]]:
    """name -> per-round list of per-page seconds."""
    for fn in funcs.values():  # warm-up: imports, regex compilation, trafilatura's lazy setup
        for _, data, _ in pages:
            fn(data)
    names = list(funcs)
    times: dict[str, list[list[float]]] = {n: [] for n in names}
    clock = time.perf_counter
    for r in range(rounds):
        for name in names[r % len(names) :] + names[: r % len(names)]:
            fn = funcs[name]
            per_page = []
            for _, data, _ in pages:
                t0 = clock()
                fn(data)
                per_page.append(clock() - t0)
            times[name].append(per_page)
    return times


def quality_rows(
    pages: list[tuple[str, bytes, dict[str, Any]]], funcs: dict[str, Callable[[bytes], tuple[str, str]]]
) -> tuple[list[list[Any]], dict[str, int], int]:
    rows: list[list[Any]] = []
    found = {"ours": 0, "trafilatura": 0}
    total = 0
    status_ok = 0
    for name, data, exp in pages:
        out = {n: fn(data) for n, fn in funcs.items()}
        phrases = exp.get("text_contains") or []
        total += len(phrases)
        cells = []
        for who in ("ours", "trafilatura"):
            text = out[who][1]
            hit = sum(p in text for p in phrases)
            found[who] += hit
            junk = [j for j in JUNK if j in text]
            cells.append(
                f"{hit}/{len(phrases)}" + (f" junk:{','.join(j.strip() for j in junk)}" if junk else "")
            )
        status = out["ours"][0]
        want = exp.get("status", "?")
        status_ok += status == want
        rows.append(
            [
                name[:34],
                want,
                status + ("" if status == want else " ✗"),
                cells[0],
                cells[1],
                len(out["ours"][1]),
                len(out["trafilatura"][1]),
                len(out["bare lexbor"][1]),
            ]
        )
    found["status_ok"] = status_ok
    return rows, found, total


def profile_ours(pages: list[tuple[str, bytes, dict[str, Any]]], rounds: int, top: int = 20) -> None:
    """cProfile of our parser alone over ``rounds`` rounds: where its time over the bare parse goes."""
    import cProfile
    import io
    import pstats

    from ingest.parsers.wechat import parse_wechat_article

    prof = cProfile.Profile()
    prof.enable()
    for _ in range(rounds):
        for _, data, _ in pages:
            parse_wechat_article(data, "")
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    print(
        "\n-- cProfile of ours, by own time "
        "(LexborHTMLParser(...) construction counts as the caller's own time)"
    )
    print("\n".join(ln for ln in buf.getvalue().splitlines() if ln.strip()))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="folder holding wechat_html/")
    ap.add_argument("--rounds", type=int, default=15, help="rounds over all pages per contender")
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--profile", action="store_true", help="also print a cProfile of our parser")
    args = ap.parse_args(argv)

    header("bench_parse: WeChat page parsing")
    if not (args.corpus / "wechat_html").is_dir():
        print(f"SKIP: no real WeChat pages at {args.corpus / 'wechat_html'} (read-only shared corpus absent)")
        write_json(args.json, BENCH, [Figure(BENCH, "skipped: corpus absent", None)])
        return 0
    pages = load_pages(args.corpus)
    size = sum(len(d) for _, d, _ in pages)
    print(f"   {len(pages)} pages, {size / 1e6:.1f} MB per round, {args.rounds} rounds\n")
    funcs = contenders()
    times = measure(pages, args.rounds, funcs)

    round_s = {n: median([sum(r) for r in rs]) for n, rs in times.items()}
    rows = []
    for n, s in round_s.items():
        rows.append(
            [
                n,
                f"{len(pages) / s:.1f}",
                f"{size / 1e6 / s:.1f}",
                f"{s * 1000:.1f}",
                f"{s / round_s['ours']:.2f}×",
            ]
        )
    print(table(["parser", "pages/s", "MB/s", "ms/round", "time vs ours"], rows))

    print("\nper page, median ms:")
    prow = []
    for i, (name, data, _) in enumerate(pages):
        ms = {n: median([r[i] for r in rs]) * 1000 for n, rs in times.items()}
        prow.append(
            [
                name[:34],
                f"{len(data) / 1e6:.2f}",
                fmt(ms["ours"]),
                fmt(ms["trafilatura"]),
                fmt(ms["bare lexbor"]),
                f"{ms['trafilatura'] / ms['ours']:.1f}×",
                f"{ms['ours'] / ms['bare lexbor']:.1f}×",
            ]
        )
    print(table(["page", "MB", "ours", "trafilatura", "bare", "traf/ours", "ours/bare"], prow))

    qrows, found, total = quality_rows(pages, funcs)
    print("\ntext quality (expected.json phrases found; chars of text; junk = script/chrome in text):")
    print(
        table(
            [
                "page",
                "expected",
                "ours status",
                "ours phrases",
                "traf phrases",
                "ours chars",
                "traf chars",
                "bare chars",
            ],
            qrows,
        )
    )

    def ratio(a: str, b: str) -> tuple[float, float, float]:
        """Median and range over rounds of round time ``a`` / round time ``b`` (same round, interleaved)."""
        per_round = [sum(x) / sum(y) for x, y in zip(times[a], times[b], strict=True)]
        return median(per_round), min(per_round), max(per_round)

    speedup, lo, hi = ratio("trafilatura", "ours")
    fast_speedup, fast_lo, fast_hi = ratio("trafilatura fast", "ours")
    vs_bare, bare_lo, bare_hi = ratio("ours", "bare lexbor")
    figs = [
        Figure(BENCH, "ours pages/s", len(pages) / round_s["ours"], " p/s"),
        Figure(BENCH, "ours MB/s", size / 1e6 / round_s["ours"], " MB/s"),
        Figure(BENCH, "trafilatura MB/s", size / 1e6 / round_s["trafilatura"], " MB/s"),
        Figure(BENCH, "bare lexbor MB/s", size / 1e6 / round_s["bare lexbor"], " MB/s"),
        Figure(BENCH, "trafilatura fast MB/s", size / 1e6 / round_s["trafilatura fast"], " MB/s"),
        Figure(
            BENCH,
            "speed vs trafilatura",
            speedup,
            "×",
            ">=",
            5.0,
            f"trafilatura time / ours, default mode; median of {len(times['ours'])} interleaved rounds, "
            f"range {lo:.1f}–{hi:.1f}",
        ),
        Figure(
            BENCH,
            "speed vs trafilatura fast=True",
            fast_speedup,
            "×",
            ">=",
            5.0,
            f"trafilatura(fast=True) time / ours; range {fast_lo:.1f}–{fast_hi:.1f}",
        ),
        Figure(
            BENCH,
            "time vs bare lexbor",
            vs_bare,
            "×",
            "<=",
            2.0,
            f"ours time / bare #js_content parse; range {bare_lo:.2f}–{bare_hi:.2f}",
        ),
        Figure(
            BENCH,
            "expected phrases, ours",
            100 * found["ours"] / max(total, 1),
            "%",
            ">=",
            100.0,
            f"{found['ours']}/{total}",
        ),
        Figure(
            BENCH,
            "expected phrases, trafilatura",
            100 * found["trafilatura"] / max(total, 1),
            "%",
            note=f"{found['trafilatura']}/{total}",
        ),
        Figure(BENCH, "status right, ours", found["status_ok"], f"/{len(pages)}", ">=", float(len(pages))),
    ]
    print("\n" + figures_table(figs))
    write_json(args.json, BENCH, figs, {"round_seconds": round_s, "pages": len(pages), "bytes": size})
    if args.profile:
        profile_ours(pages, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
