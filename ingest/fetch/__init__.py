"""Fetching sources: Weibo, WeChat articles and feeds over HTTP (see ``http`` for the manners).

Each reader is ``read_x(source, ctx) -> Iterator[Fetched]``; ``common`` says
how failures are reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ingest.fetch.feed import read_feed
from ingest.fetch.wechat import read_wechat_article
from ingest.fetch.weibo import read_weibo_status, read_weibo_user
from ingest.items import Fetched, SourceContext

READERS: dict[str, Callable[[Any, SourceContext], Iterator[Fetched]]] = {
    "weibo_user": read_weibo_user,
    "weibo_status": read_weibo_status,
    "wechat_article": read_wechat_article,
    "feed": read_feed,
}

__all__ = ["READERS", "read_feed", "read_wechat_article", "read_weibo_status", "read_weibo_user"]
