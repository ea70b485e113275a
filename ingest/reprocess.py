"""Work over what is stored, never the network: re-extract claims, re-parse raw bytes."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

from sqlite_utils import Database

from db.store import _replace_claims, row_to_document
from ingest.extract import EXTRACTOR_VERSION, extract_document
from ingest.parsers import parse_bytes
from ingest.pipeline import save_extracted, sync_models
from schemas.document import ParseError

log = logging.getLogger(__name__)

# Documents a fetcher assembled from several answers (a Weibo timeline page plus its
# long-text expansions) cannot be rebuilt from one raw input: they are only re-extracted.
REPARSABLE_VIA = ("clip", "file", "page", "feed")


def reextract(
    db: Database, *, force: bool = False, progress: Callable[[str], None] | None = None
) -> Counter[str]:
    """Re-run extraction over stored documents whose claims came from another extractor version."""
    version = EXTRACTOR_VERSION
    sync_models(db)
    counts: Counter[str] = Counter()
    where = "" if force else "where extractor_version is null or extractor_version != ?"
    params = [] if force else [version]
    ids = [r[0] for r in db.execute(f"select id from documents {where} order by id", params).fetchall()]
    for doc_id in ids:
        row = next(db.query("select * from documents where id = ?", [doc_id]))
        doc = row_to_document(row)
        claims = extract_document(doc, row["url"] or doc_id) if doc.status == "ok" else []
        with db.atomic():
            result = _replace_claims(db, doc_id, claims, version, "reextracted")
            db.table("documents").update(doc_id, {"extractor_version": version})
        counts["documents"] += 1
        counts["claims_new"] += result.claims_new
        counts["claims_removed"] += result.claims_removed
        if progress:
            progress(doc_id)
    return counts


def reparse(db: Database, *, progress: Callable[[str], None] | None = None) -> Counter[str]:
    """Parse stored raw bytes again (after a parser change) and extract; no network.

    Documents whose parsed content is unchanged are left as they are.
    """
    sync_models(db)
    counts: Counter[str] = Counter()
    marks = ",".join("?" * len(REPARSABLE_VIA))
    pairs = db.execute(
        f"select distinct raw_sha256, source from documents where raw_sha256 is not null and via in ({marks})"
        " order by raw_sha256, source",
        list(REPARSABLE_VIA),
    ).fetchall()
    for sha, source in pairs:
        body, origin = db.execute("select body, origin from raw where sha256 = ?", [sha]).fetchone()
        try:
            docs = parse_bytes(body, origin, origin if "://" in origin else None)
        except ParseError as exc:
            log.warning("%s: %s: no longer parses: %s", source, origin, exc)
            counts["errors"] += 1
            continue
        for doc in docs:
            save_extracted(db, doc, source, sha, origin, counts)
        if progress:
            progress(origin)
    return counts
