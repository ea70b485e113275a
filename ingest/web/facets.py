"""Facet counts kept per database state, so a table page at a million claims is not recounted per view.

A facet on an unfiltered table counts every row it is over: at a million claims the
``kind`` and ``model`` facets read a million index entries each (about 60-100 ms apiece
on an idle core, seconds under load), on every page view, though the answer only
changes when the database does. The ``cached`` facet type (``facets: [{cached: kind}]``
in metadata.yml) is Datasette's column facet whose queries go through :func:`cached_execute`:
the result is kept per SQL, parameters and database state (:func:`database_state`), so the
first view after a write counts and the next ones read the kept counts. Facets a visitor
adds (``?_facet=``) are Datasette's own, uncached.

A count that runs out of the facet time limit (400 ms) is counted once more in the background
under the SQL time limit (3 s), and kept when done; until then the facet is reported timed out
("counts pending") at once. Before, each view counted again and was cut again: on a file just
out of the OS cache the first five views of ``/claims`` at a million claims took 0.7-1.6 s each,
each reading a little more of the index and throwing the count away.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import threading
from collections import OrderedDict
from typing import Any

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.facets import ColumnFacet

log = logging.getLogger(__name__)

#: Kept results, newest last; facet results are a few dozen rows each.
_MEMORY_LIMIT = 512
_kept: OrderedDict[tuple[Any, ...], Any] = OrderedDict()
_lock = threading.Lock()
#: Counts under way in the background, by the key they will be kept under.
_pending: dict[tuple[Any, ...], asyncio.Task[None]] = {}


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


def database_state(datasette: Any, database: str) -> tuple[Any, ...] | None:
    """What identifies the database's contents now, or None when it cannot be told (in memory).

    An immutable file cannot change while served. A file opened read-only changes by a
    writer's commit, which appends to its ``-wal`` (or, without WAL, rewrites the file):
    the time of change and size of both files identify the state. They are read before
    the query runs, so a commit during it makes the next request's state differ.
    """
    db = datasette.get_database(database)
    path = getattr(db, "path", None)
    if not path or getattr(db, "is_memory", False):
        return None
    if not db.is_mutable:
        return ("immutable", path)
    return (path, _stat(path), _stat(f"{path}-wal"))


async def cached_execute(datasette: Any, database: str, sql: str, params: Any = None, **kwargs: Any) -> Any:
    """``datasette.execute(...)``, answered from the kept results while the database is unchanged."""
    state = database_state(datasette, database)
    if state is None:
        return await datasette.execute(database, sql, params, **kwargs)
    key = (database, state, sql, json.dumps(params, sort_keys=True, default=str))
    with _lock:
        if key in _kept:
            _kept.move_to_end(key)
            return _kept[key]
        if key in _pending:  # counts pending: answered as a time-out, without counting again
            raise QueryInterrupted(None, sql, params)
    try:
        result = await datasette.execute(database, sql, params, **kwargs)
    except QueryInterrupted:
        _count_later(datasette, database, key, sql, params, kwargs)
        raise
    _keep(key, result)
    return result


def _keep(key: tuple[Any, ...], result: Any) -> None:
    with _lock:
        _kept[key] = result
        while len(_kept) > _MEMORY_LIMIT:
            _kept.popitem(last=False)


def _count_later(
    datasette: Any, database: str, key: tuple[Any, ...], sql: str, params: Any, kwargs: dict[str, Any]
) -> None:
    """Run ``sql`` once in the background under the SQL time limit and keep its result under ``key``."""
    unlimited = {k: v for k, v in kwargs.items() if k != "custom_time_limit"}

    async def count() -> None:
        try:
            _keep(key, await datasette.execute(database, sql, params, **unlimited))
        except Exception as e:  # the next view tries again, as before
            log.warning("background count failed (%s): %s", type(e).__name__, " ".join(sql.split())[:200])
        finally:
            with _lock:
                _pending.pop(key, None)

    with _lock:
        if key not in _pending:
            _pending[key] = asyncio.get_running_loop().create_task(count())


async def settled() -> None:
    """Wait for the background counts under way (tests, the bench)."""
    while True:
        with _lock:
            tasks = list(_pending.values())
        if not tasks:
            return
        await asyncio.gather(*tasks, return_exceptions=True)


class _Executing:
    """The Datasette object a facet sees: everything as it is, ``execute`` through the kept results."""

    def __init__(self, datasette: Any) -> None:
        self._datasette = datasette

    def __getattr__(self, name: str) -> Any:
        return getattr(self._datasette, name)

    async def execute(self, database: str, sql: str, params: Any = None, **kwargs: Any) -> Any:
        return await cached_execute(self._datasette, database, sql, params, **kwargs)


class CachedColumnFacet(ColumnFacet):
    """Datasette's column facet, its counts kept per database state."""

    type = "cached"

    def __init__(self, ds: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(_Executing(ds), *args, **kwargs)

    async def suggest(self) -> list[Any]:
        return []


@hookimpl
def register_facet_classes() -> list[type]:
    return [CachedColumnFacet]


def forget() -> None:
    """Drop every kept result (tests)."""
    with _lock:
        _kept.clear()
        _pending.clear()
