"""Real processes: a run killed mid-write loses nothing, two runs never overlap."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import open_db
from db.store import row_to_document
from ingest.extract import EXTRACTOR_VERSION, extract_document
from tests.derived_helpers import derived_tables, rebuilt_tables

pytestmark = pytest.mark.slow

NOTE = """---
title: "评测 {i}"
发布日期: 2025-06-{day:02d}
作者: "作者{i}"
原文链接: "https://example.com/post/{i}"
---

## 正文

第{i}篇：可灵2.1高品质模式（1080P），5秒35灵感值。

海螺02的1080P，6秒一条50积分，生成大概2分钟。

可灵2.1的人物表情更细腻，但可灵1.6的手指一直在抽抽。
"""


def _corpus(tmp_path: Path, n: int) -> Path:
    notes = tmp_path / "notes"
    notes.mkdir()
    for i in range(n):
        (notes / f"{i:05d}.md").write_text(NOTE.format(i=i, day=i % 28 + 1), encoding="utf-8")
    cfg = tmp_path / "sources.yml"
    cfg.write_text("db: p.db\nsources:\n  - {name: notes, type: clips, path: notes}\n", encoding="utf-8")
    return cfg


def _pingce(*args: str) -> list[str]:
    return [sys.executable, "-m", "ingest", *args]


def _count(path: Path, sql: str) -> int:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(sql).fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0


def test_sigkill_mid_run_then_rerun_completes_without_duplicates(tmp_path: Path) -> None:
    n = 1500
    cfg = _corpus(tmp_path, n)
    db_path = tmp_path / "p.db"
    proc = subprocess.Popen(_pingce("run", "-c", str(cfg), "--silent"), cwd=tmp_path)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _count(db_path, "select count(*) from documents") < 50:
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    stored = _count(db_path, "select count(*) from documents")
    assert 0 < stored < n, "the kill landed mid-run"

    con = sqlite3.connect(db_path)
    assert con.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert con.execute("pragma foreign_key_check").fetchall() == []
    assert (
        con.execute(
            "select count(*) from claims where document_id not in (select id from documents)"
        ).fetchone()[0]
        == 0
    )
    # search indexes, month table, claim dates, price points: as a rebuild from the stored rows gives them
    assert derived_tables(con) == rebuilt_tables(con)
    con.close()
    # Every stored document holds exactly the claims extraction gives it: nothing half-written.
    db = open_db(db_path)
    for row in db.query("select * from documents"):
        want = {c.claim_id(row["id"]) for c in extract_document(row_to_document(row), row["url"])}
        got = {r[0] for r in db.execute("select id from claims where document_id = ?", [row["id"]])}
        assert got == want
        assert row["extractor_version"] == EXTRACTOR_VERSION
    db.close()

    rerun = subprocess.run(_pingce("run", "-c", str(cfg), "--silent"), cwd=tmp_path, timeout=300)
    assert rerun.returncode == 0
    con = sqlite3.connect(db_path)
    assert con.execute("select count(*), count(distinct url) from documents").fetchone() == (n, n)
    assert con.execute("select status from runs order by id").fetchall() == [("interrupted",), ("ok",)]
    per_doc = con.execute("select min(c), max(c) from (select count(*) c from claims group by document_id)")
    low, high = per_doc.fetchone()
    assert low == high and low > 0, "every document got the same claims, once"
    assert derived_tables(con) == rebuilt_tables(con)
    con.close()


def test_two_runs_started_together_one_waits_out(tmp_path: Path) -> None:
    cfg = _corpus(tmp_path, 400)
    procs = [
        subprocess.Popen(
            _pingce("run", "-c", str(cfg), "--silent"), cwd=tmp_path, stderr=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 75], results
    refused = next(err for code, err in results if code == 75)
    assert "another pingce run holds" in refused
    assert _count(tmp_path / "p.db", "select count(*) from documents") == 400
    assert _count(tmp_path / "p.db", "select count(*) from runs") == 1
