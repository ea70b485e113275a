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
import cProfile
import hashlib
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

from common import ROOT, SHARED, VENV_BIN, Figure, figures_table, header, table, write_json
from e2e_split import print_split
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
    load: str = ""
    main_cpu_s: float | None = None  # the run's own process (reading, writing), last sampled

    @property
    def cpu_ms_per_doc(self) -> float:
        return 1000 * self.cpu_s / max(self.documents, 1)

    @property
    def docs_per_s(self) -> float:
        """Documents the run stored per second (into a fresh database: all it wrote)."""
        return self.documents / self.wall_s

    @property
    def claims_per_s(self) -> float:
        return self.claims / self.wall_s


def real_pages() -> list[Path]:
    """The real WeChat pages of ../shared (read in place, never copied); none when it is absent."""
    return sorted(
        p for corpus in ("corpus", "corpus2") for p in (SHARED / corpus / "wechat_html").glob("*.html")
    )


def write_config(folder: Path, notes: Path, name: str, pages: list[Path]) -> Path:
    cfg = folder / f"{name}.yml"
    text = f"version: 1\nsources:\n  - name: bench\n    type: clips\n    path: {notes}\n"
    if pages:
        text += "  - name: wechat-pages\n    type: files\n    paths:\n" + "".join(
            f"      - {p}\n" for p in pages
        )
    cfg.write_text(text, encoding="utf-8")
    return cfg


def _tree_rss_mb(root: int) -> float:
    """Memory of ``root`` and all its descendants (worker processes), in MB (Linux /proc).

    Each process's proportional set size (Pss: a page shared by n processes counts 1/n,
    as the workers share what they inherited from the run at fork), else its RSS.
    """
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
    kb = 0
    for pid in tree:
        try:
            pss = [
                ln
                for ln in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
                if ln.startswith("Pss:")
            ]
            kb += int(pss[0].split()[1]) if pss else 0
        except (OSError, ValueError, IndexError):
            try:
                kb += (
                    int(Path(f"/proc/{pid}/statm").read_text().split()[1])
                    * os.sysconf("SC_PAGE_SIZE")
                    // 1024
                )
            except (OSError, ValueError, IndexError):
                continue
    return kb * 1024 / 1e6


def run_pingce(cfg: Path, db: Path, docs: int) -> ChildRun:
    """`pingce run` as a child; wall time, the peak RSS of the child or any worker it reaped (os.wait4)
    and, sampled every 0.2 s, the peak of the child and its workers together (their Pss summed)."""
    exe = VENV_BIN / "pingce"
    cmd = [str(exe), "run", "-c", str(cfg), "--db", str(db), "--silent"]
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, cwd=ROOT)
        peak = [0.0]
        main_cpu: list[float | None] = [None]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                if Path("/proc").is_dir():
                    peak[0] = max(peak[0], _tree_rss_mb(proc.pid))
                    main_cpu[0] = _cpu_s(proc.pid) or main_cpu[0]

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
        " ".join(f"{x:.1f}" for x in os.getloadavg()),
        main_cpu[0],
    )


