"""Migrations are frozen and the views are kept current on open: an old database and a new one end
with the same schema, and opening a database that is in shape writes nothing."""

from __future__ import annotations

import ast
import sqlite3
from pathlib import Path

from sqlite_utils import Database

from db import open_db
from db.migrations import migrations
from db.shape import ensure_db_shape

ROOT = Path(__file__).resolve().parents[1]


def schema(db: Database) -> list[tuple[str, str, str]]:
    rows = db.execute("select type, name, sql from sqlite_master order by type, name").fetchall()
    return [(t, n, " ".join((sql or "").split())) for t, n, sql in rows]


def test_an_old_database_ends_with_the_schema_of_a_new_one(tmp_path: Path) -> None:
    old = Database(tmp_path / "old.db")
    migrations.apply(old, stop_before="m006_price_points")  # as a pingce of that time left it
    old.create_view("prices", "select 1 as stale", replace=True)  # a view an older release defined
    old.execute("drop view claim_evidence")
    old.table("sources").insert({"name": "notes", "type": "clips", "config": "{}"})
    old.table("models").insert({"name": "Kling 2.1", "vendor": "Kuaishou", "brand": "Kling", "aliases": "[]"})
    old.table("documents").insert(
        {
            "id": "clip:a",
            "source": "notes",
            "platform": "clip",
            "text": "可灵2.1 5秒20灵感值",
            "first_seen": "2025-01-01",
        }
    )
    old.table("claims").insert(
        {
            "id": "c1",
            "document_id": "clip:a",
            "kind": "price",
            "model": "Kling 2.1",
            "credits": 20.0,
            "credit_unit": "灵感值",
            "duration_s": 5.0,
            "quote": "5秒20灵感值",
            "section": "body",
        }
    )
    old.conn.commit()
    old.conn.close()
    upgraded = open_db(tmp_path / "old.db")
    assert schema(upgraded) == schema(open_db(":memory:"))
    assert upgraded.table("claims").count == 1, "the data stays"
    points = list(upgraded.query("select model, price_point, document_id from price_point_documents"))
    assert points == [{"model": "Kling 2.1", "price_point": "20 灵感值", "document_id": "clip:a"}]
    assert upgraded.table("price_point_dirty").count == 0, "counted by today's rule as it opened"


def test_opening_a_database_in_shape_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "p.db"
    open_db(path).conn.close()
    conn = sqlite3.connect(path)
    before = conn.execute("pragma schema_version").fetchone()
    ensure_db_shape(Database(conn))
    assert conn.execute("pragma schema_version").fetchone() == before and conn.total_changes == 0


def test_migrations_call_no_code_that_may_change() -> None:
    """Their SQL is theirs: db/migrations.py imports sqlite3, sqlite-utils and the frozen SQL only
    (modules of SQL text that import nothing themselves)."""
    tree = ast.parse((ROOT / "db" / "migrations.py").read_text(encoding="utf-8"))
    imported = {
        node.module if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    frozen = {
        "db.migration_sql",
        "db.migration_views",
        "db.migration_price_points",
        "db.migration_price_tallies",
        "db.migration_rollups",
    }
    assert imported == {"__future__", "sqlite3", "sqlite_utils"} | frozen
    for module in frozen:
        text = (ROOT / (module.replace(".", "/") + ".py")).read_text(encoding="utf-8")
        inner = [n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Import | ast.ImportFrom)]
        assert all(isinstance(n, ast.ImportFrom) and n.module == "__future__" for n in inner), module
