"""What Datasette 0.65 works out again on every index and database page, kept while it cannot change.

* **Table permission rules.** Each table and view listed is checked twice (for the
  visitor and for anyone), and each check deep-copies the whole metadata to find the
  table's ``allow`` rules (``Datasette._table_permission_allows``): the column
  descriptions of every table make that about 1 ms a check, 96 checks on the index
  page. The rules come from the metadata alone, which is fixed when the server starts,
  so each table's are looked up once. When another plugin supplies metadata
  (``get_metadata``, possibly changing) nothing is kept.
* **Table row counts.** The database page counts every table's rows (the search
  index's tables hold a row per claim) with 5 ms allowed per table, on every view of a
  file that is not immutable. The counts are kept per database state
  (:func:`ingest.web.facets.database_state`): the first view after a write counts.

Both are Datasette's own answers, only not recomputed (tests compare them); a Datasette
without these internals is left as it is.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from datasette import hookimpl

from ingest.web.facets import database_state

log = logging.getLogger(__name__)


def keep_table_permissions(datasette: Any) -> bool:
    """Look each table's ``allow`` rules up once (they depend on the fixed metadata only)."""
    lookup = getattr(datasette, "_table_permission_allows", None)
    if lookup is None or getattr(lookup, "kept", False):
        return False
    from datasette.plugins import pm  # here: importing it loads the plugins, this module's package among them

    if pm.hook.get_metadata.get_hookimpls():  # metadata a plugin supplies may change: look up every time
        return False
    kept: dict[tuple[str, str], list[Any]] = {}
    lock = threading.Lock()

    def table_permission_allows(database: str, table: str) -> list[Any]:
        key = (database, table)
        with lock:
            if key in kept:
                return list(kept[key])
        rules = lookup(database, table)
        with lock:
            kept[key] = list(rules)
        return list(rules)

    table_permission_allows.kept = True  # type: ignore[attr-defined]
    datasette._table_permission_allows = table_permission_allows
    return True


def keep_table_counts(datasette: Any, name: str) -> bool:
    """Answer a database's ``table_counts`` from the counts of its current state once counted."""
    db = datasette.databases.get(name)
    counts = getattr(db, "table_counts", None)
    if db is None or counts is None or getattr(counts, "kept", False) or not db.is_mutable:
        return False  # an immutable database's counts come from its inspect data
    kept: dict[tuple[Any, ...], dict[str, int | None]] = {}

    async def table_counts(limit: int = 10) -> dict[str, int | None]:
        state = database_state(datasette, name)
        key = (state, limit)
        if state is not None and key in kept:
            return dict(kept[key])
        result = await counts(limit)
        if state is not None:
            for old in [k for k in kept if k[0] != state]:  # only the newest state is asked for
                del kept[old]
            kept[key] = dict(result)
        return dict(result)

    table_counts.kept = True  # type: ignore[attr-defined]
    db.table_counts = table_counts
    return True


@hookimpl
def startup(datasette: Any) -> None:
    keep_table_permissions(datasette)
    for name in list(datasette.databases):
        keep_table_counts(datasette, name)
