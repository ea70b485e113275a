"""End to end: `pingce run` over N generated clip notes into a fresh database.

    .venv/bin/python bench/bench_e2e.py [--docs 10000] [--json out.json] [--profile 500]

Runs `pingce run` as a child process at N/4, N/2 and N documents (each into a
fresh database; peak RSS from the child's own rusage via os.wait4), then once
more over the N-document input into the same database (nothing changed: it should
be almost free). The baseline is a bare loop that reads the same files and
inserts their text with sqlite3, no parsing or extraction.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from common import ROOT, VENV_BIN, Figure, figures_table, header, table, write_json
from gen_notes import write_notes

BENCH = "e2e"
RSS_LIMIT_MB = 300.0
FLAT_LIMIT = 1.25  # peak RSS at N may be at most this multiple of the peak at N/4


@dataclass
class ChildRun:
    docs: int
    wall_s: float
    rss_mb: float
    cpu_s: float
    tree_rss_mb: float
    exit_code: int
    documents: int
    claims: int
    stderr: str

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.wall_s

    @property
    def claims_per_s(self) -> float:
        return self.claims / self.wall_s


def write_config(folder: Path, notes: Path, name: str) -> Path:
    cfg = folder / f"{name}.yml"
    cfg.write_text(
        f"version: 1\nsources:\n  - name: bench\n    type: clips\n    path: {notes}\n", encoding="utf-8"
    )
    return cfg


def _tree_rss_mb(root: int) -> float:
    """Resident memory of ``root`` and all its descendants (worker processes), in MB (Linux /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat[stat.rindex(")") + 2 :].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    pages = 0
    for pid in tree:
        try:
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, ValueError, IndexError):
            continue
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def run_pingce(cfg: Path, db: Path, docs: int) -> ChildRun:
    """`pingce run` as a child; wall time, the child's own peak RSS (os.wait4) and, sampled every
    0.2 s, the peak of the child and its worker processes together."""
    exe = VENV_BIN / "pingce"
    cmd = [str(exe), "run", "-c", str(cfg), "--db", str(db), "--silent"]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        peak = [0.0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                if Path("/proc").is_dir():
                    peak[0] = max(peak[0], _tree_rss_mb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    with sqlite3.connect(db) as conn:
        documents = conn.execute("select count(*) from documents").fetchone()[0]
        claims = conn.execute("select count(*) from claims").fetchone()[0]
    conn.close()
    return ChildRun(
        docs,
        wall,
        usage.ru_maxrss / 1024,
        usage.ru_utime + usage.ru_stime,
        peak[0],
        proc.returncode,
        documents,
        claims,
        stderr,
    )


def bare_loop(notes: Path, db: Path) -> float:
    """Read every note and insert its text with sqlite3 (WAL, one transaction); seconds."""
    t0 = time.perf_counter()
    conn = sqlite3.connect(db)
    conn.execute("pragma journal_mode = wal")
    conn.execute("pragma synchronous = normal")
    conn.execute("create table documents (id text primary key, text text)")
    with conn:
        for path in sorted(notes.rglob("*.md")):
            conn.execute(
                "insert into documents values (?, ?)", (str(path), path.read_bytes().decode("utf-8"))
            )
    conn.close()
    return time.perf_counter() - t0


_ROW_TABLES = ("sources", "models", "raw", "documents", "claims")


def _rows(db_path: Path) -> dict[str, tuple[list[str], list[tuple[object, ...]]]]:
    conn = sqlite3.connect(db_path)
    out = {}
    for name in _ROW_TABLES:
        cur = conn.execute(f"select * from {name} order by rowid")
        out[name] = ([d[0] for d in cur.description], cur.fetchall())
    conn.close()
    return out


def bulk_bound(run_db: Path, work: Path) -> float:
    """The same rows into the same schema, one transaction, every trigger dropped; seconds.

    No writer can beat this: it is the floor the write phase is measured against.
    """
    from db import open_db

    rows = _rows(run_db)
    db = open_db(work / "bulk.db")
    conn = db.conn
    for (name,) in conn.execute("select name from sqlite_master where type = 'trigger'").fetchall():
        conn.execute(f"drop trigger [{name}]")
    conn.execute("delete from models")
    conn.commit()
    t0 = time.perf_counter()
    with conn:
        for name in _ROW_TABLES:
            cols, values = rows[name]
            names = ", ".join(f"[{c}]" for c in cols)
            conn.executemany(f"insert into {name} ({names}) values ({', '.join('?' * len(cols))})", values)
    took = time.perf_counter() - t0
    conn.close()
    return took


def write_phase(run_db: Path, work: Path) -> tuple[float, float]:
    """The pipeline's writer alone (db.batch.BatchWriter, every trigger on, price points per batch)
    writing the same documents and claims into a fresh database: (seconds, of which commits+sync)."""
    from db import open_db
    from db.batch import BatchWriter

    rows = _rows(run_db)
    db = open_db(work / "writes.db")
    db.conn.execute("delete from models")
    for name in ("sources", "models"):  # written before the documents, as a run does
        cols, values = rows[name]
        names = ", ".join(f"[{c}]" for c in cols)
        db.conn.executemany(f"insert into {name} ({names}) values ({', '.join('?' * len(cols))})", values)
    db.conn.commit()
    raw_cols, raws = rows["raw"]
    doc_cols, docs = rows["documents"]
    claim_cols, claims = rows["claims"]
    by_doc: dict[object, list[dict[str, object]]] = {}
    skip = {"observed_at", "rowid"}
    for c in claims:
        row = {k: v for k, v in zip(claim_cols, c, strict=True) if k not in skip}
        by_doc.setdefault(row["document_id"], []).append(row)
    stamps = {"first_seen", "updated"}
    documents = [{k: v for k, v in zip(doc_cols, d, strict=True) if k not in stamps} for d in docs]
    writer = BatchWriter(db)
    real_flush, spent = writer.flush, [0.0]

    def flush() -> None:
        t = time.perf_counter()
        real_flush()
        spent[0] += time.perf_counter() - t

    writer.flush = flush  # type: ignore[method-assign]
    t0 = time.perf_counter()
    for r in raws:
        raw: dict[str, Any] = dict(zip(raw_cols, r, strict=True))
        writer.save_raw(raw["sha256"], raw["body"], raw["origin"], raw["content_type"])
    for d in documents:
        version = int(d.pop("extractor_version"))  # type: ignore[call-overload]
        writer.save(d, by_doc.get(d["id"], []), version)
    writer.flush()
    took = time.perf_counter() - t0
    db.conn.close()
    return took, spent[0]


def link_subset(src: Path, dst: Path, count: int) -> None:
    """The first ``count`` notes of ``src`` in ``dst`` (hard links: same bytes, no copies)."""
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.md"))[:count]:
        try:
            os.link(path, dst / path.name)
        except OSError:
            shutil.copy2(path, dst / path.name)


def profile_in_process(notes: Path, work: Path, top: int = 25) -> None:
    """cProfile of run_sources in this process: a first run, then the unchanged second run."""
    from db import open_db
    from ingest.config import load_config
    from ingest.pipeline import run_sources

    cfg = write_config(work, notes, "profile")
    config = load_config(cfg)
    db = open_db(work / "profile.db")
    for label in ("first run", "second run (unchanged input)"):
        prof = cProfile.Profile()
        t0 = time.perf_counter()
        prof.enable()
        run_sources(db, config, str(cfg))
        prof.disable()
        print(
            f"\n-- cProfile, {label}: {time.perf_counter() - t0:.2f} s wall (profiled), "
            f"top {top} by cumulative"
        )
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(top)
        print("\n".join(ln for ln in buf.getvalue().splitlines() if ln.strip())[:12000])
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(15)
        print(f"-- {label}, top 15 by own time")
        print("\n".join(ln for ln in buf.getvalue().splitlines()[6:] if ln.strip()))


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
    args = ap.parse_args(argv)
    header(f"bench_e2e: pingce run over {args.docs:,} generated clip notes")
    if not (VENV_BIN / "pingce").exists():
        print(f"SKIP: {VENV_BIN / 'pingce'} not found (run scripts/setup)")
        return 1

    work = Path(tempfile.mkdtemp(prefix="pingce-bench-e2e-"))
    try:
        full = work / "notes"
        t0 = time.perf_counter()
        size = write_notes(full, args.profile or args.docs, args.seed)
        print(
            f"   generated {args.profile or args.docs:,} notes ({size / 1e6:.1f} MB) "
            f"in {time.perf_counter() - t0:.1f} s"
            f" under {work}\n"
        )
        if args.profile:
            profile_in_process(full, work)
            return 0

        sizes = sorted({max(1, args.docs // 4), max(1, args.docs // 2), args.docs})
        runs: list[ChildRun] = []
        for n in sizes:
            notes = full if n == args.docs else work / f"notes_{n}"
            if n != args.docs:
                link_subset(full, notes, n)
            run = run_pingce(write_config(work, notes, f"sources_{n}"), work / f"run_{n}.db", n)
            runs.append(run)
            print(f"   run N={n:,}: {run.wall_s:.1f} s, exit {run.exit_code}, {run.rss_mb:.0f} MB peak RSS")
        first = runs[-1]
        second = run_pingce(work / f"sources_{args.docs}.yml", work / f"run_{args.docs}.db", args.docs)
        print(f"   second run N={args.docs:,}: {second.wall_s:.2f} s, exit {second.exit_code}")
        base_s = bare_loop(full, work / "bare.db")
        base_rate = args.docs / base_s
        bound_s = bulk_bound(work / f"run_{args.docs}.db", work)
        writes_s, commits_s = write_phase(work / f"run_{args.docs}.db", work)
        print(
            f"   same rows, same schema, one transaction, no triggers: {bound_s:.2f} s; "
            f"the pipeline's writer: {writes_s:.2f} s (commits + price points per batch {commits_s:.2f} s)"
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
                    "peak RSS MB (main / all)",
                    "cpu s",
                    "exit",
                    "documents",
                ],
                rows,
            )
        )
        bad = [r for r in runs if r.exit_code != 0 or r.documents != r.docs]
        if bad or second.exit_code != 0:
            r = bad[0] if bad else second
            print(
                f"\n!! {len(bad) + (second.exit_code != 0)} run(s) failed; N={r.docs}: exit {r.exit_code}, "
                f"{r.documents} documents; its stderr:\n{r.stderr[-3000:]}"
            )

        ok = first.exit_code == 0 and first.documents == args.docs
        rss_max = max(max(r.rss_mb, r.tree_rss_mb) for r in runs) if not bad else None
        figs = [
            Figure(
                BENCH,
                f"documents/s (N={args.docs:,})",
                first.docs_per_s if ok else None,
                " doc/s",
                ">=",
                500.0,
                note=f"first run, {os.cpu_count()} cores; bare read+insert loop: {base_rate:,.0f} doc/s",
            ),
            Figure(
                BENCH,
                "write phase / bulk-insert bound",
                writes_s / bound_s,
                "×",
                "<=",
                1.5,
                note=f"{writes_s:.1f} s vs {bound_s:.1f} s: same rows, same schema; bound = one "
                "transaction, no triggers",
            ),
            Figure(
                BENCH,
                "bare loop / ours (documents/s)",
                base_rate / first.docs_per_s if ok else None,
                "×",
                note="how many times faster reading + inserting alone is",
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
                + f" MB at N={', '.join(str(r.docs) for r in runs)}; main process and workers together",
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
                "bulk_bound_s": bound_s,
                "write_phase_s": writes_s,
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
