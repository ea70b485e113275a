"""The derived tables of a database, and what a rebuild from its rows alone gives (for comparing the two)."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlite_utils import Database

from db import open_db
from db.price_points import rebuild_price_points
from db.search import SEARCHED, rebuild_search_index, register_functions
from db.store import save_models

_TEMPLATES: dict[tuple[str, ...], sqlite3.Connection] = {}


def four_document_db(models: list[str]) -> Database:
    """A fresh in-memory copy of one migrated database with ``models`` registered (brand: the first
    word) and four documents d0-d3 of one source, dated 2025-01 to 2025-04 (migrating is slow)."""
    key = tuple(models)
    if key not in _TEMPLATES:
        db = open_db(":memory:")
        save_models(db, [{"name": m, "vendor": "v", "brand": m.split()[0], "aliases": []} for m in models])
        db.execute("insert into sources (name, type, config) values ('s', 'feed', '{}')")
        for d in range(4):
            db.execute(
                "insert into documents (id, source, platform, text, first_seen) values (?, 's', 'x', '', ?)",
                [f"d{d}", f"2025-0{d + 1}-01T00:00:00Z"],
            )
        db.conn.commit()
        _TEMPLATES[key] = db.conn
    conn = sqlite3.connect(":memory:")
    _TEMPLATES[key].backup(conn)
    register_functions(conn)
    return Database(conn)


def derived_tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    out: dict[str, list[tuple[Any, ...]]] = {}
    for table in SEARCHED:
        conn.execute(
            f"create virtual table if not exists temp.{table}_terms"
            f" using fts5vocab(main, {table}_fts, instance)"
        )
        out[f"{table}_fts"] = sorted(conn.execute(f"select term, doc, col, offset from temp.{table}_terms"))
    for table in (
        "claim_month_documents",
        "claims_by_month",
        "claim_model_documents",
        "claims_by_model",
        "credit_rate_claims",
        "price_point_documents",
        "price_point_sources",
    ):
        out[table] = sorted(conn.execute(f"select * from {table}"), key=repr)
    out["price_point_lists"] = sorted(conn.execute("select * from price_point_lists"), key=repr)
    out["claims"] = sorted(conn.execute("select id, observed_at, vendor from claims"))
    return out


def rebuilt_tables(conn: sqlite3.Connection) -> dict[str, list[tuple[Any, ...]]]:
    """The derived tables recomputed from the rows alone, in a copy of the database."""
    copy = sqlite3.connect(":memory:")
    conn.backup(copy)
    register_functions(copy)
    rebuild_search_index(copy)
    date = "strftime('%Y-%m-%dT%H:%M:%SZ', coalesce(d.published_at, d.first_seen))"
    copy.execute(f"update claims set observed_at = (select {date} from documents d where d.id = document_id)")
    copy.execute("update claims set vendor = (select vendor from models m where m.name = claims.model)")
    copy.execute("delete from claim_month_documents")
    copy.execute(
        f"""insert into claim_month_documents (document_id, kind, month, claims)
        select c.document_id, c.kind, substr({date}, 1, 7), count(*) from claims c
        join documents d on d.id = c.document_id where c.kind is not null group by 1, 2"""
    )
    copy.execute("delete from claims_by_month")  # what m009's triggers made of the rows above
    copy.execute(
        """insert into claims_by_month (month, kind, claims, documents)
        select month, kind, sum(claims), count(*) from claim_month_documents group by 1, 2"""
    )
    copy.execute("delete from claim_model_documents")  # m018's rows, straight from the claims
    copy.execute(
        """insert into claim_model_documents (document_id, model, kind, claims)
        select document_id, model, kind, count(*) from claims
        where section = 'body' and model is not null and kind is not null group by 1, 2, 3"""
    )
    copy.execute("delete from claims_by_model")
    copy.execute(
        """insert into claims_by_model (model, kind, claims, documents)
        select model, kind, count(*), count(distinct document_id) from claims
        where section = 'body' and model is not null and kind is not null group by 1, 2"""
    )
    copy.execute("delete from credit_rate_claims")  # m020's rows, straight from the claims
    copy.execute(
        """insert into credit_rate_claims (claim_rowid, document_id, model, brand, credit_unit,
            credits_per_cny, credits_per_usd)
        select c.rowid, c.document_id, c.model, m.brand, c.credit_unit, c.credits_per_cny, c.credits_per_usd
        from claims c join models m on m.name = c.model
        where c.kind = 'credit_rate' and coalesce(c.credits_per_cny, c.credits_per_usd) > 0"""
    )
    rebuild_price_points(Database(copy))
    return derived_tables(copy)
