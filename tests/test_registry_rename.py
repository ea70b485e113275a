"""A brand renamed in the registry (LTX became LTX-Video, its versions still written LTX 2): the
model filter still finds its models by every name of the brand, and a run drops the old registry
row unless a stored claim still names it."""

from __future__ import annotations

from sqlite_utils import Database

from db import open_db
from db.sql_parts import MODELS_NAMED
from db.store import prune_models, save_models
from ingest.extract import iter_models
from ingest.pipeline import sync_models


def _named(db: Database, value: str) -> set[str]:
    return {r[0] for r in db.execute(MODELS_NAMED[1:-1].replace(":model", "?"), [value]).fetchall()}


def test_versions_written_apart_from_the_brand_are_found_by_every_name_of_the_brand() -> None:
    db = open_db(":memory:")
    save_models(db, iter_models())
    for spelling in ("LTX 2", "LTX-2", "LTXV-2", "ltx video 2", "Lightricks LTX 2"):
        assert _named(db, spelling) == {"LTX 2"}, spelling
    assert {"LTX 2", "LTX-Video"} <= _named(db, "LTXV")  # the bare brand: all its models
    assert _named(db, "Kling 2.1 Master") == {"Kling 2.1 Master"}  # names led by the brand as before
    assert _named(db, "可灵 2.1 Master") == {"Kling 2.1 Master"}  # a brand alias, then the rest


def test_a_run_drops_a_renamed_brands_old_row_unless_a_claim_still_names_it() -> None:
    db = open_db(":memory:")
    old = [
        {"name": "LTX", "vendor": "Lightricks", "brand": "LTX", "aliases": []},
        {"name": "Old Model 1", "vendor": "V", "brand": "Old", "aliases": []},
    ]
    save_models(db, old)
    db.execute(
        "insert into models (name, vendor, brand, aliases) values ('Some Unregistered', null, null, '[]')"
    )
    sync_models(db)
    names = {r[0] for r in db.execute("select name from models").fetchall()}
    assert "LTX" not in names and "Old Model 1" not in names
    assert {"LTX-Video", "LTX 2", "Some Unregistered"} <= names  # rows not from the registry stay


def test_a_registry_row_a_claim_still_names_is_kept() -> None:
    db = open_db(":memory:")
    save_models(db, [{"name": "LTX", "vendor": "Lightricks", "brand": "LTX", "aliases": []}])
    db.conn.execute("pragma foreign_keys = off")
    db.execute(
        "insert into claims (id, document_id, kind, model, quote, start, end, section, confidence, method)"
        " values ('c1', 'd1', 'bug', 'LTX', 'q', 0, 1, 'body', 0.5, 'rules/1:cue')"
    )
    prune_models(db, [])
    assert db.execute("select count(*) from models where name = 'LTX'").fetchone()[0] == 1
