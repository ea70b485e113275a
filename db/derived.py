"""The derived tables, kept set-wise: what the per-row triggers do, done once per batch of documents.

Triggers keep the search indexes (m014), the month x kind and model x kind tables (m009,
m018), each claim's date and vendor (m009, m012) and the price-point evidence (m010)
current for every write. Fired once per row they cost a first run several times its
bare inserts: each INSERT that fires a trigger also writes a statement journal, and FTS5 flushes its
pending terms at every statement savepoint, so a row's index entry became a segment
of its own. The batch writer (``db.batch``) therefore writes its batch with this
connection's triggers switched off (:func:`set_triggers`) and calls the functions
below at the end of the batch, in the batch's transaction, for the documents it
wrote: a crash anywhere loses the batch whole, derived rows included. Every other
writer keeps the triggers.

The functions take the documents as one JSON array (``ids``), so that a statement's
text never changes and holds any number of them.
"""

from __future__ import annotations

import ctypes
import json
import logging
import sqlite3
import sys
from typing import Any

from sqlite_utils import Database

from db.price_points import rebuild_price_points
from db.search import SEARCHED, rebuild_search_index

log = logging.getLogger(__name__)


_ENABLE_TRIGGER = 1003  # SQLITE_DBCONFIG_ENABLE_TRIGGER
_IDS = "(select value from json_each(:ids))"
_DATE = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen))"


# ---------------------------------------------------------------- switching triggers off
def _db_config(conn: sqlite3.Connection, op: int, value: int) -> int | None:
    """sqlite3_db_config(conn, op, value) on the connection's own handle; its new state, or None."""
    setconfig = getattr(conn, "setconfig", None)  # Python >= 3.12
    if setconfig is not None:
        if value >= 0:
            setconfig(op, bool(value))
        return int(conn.getconfig(op))  # type: ignore[attr-defined]
    if sys.implementation.name != "cpython" or sys.version_info[:2] != (3, 11):
        return None
    try:
        import _sqlite3

        lib = ctypes.CDLL(_sqlite3.__file__)  # its symbols resolve to the SQLite it uses
        config = lib.sqlite3_db_config
        filename = lib.sqlite3_db_filename
    except (OSError, AttributeError, ImportError):
        return None
    # CPython 3.11's connection object: the object header, then the sqlite3 handle
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return None
    filename.restype = ctypes.c_char_p
    filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    path = conn.execute("select file from pragma_database_list where name = 'main'").fetchone()[0]
    if (filename(handle, b"main") or b"").decode("utf-8", "replace") != (path or ""):
        return None  # not the handle we think it is
    out = ctypes.c_int(-1)
    config.restype = ctypes.c_int
    rc = config(ctypes.c_void_p(handle), ctypes.c_int(op), ctypes.c_int(value), ctypes.byref(out))
    return out.value if rc == 0 and out.value in (0, 1) else None


def set_triggers(conn: sqlite3.Connection, enabled: bool) -> bool:
    """Switch this connection's triggers on or off (others' are unaffected); False when it cannot.

    SQLite re-prepares this connection's statements after the switch, so cached
    statements follow it.
    """
    return _db_config(conn, _ENABLE_TRIGGER, int(enabled)) == int(enabled)


def triggers_switchable(conn: sqlite3.Connection) -> bool:
    """Can :func:`set_triggers` switch this connection's triggers (they are left as they are)?"""
    return _db_config(conn, _ENABLE_TRIGGER, -1) is not None


# ---------------------------------------------------------------- search indexes
def forget_search(conn: sqlite3.Connection, table: str, column: str, ids: str) -> None:
    """Remove from ``table``'s search index the rows whose ``column`` is in ``ids``, before they change.

    The index keeps no copy of the text: an entry is removed with the values it was
    made from (each column's Simplified copy, db/search.py), so this runs before the rows
    are updated or deleted.
    """
    cols = ", ".join(SEARCHED[table])
    made = ", ".join(f"pingce_search_text({c})" for c in SEARCHED[table])
    fts = f"{table}_fts"
    conn.execute(
        f"insert into {fts} ({fts}, rowid, {cols}) select 'delete', rowid, {made} from {table} "
        f"where {column} in {_IDS}",
        {"ids": ids},
    )


def index_search(conn: sqlite3.Connection, table: str, column: str, ids: str) -> None:
    """Add to ``table``'s search index the rows whose ``column`` is in ``ids`` (not indexed yet)."""
    cols = ", ".join(SEARCHED[table])
    made = ", ".join(f"pingce_search_text({c})" for c in SEARCHED[table])
    conn.execute(
        f"insert into {table}_fts (rowid, {cols}) select rowid, {made} from {table} where {column} in {_IDS}",
        {"ids": ids},
    )


