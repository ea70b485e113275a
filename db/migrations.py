"""Schema changes, in order. Never edit an applied migration: add a new one.

Each migration's SQL is its own, written in it or frozen in ``db/migration_sql.py``;
nothing here calls code that may change later. Views that may change are
recreated on every open instead (``db.shape.ensure_db_shape``).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

from db.migration_price_points import M006_CLAIM_TRIGGERS, M006_TABLES
from db.migration_price_tallies import (
    M006_FILL_DOCUMENTS,
    M006_FILL_LISTS,
    M006_LIST_TRIGGERS,
    M006_TALLY_TRIGGERS,
    M010_DIRTY_TRIGGERS,
    M010_MARK_ALL_DIRTY,
    M013_PRICE_EVENTS,
    M016_PRICE_RANKS,
)
from db.migration_rollups import (
    M018_CLAIMS_BY_MODEL,
    M019_PRICE_POINT_MONTHS,
    M020_CREDIT_RATE_CLAIMS,
    M021_PRICE_POINT_MONTHS_BY_KEY,
)
from db.migration_sql import (
    M009_CLAIMS_BY_MONTH,
    M009_OBSERVED_AT,
    M012_CLAIM_VENDOR,
    M014_SEARCH,
    M015_COMPARE_MODELS,
    M017_DOCUMENTS_BY_DATE,
)
from db.migration_views import M003_VIEWS, M004_VIEWS, M010_MODEL_KEYS_VIEW, M011_MODEL_KEYS_VIEW

migrations = Migrations("pingce")


@migrations()
def m001_core(db: Database) -> None:
    db.table("sources").create({"name": str, "type": str, "config": str}, pk="name")
    db.table("raw").create(
        {"sha256": str, "origin": str, "content_type": str, "size": int, "body": bytes, "first_seen": str},
        pk="sha256",
    )
    db.table("models").create({"name": str, "vendor": str, "brand": str, "aliases": str}, pk="name")
    db.table("runs").create(
        {
            "id": int,
            "started_at": str,
            "finished_at": str,
            "status": str,
            "exit_code": int,
            "pid": int,
            "config_path": str,
            "sources_total": int,
            "sources_failed": int,
            "raw_new": int,
            "documents_new": int,
            "documents_changed": int,
            "documents_unchanged": int,
            "claims_new": int,
            "claims_removed": int,
            "errors": int,
        },
        pk="id",
    )
    db.table("run_errors").create(
        {"id": int, "run_id": int, "source": str, "origin": str, "error": str, "raw_sha256": str},
        pk="id",
        foreign_keys=[("run_id", "runs", "id"), ("raw_sha256", "raw", "sha256")],
    )
    db.table("documents").create(
        {
            "id": str,
            "source": str,
            "platform": str,
            "platform_id": str,
            "url": str,
            "title": str,
            "author": str,
            "published_at": str,
            "status": str,
            "truncated": int,
            "pinned": int,
            "repost_of": str,
            "via": str,
            "text": str,
            "summary": str,
            "metadata": str,
            "images": str,
            "raw_sha256": str,
            "content_hash": str,
            "extractor_version": int,
            "first_seen": str,
            "updated": str,
        },
        pk="id",
        foreign_keys=[("source", "sources", "name"), ("raw_sha256", "raw", "sha256")],
    )
    db.table("claims").create(
        {
            "id": str,
            "document_id": str,
            "kind": str,
            "model": str,
            "tier": str,
            "credits": float,
            "credit_unit": str,
            "price_cny": float,
            "price_usd": float,
            "duration_s": float,
            "resolution": str,
            "credits_per_cny": float,
            "credits_per_usd": float,
            "percent": float,
            "direction": str,
            "versus": str,
            "generation_s": float,
            "generation_s_min": float,
            "generation_s_max": float,
            "quote": str,
            "section": str,
            "start": int,
            "end": int,
            "confidence": float,
            "method": str,
            "extractor_version": int,
        },
        pk="id",
        foreign_keys=[("document_id", "documents", "id"), ("model", "models", "name")],
    )
    db.table("claims").create_index(["document_id"])
    db.table("claims").create_index(["kind", "model"])
    db.table("documents").create_index(["source"])
    db.table("documents").create_index(["published_at"])
    db.table("run_errors").create_index(["run_id"])
    db.table("source_state").create(
        {"source": str, "key": str, "value": str},
        pk=("source", "key"),
        foreign_keys=[("source", "sources", "name")],
    )
    db.table("http_cache").create(
        {"url": str, "etag": str, "last_modified": str, "raw_sha256": str, "status": int},
        pk="url",
        foreign_keys=[("raw_sha256", "raw", "sha256")],
    )


@migrations()
def m002_search(db: Database) -> None:
    # trigram finds any substring of three or more characters in Chinese text;
    # shorter queries go through m007's vocabulary tables or LIKE (db/queries.py).
    db.table("documents").enable_fts(["title", "text", "summary"], tokenize="trigram", create_triggers=True)
    db.table("claims").enable_fts(["quote", "model"], tokenize="trigram", create_triggers=True)


@migrations()
def m003_views(db: Database) -> None:
    for name, sql in M003_VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


@migrations()
def m004_evidence_views(db: Database) -> None:
    for name, sql in M004_VIEWS.items():
        db.create_view(name, sql.strip(), replace=True)


@migrations()
def m005_documents_by_raw(db: Database) -> None:
    # `pingce run` asks "did these bytes already give documents?" for every input.
    db.table("documents").create_index(["raw_sha256", "source"])


# ---------------------------------------------------------------- m006: price points
# The price table's evidence kept as claims are written (the tables and why: db/migration_price_points.py).


def _fill_m006_price_points(db: Database) -> None:
    """Fill the price-point tables from the claims (m006; or after a load that bypassed the triggers).

    price_point_sources is kept by its triggers as the rows go in; the lists are
    filled in one pass, with their per-row triggers dropped meanwhile.
    """
    for name in M006_LIST_TRIGGERS:
        db.execute(f"drop trigger if exists {name}")
    for table in ("price_point_lists", "price_point_documents", "price_point_sources"):
        db.execute(f"delete from {table}")
    db.execute(M006_FILL_DOCUMENTS)
    db.execute(M006_FILL_LISTS)
    for name, body in M006_LIST_TRIGGERS.items():
        db.execute(f"create trigger {name} {body}")


@migrations()
def m006_price_points(db: Database) -> None:
    for statement in M006_TABLES:
        db.execute(statement)
    for name, body in {**M006_CLAIM_TRIGGERS, **M006_TALLY_TRIGGERS}.items():
        db.execute(f"create trigger {name} {body}")
    _fill_m006_price_points(db)


@migrations()
def m007_two_character_search(db: Database) -> None:
    # The search query finds a two-character word through the trigrams that start with it
    # (listed by these fts5vocab tables), and at the end of a column through its last two
    # characters, lower-cased as LIKE compares them (see SEARCH_SQL in db/queries.py).
    for table in ("claims", "documents"):
        db.execute(f"create virtual table {table}_fts_vocab using fts5vocab({table}_fts, 'row')")
    for table, column in (
        ("claims", "quote"),
        ("claims", "model"),
        ("documents", "title"),
        ("documents", "text"),
        ("documents", "summary"),
    ):
        db.execute(f"create index {table}_{column}_tail on {table} (lower(substr({column}, -2)))")


@migrations()
def m008_claim_feature(db: Database) -> None:
    # capability and limitation claims name the feature they are about (one claim per feature)
    db.table("claims").add_column("feature", str)


def run_script(db: Database, script: str) -> None:
    """Execute ``script`` statement by statement, in the migration's transaction (executescript commits)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement[:80]}")


