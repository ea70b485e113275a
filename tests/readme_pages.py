"""The pages the README's "What you get" table lists, and the demo database they are shown on."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from click.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]


def readme_pages() -> list[str]:
    """Every path of the README's page table (as `/pingce/...`), in order."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("## What you get", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"`(/pingce/[^`]*)`", table)


def readme_http_urls() -> list[str]:
    """The loopback URLs the README's shell examples fetch, as paths."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return [m for m in re.findall(r"http://127\.0\.0\.1:8001(/pingce/[^'\"\s`]+)", text)]


def build_demo_db(path: Path) -> Path:
    """What `./scripts/demo` serves: the bundled example notes, ingested by `pingce run`."""
    from ingest.cli import cli

    result = CliRunner().invoke(cli, ["run", "-c", str(ROOT / "sources.yml"), "--db", str(path), "--silent"])
    assert result.exit_code == 0, result.output
    conn = sqlite3.connect(path)  # fold the write-ahead log in: Datasette opens the file immutable
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    return path
