"""A database that cannot be used, and messages (issue 12, cases 12 and 13).

A read-only, corrupt, truncated or full database is one line naming the file and
what is wrong (exit 2 when it cannot be used at all, exit 1 when a run stopped
partway, its row closed); error lines name the source once, a redirect's target,
and never pass a file name's terminal escapes through.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlite_utils import Database

import db as db_package
from db import open_db
from ingest.cli import cli
from ingest.config import load_config
from ingest.pipeline import run_sources
from tests.conftest import ROOT

EXAMPLES = ROOT / "examples" / "notes"


def _project(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES, tmp_path / "notes")
    cfg = tmp_path / "sources.yml"
    cfg.write_text("sources:\n  - {name: notes, type: clips, path: notes}\n", encoding="utf-8")
    return cfg


def _pingce(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ingest", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
    )


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in stderr, stderr[-2000:]
    return lines[0]


@pytest.mark.parametrize(
    ("damage", "says"),
    [
        (lambda p: p.write_bytes(b"hello, not a database\n" * 10), "not a SQLite database"),
        (lambda p: p.write_bytes(p.read_bytes()[:5000]), "damaged"),
    ],
    ids=["not-a-database", "truncated"],
)
def test_a_damaged_database_is_one_line_for_every_command(
    tmp_path: Path, damage: Callable[[Path], Any], says: str
) -> None:
    cfg = _project(tmp_path)
    assert _pingce("run", "-c", str(cfg), "--silent").returncode == 0
    path = tmp_path / "pingce.db"
    for extra in ("-wal", "-shm"):
        Path(f"{path}{extra}").unlink(missing_ok=True)
    damage(path)
    for args in (
        ["run", "-c", str(cfg), "--silent"],
        ["runs", "-c", str(cfg), "--errors"],
        ["reextract", "-c", str(cfg), "--silent"],
        ["export", "prices", "--db", str(path)],
    ):
        done = _pingce(*args)
        line = _one_line(done.stderr)
        assert done.returncode == 2, (args, done.stderr)
        assert line.startswith(f"error: {path}: ") and says in line, (args, line)


def test_a_read_only_database_is_one_line_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cfg = _project(tmp_path)
    path = tmp_path / "pingce.db"
    open_db(path).conn.close()

    def read_only(p: Path | str, **kw: Any) -> Database:
        return Database(sqlite3.connect(f"{Path(p).resolve().as_uri()}?mode=ro", uri=True))

    monkeypatch.setattr(db_package, "open_db", read_only)
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg), "--silent"])
    assert result.exit_code == 2
    line = _one_line(result.output)
    assert line.startswith(f"error: {path}: ") and "read-only" in line


def test_a_full_disk_stops_the_run_with_its_row_closed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cfg = _project(tmp_path)
    path = tmp_path / "pingce.db"
    real_open = db_package.open_db

    def nearly_full(p: Path | str, **kw: Any) -> Database:
        db = real_open(p, **kw)
        pages = db.execute("pragma page_count").fetchone()[0]
        db.execute(f"pragma max_page_count = {pages + 3}")  # as if the disk held 3 more pages
        return db

    monkeypatch.setattr(db_package, "open_db", nearly_full)
    result = CliRunner().invoke(cli, ["run", "-c", str(cfg), "--silent"])
    assert result.exit_code == 1, result.output
    line = _one_line(result.output)
    assert line.startswith(f"error: {path}: run 1 stopped: ") and "disk is full" in line
    status, exit_code = real_open(path).execute("select status, exit_code from runs").fetchone()
    assert (status, exit_code) == ("failed", 1)


# --- 13. messages: the source once, the redirect's target, no raw terminal escapes --------------


def test_a_source_error_names_the_source_once(tmp_path: Path, write_config: Callable[[str], Path]) -> None:
    cfg = write_config(
        "http: {retries: 0, min_interval_s: 0, jitter_s: 0, timeout_s: 2}\n"
        "sources:\n  - {name: redir, type: feed, url: 'http://127.0.0.1:9/feed'}\n"
    )
    db = open_db(tmp_path / "p.db")
    summary = run_sources(db, load_config(cfg), str(cfg))
    (line,) = summary.errors
    assert line.startswith("redir: ") and line.count("redir") == 1, line
    (stored,) = [r[0] for r in db.execute("select error from run_errors")]
    assert "redir" not in stored


def test_terminal_escapes_in_file_names_are_printed_escaped(tmp_path: Path) -> None:
    cfg = _project(tmp_path)
    evil = tmp_path / "notes" / "evil\x1b[2J\x1b]0;pwned\x07.md"
    evil.write_bytes(b"---\ndate: 9999-99-99\n---\n\ntext\n")
    run = _pingce("run", "-c", str(cfg), "--silent")
    history = _pingce("runs", "-c", str(cfg), "--errors")
    assert run.returncode == 1
    for text in (run.stderr, history.stdout):
        assert "\x1b" not in text and "\x07" not in text
        assert "evil\\x1b[2J\\x1b]0;pwned\\x07.md" in text
    assert len(run.stderr.strip().splitlines()) == 1
