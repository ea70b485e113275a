"""The reader contract: what a source reader is given and what it hands the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from schemas.document import Document

if TYPE_CHECKING:
    from sqlite_utils import Database

    from schemas.config import HttpSettings


@dataclass
class Fetched:
    """One raw input. The pipeline stores ``body`` before it parses anything.

    ``documents`` is set when the fetcher had to parse to do its job (paging,
    long-text expansion); otherwise the pipeline parses ``body`` itself.
    ``error`` marks an input that failed: it is recorded, its bytes kept.
    """

    origin: str
    body: bytes
    content_type: str | None = None
    url: str | None = None
    documents: list[Document] | None = None
    error: str | None = None
    store_raw: bool = True


def published_before(doc: Document, since: dt.datetime | None) -> bool:
    """True when --since is set and the document is dated before it (undated ones are kept)."""
    return since is not None and doc.published_at is not None and doc.published_at < since


class SourceError(Exception):
    """A whole source failed (blocked, refused, unreachable): one line saying why."""


@dataclass
class SourceContext:
    """What a source reader may use: the database for its own state, HTTP settings, --since."""

    db: Database
    source: str
    http: HttpSettings
    since: dt.datetime | None = None
    env: dict[str, str] = field(default_factory=dict)

    def get_state(self, key: str) -> str | None:
        from db.store import get_state

        return get_state(self.db, self.source, key)

    def set_state(self, key: str, value: str) -> None:
        from db.store import set_state

        set_state(self.db, self.source, key, value)


C = TypeVar("C")

#: A reader: the source's validated config and a context in, raw inputs out.
Reader = Callable[[C, SourceContext], Iterator[Fetched]]
