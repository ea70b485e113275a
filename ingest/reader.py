"""The reader contract: what a source reader is given and what it hands the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, TypeVar

from schemas.document import Document

if TYPE_CHECKING:
    from schemas.config import HttpSettings


@dataclass
class Fetched:
    """One raw input. The pipeline stores ``body`` before it parses anything.

    ``documents`` is set when the fetcher had to parse to do its job (paging,
    long-text expansion); otherwise the pipeline parses ``body`` itself.
    ``error`` marks an input that failed: it is recorded, its bytes kept.
    ``supersedes`` names keys of feed-item documents that this input's
    documents replace (an article page fetched for a feed item whose short
    link could not tell the article's id): once stored, those are removed.
    """

    origin: str
    body: bytes
    content_type: str | None = None
    url: str | None = None
    documents: list[Document] | None = None
    error: str | None = None
    store_raw: bool = True
    supersedes: list[str] = field(default_factory=list)


def published_before(doc: Document, since: dt.datetime | None) -> bool:
    """True when --since is set and the document is dated before it (undated ones are kept)."""
    return since is not None and doc.published_at is not None and doc.published_at < since


class SourceError(Exception):
    """A whole source failed (blocked, refused, unreachable): one line saying why."""


class SourceState(Protocol):
    """A source's memory between runs (key → value); a write lasts at once."""

    def get(self, key: str) -> str | None: ...

    def set(self, key: str, value: str) -> None: ...


class HttpValidators(Protocol):
    """ETag / Last-Modified remembered per URL, for conditional GETs."""

    def validators(self, url: str) -> tuple[str | None, str | None]: ...

    def remember(
        self, url: str, etag: str | None, last_modified: str | None, body: bytes, status: int
    ) -> None: ...


def _nothing_stored(key: str) -> Document | None:
    return None


@dataclass
class SourceContext:
    """What a source reader may use, all of it given by the caller: no database, no globals.

    ``state`` and ``http_cache`` keep what the reader remembers between runs;
    ``stored(key)`` answers with the document already stored under a key
    (``Document.key()``), so a reader can skip or stop at what it has (a
    stop-when check the caller builds); ``since`` is --since.
    """

    source: str
    http: HttpSettings
    state: SourceState
    http_cache: HttpValidators
    stored: Callable[[str], Document | None] = _nothing_stored
    since: dt.datetime | None = None
    env: dict[str, str] = field(default_factory=dict)

    def get_state(self, key: str) -> str | None:
        return self.state.get(key)

    def set_state(self, key: str, value: str) -> None:
        self.state.set(key, value)


C = TypeVar("C")

#: A reader: the source's validated config and a context in, raw inputs out.
Reader = Callable[[C, SourceContext], Iterator[Fetched]]
