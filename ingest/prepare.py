"""Parse and extract, without the database: the part of a run that worker processes do.

``prepare`` turns one input (raw bytes, or documents a reader already built) into
the rows to write: each document's row, its claims' rows and their price points. It is a pure function
of its arguments, so `pingce run` can call it in a pool of worker processes (both
cores) while the main process does all the writing; small runs call it in-process.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import logging
import multiprocessing
import os
import pickle
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from db.batch import ClaimValues, claim_values_and_points
from db.price_points import PointValues
from db.store import document_row
from ingest.extract import EXTRACTOR_VERSION, extract_document
from ingest.extract import _extractor as built_extractor
from ingest.extract.claim_rows import COLUMNS, claim_rows
from ingest.parsers import parse_bytes
from ingest.reader import published_before
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Task:
    """One input to prepare; ``documents`` when the reader parsed it already, else ``body``."""

    origin: str
    source: str
    raw_sha: str | None
    body: bytes | None = None
    url: str | None = None
    content_type: str | None = None
    documents: list[Document] | None = None
    since: dt.datetime | None = None


# per document: its row, its claims' rows (as columns and values) and their price points (computed
# here, off the writer)
Rows = list[tuple[dict[str, Any], list[ClaimValues], list[PointValues]]]


@dataclass(frozen=True)
class Prepared:
    """What ``prepare`` made of a task: its documents' rows, or the parse error that stopped it."""

    task: Task
    rows: Rows
    error: str | None = None


def prepare(task: Task) -> Prepared:
    try:
        if task.documents is not None:
            docs = task.documents
        else:
            docs = parse_bytes(task.body or b"", task.origin, task.url, task.content_type)
    except ParseError as exc:
        return Prepared(task, [], str(exc))
    except Exception as exc:  # a parser bug fails this input, never the rest of the source
        log.debug("parsing %s crashed", task.origin, exc_info=True)
        return Prepared(task, [], f"cannot parse: {type(exc).__name__}: {exc}")
    rows: Rows = []
    for doc in docs:
        if published_before(doc, task.since):
            continue
        try:
            claims = extract_document(doc, doc.url or task.origin) if doc.status == "ok" else []
        except Exception as exc:  # an extractor bug fails this document (and the input's rest)
            log.debug("extracting %s crashed", task.origin, exc_info=True)
            return Prepared(task, rows, f"cannot extract: {type(exc).__name__}: {exc}")
        row = document_row(doc, task.source, task.raw_sha)
        rows.append(
            (row, *claim_values_and_points(COLUMNS, claim_rows(claims, row["id"], EXTRACTOR_VERSION)))
        )
    return Prepared(task, rows)


def prepare_chunk(tasks: list[Task]) -> list[Prepared]:
    """A worker's share: each task's result, without the input it came from (the run has it)."""
    out = []
    for t in tasks:
        p = prepare(t)
        out.append(dataclasses.replace(p, task=dataclasses.replace(t, body=None, documents=None)))
    return out


def prepare_packed(tasks: list[Task]) -> bytes:
    """:func:`prepare_chunk` in a worker, its results pickled there: they wait in the run as bytes
    (a few KB a document, not the tens of KB their objects take) and are unpickled as they are written."""
    return pickle.dumps(prepare_chunk(tasks), protocol=pickle.HIGHEST_PROTOCOL)


