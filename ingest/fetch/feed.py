"""feed: an RSS/Atom feed fetched with a conditional GET; items become documents.

* 304 Not Modified → nothing new (articles still waiting from earlier runs
  are retried, see below);
* items are kept when they match the source's keywords;
* with ``fetch_articles``, an item linking to a WeChat article
  (mp.weixin.qq.com) is replaced by the article page itself for the full
  text (keywords are matched against the full text). Articles already stored
  are not fetched again. When an article cannot be fetched (blocked, network
  error), the feed item's own document is stored instead so nothing is lost,
  an error is recorded, and the URL waits in the ``pending_articles`` state
  for the next run; the verification wall also starts an ``articles_``
  backoff during which items fall back to their feed text without asking.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from ingest.fetch.common import (
    blocked_until,
    clear_blocked,
    failed_item,
    get_json_state,
    make_client,
    matches,
    set_blocked,
    set_json_state,
)
from ingest.fetch.http import FetchError, remember
from ingest.fetch.wechat import WALL, ArticleFetcher, ArticleResult
from ingest.parsers.feed import parse_feed
from ingest.parsers.urls import platform_id, platform_of
from ingest.reader import Fetched, SourceContext, SourceError, published_before
from schemas.config import FeedSource
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)

PENDING = "pending_articles"
ARTICLES = "articles_"  # state prefix of the article backoff


def feed_document(url: str) -> Document:
    """What the feed parser makes of an item linking to the WeChat article ``url`` (for its key)."""
    return Document(platform="wechat", id=platform_id("wechat", url), url=url)


class _FeedRun:
    def __init__(self, source: FeedSource, ctx: SourceContext, articles: ArticleFetcher | None) -> None:
        self.source = source
        self.ctx = ctx
        self.articles = articles
        self.label = f"feed {source.name}"
        self.pending = set(get_json_state(ctx, PENDING))
        self.blocked = blocked_until(ctx, ARTICLES) is not None
        self.attempted: set[str] = set()

    def article(self, url: str, fallback: Document | None, feed_item: Fetched | None) -> Iterator[Fetched]:
        """Fetch one article; on failure store ``fallback`` (the feed's text) and keep the URL pending."""
        assert self.articles is not None
        self.attempted.add(url)
        if self.blocked:
            result = ArticleResult(None)
            log.info("%s: articles backing off; %s waits", self.label, url)
        else:
            result = self.articles.fetch(url)
            if result.blocked and result.item is not None:
                until = set_blocked(self.ctx, f"{self.label}: {WALL} at {url}", ARTICLES)
                result.item.error = f"{result.item.error}; not fetching articles until {until.isoformat()}"
                self.blocked = True
        if result.document is not None and result.item is not None:
            doc = result.document
            keep = (
                matches(doc, self.source.keywords)
                if doc.status == "ok"
                else (fallback is None or matches(fallback, self.source.keywords))
            )
            result.item.documents = [doc] if keep else []
            item_key = (fallback or feed_document(url)).key()
            result.item.supersedes = [item_key] if keep and item_key != doc.key() else []
            yield result.item
            self.articles.commit(url, result)
            self.pending.discard(url)
            return
        if result.item is not None:
            yield result.item  # the error, with whatever bytes came back
        if result.response is not None and result.response.not_modified:
            self.pending.discard(url)
            return
        self.pending.add(url)
        if fallback is not None and feed_item is not None and matches(fallback, self.source.keywords):
            yield Fetched(
                origin=feed_item.origin,
                body=feed_item.body,
                url=feed_item.url,
                content_type=feed_item.content_type,
                documents=[fallback],
            )

    def items(self, body: bytes, feed_item: Fetched) -> Iterator[Fetched]:
        docs = parse_feed(body, self.source.url, feed_item.content_type)
        plain: list[Document] = []
        wechat: list[Document] = []
        for doc in docs:
            if self.articles is not None and doc.url and platform_of(doc.url) == "wechat":
                if not self.articles.done(doc.url) and not published_before(doc, self.ctx.since):
                    wechat.append(doc)
            elif matches(doc, self.source.keywords):
                plain.append(doc)
        feed_item.documents = plain
        yield feed_item
        for doc in wechat:
            assert doc.url is not None
            yield from self.article(doc.url, doc, feed_item)

    def retry_pending(self) -> Iterator[Fetched]:
        for url in sorted(self.pending - self.attempted):
            if self.articles is None or self.articles.done(url):
                self.pending.discard(url)
                continue
            yield from self.article(url, None, None)


def read_feed(source: FeedSource, ctx: SourceContext) -> Iterator[Fetched]:
    label = f"feed {source.name}"
    with make_client(ctx, None, []) as client:
        try:
            resp = client.get(source.url, cache=ctx.http_cache)
        except FetchError as exc:
            if not exc.body:
                raise SourceError(f"{label}: {exc}") from None
            yield failed_item(exc, source.url)
            return
        articles = (
            ArticleFetcher(client, ctx, source.wechat_base_url, label) if source.fetch_articles else None
        )
        run = _FeedRun(source, ctx, articles)
        if resp.not_modified:
            log.info("%s: not modified since the last run", label)
        elif not resp.ok:
            yield Fetched(
                origin=source.url,
                body=resp.body,
                url=source.url,
                content_type=resp.content_type,
                error=f"HTTP {resp.status} from {client.redact(resp.url)}",
            )
        else:
            feed_item = Fetched(
                origin=source.url, body=resp.body, url=source.url, content_type=resp.content_type
            )
            try:
                yield from run.items(resp.body, feed_item)
            except ParseError as exc:
                feed_item.error = f"cannot parse the feed: {exc}"
                yield feed_item
                return
            set_json_state(
                ctx, PENDING, sorted(run.pending)
            )  # before the validators: a 304 must not lose them
            remember(ctx.http_cache, source.url, resp)
        yield from run.retry_pending()
        set_json_state(ctx, PENDING, sorted(run.pending))
        if not run.blocked:
            clear_blocked(ctx, ARTICLES)
