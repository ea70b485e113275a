"""The parsed document: what every parser returns and what the database stores."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Status = Literal["ok", "deleted", "removed", "unavailable", "expired", "blocked"]
SectionName = Literal["body", "summary", "metadata"]

#: China Standard Time (+08:00): how Chinese platforms date what they publish, and the
#: zone of any time given without an offset (in a page, a note or `--since`).
CST = timezone(timedelta(hours=8))


class Document(BaseModel):
    """One document: a post, an article, a feed item or a clipped note.

    ``text`` is the clean body. A clipper's abstract goes to ``summary`` and
    clip metadata to ``metadata``; claim offsets are relative to the text of
    the section they come from (see ``section_text``).
    """

    model_config = ConfigDict(extra="forbid")

    platform: str
    id: str | None = None
    url: str | None = None
    title: str | None = None
    author: str | None = None
    published_at: datetime | None = None
    status: Status = "ok"
    truncated: bool = False
    pinned: bool = False
    repost_of: str | None = None
    text: str = ""
    summary: str | None = None
    metadata: dict[str, str] = Field(default_factory=dict)
    images: list[str] = Field(default_factory=list)
    via: str | None = None  # how it reached us: clip, api, page, feed, file

    def key(self) -> str:
        """A stable natural key: platform id, else URL, else a hash of the text."""
        if self.id:
            return f"{self.platform}:{self.id}"
        if self.url:
            return f"{self.platform}:{self.url}"
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]
        return f"{self.platform}:sha:{digest}"

    def metadata_text(self) -> str:
        return "\n".join(f"{k}: {v}" for k, v in self.metadata.items())

    def section_text(self, section: SectionName) -> str:
        if section == "body":
            return self.text
        if section == "summary":
            return self.summary or ""
        return self.metadata_text()

    def content_hash(self) -> str:
        """Hash of everything parsed, so an unchanged document is never rewritten."""
        return hashlib.sha256(self.model_dump_json().encode("utf-8")).hexdigest()


class ParseError(ValueError):
    """Input that a parser cannot read; the message names what was wrong."""