def _cpu_s(pid: int) -> float | None:
    """CPU seconds (user + system) process ``pid`` has used so far, itself only (Linux /proc)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def read_inputs(notes: Path, pages: list[Path]) -> float:
    """Read and hash every input of the run, as the bare loop does before inserting; seconds."""
    t0 = time.perf_counter()
    for path in [*sorted(notes.rglob("*.md")), *pages]:
        hashlib.sha256(path.read_bytes()).hexdigest()
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


Timing = tuple[float, float]  # (wall seconds, CPU seconds of this process)


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing) -> Timing:
    return time.perf_counter() - start[0], time.process_time() - start[1]


def bulk_bound(run_db: Path, work: Path) -> tuple[Timing, Timing]:
    """The run's rows into the same schema in one transaction with no triggers and the secondary
    indexes set aside (db.deferred), then every derived table built in one pass from them
    (db.derived.rebuild) and the indexes made again; (the rows' timing, the rest's).

    Together they make the same database the fastest way SQLite can: the floor the
    write phase is measured against. The rows alone are a floor that leaves the search
    indexes, the month table and the price points empty.
    """
    from db import open_db
    from db.deferred import restore, set_aside
    from db.derived import rebuild

    rows = _rows(run_db)
    db = open_db(work / "bulk.db")
    conn = db.conn
    for name, on in conn.execute(
        "select name, tbl_name from sqlite_master where type = 'trigger'"
    ).fetchall():
        if on != "price_point_documents":  # those count the price points as rebuild() writes them
            conn.execute(f"drop trigger [{name}]")
    conn.execute("delete from models")
    conn.commit()
    t0 = _clock()
    with conn:
        set_aside(conn)  # the indexes a large write makes at its end, as the writer does
        for name in _ROW_TABLES:
            cols, values = rows[name]
            names = ", ".join(f"[{c}]" for c in cols)
            conn.executemany(f"insert into {name} ({names}) values ({', '.join('?' * len(cols))})", values)
        took = _since(t0)
        t1 = _clock()
        rebuild(db)
    restore(conn)
    derived = _since(t1)
    conn.close()
    return took, derived


def write_phase(run_db: Path, work: Path) -> tuple[Timing, float]:
    """The pipeline's writer alone (db.batch.BatchWriter: batches of 1,000 documents, derived tables at
    the end of each) writing the same rows into a fresh database, given each document's price points as the
    run's workers compute them: (its timing, wall s in batch ends)."""
    from db import open_db
    from db.batch import BatchWriter, claim_values
    from db.price_points import written_point_values

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
    skip = {"observed_at", "vendor", "rowid"}  # the writer sets them
    for c in claims:
        row = {k: v for k, v in zip(claim_cols, c, strict=True) if k not in skip}
        by_doc.setdefault(row["document_id"], []).append(row)
    stamps = {"first_seen", "updated"}
    documents = [{k: v for k, v in zip(doc_cols, d, strict=True) if k not in stamps} for d in docs]
    # the price points come with the rows, as the run's workers send them
    points = {d: written_point_values(cs) for d, cs in by_doc.items()}
    sent = {d: claim_values(cs) for d, cs in by_doc.items()}  # and the claims as they send them
    writer = BatchWriter(db)
    real_flush, spent = writer.flush, [0.0]

    def flush() -> None:
        t = time.perf_counter()
        real_flush()
        spent[0] += time.perf_counter() - t

    writer.flush = flush  # type: ignore[method-assign]
    t0 = _clock()
    for r in raws:
        raw: dict[str, Any] = dict(zip(raw_cols, r, strict=True))
        writer.save_raw(raw["sha256"], raw["body"], raw["origin"], raw["content_type"])
    for d in documents:
        version = int(d.pop("extractor_version"))  # type: ignore[call-overload]
        writer.save_values(d, sent.get(d["id"], []), version, points.get(d["id"], []))
    writer.finish()  # the last batch, and the indexes it set aside made again
    took = _since(t0)
    db.conn.close()
    return took, spent[0]


def _cpu_split(run: ChildRun) -> str:
    """Where a run's CPU went: its own process (reading, writing) and the workers (parsing, extracting)."""
    if run.main_cpu_s is None:
        return "main process and workers together"
    main = min(run.main_cpu_s, run.cpu_s)
    per = 1000 / max(run.documents, 1)
    return (
        f"main process (read, write) {main * per:.2f} ms ({main:.1f} CPU s, sampled to 0.2 s), "
        f"workers (parse, extract) {(run.cpu_s - main) * per:.2f} ms"
    )


def link_subset(src: Path, dst: Path, count: int) -> None:
    """The first ``count`` notes of ``src`` in ``dst`` (hard links: same bytes, no copies)."""
    dst.mkdir(parents=True, exist_ok=True)
    for path in sorted(src.glob("*.md"))[:count]:
        try:
            os.link(path, dst / path.name)
        except OSError:
            shutil.copy2(path, dst / path.name)


def profile_in_process(notes: Path, work: Path, top: int = 25) -> None:
    """cProfile of run_sources in this process: a first run, then the unchanged second run.

    Timed in this process's CPU seconds (not wall), so other load and the wait for the
    workers do not count; the workers (parse, extract) are not profiled.
    """
    from db import open_db
    from ingest.config import load_config
    from ingest.pipeline import run_sources

    cfg = write_config(work, notes, "profile", [])
    config = load_config(cfg)
    db = open_db(work / "profile.db")
    for label in ("first run", "second run (unchanged input)"):
        prof = cProfile.Profile(time.process_time)
        t0, c0 = time.perf_counter(), time.process_time()
        prof.enable()
        run_sources(db, config, str(cfg))
        prof.disable()
        print(
            f"\n-- cProfile, {label}: {time.perf_counter() - t0:.2f} s wall, "
            f"{time.process_time() - c0:.2f} CPU s of this process (profiled), top {top} by cumulative CPU"
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
                f"{run.cpu_ms_per_doc:.2f} CPU ms per document ({_cpu_split(run)}), load {run.load}"
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
                note=_cpu_split(first),
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
