"""One run: every enabled source → raw bytes → documents → claims, recorded in `runs`."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from db.batch import BatchWriter
from db.price_events import record_price_changes
from db.runs import finish_run, record_error, refresh_statistics, start_run
from db.state import HttpCacheTable, SourceStateTable
from db.store import (
    delete_document,
    documents_current,
    prune_models,
    save_document,
    save_exchange_rate,
    save_models,
    save_source,
    sha256,
    stored_document,
)
from ingest.extract import EXTRACTOR_VERSION, extract_document, iter_models
from ingest.prepare import Prepared, Preparer, Task, default_workers
from ingest.reader import Fetched, SourceContext, SourceError
from ingest.redact import RedactedState, one_line, redact, register
from ingest.source_types import reader_for
from schemas.config import Config, SourceConfig
from schemas.document import Document

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
    models = list(iter_models())
    with db.atomic():
        save_models(db, models)
        prune_models(db, (m["name"] for m in models))


class Ingest:
    """One run's writing side: raw bytes and documents go into batches, parsing and extraction
    into a :class:`Preparer` (worker processes on large runs), results are written in order."""

    def __init__(self, db: Database, summary: RunSummary, workers: int | None = None) -> None:
        self.db = db
        self.summary = summary
        self.writer = BatchWriter(db)
        self.preparer = Preparer(default_workers() if workers is None else workers)

    def store_item(self, item: Fetched, source: str, since: dt.datetime | None) -> None:
        """Store one input; what it holds is written as soon as it is prepared."""
        raw_sha, new = None, True
        if item.store_raw and item.body:
            raw_sha = sha256(item.body)
            new = self.writer.save_raw(raw_sha, item.body, item.origin, item.content_type)
            self.summary.counts["raw_new"] += int(new)
        if item.error:
            self.flush()
            _fail(self.db, self.summary, source, item.origin, item.error, raw_sha)
            return
        if raw_sha and not new and item.documents is None:
            # unchanged input costs one lookup instead of a parse and an extraction
            done = documents_current(self.db, raw_sha, source, EXTRACTOR_VERSION)
            if done:
                self.summary.counts["documents_unchanged"] += done
                return
        task = Task(
            origin=item.origin,
            source=source,
            raw_sha=raw_sha,
            body=item.body if item.documents is None else None,
            url=item.url,
            content_type=item.content_type,
            documents=item.documents,
            since=since,
        )
        for prepared in self.preparer.submit(task):
            self._write(prepared)
        if item.supersedes:
            self.flush()
            for key in item.supersedes:
                self.summary.counts["documents_superseded"] += delete_document(self.db, key, via="feed")

    def _write(self, prepared: Prepared) -> None:
        task, counts = prepared.task, self.summary.counts
        for row, claims, points in prepared.rows:
            result = self.writer.save_values(row, claims, EXTRACTOR_VERSION, points)
            counts[f"documents_{result.status}"] += 1
            counts["claims_new"] += result.claims_new
            counts["claims_removed"] += result.claims_removed
        if prepared.error is not None:
            _fail(self.db, self.summary, task.source, task.origin, prepared.error, task.raw_sha)

    def flush(self) -> None:
        """Write everything prepared so far and commit (before a fetcher's state is committed)."""
        for prepared in self.preparer.drain():
            self._write(prepared)
        self.writer.flush()

    def stored(self, key: str) -> Document | None:
        """The stored document ``key``, after writing everything prepared before it is asked for."""
        self.flush()
        return stored_document(self.db, key)

    def abandon(self) -> None:
        """Stop the workers without writing what they prepared (the database failed)."""
        self.preparer.close()

    def close(self) -> None:
        try:
            for prepared in self.preparer.drain():
                self._write(prepared)
            self.writer.finish()  # the last batch, then the indexes a large run set aside
        finally:
            self.preparer.close()


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
    # the one place errors are written: secrets masked, one printable line, the source named once
    error = re.sub(rf"^(?:[\w-]+ )?{re.escape(source)}: ", "", one_line(error))
    origin = redact(origin)
    line = one_line(f"{source}: {error}" if origin == source else f"{source}: {origin}: {error}")
    log.info(line)  # the CLI prints each error once, after the run
    summary.errors.append(line)
    if source not in summary.failed_sources:
        summary.failed_sources.append(source)
    record_error(db, summary.run_id, source, origin, error, raw_sha)


def _deadline_passed(ends_at: float | None) -> bool:
    return ends_at is not None and time.monotonic() >= ends_at


def _stop_at_deadline(ingest: Ingest, source: str, error: str) -> None:
    """Commit what was read, then record why the source stops here."""
    ingest.flush()
    _fail(ingest.db, ingest.summary, source, source, error, None)


def _run_source(
    db: Database,
    ingest: Ingest,
    source: SourceConfig,
    http: Any,
    since: dt.datetime | None,
    progress: Callable[[str], None] | None,
    ends_at: float | None,
    limit: float | None,
) -> None:
    summary = ingest.summary
    env = dict(os.environ)
    register(env.get(str(getattr(source, "cookies_env", "") or "")))
    # A fetcher's cursor or validators are committed only with every document read before them.
    ctx = SourceContext(
        source=source.name,
        http=http,
        state=RedactedState(SourceStateTable(db, source.name, before_commit=ingest.flush)),
        http_cache=HttpCacheTable(db, before_commit=ingest.flush),
        stored=lambda key: ingest.stored(key),
        since=since,
        env=env,
    )
    items = reader_for(source)(source, ctx)
    try:
        for item in items:
            ingest.store_item(item, source.name, since)
            if progress:
                progress(item.origin)
            if _deadline_passed(ends_at):
                _stop_at_deadline(
                    ingest,
                    source.name,
                    f"stopped after {item.origin}: the run deadline ({limit:g}s) passed; the rest is "
                    "left for the next run",
                )
                break
        ingest.flush()
    except SourceError as exc:
        ingest.flush()
        _fail(db, summary, source.name, source.name, str(exc), None)
    except sqlite3.DatabaseError:
        raise  # the database failed, not the source: the run stops (see run_sources)
    except Exception as exc:  # one broken source must not stop the run
        log.debug("source %s crashed", source.name, exc_info=True)
        ingest.flush()
        _fail(db, summary, source.name, source.name, f"{type(exc).__name__}: {exc}", None)
    finally:
        close = getattr(items, "close", None)
        if close is not None:
            close()  # a reader stopped early releases its client and files now


def run_sources(
    db: Database,
    config: Config,
    config_path: str,
    *,
    since: dt.datetime | None = None,
    only: list[str] | None = None,
    progress: Callable[[str], None] | None = None,
    deadline_s: float | None = None,
    workers: int | None = None,
) -> RunSummary:
    """Run every enabled source once; one failing source never stops the others.

    ``deadline_s`` (else ``http.run_deadline_s``) bounds the whole run: requests stop
    at it, and the sources or inputs left are recorded as errors (exit 1). ``workers``
    processes parse and extract on a large run (default: one per core; 0: in-process).
    """
    sources = [s for s in config.sources if s.enabled and (not only or s.name in only)]
    summary = RunSummary(run_id=start_run(db, config_path, len(sources)))
    try:
        _run_all(db, config, config_path, sources, summary, since, progress, deadline_s, workers)
    except sqlite3.DatabaseError as exc:  # full disk, a file damaged under us: close the run row if we can
        try:
            db.conn.rollback()
            finish_run(db, summary.run_id, {"errors": len(summary.errors) + 1}, EXIT_SOURCE_FAILED)
        except sqlite3.DatabaseError:
            log.debug("could not close run %d", summary.run_id, exc_info=True)
        raise RunStopped(summary.run_id, exc) from exc
    return summary


class RunStopped(Exception):
    """The database failed partway through a run (disk full, file damaged): the run stopped."""

    def __init__(self, run_id: int, cause: sqlite3.DatabaseError) -> None:
        super().__init__(f"run {run_id} stopped: {cause}")
        self.run_id, self.cause = run_id, cause


def _run_all(
    db: Database,
    config: Config,
    config_path: str,
    sources: list[SourceConfig],
    summary: RunSummary,
    since: dt.datetime | None,
    progress: Callable[[str], None] | None,
    deadline_s: float | None,
    workers: int | None,
) -> None:
    limit = deadline_s or config.http.run_deadline_s
    ends_at = time.monotonic() + limit if limit else None
    http = config.http.for_run(ends_at)
    sync_models(db)
    save_exchange_rate(db, config.exchange_rate, config_path)
    ingest = Ingest(db, summary, workers)
    broken = False
    try:
        for source in sources:
            save_source(db, source.name, source.type, source.model_dump(mode="json"))
            if _deadline_passed(ends_at):
                _stop_at_deadline(ingest, source.name, f"not run: the run deadline ({limit:g}s) passed")
                continue
            _run_source(db, ingest, source, http, since, progress, ends_at, limit)
    except sqlite3.DatabaseError:
        broken = True  # a full disk, a damaged file: writing what is pending would fail again and
        raise  # hide the cause (the rolled-back batch leaves later rows without their raw bytes)
    finally:
        if broken:
            ingest.abandon()
        else:
            ingest.close()
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
    with db.atomic():  # what moved in the price table, before the run's row says it is done
        counts["price_events"] = record_price_changes(db, summary.run_id)
    if refresh_statistics(db, counts["documents_new"] + counts["documents_changed"]):
        log.info("large run: the query planner's statistics were refreshed (ANALYZE)")
    finish_run(db, summary.run_id, counts, summary.exit_code)
