"""Reads for re-processing and export: what to re-extract or re-parse, and the price table's rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from db.queries import MODELS_NAMED, PRICE_CHANGES_SQL, PRICE_TABLE_SQL
from db.store import row_to_document
from schemas.document import Document


def count_rows(db: Database, table: str) -> int:
    return int(db.table(table).count)


def table_columns(path: str | Path) -> dict[str, list[str]]:
    """Columns of every table and view in the file, in table order (opened read-only)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [r[0] for r in conn.execute("select name from sqlite_master where type in ('table', 'view')")]
        return {n: [r[1] for r in conn.execute(f"pragma table_info([{n}])")] for n in names}
    finally:
        conn.close()


def documents_to_reextract(
    db: Database, version: int, *, every: bool = False
) -> Iterator[tuple[str, Document]]:
    """(id, document) of each stored document whose claims came from another extractor version
    (``every``: of all of them)."""
    where = "" if every else "where extractor_version is null or extractor_version != ?"
    params = [] if every else [version]
    ids = [r[0] for r in db.execute(f"select id from documents {where} order by id", params).fetchall()]
    for doc_id in ids:
        row = next(db.query("select * from documents where id = ?", [doc_id]))
        yield doc_id, row_to_document(row)


def stored_inputs(db: Database, vias: tuple[str, ...]) -> Iterator[tuple[str, str, bytes, str, str | None]]:
    """(source, sha256, body, origin, content type) of each raw input behind documents that came ``vias``."""
    marks = ",".join("?" * len(vias))
    pairs = db.execute(
        "select distinct raw_sha256, source from documents"
        f" where raw_sha256 is not null and via in ({marks}) order by raw_sha256, source",
        list(vias),
    ).fetchall()
    for sha, source in pairs:
        body, origin, content_type = db.execute(
            "select body, origin, content_type from raw where sha256 = ?", [sha]
        ).fetchone()
        yield source, sha, body, origin, content_type


def price_table(
    conn: sqlite3.Connection, model: str | None = None, since: str | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The price table's column names and rows (``since``: ISO date or time, Beijing time without offset)."""
    cur = conn.execute(PRICE_TABLE_SQL, {"model": model or "", "since": since or ""})
    return [d[0] for d in cur.description], [tuple(r) for r in cur.fetchall()]


def price_changes(
    conn: sqlite3.Connection, model: str | None = None, since: str | None = None, limit: int | None = None
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The price changes' column names and rows, newest first (``since``: a run number or an ISO date)."""
    sql = PRICE_CHANGES_SQL + (f" limit {int(limit)}" if limit else "")
    cur = conn.execute(sql, {"model": model or "", "since": since or ""})
    return [d[0] for d in cur.description], [tuple(r) for r in cur.fetchall()]


def price_change_feed(conn: sqlite3.Connection) -> tuple[str, str, str | None]:
    """The feed's identity (a random UUID made with the table), its creation time and the newest change."""
    feed_uuid, created = conn.execute("select feed_uuid, created_at from price_event_feed").fetchone()
    newest = conn.execute("select max(recorded_at) from price_events").fetchone()[0]
    return feed_uuid, created, newest


def models_named(conn: sqlite3.Connection, value: str) -> tuple[str, ...]:
    """The canonical models a ``:model`` filter value stands for (see ``db.queries.MODELS_NAMED``)."""
    rows = conn.execute(f"select distinct model from ({MODELS_NAMED[1:-1]})", {"model": value}).fetchall()
    return tuple(sorted(r[0] for r in rows))


def model_names_and_aliases(conn: sqlite3.Connection) -> list[tuple[str, str | None]]:
    """(canonical name, aliases as JSON) of every model in the registry."""
    return [(r[0], r[1]) for r in conn.execute("select name, aliases from models").fetchall()]


def table_counts(path: str | Path) -> dict[str, int]:
    """The row count of every ordinary table in the file (opened read-only)."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
                "and sql not like 'create virtual table%'"
            )
        ]
        counts = {}
        for n in names:
            try:
                counts[n] = conn.execute(f"select count(*) from [{n}]").fetchone()[0]
            except sqlite3.Error:  # a virtual table whose module is not loaded here
                continue
    finally:
        conn.close()
    return counts
