"""What bench_e2e.py measures the run against, on the run's own rows, in this process.

``bulk_bound``: the rows into the same schema in one transaction with no triggers,
then every derived table in one pass (the same database made the fastest way);
``write_phase``: the pipeline's writer alone over the same rows; ``read_inputs``:
reading and hashing every input (with the bulk insert, the bare loop);
``profile_in_process``: cProfile of run_sources (no figures).
"""

from __future__ import annotations

import cProfile
import hashlib
import io
import logging
import pstats
import sqlite3
import time
from pathlib import Path
from typing import Any

from e2e_child import write_config

log = logging.getLogger(__name__)


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
    from db.price_rule import written_point_values

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
