"""Every source type in one place: its ``type:`` name, its config model and its reader.

To add a source type, write its config model in ``schemas/config.py`` (a
subclass of ``SourceConfig`` with ``type: Literal["name"]``), write its reader
(``read_x(config, ctx) -> Iterator[Fetched]``) and add one line to
``SOURCE_TYPES`` below. mypy checks that the reader takes that model; an import
check says which model has no reader.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from ingest.fetch.feed import read_feed
from ingest.fetch.wechat import read_wechat_article
from ingest.fetch.weibo import read_weibo_status, read_weibo_user
from ingest.local_readers import read_clips, read_files
from ingest.reader import Reader
from schemas.config import (
    SOURCE_MODELS,
    ClipsSource,
    FeedSource,
    FilesSource,
    SourceConfig,
    WechatArticleSource,
    WeiboStatusSource,
    WeiboUserSource,
    source_type_name,
)

C = TypeVar("C", bound=SourceConfig)


@dataclass(frozen=True)
class SourceType(Generic[C]):
    """A source type: the model its sources.yml entry validates into and the reader that runs it."""

    config: type[C]
    read: Reader[C]

    @property
    def name(self) -> str:
        return source_type_name(self.config)


SOURCE_TYPES: dict[str, SourceType[Any]] = {
    t.name: t
    for t in (
        SourceType(ClipsSource, read_clips),
        SourceType(FilesSource, read_files),
        SourceType(WeiboUserSource, read_weibo_user),
        SourceType(WeiboStatusSource, read_weibo_status),
        SourceType(WechatArticleSource, read_wechat_article),
        SourceType(FeedSource, read_feed),
    )
}

_missing = {source_type_name(m) for m in SOURCE_MODELS} - SOURCE_TYPES.keys()
if _missing:
    raise ImportError(
        f"source types without a reader in ingest/source_types.py: {', '.join(sorted(_missing))}"
    )


def reader_for(source: SourceConfig) -> Reader[Any]:
    """The reader of a configured source."""
    return SOURCE_TYPES[source.type].read
