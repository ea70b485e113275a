"""Work over what is stored, never the network: re-extract claims, re-parse raw bytes."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable

from sqlite_utils import Database

from db.price_events import record_price_changes
from db.reads import documents_to_reextract, stored_inputs
from db.store import save_reextracted
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
    sync_models(db)
    counts: Counter[str] = Counter()
    for doc_id, doc in documents_to_reextract(db, EXTRACTOR_VERSION, every=force):
        claims = extract_document(doc, doc.url or doc_id) if doc.status == "ok" else []
        result = save_reextracted(db, doc_id, claims, EXTRACTOR_VERSION)
        counts["documents"] += 1
        counts["claims_new"] += result.claims_new
        counts["claims_removed"] += result.claims_removed
        if progress:
            progress(doc_id)
    with db.atomic():
        counts["price_events"] = record_price_changes(db)
    return counts


def reparse(db: Database, *, progress: Callable[[str], None] | None = None) -> Counter[str]:
    """Parse stored raw bytes again (after a parser change) and extract; no network.

    Documents whose parsed content is unchanged are left as they are.
    """
    sync_models(db)
    counts: Counter[str] = Counter()
    for source, sha, body, origin, content_type in stored_inputs(db, REPARSABLE_VIA):
        try:
            docs = parse_bytes(body, origin, origin if "://" in origin else None, content_type)
        except ParseError as exc:
            log.warning("%s: %s: no longer parses: %s", source, origin, exc)
            counts["errors"] += 1
            continue
        for doc in docs:
            save_extracted(db, doc, source, sha, origin, counts)
        if progress:
            progress(origin)
    with db.atomic():
        counts["price_events"] = record_price_changes(db)
    return counts
