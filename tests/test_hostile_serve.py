"""A public `pingce serve` (issue 12, cases 9 and 11): no arbitrary SQL by default, bounded
memory when it is allowed, and a live read-only file that follows a real `pingce run`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.dbfixtures import ServedDatasette, build_sample_db

pytestmark = pytest.mark.slow

NOTE = "# 可灵2.1 评测 {n}\n\n可灵2.1生成一条5秒视频要{c}灵感值，画面很稳定。\n"


def test_serve_answers_tables_and_canned_queries_but_no_sql(tmp_path: Path) -> None:
    db = build_sample_db(tmp_path / "reviews.db")
    with ServedDatasette(db) as server:
        get = lambda path, **params: httpx.get(server.base + path, params=params, timeout=30)  # noqa: E731
        assert get("/reviews.json", sql="select 1").status_code == 403
        assert get("/reviews/claims.json", _where="1=1").status_code in (400, 403)
        assert get("/reviews/price_table.json", _shape="array").status_code == 200
        assert get("/reviews/claims.json", _size="1").json()["rows"]
        assert get("/reviews/search.json", q="手指", _shape="array").status_code == 200
        page = get("/reviews").text
        assert "Custom SQL query" not in page  # no query box on the database page


HUGE = [
    "select length(randomblob(1000000000))",
    "select length(printf('%.*c', 2000000000, 'x'))",
    "select length(format('%2000000000d', 1))",
    "select length(zeroblob(2000000000))",
    "select length(replace(hex(randomblob(30000000)), '0', hex(randomblob(10))))",
]


def test_allowed_sql_cannot_build_huge_values(tmp_path: Path) -> None:
    db = build_sample_db(tmp_path / "reviews.db")
    with ServedDatasette(db, "--allow-sql") as server:
        one = httpx.get(server.base + "/reviews.json", params={"sql": "select 1 as one"}).json()
        assert one["rows"] == [[1]]
        for sql in HUGE:
            started = time.monotonic()
            resp = httpx.get(server.base + "/reviews.json", params={"sql": sql}, timeout=60)
            assert resp.status_code == 400, (sql, resp.text[:300])
            assert "too big" in resp.text or "function raised" in resp.text, sql
            assert time.monotonic() - started < 20, sql
        assert (
            httpx.get(server.base + "/reviews/price_table.json", params={"_shape": "array"}).status_code
            == 200
        )


def _run(cfg: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", "run", "-c", str(cfg), "--silent"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env=dict(os.environ),
        stdin=subprocess.DEVNULL,
    )


def test_a_served_file_answers_correctly_across_a_real_run(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    for n in range(3):
        (notes / f"{n}.md").write_text(NOTE.format(n=n, c=30 + n), encoding="utf-8")
    cfg = tmp_path / "sources.yml"
    cfg.write_text(
        f"db: {tmp_path / 'reviews.db'}\nsources:\n  - {{name: notes, type: clips, path: notes}}\n"
    )
    first = _run(cfg)
    assert first.returncode == 0, first.stderr
    with ServedDatasette(tmp_path / "reviews.db") as server:

        def count() -> int:
            resp = httpx.get(server.base + "/reviews/documents.json", params={"_size": "1"}, timeout=30)
            assert resp.status_code == 200, resp.text[:500]
            return int(resp.json()["filtered_table_rows_count"])

        assert count() == 3
        for n in range(3, 40):  # enough new pages that the file grows while it is served
            (notes / f"{n}.md").write_text(NOTE.format(n=n, c=30 + n) * 20, encoding="utf-8")
        second = _run(cfg)
        assert second.returncode == 0, second.stderr
        assert count() == 40
        runs = httpx.get(server.base + "/reviews/runs.json", params={"_shape": "array"}, timeout=30).json()
        assert [r["status"] for r in runs] == ["ok", "ok"]
        assert "malformed" not in server.log()
