"""Open a database and bring it to the current shape; safe to call every time."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlite_utils import Database

from db.deferred import restore_unless_running
from db.migrations import migrations
from db.price_events import changes_pending, record_price_changes, running_run
from db.price_points import sync_price_points
from db.search import ensure_search_index, register_functions
from db.views import ensure_views

log = logging.getLogger(__name__)


def open_db(path: str | Path, *, create: bool = True) -> Database:
    """Open (and migrate) the database at ``path``; ':memory:' for tests."""
    if str(path) == ":memory:":
        db = Database(memory=True)
    else:
        p = Path(path)
        if not create and not p.exists():
            raise FileNotFoundError(f"no database at {p}")
        p.parent.mkdir(parents=True, exist_ok=True)
        db = Database(p)
        db.execute("pragma journal_mode = wal")
        db.execute("pragma synchronous = normal")
        # 32 MB of page cache (the default is 2 MB): the index pages a batch of documents
        # touches stay in memory for the next, instead of being read back from the WAL
        db.execute("pragma cache_size = -32768")
    db.execute("pragma busy_timeout = 10000")
    ensure_db_shape(db)
    db.execute("pragma foreign_keys = on")
    return db


def ensure_db_shape(db: Database) -> None:
    """Apply pending migrations, then bring the views to their current SQL; idempotent.

    Writes nothing when the file is already in shape, so a read-only file opens.
    """
    register_functions(db.conn)  # the search index is made with them
    # indexes a run killed before its end set aside (db/deferred.py), before a migration meets them
    restore_unless_running(db)
    pending = migrations.pending(db)
    if pending:
        log.info("applying migrations: %s", ", ".join(m.name for m in pending))
        migrations.apply(db)
    # claims written without the writers (bulk loads, plain SQL) are counted now
    if db["price_point_dirty"].exists() and db.execute("select 1 from price_point_dirty limit 1").fetchone():
        with db.atomic():
            sync_price_points(db)
    # what a bulk load or a run killed before its end changed in the price table (db/price_events.py)
    if changes_pending(db):
        with db.atomic():
            record_price_changes(db, running_run(db))
    # rows written without the writers (plain SQL) are indexed now, all again after an OpenCC upgrade
    if db["search_index"].exists():
        with db.atomic():
            ensure_search_index(db)
    ensure_views(db)


def checkpoint(db: Database) -> bool:
    """Fold the write-ahead log into the file; True when a writer kept part of it."""
    busy, _, _ = db.execute("pragma wal_checkpoint(truncate)").fetchone()
    return bool(busy)
