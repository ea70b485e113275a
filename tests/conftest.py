"""Shared fixtures: paths, an in-memory database, a sources.yml writer."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlite_utils import Database

from db import open_db

# The replay server and its fixtures (replay, server, db, no_internet) for every test module.
pytest_plugins = ["tests.replay"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def memdb() -> Database:
    return open_db(":memory:")


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not beside the repo (CI fails instead: .ci/run runs scripts/check-shared)")
    return SHARED


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str) -> Path:
        path = tmp_path / "sources.yml"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def table_snapshot(db: Database) -> dict[str, list[tuple[object, ...]]]:
    """Every content row, for comparing a database before and after a re-run."""
    out = {}
    for table in ("sources", "raw", "documents", "claims", "models", "source_state", "http_cache"):
        out[table] = db.execute(f"select * from [{table}] order by 1").fetchall()
    return out
