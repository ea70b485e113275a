"""A large write sets the secondary indexes aside and makes them again at its end (db/deferred.py):
the same rows and derived tables as a write that keeps them, the same schema after it, and a write
killed in between leaves a database that reads correctly and is repaired by the next open or run."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db import deferred, open_db
from db.batch import BatchWriter
from db.queries import QUERIES
from db.search import register_functions
from db.store import claim_row, document_row, save_source
from ingest import pipeline
from ingest.config import load_config
from ingest.extract import EXTRACTOR_VERSION, extract_document
from ingest.lock import RunLock
from schemas.document import Document
from tests.derived_helpers import derived_tables, rebuilt_tables

ROOT = Path(__file__).resolve().parent.parent
SET_ASIDE = {n for names in deferred.DEFERRABLE.values() for n in names}

# written for these tests: two priced models, a speed, a flaw and a strength per note
TEXT = (
    "第{i}次试用：可灵2.1标准模式720P，5秒{price}灵感值；海螺02的768P十秒一条{credits}积分，"
    "等了大约{minutes}分钟才出片。可灵2.1的镜头运动很稳，海螺02的人物手指偶尔会多出一根。"
)


def _doc(i: int) -> Document:
    return Document(
        platform="clip",
        id=f"note{i}",
        url=f"https://example.org/trial/{i}",
        title=f"试用记录 {i}",
        # dated, so that two writes of it agree on its claims' dates (else the time it is written)
        published_at=dt.datetime(2025, 1 + i % 12, 1 + i % 28, 8, tzinfo=dt.UTC),
        text=TEXT.format(i=i, price=20 + i % 4 * 5, credits=40 + i % 3 * 10, minutes=1 + i % 5),
    )


def _write(writer: BatchWriter, docs: range, check: Any = None) -> None:
    for i in docs:
        d = _doc(i)
        rows = [claim_row(c, d.key(), EXTRACTOR_VERSION) for c in extract_document(d, d.url or "")]
        writer.save(document_row(d, "notes", None), rows, EXTRACTOR_VERSION)
        if check is not None:
            check(i)


def _fresh(path: Path) -> Database:
    db = open_db(path)
    save_source(db, "notes", "clips", {})
    db.conn.commit()
    return db


def _indexes(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return conn.execute(
        "select name, tbl_name, sql from sqlite_master where type = 'index' and sql is not null order by name"
    ).fetchall()


def _present(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in _indexes(conn)}


def _rows(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    keep = {"first_seen", "updated", "observed_at"}
    out = {}
    for table in ("documents", "claims"):
        cols = [r[1] for r in conn.execute(f"pragma table_info({table})") if r[1] not in keep]
        out[table] = conn.execute(f"select {', '.join(cols)} from {table} order by id").fetchall()
    return out


def test_a_large_write_sets_indexes_aside_then_makes_the_same_ones(tmp_path: Path) -> None:
    schema = _indexes(open_db(tmp_path / "schema.db").conn)
    assert SET_ASIDE < {r[0] for r in schema}

    kept = _fresh(tmp_path / "kept.db")
    plain = BatchWriter(kept, batch_size=4, defer_indexes=False)
    _write(plain, range(14))
    plain.finish()

    db = _fresh(tmp_path / "aside.db")
    writer = BatchWriter(db, batch_size=4)
    seen: dict[int, set[str]] = {}
    _write(writer, range(14), lambda i: seen.setdefault(i, _present(db.conn)))
    # the first batch keeps them (the write is not known to be large yet); the second sets them aside
    assert SET_ASIDE <= seen[3]
    assert not SET_ASIDE & seen[4] and not SET_ASIDE & seen[13]
    writer.flush()
    # committed that way, the derived tables are still those a rebuild gives, and the record is there
    assert derived_tables(db.conn) == rebuilt_tables(db.conn)
    recorded = db.conn.execute(f"select name from {deferred.TABLE}").fetchall()
    assert {r[0] for r in recorded} == SET_ASIDE
    writer.finish()
    assert _indexes(db.conn) == schema and not deferred.pending(db.conn)
    assert _rows(db.conn) == _rows(kept.conn)
    assert derived_tables(db.conn) == derived_tables(kept.conn)


def test_a_write_smaller_than_the_database_or_a_batch_keeps_its_indexes(tmp_path: Path) -> None:
    db = _fresh(tmp_path / "p.db")
    small = BatchWriter(db, batch_size=4)
    _write(small, range(3))  # less than a batch into an empty database
    small.finish()
    first = BatchWriter(db, batch_size=4, defer_indexes=False)
    _write(first, range(3, 12))
    first.finish()
    assert db.execute("select count(*) from documents").fetchone()[0] == 12
    # 11 documents written into 12 already stored: never as many as the database held
    writer = BatchWriter(db, batch_size=4)
    _write(writer, range(12, 23), lambda i: assert_all(db.conn))
    writer.finish()
    assert_all(db.conn)


def assert_all(conn: sqlite3.Connection) -> None:
    assert SET_ASIDE <= _present(conn) and not deferred.pending(conn)


def test_a_run_makes_its_indexes_again_before_it_ends(tmp_path: Path, monkeypatch: Any) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(15):
        d = _doc(i)
        (notes / f"{i:03d}.md").write_text(f'---\ntitle: "{d.title}"\n---\n\n{d.text}\n', encoding="utf-8")
    cfg = tmp_path / "sources.yml"
    cfg.write_text("sources:\n  - {name: notes, type: clips, path: notes}\n", encoding="utf-8")
    config = load_config(cfg)
    dbs = {}
    for name, defer in (("kept", False), ("aside", True)):
        monkeypatch.setattr(
            pipeline, "BatchWriter", functools.partial(BatchWriter, batch_size=4, defer_indexes=defer)
        )
        dbs[name] = open_db(tmp_path / f"{name}.db")
        summary = pipeline.run_sources(dbs[name], config, str(cfg), workers=0)
        assert summary.exit_code == 0 and summary.counts["documents_new"] == 15
    assert _indexes(dbs["aside"].conn) == _indexes(dbs["kept"].conn)
    assert not deferred.pending(dbs["aside"].conn)
    assert _rows(dbs["aside"].conn) == _rows(dbs["kept"].conn)


KILLED = """
import os, signal, sys
sys.path.insert(0, {root!r})
from tests.test_deferred_indexes import _fresh, _write
from db.batch import BatchWriter
from pathlib import Path
writer = BatchWriter(_fresh(Path({path!r})), batch_size=3)
_write(writer, range(10))  # three batches committed, the second and third with the indexes aside
os.kill(os.getpid(), signal.SIGKILL)
"""


def _run_queries(conn: sqlite3.Connection) -> dict[str, int]:
    """Every canned query runs (none names an index that was set aside): its rows, by name."""
    values = {"q": "手指", "model": "Kling 2.1", "model_a": "Kling 2.1", "model_b": "Hailuo 02"}
    out = {}
    for name, sql in QUERIES.items():
        params = {p: values.get(p, "") for p in re.findall(r"(?<!:):(\w+)", sql)}
        out[name] = len(conn.execute(sql, params).fetchall())
    return out


def test_a_write_killed_with_its_indexes_aside_reads_correctly_and_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    script = textwrap.dedent(KILLED.format(root=str(ROOT), path=str(path)))
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, timeout=120)
    assert proc.returncode == -signal.SIGKILL

    conn = sqlite3.connect(path)
    register_functions(conn)
    assert conn.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert conn.execute("select count(*) from documents").fetchone()[0] == 9
    assert not SET_ASIDE & _present(conn) and deferred.pending(conn)
    assert derived_tables(conn) == rebuilt_tables(conn)
    found = _run_queries(conn)
    assert found["search"] > 0 and found["compare_models"] > 0 and found["price_table"] > 0
    conn.close()

    schema = _indexes(open_db(tmp_path / "schema.db").conn)
    with RunLock(path):  # a run holds the database: opening it leaves the indexes to that run
        db = open_db(path)
        assert deferred.pending(db.conn) and not SET_ASIDE & _present(db.conn)
        db.close()
    db = open_db(path)  # no run: opening makes them again
    assert _indexes(db.conn) == schema and not deferred.pending(db.conn)
    db.close()


def test_the_next_writer_makes_them_again_first(tmp_path: Path) -> None:
    db = _fresh(tmp_path / "p.db")
    writer = BatchWriter(db, batch_size=3)
    _write(writer, range(7))
    writer.flush()  # stopped here: never finished
    assert deferred.pending(db.conn)
    before = _rows(db.conn)
    again = BatchWriter(db, batch_size=3)
    assert not deferred.pending(db.conn) and SET_ASIDE <= _present(db.conn)
    _write(again, range(7))  # the same documents: nothing to write
    again.finish()
    assert _rows(db.conn) == before


def test_run_live_reads_the_run_lock(tmp_path: Path) -> None:
    db = open_db(tmp_path / "p.db")
    assert not deferred.run_live(db.conn)  # no lock file yet
    with RunLock(tmp_path / "p.db"):
        assert deferred.run_live(db.conn)
    assert not deferred.run_live(db.conn)  # released, its file left behind
    assert os.path.exists(tmp_path / "p.db.lock")