# ---------------------------------------------------------------- claims per month / per model, and kind
def _recount(docs: str, totals: str, key: str, count_docs: str) -> list[str]:
    """Statements that recount the documents ``:ids`` in ``docs`` (a row per document, ``key`` and
    kind) and carry the change into ``totals`` (a row per ``key`` and kind): the documents' old
    rows leave the totals, their current claims are counted again (``count_docs``, an insert into
    ``docs``) and join the totals, and totals left with no document go."""
    return [
        f"""with old as (
  select {key}, kind, sum(claims) as claims, count(*) as documents from {docs}
  where document_id in {_IDS} group by {key}, kind)
update {totals} set claims = {totals}.claims - old.claims,
  documents = {totals}.documents - old.documents
from old where {totals}.{key} = old.{key} and {totals}.kind = old.kind""",
        f"delete from {docs} where document_id in {_IDS}",
        count_docs,
        f"""insert into {totals} ({key}, kind, claims, documents)
select {key}, kind, sum(claims), count(*) from {docs}
where document_id in {_IDS} group by {key}, kind having 1
on conflict ({key}, kind) do update set claims = claims + excluded.claims,
  documents = documents + excluded.documents""",
        f"delete from {totals} where documents <= 0",
    ]


def _run(conn: sqlite3.Connection, statements: list[str], ids: str) -> None:
    for sql in statements:
        conn.execute(sql, {"ids": ids} if ":ids" in sql else {})


_MONTH = f"substr({_DATE}, 1, 7)"
_MONTHS = _recount(
    "claim_month_documents",
    "claims_by_month",
    "month",
    f"""insert into claim_month_documents (document_id, kind, month, claims)
select c.document_id, c.kind, {_MONTH}, count(*) from claims c indexed by idx_claims_document_id
  join documents d on d.id = c.document_id
where c.document_id in {_IDS} and c.kind is not null and {_MONTH} is not null
group by c.document_id, c.kind""",
)
_MODEL_KINDS = _recount(  # body claims only: what compare_models counts
    "claim_model_documents",
    "claims_by_model",
    "model",
    f"""insert into claim_model_documents (document_id, model, kind, claims)
select c.document_id, c.model, c.kind, count(*) from claims c indexed by idx_claims_document_id
where c.document_id in {_IDS} and c.section = 'body' and c.model is not null and c.kind is not null
group by c.document_id, c.model, c.kind""",
)


def refresh_months(conn: sqlite3.Connection, ids: str) -> None:
    """Recount the documents ``ids`` in claim_month_documents and claims_by_month (m009's triggers' work)."""
    _run(conn, _MONTHS, ids)


def refresh_model_kinds(conn: sqlite3.Connection, ids: str) -> None:
    """Recount the documents ``ids`` in claim_model_documents and claims_by_model (m018's triggers' work)."""
    _run(conn, _MODEL_KINDS, ids)


# ---------------------------------------------------------------- credit-rate claims by brand
_CREDIT_RATES = [
    f"delete from credit_rate_claims where document_id in {_IDS}",
    f"""insert into credit_rate_claims (claim_rowid, document_id, model, brand, credit_unit,
    credits_per_cny, credits_per_usd)
select c.rowid, c.document_id, c.model, m.brand, c.credit_unit, c.credits_per_cny, c.credits_per_usd
from claims c indexed by idx_claims_document_id join models m on m.name = c.model
where c.document_id in {_IDS} and c.kind = 'credit_rate'
  and coalesce(c.credits_per_cny, c.credits_per_usd) > 0""",
]


def refresh_credit_rates(conn: sqlite3.Connection, ids: str) -> None:
    """Take the credit-rate claims of the documents ``ids`` again (m020's triggers' work)."""
    _run(conn, _CREDIT_RATES, ids)


# ---------------------------------------------------------------- a claim's date and vendor
_OF_DOCUMENT = f"(select {_DATE} from documents d where d.id = claims.document_id)"
_OBSERVED = f"""update claims set observed_at = {_OF_DOCUMENT}
where document_id in {_IDS} and observed_at is not {_OF_DOCUMENT}"""


def refresh_observed(conn: sqlite3.Connection, ids: str) -> None:
    """Give the claims of the documents ``ids`` their document's date (m009's triggers' work)."""
    conn.execute(_OBSERVED, {"ids": ids})


def vendors(conn: sqlite3.Connection) -> dict[str, Any]:
    """Each registered model's vendor: what m012's triggers copy onto its claims."""
    return dict(conn.execute("select name, vendor from models").fetchall())


# ---------------------------------------------------------------- all at once
def rebuild(db: Database) -> None:
    """Every derived table from the rows alone, in one pass: a bulk load's way (the bench's bound).

    Run it with the connection's triggers off (or dropped) on claims and documents,
    and on with price_point_documents' (they count its rows into the tallies).
    """
    conn = db.conn
    rebuild_search_index(conn)
    conn.execute("delete from claim_month_documents")
    conn.execute("delete from claims_by_month")
    conn.execute("delete from claim_model_documents")
    conn.execute("delete from claims_by_model")
    ids = json.dumps([r[0] for r in conn.execute("select id from documents")])
    refresh_months(conn, ids)
    refresh_model_kinds(conn, ids)
    conn.execute("delete from credit_rate_claims")
    refresh_credit_rates(conn, ids)
    rebuild_price_points(db)
