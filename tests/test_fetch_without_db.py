"""Fetchers are generators over HTTP that never touch a database: what they remember goes through the
context the caller gives them (state, HTTP validators, the stored-document lookup), here plain dicts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ingest.reader import Fetched, SourceContext
from ingest.source_types import reader_for
from schemas.document import Document
from tests.replay import ReplayServer, make_config

pytestmark = pytest.mark.usefixtures("no_internet")

KLING = "https://mp.weixin.qq.com/s/kling21"
KLING_LONG = "https://mp.weixin.qq.com/s?__biz=MzA5NjE2MzYxMQ==&mid=2650000001&idx=1&sn=aaaa1111"


class MemoryState(dict[str, str]):
    def set(self, key: str, value: str) -> None:
        self[key] = value


class MemoryValidators(dict[str, tuple[str | None, str | None]]):
    def validators(self, url: str) -> tuple[str | None, str | None]:
        return self.get(url, (None, None))

    def remember(
        self, url: str, etag: str | None, last_modified: str | None, body: bytes, status: int
    ) -> None:
        self[url] = (etag, last_modified)


def read(source: dict[str, Any], ctx: SourceContext) -> list[Fetched]:
    config = make_config([source]).sources[0]
    items: Iterator[Fetched] = reader_for(config)(config, ctx)
    return list(items)


def context(stored: dict[str, Document] | None = None) -> SourceContext:
    return SourceContext(
        source="s",
        http=make_config([]).http,
        state=MemoryState(),
        http_cache=MemoryValidators(),
        stored=(stored or {}).get,
    )


def test_wechat_articles_are_remembered_in_the_given_state(server: ReplayServer) -> None:
    ctx = context()
    source = {"name": "s", "type": "wechat_article", "urls": [KLING], "base_url": server.base_url}
    [item] = read(source, ctx)
    assert item.documents and item.documents[0].title == "可灵 2.1 深度评测：贵但值" and item.body
    assert ctx.state.get(f"article:{KLING}") == "ok"
    server.clear_log()
    assert read(source, ctx) == [] and not server.requests, "done in the state: not asked again"


def test_an_article_stored_by_another_source_is_not_fetched(server: ReplayServer) -> None:
    source = {"name": "s", "type": "wechat_article", "urls": [KLING_LONG], "base_url": server.base_url}
    [item] = read(source, context())
    assert item.documents
    page = item.documents[0]
    server.clear_log()
    assert read(source, context({page.key(): page})) == [] and not server.requests


def test_feed_validators_go_to_the_given_cache_and_make_the_next_get_conditional(
    server: ReplayServer,
) -> None:
    ctx = context()
    url = server.url("/feeds/wechat.xml")
    source = {"name": "s", "type": "feed", "url": url, "fetch_articles": False}
    first = read(source, ctx)
    assert first[0].documents, "the feed's items"
    assert ctx.http_cache.validators(url) != (None, None)
    server.clear_log()
    assert read(source, ctx) == []
    [hit] = server.requests
    assert hit.status == 304