def default_workers() -> int:
    """Worker processes for a large run: one per core, none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if cores > 1 else 0


class Preparer:
    """Prepares tasks in order: in-process for a small run, in ``workers`` processes for a large one.

    The first ``start_after`` tasks wait (unprepared) until the run proves large (more tasks,
    or ``chunk_bytes`` of them): then the run's own process builds the extractor, the pool
    starts (forked: the workers share what was built) and the tasks go to it, so the run's own
    process extracts nothing; a run drained before that prepares them in-process. Tasks go
    to the workers in chunks of ``chunk`` inputs or ``chunk_bytes`` (large pages go one or
    two at a time), and at most ``window`` tasks and ``window_bytes`` of input are in flight:
    enough that the workers keep working while the run commits a batch, and memory stays flat
    however many inputs a source has and however large they are. Results come back in the
    order the tasks went in.
    """

    def __init__(
        self,
        workers: int,
        *,
        start_after: int = 64,
        chunk: int = 16,
        chunk_bytes: int = 1 << 20,
        window: int = 1024,
        window_bytes: int = 32 << 20,
    ) -> None:
        self.workers = workers
        self.start_after = start_after
        self.chunk = chunk
        self.chunk_bytes = chunk_bytes
        self.window = window
        self.window_bytes = window_bytes
        self.seen = 0
        self._pool: ProcessPoolExecutor | None = None
        self._open: list[Task] = []  # the chunk being filled (or, before the pool, the tasks waiting)
        self._open_bytes = 0
        # chunks in flight, oldest first: (the chunk's results, its tasks, its bytes)
        self._inflight: deque[tuple[Future[bytes], int, int]] = deque()
        self._tasks = 0
        self._bytes = 0

    def submit(self, task: Task) -> Iterator[Prepared]:
        """Queue ``task``; yields the results that are due (oldest first) to keep the window bounded."""
        self.seen += 1
        if not self.workers:
            yield prepare(task)
            return
        self._open.append(task)
        self._open_bytes += _size(task)
        if self._pool is None:
            if self.seen <= self.start_after and self._open_bytes < self.chunk_bytes:
                return  # not known yet to be a large run
            # the extractor is built once, here, and the forked workers share it (each building
            # its own cost them 0.3 CPU s apiece); what is alive now stays: collections neither
            # walk it again nor, in the workers, write to its pages
            built_extractor()
            gc.freeze()
            self._pool = _pool(self.workers)
            log.info("large run: parsing and extracting in %d worker processes", self.workers)
            waiting, self._open, self._open_bytes = self._open, [], 0
            for t in waiting:
                self._open.append(t)
                self._open_bytes += _size(t)
                self._send(full=True)
        else:
            self._send(full=True)
        while self._tasks > self.window or self._bytes > self.window_bytes:
            yield from self._oldest()

    def _send(self, *, full: bool) -> None:
        """Send the open chunk to the pool (when ``full`` only if it is full)."""
        if not self._open or (full and len(self._open) < self.chunk and self._open_bytes < self.chunk_bytes):
            return
        assert self._pool is not None
        future = self._pool.submit(prepare_packed, self._open)
        self._inflight.append((future, len(self._open), self._open_bytes))
        self._tasks += len(self._open)
        self._bytes += self._open_bytes
        self._open, self._open_bytes = [], 0

    def _oldest(self) -> list[Prepared]:
        item, tasks, size = self._inflight.popleft()
        self._tasks -= tasks
        self._bytes -= size
        out: list[Prepared] = pickle.loads(item.result())
        return out

    def drain(self) -> Iterator[Prepared]:
        """Everything queued, in order."""
        if self._pool is None:
            waiting, self._open, self._open_bytes = self._open, [], 0
            for t in waiting:
                yield prepare(t)
            return
        self._send(full=False)
        while self._inflight:
            yield from self._oldest()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None


def _size(task: Task) -> int:
    return len(task.body or b"")


def _die_with_parent(parent: int) -> None:
    """Worker initializer: on Linux, the kernel ends this worker when the run that started it dies.

    A run killed with SIGKILL gets no chance to stop its pool; without this its
    workers would wait for work forever.
    """
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the run died before the line above
        os._exit(1)


def _pool(workers: int) -> ProcessPoolExecutor:
    # fork: the workers start at once with everything imported; they never use the parent's
    # database connection (they compute rows), and leave by os._exit, so it is never closed there.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_die_with_parent, initargs=(os.getpid(),)
    )
