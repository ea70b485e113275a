"""Facet counts kept per database state (ingest.web.facets): a count cut by the facet time limit is
counted once in the background and kept, and the views meanwhile answer at once without counting."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from datasette.database import Database, QueryInterrupted

from ingest.web import facets
from tests.datasette_helpers import make_ds
from tests.dbfixtures import build_sample_db

DB = "sample"


class _Db:
    def __init__(self, path: Path) -> None:
        self.path = str(path)
        self.is_mutable = True
        self.is_memory = False


class _Slow:
    """A Datasette whose every query runs out of a facet time limit (``custom_time_limit``)."""

    def __init__(self, path: Path, fail_unlimited: bool = False) -> None:
        self.db = _Db(path)
        self.fail_unlimited = fail_unlimited
        self.calls: list[dict[str, Any]] = []

    def get_database(self, name: str) -> _Db:
        return self.db

    async def execute(self, database: str, sql: str, params: Any = None, **kwargs: Any) -> str:
        self.calls.append(kwargs)
        await asyncio.sleep(0)
        if kwargs.get("custom_time_limit") or self.fail_unlimited:
            raise QueryInterrupted(None, sql, params)
        return f"counted {len(self.calls)}"


@pytest.fixture(autouse=True)
def _forget() -> None:
    facets.forget()


def test_a_timed_out_count_is_counted_once_in_the_background_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"one")
    ds = _Slow(path)

    async def go() -> None:
        for _ in range(3):  # cut; then pending: answered as a time-out without counting again
            with pytest.raises(QueryInterrupted):
                await facets.cached_execute(ds, DB, "select 1", {"a": 1}, custom_time_limit=400)
        assert len(ds.calls) == 1
        await facets.settled()
        assert [c.get("custom_time_limit") for c in ds.calls] == [400, None]  # the SQL time limit
        for _ in range(2):
            assert (
                await facets.cached_execute(ds, DB, "select 1", {"a": 1}, custom_time_limit=400)
                == "counted 2"
            )
        assert len(ds.calls) == 2
        path.write_bytes(b"one two")  # a write: a new state counts again
        with pytest.raises(QueryInterrupted):
            await facets.cached_execute(ds, DB, "select 1", {"a": 1}, custom_time_limit=400)
        await facets.settled()
        assert len(ds.calls) == 4
        assert await facets.cached_execute(ds, DB, "select 1", {"a": 1}, custom_time_limit=400) == "counted 4"

    asyncio.run(go())


def test_a_failed_background_count_is_not_kept_and_the_next_view_tries_again(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(b"one")
    ds = _Slow(path, fail_unlimited=True)

    async def go() -> None:
        with pytest.raises(QueryInterrupted):
            await facets.cached_execute(ds, DB, "select 1", None, custom_time_limit=400)
        await facets.settled()
        assert len(ds.calls) == 2
        with pytest.raises(QueryInterrupted):
            await facets.cached_execute(ds, DB, "select 1", None, custom_time_limit=400)
        assert len(ds.calls) == 3  # counted again, not stuck as pending
        await facets.settled()

    asyncio.run(go())


def test_the_claims_page_shows_the_facets_counted_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = build_sample_db(tmp_path / f"{DB}.db")
    ds = make_ds(path, immutable=False)
    own = Database.execute
    facet_runs: list[Any] = []

    async def cut(self: Database, sql: str, *args: Any, **kwargs: Any) -> Any:
        """Every facet count runs out of its time limit, as on a file just out of the OS cache."""
        if "count(*) as count" in sql:
            facet_runs.append(kwargs.get("custom_time_limit"))
            if kwargs.get("custom_time_limit"):
                raise QueryInterrupted(None, sql, args[0] if args else None)
        return await own(self, sql, *args, **kwargs)

    monkeypatch.setattr(Database, "execute", cut)
    conn = sqlite3.connect(path)
    kinds = dict(conn.execute("select kind, count(*) from claims group by kind").fetchall())
    conn.close()

    async def go() -> None:
        first = await ds.client.get(f"/{DB}/claims")
        assert first.status_code == 200
        assert "These facets timed out: kind, model" in first.text
        for _ in range(3):  # pending or done, never counted again under the limit
            assert (await ds.client.get(f"/{DB}/claims")).status_code == 200
        await facets.settled()
        assert sorted(facet_runs, key=str) == [400, 400, None, None]
        html = await ds.client.get(f"/{DB}/claims")
        assert "timed out" not in html.text and 'id="facet-model"' in html.text
        data = (await ds.client.get(f"/{DB}/claims.json?_extra=facet_results")).json()
        shown = {r["value"]: r["count"] for r in data["facet_results"]["kind"]["results"]}
        assert shown == kinds
        assert len(facet_runs) == 4  # read from the kept counts

    asyncio.run(go())
