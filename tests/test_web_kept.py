"""The index and database pages' lookups kept by ingest.web.kept: the same answers as Datasette's own."""

from __future__ import annotations

import asyncio
import copy
import sqlite3
from pathlib import Path

import pytest
from datasette.database import Database

from ingest.web.serve import build_metadata
from tests.datasette_helpers import fetch, make_ds
from tests.dbfixtures import build_sample_db

DB = "sample"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("kept") / f"{DB}.db")


def _denying(table: str) -> dict[str, object]:
    meta = copy.deepcopy(build_metadata(DB))
    meta["databases"][DB]["tables"].setdefault(table, {})["allow"] = False
    return meta


@pytest.mark.parametrize("table", ["models", "bugs"])  # a table and a view
def test_a_table_denied_in_the_metadata_stays_denied(sample_db: Path, table: str) -> None:
    ds = make_ds(sample_db, immutable=False, metadata=_denying(table))
    for _ in range(2):  # the second time from the kept rules
        assert fetch(ds, f"/{DB}/{table}").status_code == 403
        assert f'href="/{DB}/{table}"' not in fetch(ds, f"/{DB}").text
        assert fetch(ds, f"/{DB}/claims").status_code == 200
    assert getattr(ds._table_permission_allows, "kept", False)  # the kept lookup answered


def test_kept_permission_rules_equal_datasettes_own(sample_db: Path) -> None:
    ds = make_ds(sample_db, immutable=False, metadata=_denying("models"))
    fetch(ds, "/")  # startup: the lookup is kept from here on
    own = make_ds(sample_db, immutable=False, metadata=_denying("models"))
    names = asyncio.run(ds.get_database(DB).table_names()) + ["bugs", "nonexistent"]
    for _ in range(2):
        for name in names:
            assert ds._table_permission_allows(DB, name) == own._table_permission_allows(DB, name), name
    assert ds._table_permission_allows(DB, "models") == [False]


def test_kept_table_counts_equal_datasettes_own_and_follow_a_write(tmp_path: Path) -> None:
    path = build_sample_db(tmp_path / f"{DB}.db")
    ds = make_ds(path, immutable=False)
    db = ds.get_database(DB)

    def page_counts() -> dict[str, int | None]:
        return {t["name"]: t["count"] for t in fetch(ds, f"/{DB}.json").json()["tables"]}

    def same(a: dict[str, int | None], b: dict[str, int | None]) -> bool:
        """The same tables and counts (a count that ran past Datasette's 5 ms is None: not compared)."""
        return a.keys() == b.keys() and all(a[t] == b[t] for t in a if a[t] is not None and b[t] is not None)

    before = page_counts()
    assert getattr(db.table_counts, "kept", False)
    assert page_counts() == before  # kept: the same answer, None included
    assert same(before, asyncio.run(Database.table_counts(db, 5)))
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("insert into models (name, vendor) values ('Newmodel 1', 'Nobody')")
    conn.close()
    after = page_counts()
    assert before["models"] is not None and after["models"] == before["models"] + 1
    assert same(after, {**before, "models": after["models"]})
    assert same(after, asyncio.run(Database.table_counts(db, 5)))
