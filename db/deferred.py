"""Secondary indexes a large write sets aside and makes again at its end, crash-safe.

A claim row written into a table with nine indexes costs nine B-tree inserts, most of
them into an index no write needs: they serve the Datasette pages' facets and sorts.
On a large run into a small database (a first run), building those indexes once at
the end (``CREATE INDEX`` sorts every row once) costs much less than keeping them row
by row. :func:`set_aside` records each index's SQL in ``deferred_indexes`` and drops
it, in the caller's transaction (a batch of the writer, ``db.batch``); :func:`restore`
makes them again from that record and drops the record, in one transaction of its own.

A run killed between the two leaves the record and a database whose rows, derived
tables and pages are all correct, only the pages that sort or facet by those columns
slower. The next writer restores the indexes before it writes (``db.batch``), and so does
opening the database when no run holds its lock (``db.shape.ensure_db_shape``); both are
idempotent. Indexes that a query names (``indexed by`` in the SQL of ``db.queries``) or that a
write reads are never set aside (:data:`DEFERRABLE` lists those that may be).
"""

from __future__ import annotations

import fcntl
import logging
import os
import sqlite3
from typing import Any

log = logging.getLogger(__name__)

#: The record of what is set aside; it exists only while something is.
TABLE = "deferred_indexes"

#: Indexes no write reads and no query names with ``indexed by``, by table. Kept: the primary keys,
#: idx_claims_document_id (every batch reads a document's claims through it), the date indexes the
#: search and compare_models queries name (claims_observed_at, claims_model_observed_at,
#: documents_observed_at) and idx_documents_raw_sha256_source (a run's unchanged-input check).
DEFERRABLE: dict[str, tuple[str, ...]] = {
    "claims": (
        "idx_claims_kind_model",
        "claims_kind_observed_at",
        "claims_vendor",
        "claims_model_kind",
        "claims_credit_rates",
    ),
    "documents": (
        "idx_documents_source",
        "idx_documents_published_at",
        "documents_platform",
        "documents_status",
    ),
}


def pending(conn: sqlite3.Connection) -> bool:
    """Are indexes set aside (by a write that is running, or that was killed before its end)?"""
    return bool(conn.execute("select 1 from sqlite_master where name = ?", [TABLE]).fetchone())


def set_aside(conn: sqlite3.Connection) -> list[str]:
    """Record and drop the deferrable indexes that exist, in the caller's transaction; their names."""
    names = [n for table in DEFERRABLE.values() for n in table]
    found = conn.execute(
        "select name, sql from sqlite_master where type = 'index' and sql is not null"
        f" and name in ({', '.join('?' * len(names))}) order by name",
        names,
    ).fetchall()
    if not found:
        return []
    if not conn.in_transaction:  # DDL opens no transaction by itself: the record and the drops are one
        conn.execute("begin")
    conn.execute(f"create table if not exists {TABLE} (name text primary key, sql text not null)")
    conn.executemany(f"insert or replace into {TABLE} (name, sql) values (?, ?)", found)
    for name, _ in found:
        conn.execute(f"drop index [{name}]")
    log.info("large write: %d secondary indexes set aside until its end", len(found))
    return [name for name, _ in found]


def restore(conn: sqlite3.Connection) -> list[str]:
    """Make every index set aside again and drop the record, in one transaction; their names.

    Idempotent: an index that exists already is kept as it is. A transaction the caller has
    open is committed first.
    """
    if not pending(conn):
        return []
    if conn.in_transaction:
        conn.commit()
    conn.execute("begin")  # DDL opens no transaction by itself
    try:
        rows = conn.execute(f"select name, sql from {TABLE} order by name").fetchall()
        made = []
        for name, sql in rows:
            if not conn.execute("select 1 from sqlite_master where name = ?", [name]).fetchone():
                conn.execute(sql)
                made.append(name)
        conn.execute(f"drop table {TABLE}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    log.info("secondary indexes made again: %s", ", ".join(made) or "none were missing")
    return made


def _path(conn: sqlite3.Connection) -> str:
    row = conn.execute("select file from pragma_database_list where name = 'main'").fetchone()
    return str(row[0] or "") if row else ""


def run_live(conn: sqlite3.Connection) -> bool:
    """Does a run hold this database's lock (``<db>.lock``, ``ingest.lock``) at this moment?"""
    path = _path(conn)
    if not path or not os.path.exists(f"{path}.lock"):
        return False
    try:
        fd = os.open(f"{path}.lock", os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        os.close(fd)  # closing the descriptor releases a lock taken through it
    return False


def restore_unless_running(db: Any) -> list[str]:
    """On opening a database: restore what a killed run set aside, unless a run is writing it now
    (that run restores them at its end); a file opened read-only keeps them aside."""
    conn: sqlite3.Connection = getattr(db, "conn", db)
    if not pending(conn) or run_live(conn):
        return []
    try:
        return restore(conn)
    except sqlite3.OperationalError as exc:  # read-only, or another writer holds the file
        log.warning("secondary indexes set aside by a stopped run could not be made again: %s", exc)
        return []