# ---------------------------------------------------------------- m009: pages at a million claims
# Claims per month and kind (the claims_over_time query and chart) are kept as claims are
# written, like the price points: claim_month_documents holds one row per document and kind
# with its claim count and the month of its document's date; claims_by_month adds those
# rows up per month and kind (its documents = that many rows). The chart reads a few
# hundred rows instead of grouping every claim with its document. (SQL: db/migration_sql.py)
#
# Each claim carries its document's date (observed_at: published, else first seen, UTC), kept by
# triggers, so that the claim pages sort newest first through an index on claims and count and
# facet without reading documents (their views join documents with a LEFT JOIN that SQLite leaves
# out when a query needs no document column). The FTS triggers of m002 re-indexed a row on any
# update, so setting observed_at (or an extractor version) re-indexed its text: they now fire
# only when an indexed column changes.
@migrations()
def m009_fast_pages(db: Database) -> None:
    run_script(db, M009_CLAIMS_BY_MONTH)
    run_script(db, M009_OBSERVED_AT)
    db.execute("analyze")


# ---------------------------------------------------------------- m010: a document's own price points
# m006 counted every claim's price point for its key as stated. A document's claims are
# now read together first (db/price_points.py: fill the resolution and clip length from
# the same document, points agreeing through its rate are one, one price per document and
# key), which needs all of a document's claims at once: these triggers only list the
# documents whose price evidence changed, and db.price_points.sync_price_points (called by
# every writer and on every open) recomputes them.
@migrations()
def m010_document_price_points(db: Database) -> None:
    for name in (
        "price_points_claims_ai",
        "price_points_claims_ad",
        "price_points_claims_au",
        "price_points_documents_ai",
        "price_points_documents_au",
        "price_points_documents_ad",
    ):
        db.execute(f"drop trigger if exists {name}")
    db.execute("create table price_point_dirty (document_id text primary key) without rowid")
    for sql in M010_DIRTY_TRIGGERS:
        db.execute(sql)
    # every document with price evidence is recounted by the rule of db/price_points.py as the
    # database opens (ensure_db_shape syncs what price_point_dirty lists)
    db.execute(M010_MARK_ALL_DIRTY)
    # the exchange rate of sources.yml (`exchange_rate:`), written by each run
    db.execute(
        "create table exchange_rates (pair text primary key, rate real not null, as_of text, origin text)"
    )
    db.execute(M010_MODEL_KEYS_VIEW)


