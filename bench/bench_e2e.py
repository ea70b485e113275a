"""End to end: `pingce run` over N generated clip notes and the real WeChat pages into a fresh database.

    .venv/bin/python bench/bench_e2e.py [--docs 10000] [--json out.json] [--profile 500] [--split 1000]

Runs `pingce run` as a child process at N/4, N/2 and N notes (each into a fresh
database; peak RSS from the child's own rusage via os.wait4), each run with the real
WeChat pages of ../shared/corpus*/wechat_html as a second source when they are there,
then once more over the N-note input into the same database (nothing changed: it
should be almost free). Bounds measured on the same rows in the same run: a bulk
insert of the run's rows into the same schema in one transaction with no triggers,
and that plus every derived table (search indexes, month table, price points) built
in one pass afterwards, i.e. the same database made the fastest way; the bare loop
reads and hashes every input and does that bulk insert (no parsing, no extraction).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from common import SHARED, VENV_BIN, Figure, figures_table, header, table, write_json
from e2e_bounds import bulk_bound, profile_in_process, read_inputs, write_phase
from e2e_child import ChildRun, cpu_split, link_subset, real_pages, run_pingce, write_config
from e2e_split import print_split
from gen_notes import write_notes

BENCH = "e2e"
RSS_LIMIT_MB = 300.0
FLAT_LIMIT = 1.25  # peak RSS at N may be at most this multiple of the peak at N/4


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000, help="N, the largest corpus")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", help="write the figures here")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="K",
        help="also cProfile run_sources in-process over K notes (no figures)",
    )
    ap.add_argument(
        "--split",
        type=int,
        default=0,
        metavar="K",
        help="a worker's CPU per note by step (parse, extract, rows, pickling) over K notes (no figures)",
    )
    args = ap.parse_args(argv)
    header(f"bench_e2e: pingce run over {args.docs:,} generated clip notes")
    if not (VENV_BIN / "pingce").exists():
        print(f"SKIP: {VENV_BIN / 'pingce'} not found (run scripts/setup)")
        return 1

    work = Path(tempfile.mkdtemp(prefix="pingce-bench-e2e-"))
    try:
        full = work / "notes"
        t0 = time.perf_counter()
        alone = args.profile or args.split
        size = write_notes(full, alone or args.docs, args.seed)
        print(
            f"   generated {alone or args.docs:,} notes ({size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - t0:.1f} s"
            f" under {work}\n"
        )
        if args.split:
            print_split(full, args.split)
        if args.profile:
            profile_in_process(full, work)
        if alone:
            return 0

        pages = real_pages()
        print(
            f"   with {len(pages)} real WeChat pages from {SHARED}/corpus*/wechat_html as a second source\n"
            if pages
            else f"   (no real WeChat pages: {SHARED}/corpus/wechat_html is absent)\n"
        )
        sizes = sorted({max(1, args.docs // 4), max(1, args.docs // 2), args.docs})
        runs: list[ChildRun] = []
        for n in sizes:
            notes = full if n == args.docs else work / f"notes_{n}"
            if n != args.docs:
                link_subset(full, notes, n)
            run = run_pingce(write_config(work, notes, f"sources_{n}", pages), work / f"run_{n}.db", n)
            runs.append(run)
            print(
                f"   run N={n:,}: {run.wall_s:.1f} s, exit {run.exit_code}, {run.rss_mb:.0f} MB peak RSS, "
                f"{run.cpu_ms_per_doc:.2f} CPU ms per document ({cpu_split(run)}), load {run.load}"
            )
        first = runs[-1]
        second = run_pingce(work / f"sources_{args.docs}.yml", work / f"run_{args.docs}.db", args.docs)
        print(f"   second run N={args.docs:,}: {second.wall_s:.2f} s, exit {second.exit_code}")
        run_db = work / f"run_{args.docs}.db"
        read_s = read_inputs(full, pages)
        (rows_s, rows_cpu), (derive_s, derive_cpu) = bulk_bound(run_db, work)
        bound_s, bound_cpu = rows_s + derive_s, rows_cpu + derive_cpu
        (writes_s, writes_cpu), flush_s = write_phase(run_db, work)
        base_s = read_s + rows_s
        base_rate = first.documents / base_s
        print(
            f"   the run's rows into the same schema, one transaction, no triggers: {rows_s:.2f} s "
            f"({rows_cpu:.2f} CPU s); then search indexes, month table and price points in one pass: "
            f"{derive_s:.2f} s ({derive_cpu:.2f} CPU s)\n"
            f"   the pipeline's writer, same rows: {writes_s:.2f} s ({writes_cpu:.2f} CPU s; "
            f"ends of batches {flush_s:.2f} s); reading + hashing the inputs: {read_s:.2f} s"
        )

        rows = [
            [
                f"{r.docs:,}",
                f"{r.wall_s:.1f}",
                f"{r.docs_per_s:.0f}",
                f"{r.claims:,}",
                f"{r.claims_per_s:.0f}",
                f"{r.rss_mb:.0f} / {r.tree_rss_mb:.0f}",
                f"{r.cpu_s:.1f}",
                r.exit_code,
                f"{r.documents:,}",
            ]
            for r in runs
        ]
        rows.append(
            [
                f"{second.docs:,} again",
                f"{second.wall_s:.2f}",
                f"{second.docs_per_s:.0f}",
                "+0",
                "",
                f"{second.rss_mb:.0f} / {second.tree_rss_mb:.0f}",
                f"{second.cpu_s:.1f}",
                second.exit_code,
                "",
            ]
        )
        rows.append([f"{args.docs:,} bare loop", f"{base_s:.2f}", f"{base_rate:.0f}", "", "", "", "", "", ""])
        print()
        print(
            table(
                [
                    "docs",
                    "wall s",
                    "docs/s",
                    "claims",
                    "claims/s",
                    "peak MB (largest process / all)",
                    "cpu s",
                    "exit",
                    "documents",
                ],
                rows,
            )
        )
        bad = [r for r in runs if r.exit_code != 0 or r.documents < r.docs]
        if bad or second.exit_code != 0:
            r = bad[0] if bad else second
            print(
                f"\n!! {len(bad) + (second.exit_code != 0)} run(s) failed; N={r.docs}: exit {r.exit_code}, "
                f"{r.documents} documents; its stderr:\n{r.stderr[-3000:]}"
            )

        ok = first.exit_code == 0 and first.documents >= args.docs
        rss_max = max(max(r.rss_mb, r.tree_rss_mb) for r in runs) if not bad else None
        figs = [
            Figure(
                BENCH,
                f"documents/s (N={args.docs:,})",
                first.docs_per_s if ok else None,
                " doc/s",
                ">=",
                500.0,
                note=f"first run, {first.documents:,} documents ({len(pages)} real WeChat pages), "
                f"{os.cpu_count()} cores, load {first.load}",
            ),
            Figure(
                BENCH,
                "documents per CPU second",
                first.documents / first.cpu_s if ok and first.cpu_s else None,
                " doc/CPU s",
                note=f"{first.cpu_s:.1f} CPU s, main process and workers (less load-dependent than doc/s)",
            ),
            Figure(
                BENCH,
                "CPU per document",
                first.cpu_ms_per_doc if ok else None,
                " ms",
                note=cpu_split(first),
            ),
            Figure(
                BENCH,
                "write phase / one-pass build",
                writes_cpu / bound_cpu,
                "×",
                "<=",
                1.5,
                note=f"CPU s {writes_cpu:.1f} vs {bound_cpu:.1f} (wall {writes_s:.1f} vs {bound_s:.1f}): "
                "the same database built the fastest way (rows, then derived tables in one pass)",
            ),
            Figure(
                BENCH,
                "write phase / rows-only insert",
                writes_cpu / rows_cpu,
                "×",
                note=f"CPU s {writes_cpu:.1f} vs {rows_cpu:.1f}: the rows alone, search indexes and derived "
                "tables left empty",
            ),
            Figure(
                BENCH,
                "bare loop / ours (documents/s)",
                base_rate / first.docs_per_s if ok else None,
                "×",
                note=f"bare loop {base_rate:,.0f} doc/s: read + hash every input, bulk-insert the run's rows",
            ),
            Figure(
                BENCH,
                f"claims/s (N={args.docs:,})",
                first.claims_per_s if ok else None,
                " claims/s",
                note=f"{first.claims:,} claims, {first.claims / max(first.documents, 1):.1f}/doc",
            ),
            Figure(
                BENCH,
                "peak RSS, largest",
                rss_max,
                " MB",
                "<=",
                RSS_LIMIT_MB,
                note=" / ".join(f"{max(r.rss_mb, r.tree_rss_mb):.0f}" for r in runs)
                + f" MB at N={', '.join(str(r.docs) for r in runs)}; main process and workers together (Pss)",
            ),
            Figure(
                BENCH,
                "peak RSS growth N/4 → N",
                max(first.rss_mb, first.tree_rss_mb) / max(runs[0].rss_mb, runs[0].tree_rss_mb)
                if not bad
                else None,
                "×",
                "<=",
                FLAT_LIMIT,
                note="flat = independent of corpus size",
            ),
            Figure(
                BENCH,
                "second run / first run",
                100 * second.wall_s / first.wall_s if ok else None,
                "%",
                "<=",
                5.0,
                note=f"{second.wall_s:.2f} s vs {first.wall_s:.1f} s, unchanged input",
            ),
            Figure(
                BENCH,
                "exit codes",
                float(sum(r.exit_code != 0 for r in [*runs, second])),
                " failed",
                "<=",
                0.0,
            ),
        ]
        print("\n" + figures_table(figs))
        write_json(
            args.json,
            BENCH,
            figs,
            {
                "runs": [r.__dict__ | {"stderr": r.stderr[-500:]} for r in runs],
                "bare_s": base_s,
                "rows_s": rows_s,
                "rows_cpu_s": rows_cpu,
                "one_pass_s": bound_s,
                "one_pass_cpu_s": bound_cpu,
                "write_phase_s": writes_s,
                "write_phase_cpu_s": writes_cpu,
                "second_s": second.wall_s,
            },
        )
        return 1 if bad or second.exit_code != 0 else 0
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
