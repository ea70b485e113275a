"""The save_* writers: every write that the pipeline makes goes through here."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from db.price_points import sync_price_points
from db.search import sync_search
from schemas.claim import Claim, claim_id_of
from schemas.document import Document


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def save_raw(db: Database, body: bytes, origin: str, content_type: str | None = None) -> tuple[str, bool]:
    """Store bytes content-addressed, committed at once; returns (sha256, whether they were new)."""
    digest = sha256(body)
    if db.execute("select 1 from raw where sha256 = ?", [digest]).fetchone():
        return digest, False
    db.table("raw").insert(
        {
            "sha256": digest,
            "origin": origin,
            "content_type": content_type,
            "size": len(body),
            "body": body,
            "first_seen": now_iso(),
        },
        pk="sha256",
        ignore=True,
    )
    db.conn.commit()
    return digest, True


def save_source(db: Database, name: str, type_: str, config: dict[str, Any]) -> None:
    row = {
        "name": name,
        "type": type_,
        "config": json.dumps(config, ensure_ascii=False, sort_keys=True, default=str),
    }
    existing = db.execute("select type, config from sources where name = ?", [name]).fetchone()
    if existing != (row["type"], row["config"]):
        db.table("sources").upsert(row, pk="name")
        db.conn.commit()


def save_models(db: Database, models: Iterable[dict[str, Any]]) -> None:
    """Upsert registry rows, writing only those that changed."""
    current = {r[0]: r[1:] for r in db.execute("select name, vendor, brand, aliases from models").fetchall()}
    rows = []
    for m in models:
        row = {
            "name": m["name"],
            "vendor": m.get("vendor"),
            "brand": m.get("brand"),
            "aliases": json.dumps(list(m.get("aliases") or []), ensure_ascii=False),
        }
        if current.get(row["name"]) != (row["vendor"], row["brand"], row["aliases"]):
            rows.append(row)
    if rows:
        db.table("models").upsert_all(rows, pk="name")


def prune_models(db: Database, names: Iterable[str]) -> None:
    """Drop the registry rows of models the registry no longer lists (a brand renamed: LTX became
    LTX-Video) that no claim names; a row a stored claim still names stays until re-extraction."""
    keep = set(names)
    stale = [
        r[0]
        for r in db.execute("select name from models where brand is not null").fetchall()
        if r[0] not in keep
    ]
    for name in stale:
        db.execute(
            "delete from models where name = ? and not exists (select 1 from claims where model = ?)",
            [name, name],
        )


def save_exchange_rate(db: Database, rate: Any, origin: str) -> None:
    """Keep sources.yml's exchange rate (an ExchangeRate, or None to forget it) for the price table."""
    with db.atomic():
        if rate is None:
            db.execute("delete from exchange_rates where pair = 'USD/CNY'")
        else:
            db.execute(
                "insert or replace into exchange_rates (pair, rate, as_of, origin) "
                "values ('USD/CNY', ?, ?, ?)",
                [rate.usd_cny, rate.date.isoformat(), origin],
            )


@dataclass
class SaveResult:
    status: str  # new, changed, unchanged
    claims_new: int = 0
    claims_removed: int = 0


def document_row(doc: Document, source: str, raw_sha: str | None) -> dict[str, Any]:
    return {
        "id": doc.key(),
        "source": source,
        "platform": doc.platform,
        "platform_id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "author": doc.author,
        "published_at": doc.published_at.isoformat() if doc.published_at else None,
        "status": doc.status,
        "truncated": int(doc.truncated),
        "pinned": int(doc.pinned),
        "repost_of": doc.repost_of,
        "via": doc.via,
        "text": doc.text,
        "summary": doc.summary,
        "metadata": json.dumps(doc.metadata, ensure_ascii=False),
        "images": json.dumps(doc.images, ensure_ascii=False),
        "raw_sha256": raw_sha,
        "content_hash": doc.content_hash(),
    }


def claim_row(claim: Claim, document_id: str, version: int) -> dict[str, Any]:
    # claim.model_dump(exclude={"document"}) without pydantic's call: a Claim's fields are plain
    # values, kept in field order in its __dict__ (tests compare the two); copies and deletions,
    # not comprehensions: a first run makes some 20 of these a document
    row = claim.__dict__.copy()
    del row["document"]
    # the id from the same dump (Claim.claim_id's payload is this row without its confidence)
    payload = row.copy()
    del payload["confidence"]
    row.update(id=claim_id_of(payload, document_id), document_id=document_id, extractor_version=version)
    return row


