"""One run: every enabled source → raw bytes → documents → claims, recorded in `runs`."""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlite_utils import Database

from db.runs import finish_run, record_error, refresh_statistics, start_run
from db.state import HttpCacheTable, SourceStateTable
from db.store import (
    delete_document,
    documents_current,
    save_document,
    save_exchange_rate,
    save_models,
    save_raw,
    save_source,
    stored_document,
)
from ingest.extract import EXTRACTOR_VERSION, extract_document, iter_models
from ingest.parsers import parse_bytes
from ingest.reader import Fetched, SourceContext, SourceError, published_before
from ingest.redact import RedactedState, redact, register
from ingest.source_types import reader_for
from schemas.config import Config
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)

EXIT_OK, EXIT_SOURCE_FAILED, EXIT_CONFIG, EXIT_LOCKED = 0, 1, 2, 75


@dataclass
class RunSummary:
    run_id: int
    counts: Counter[str] = field(default_factory=Counter)
    failed_sources: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return EXIT_SOURCE_FAILED if self.failed_sources else EXIT_OK


def sync_models(db: Database) -> None:
    with db.atomic():
        save_models(db, iter_models())


def store_item(
    db: Database, item: Fetched, source: str, since: dt.datetime | None, summary: RunSummary
) -> bool:
    """Store one input and what it holds; returns False when it failed."""
    raw_sha, new = None, True
    if item.store_raw and item.body:
        raw_sha, new = save_raw(db, item.body, item.origin, item.content_type)
        summary.counts["raw_new"] += int(new)
    if item.error:
        _fail(db, summary, source, item.origin, item.error, raw_sha)
        return False
    if raw_sha and not new and item.documents is None:
        # unchanged input costs one lookup instead of a parse and an extraction
        done = documents_current(db, raw_sha, source, EXTRACTOR_VERSION)
        if done:
            summary.counts["documents_unchanged"] += done
            return True
    try:
        if item.documents is not None:
            docs = item.documents
        else:
            docs = parse_bytes(item.body, item.origin, item.url, item.content_type)
    except ParseError as exc:
        _fail(db, summary, source, item.origin, str(exc), raw_sha)
        return False
    except Exception as exc:  # a parser bug fails this file, never the rest of the source
        log.debug("parsing %s crashed", item.origin, exc_info=True)
        _fail(db, summary, source, item.origin, f"cannot parse: {type(exc).__name__}: {exc}", raw_sha)
        return False
    for doc in docs:
        if published_before(doc, since):
            continue
        try:
            save_extracted(db, doc, source, raw_sha, item.origin, summary.counts)
        except sqlite3.DatabaseError:
            raise  # the database itself failed: nothing later can be stored either
        except Exception as exc:  # an extractor bug fails this document, never the rest
            log.debug("extracting %s crashed", item.origin, exc_info=True)
            _fail(db, summary, source, item.origin, f"cannot extract: {type(exc).__name__}: {exc}", raw_sha)
            return False
    for key in item.supersedes:
        summary.counts["documents_superseded"] += delete_document(db, key, via="feed")
    return True


def save_extracted(
    db: Database, doc: Document, source: str, raw_sha: str | None, origin: str, counts: Counter[str]
) -> None:
    """Extract a parsed document's claims and store both; count what happened in ``counts``."""
    claims = extract_document(doc, doc.url or origin) if doc.status == "ok" else []
    result = save_document(db, doc, source, raw_sha, claims, EXTRACTOR_VERSION)
    counts[f"documents_{result.status}"] += 1
    counts["claims_new"] += result.claims_new
    counts["claims_removed"] += result.claims_removed


def _fail(
    db: Database, summary: RunSummary, source: str, origin: str, error: str, raw_sha: str | None
) -> None:
    origin, error = redact(origin), redact(error)  # the one place errors are written
    line = f"{source}: {origin}: {error}"
    log.warning(line)
    summary.errors.append(line)
    if source not in summary.failed_sources:
        summary.failed_sources.append(source)
    record_error(db, summary.run_id, source, origin, error, raw_sha)


def run_sources(
    db: Database,
    config: Config,
    config_path: str,
    *,
    since: dt.datetime | None = None,
    only: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    deadline_s: float | None = None,
) -> RunSummary:
    """Run every enabled source once; one failing source never stops the others.

    ``deadline_s`` (else ``http.run_deadline_s``) bounds the whole run: requests stop
    at it, and the sources or inputs left are recorded as errors (exit 1).
    """
    sources = [s for s in config.sources if s.enabled and (not only or s.name in only)]
    summary = RunSummary(run_id=start_run(db, config_path, len(sources)))
    limit = deadline_s or config.http.run_deadline_s
    ends_at = time.monotonic() + limit if limit else None
    http = config.http.for_run(ends_at)
    sync_models(db)
    save_exchange_rate(db, config.exchange_rate, config_path)
    for source in sources:
        save_source(db, source.name, source.type, source.model_dump(mode="json"))
        if ends_at is not None and time.monotonic() >= ends_at:
            _fail(
                db, summary, source.name, source.name, f"not run: the run deadline ({limit:g}s) passed", None
            )
            continue
        env = dict(os.environ)
        register(env.get(str(getattr(source, "cookies_env", "") or "")))
        ctx = SourceContext(
            source=source.name,
            http=http,
            state=RedactedState(SourceStateTable(db, source.name)),
            http_cache=HttpCacheTable(db),
            stored=lambda key: stored_document(db, key),
            since=since,
            env=env,
        )
        items = reader_for(source)(source, ctx)
        try:
            for item in items:
                store_item(db, item, source.name, since, summary)
                if progress:
                    progress(item.origin)
                if ends_at is not None and time.monotonic() >= ends_at:
                    _fail(
                        db,
                        summary,
                        source.name,
                        source.name,
                        f"stopped after {item.origin}: the run deadline ({limit:g}s) passed; the rest is "
                        "left for the next run",
                        None,
                    )
                    break
        except SourceError as exc:
            _fail(db, summary, source.name, source.name, str(exc), None)
        except Exception as exc:  # one broken source must not stop the run
            log.debug("source %s crashed", source.name, exc_info=True)
            _fail(db, summary, source.name, source.name, f"{type(exc).__name__}: {exc}", None)
        finally:
            close = getattr(items, "close", None)
            if close is not None:
                close()  # a reader stopped early releases its client and files now
    counts = {
        k: summary.counts[k]
        for k in (
            "raw_new",
            "documents_new",
            "documents_changed",
            "documents_unchanged",
            "claims_new",
            "claims_removed",
        )
    }
    counts.update(sources_failed=len(summary.failed_sources), errors=len(summary.errors))
    if refresh_statistics(db, counts["documents_new"] + counts["documents_changed"]):
        log.info("large run: the query planner's statistics were refreshed (ANALYZE)")
    finish_run(db, summary.run_id, counts, summary.exit_code)
    return summary
