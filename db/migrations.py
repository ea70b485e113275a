"""Schema changes, in order. Never edit an applied migration: add a new one."""
from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("pingce")

CLAIM_NUMBERS = {
    "credits": float, "credit_unit": str, "price_cny": float, "price_usd": float,
    "duration_s": float, "resolution": str, "credits_per_cny": float, "credits_per_usd": float,
    "percent": float, "direction": str, "versus": str,
    "generation_s": float, "generation_s_min": float, "generation_s_max": float,
}


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
            "id": int, "started_at": str, "finished_at": str, "status": str, "exit_code": int,
            "pid": int, "config_path": str, "sources_total": int, "sources_failed": int,
            "raw_new": int, "documents_new": int, "documents_changed": int, "documents_unchanged": int,
            "claims_new": int, "claims_removed": int, "errors": int,
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
            "id": str, "source": str, "platform": str, "platform_id": str, "url": str, "title": str,
            "author": str, "published_at": str, "status": str, "truncated": int, "pinned": int,
            "repost_of": str, "via": str, "text": str, "summary": str, "metadata": str, "images": str,
            "raw_sha256": str, "content_hash": str, "extractor_version": int, "first_seen": str, "updated": str,
        },
        pk="id",
        foreign_keys=[("source", "sources", "name"), ("raw_sha256", "raw", "sha256")],
    )
    db.table("claims").create(
        {
            "id": str, "document_id": str, "kind": str, "model": str, "tier": str,
            **CLAIM_NUMBERS,
            "quote": str, "section": str, "start": int, "end": int, "confidence": float,
            "method": str, "extractor_version": int,
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
        {"source": str, "key": str, "value": str}, pk=("source", "key"),
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
    # shorter queries fall back to LIKE in the search queries (see db/views.py).
    db.table("documents").enable_fts(["title", "text", "summary"], tokenize="trigram", create_triggers=True)
    db.table("claims").enable_fts(["quote", "model"], tokenize="trigram", create_triggers=True)


@migrations()
def m003_views(db: Database) -> None:
    from db.views import create_views

    create_views(db)


@migrations()
def m004_evidence_views(db: Database) -> None:
    from db.views import create_evidence_views

    create_evidence_views(db)


@migrations()
def m005_documents_by_raw(db: Database) -> None:
    # `pingce run` asks "did these bytes already give documents?" for every input.
    db.table("documents").create_index(["raw_sha256", "source"])