def _ensure_models(db: Database, claims: list[Claim]) -> None:
    names = {c.model for c in claims if c.model} | {c.versus for c in claims if c.versus}
    if not names:
        return
    known = {
        r[0]
        for r in db.execute(
            f"select name from models where name in ({','.join('?' * len(names))})", list(names)
        ).fetchall()
    }
    missing = [{"name": n, "vendor": None, "brand": None, "aliases": "[]"} for n in names - known]
    if missing:
        db.table("models").insert_all(missing, pk="name", ignore=True)


def save_document(
    db: Database,
    doc: Document,
    source: str,
    raw_sha: str | None,
    claims: list[Claim] | None,
    version: int,
) -> SaveResult:
    """Write one document and replace its claims, in one transaction.

    Nothing is written when the document's content and the extractor version are
    unchanged, so re-running on the same input changes nothing.
    """
    row = document_row(doc, source, raw_sha)
    current = db.execute(
        "select content_hash, extractor_version from documents where id = ?", [row["id"]]
    ).fetchone()
    if claims is not None:
        row["extractor_version"] = version
    if current and current[0] == row["content_hash"] and (claims is None or current[1] == version):
        return SaveResult("unchanged")
    status = "new" if current is None else ("changed" if current[0] != row["content_hash"] else "reextracted")
    with db.atomic():
        stamp = now_iso()
        if current is None:
            db.table("documents").insert({**row, "first_seen": stamp, "updated": stamp}, pk="id")
        elif current[0] != row["content_hash"]:
            db.table("documents").update(row["id"], {**row, "updated": stamp})
        else:
            db.table("documents").update(row["id"], {"extractor_version": version})
        result = (
            SaveResult(status) if claims is None else replace_claims(db, row["id"], claims, version, status)
        )
        sync_price_points(db)
        sync_search(db.conn)
        return result


def replace_claims(
    db: Database, document_id: str, claims: list[Claim], version: int, status: str
) -> SaveResult:
    _ensure_models(db, claims)
    rows = {r["id"]: r for r in (claim_row(c, document_id, version) for c in claims)}
    old = {r[0] for r in db.execute("select id from claims where document_id = ?", [document_id]).fetchall()}
    gone = old - rows.keys()
    if gone:
        db.execute(f"delete from claims where id in ({','.join('?' * len(gone))})", list(gone))
    fresh = [r for k, r in rows.items() if k not in old]
    if fresh:
        db.table("claims").insert_all(fresh, pk="id")
    kept = [r for k, r in rows.items() if k in old]
    if kept:
        db.table("claims").upsert_all(kept, pk="id")
    return SaveResult(status, claims_new=len(fresh), claims_removed=len(gone))


def documents_current(db: Database, raw_sha: str, source: str, version: int) -> int:
    """How many documents these exact bytes already gave ``source``, all extracted by ``version`` (else 0)."""
    total, current = db.execute(
        "select count(*), coalesce(sum(extractor_version = ?), 0) from documents"
        " where raw_sha256 = ? and source = ?",
        [version, raw_sha, source],
    ).fetchone()
    return int(total) if total and total == current else 0


def stored_document(db: Database, key: str) -> Document | None:
    """The document stored under ``key`` (``Document.key()``), as parsed, or None."""
    rows = list(db.query("select * from documents where id = ?", [key]))
    return row_to_document(rows[0]) if rows else None


def delete_document(db: Database, key: str, *, via: str) -> int:
    """Remove the document ``key`` and its claims if it came ``via`` that way; returns how many went."""
    row = db.execute("select via from documents where id = ?", [key]).fetchone()
    if row is None or row[0] != via:
        return 0
    with db.atomic():
        db.execute("delete from claims where document_id = ?", [key])
        db.execute("delete from documents where id = ?", [key])
        sync_price_points(db)
        sync_search(db.conn)
    return 1


def save_reextracted(db: Database, document_id: str, claims: list[Claim], version: int) -> SaveResult:
    """Replace a stored document's claims with those of extractor ``version``, in one transaction."""
    with db.atomic():
        result = replace_claims(db, document_id, claims, version, "reextracted")
        db.table("documents").update(document_id, {"extractor_version": version})
        sync_price_points(db)
        sync_search(db.conn)
    return result


def row_to_document(row: dict[str, Any]) -> Document:
    """Rebuild the parsed Document from its stored row (for re-extraction)."""
    return Document(
        platform=row["platform"],
        id=row["platform_id"],
        url=row["url"],
        title=row["title"],
        author=row["author"],
        published_at=dt.datetime.fromisoformat(row["published_at"]) if row["published_at"] else None,
        status=row["status"],
        truncated=bool(row["truncated"]),
        pinned=bool(row["pinned"]),
        repost_of=row["repost_of"],
        text=row["text"] or "",
        summary=row["summary"],
        metadata=json.loads(row["metadata"] or "{}"),
        images=json.loads(row["images"] or "[]"),
        via=row["via"],
    )
