"""What fetchers remember between runs, kept for them by the caller: source state and HTTP validators.

Fetchers never see the database: they get these objects (through
``SourceContext``) and read and write through them. Each write is committed at
once, so a run killed afterwards keeps it; ``before_commit`` lets the pipeline
write the documents read before it first, so a cursor never runs ahead of them.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database

from db.store import sha256


class SourceStateTable:
    """One source's rows of ``source_state`` (key → value)."""

    def __init__(self, db: Database, source: str, before_commit: Callable[[], None] | None = None) -> None:
        self.db = db
        self.source = source
        self.before_commit = before_commit

    def get(self, key: str) -> str | None:
        row = self.db.execute(
            "select value from source_state where source = ? and key = ?", [self.source, key]
        ).fetchone()
        return row[0] if row else None

    def set(self, key: str, value: str) -> None:
        if self.get(key) != value:
            if self.before_commit:
                self.before_commit()
            self.db.table("source_state").upsert(
                {"source": self.source, "key": key, "value": value}, pk=("source", "key")
            )
            self.db.conn.commit()


class HttpCacheTable:
    """ETag / Last-Modified per URL in ``http_cache``, for conditional GETs.

    A row points at the stored body (``raw_sha256``) when the pipeline stored it
    first, which is why fetchers remember a URL only after yielding its body.
    """

    def __init__(self, db: Database, before_commit: Callable[[], None] | None = None) -> None:
        self.db = db
        self.before_commit = before_commit

    def get(self, url: str) -> dict[str, object] | None:
        rows = list(self.db.query("select * from http_cache where url = ?", [url]))
        return rows[0] if rows else None

    def validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.get(url) or {}
        etag, modified = row.get("etag"), row.get("last_modified")
        return (str(etag) if etag else None, str(modified) if modified else None)

    def remember(
        self, url: str, etag: str | None, last_modified: str | None, body: bytes, status: int
    ) -> None:
        digest = sha256(body)
        stored = self.db.execute("select 1 from raw where sha256 = ?", [digest]).fetchone()
        row = {
            "url": url,
            "etag": etag,
            "last_modified": last_modified,
            "raw_sha256": digest if stored else None,
            "status": status,
        }
        if self.get(url) != row:
            if self.before_commit:
                self.before_commit()
            self.db.table("http_cache").upsert(row, pk="url")
            self.db.conn.commit()