@migrations()
def m011_model_keys_brands(db: Database) -> None:
    # a brand stands for its models even when the registry has no row for the bare brand
    db.execute("drop view if exists model_keys")
    db.execute(M011_MODEL_KEYS_VIEW)


# ---------------------------------------------------------------- m012: claims by vendor
# The claims table is faceted by vendor: each claim carries its model's vendor from the
# registry, kept by triggers as claims are written and when the registry changes a vendor.
@migrations()
def m012_claim_vendor(db: Database) -> None:
    run_script(db, M012_CLAIM_VENDOR)


# ---------------------------------------------------------------- m013: price changes over time
# What moved in the price table is recorded as events (price_events: new, changed, conflict,
# resolved, removed), so other tools can follow the table instead of diffing it. Triggers list
# the models whose price points changed (price_event_dirty); db.price_events.record_price_changes
# compares their price-table rows with the last ones it saw (price_event_state) and writes one
# event per difference. A database that already has prices gets them as a baseline: every model
# is listed here with backfill=1, so its existing rows become `new` events marked backfilled.
@migrations()
def m013_price_events(db: Database) -> None:
    run_script(db, M013_PRICE_EVENTS)


# ---------------------------------------------------------------- m014: search across scripts
# The search indexes hold each column's Simplified copy (db/search.py), so 变形 finds 變形 and the
# other way round; quotes and texts stay verbatim. Contentless: the copy is indexed, not stored. The
# conversion is code (OpenCC's tables), so it is not called here: the index records which tables
# built it, and db.shape fills it when there is no record and rebuilds it when they change
# (db.search.ensure_search_index).
@migrations()
def m014_search_simplified(db: Database) -> None:
    run_script(db, M014_SEARCH)


# ---------------------------------------------------------------- m015: compare_models by model
# compare_models reads model by model: counts of claims and documents per kind of a model come
# from one covering index (a database that already has it, such as a bench snapshot, keeps it).
@migrations()
def m015_compare_models(db: Database) -> None:
    run_script(db, M015_COMPARE_MODELS)


# ---------------------------------------------------------------- m016: the price table kept
# The price table ranked every price point of every key on each request (seconds at a million
# claims). Its ranked points are now kept per model in price_ranks, refreshed with the price
# changes (db.price_events.refresh_ranks, in the writer's transaction); a model whose price points
# changed since is ranked as the query runs (db.queries.served_price_ctes).
@migrations()
def m016_price_ranks(db: Database) -> None:
    run_script(db, M016_PRICE_RANKS)


# ---------------------------------------------------------------- m017: documents by date
# The search query pages through the documents that match newest first (db/queries.py).
@migrations()
def m017_documents_by_date(db: Database) -> None:
    run_script(db, M017_DOCUMENTS_BY_DATE)


# ---------------------------------------------------------------- m018: claims per model and kind
# compare_models counted a model's body claims and their documents per kind from the index on
# claims (every claim of the model, a temporary sort of its documents): the counts are kept per
# model and kind instead, like claims_by_month (SQL: db/migration_rollups.py).
@migrations()
def m018_claims_by_model(db: Database) -> None:
    run_script(db, M018_CLAIMS_BY_MODEL)


# ---------------------------------------------------------------- m019: price points per month
# price_table with ``since`` counted every price point's documents since then on each request (seconds
# at a million claims): whole months after the month of ``since`` are read from price_point_months,
# kept with price_ranks (SQL: db/migration_rollups.py).
@migrations()
def m019_price_point_months(db: Database) -> None:
    run_script(db, M019_PRICE_POINT_MONTHS)


# ---------------------------------------------------------------- m020: credit-rate claims by brand
# The price table's credit rates grouped every credit-rate claim by its model's brand on each request:
# those claims are kept with their brand, in the groups' order (SQL: db/migration_rollups.py).
@migrations()
def m020_credit_rate_claims(db: Database) -> None:
    run_script(db, M020_CREDIT_RATE_CLAIMS)


# ---------------------------------------------------------------- m021: price points per month by key
# price_table with ``since`` counts the keys of the rows it shows only, reading their months by key
# (SQL: db/migration_rollups.py).
@migrations()
def m021_price_point_months_by_key(db: Database) -> None:
    run_script(db, M021_PRICE_POINT_MONTHS_BY_KEY)
