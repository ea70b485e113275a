"""wechat_article: WeChat article pages by URL (inline or from a url_file).

URLs are normalised (``normalize_wechat_url``) and de-duplicated before any
request, so one article is fetched and stored once. A page's status decides
what happens:

* ok, deleted, removed, expired: stored as a document with that status (a
  deleted article is information) and remembered in the source's state as
  done, so later runs do not ask again;
* unavailable (该内容暂时无法查看): stored, and asked again on later runs;
* blocked (the 环境异常 verification wall): an error on that URL with the
  page's bytes kept, never a document; the source backs off
  (``blocked_until``) and the URLs not yet fetched wait for the next run.

Pages are fetched from ``base_url`` (mp.weixin.qq.com unless a test or a
mirror says otherwise); documents keep the canonical mp.weixin.qq.com URL.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from ingest.fetch.common import (
    check_blocked,
    clear_blocked,
    cookie_from_env,
    failed_item,
    make_client,
    set_blocked,
)
from ingest.fetch.http import FetchError, HttpClient, Response, remember
from ingest.fetch.shapes import WECHAT_HEADERS
from ingest.parsers.urls import WECHAT_HOST, is_http_url, normalize_wechat_url, wechat_article_id
from ingest.parsers.wechat import parse_wechat_article
from ingest.reader import Fetched, SourceContext, SourceError
from schemas.config import WechatArticleSource
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)

MAX_UNREACHABLE = 3  # network failures in a row before the rest of the list waits for the next run
FINAL_STATUSES = frozenset({"ok", "deleted", "removed", "expired"})
WALL = "verification wall (环境异常)"
_COMMENT_RE = re.compile(r"(?:^|\s)#")


@dataclass
class ArticleResult:
    """What one article fetch gave: an item to yield (None on 304), its document, whether blocked."""

    item: Fetched | None
    document: Document | None = None
    blocked: bool = False
    response: Response | None = None


class ArticleFetcher:
    """Fetches article pages for one source and remembers which are done."""

    def __init__(self, client: HttpClient, ctx: SourceContext, base_url: str, label: str) -> None:
        self.client = client
        self.ctx = ctx
        self.base_url = base_url.rstrip("/")
        self.label = label

    def fetch_url(self, url: str) -> str:
        """Where to fetch the canonical ``url`` from (base_url replaces https://mp.weixin.qq.com)."""
        parts = urlsplit(url)
        if (parts.hostname or "").lower() != WECHAT_HOST:
            return url
        return self.base_url + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")

    def done(self, url: str) -> bool:
        """Fetched before by this source, or stored by another one under the same article id."""
        if self.ctx.get_state(f"article:{url}") in FINAL_STATUSES:
            return True
        key = wechat_article_id(url)
        if not key:
            return False
        stored = self.ctx.stored(f"wechat:{key}")  # a feed's summary of it does not count
        return stored is not None and stored.status in FINAL_STATUSES and stored.via == "page"

    def fetch(self, url: str) -> ArticleResult:
        """Fetch and parse one canonical article URL; never raises for a single URL."""
        where = self.fetch_url(url)
        try:
            resp = self.client.get(where, headers=dict(WECHAT_HEADERS), cache=self.ctx.http_cache)
        except FetchError as exc:
            return ArticleResult(failed_item(exc, url))
        if resp.not_modified:
            log.info("%s: %s not modified", self.label, url)
            return ArticleResult(None, response=resp)
        item = Fetched(origin=url, body=resp.body, url=url, content_type=resp.content_type)
        if not resp.ok:
            item.error = f"HTTP {resp.status} from {self.client.redact(resp.url)}"
            return ArticleResult(item, response=resp)
        try:
            doc = parse_wechat_article(resp.body, url, resp.content_type)
        except ParseError as exc:
            item.error = f"cannot parse the page: {exc}"
            return ArticleResult(item, response=resp)
        if doc.status == "blocked":
            item.error = f"mp.weixin.qq.com answered with its {WALL}; not stored as a document"
            return ArticleResult(item, blocked=True, response=resp)
        item.documents = [doc]
        return ArticleResult(item, document=doc, response=resp)

    def commit(self, url: str, result: ArticleResult) -> None:
        """After the pipeline stored the item: remember the status and the validators."""
        if result.document is not None:
            self.ctx.set_state(f"article:{url}", result.document.status)
        if result.response is not None and result.document is not None:
            remember(self.ctx.http_cache, self.fetch_url(url), result.response)


def article_urls(source: WechatArticleSource) -> tuple[list[str], list[Fetched]]:
    """Canonical URLs in order, duplicates dropped; and errors for unreadable lists or bad lines."""
    raw: list[tuple[str, str]] = [(u, "urls") for u in source.urls]
    errors: list[Fetched] = []
    if source.url_file is not None:
        try:
            text = source.url_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            msg = getattr(exc, "strerror", None) or str(exc)
            errors.append(
                Fetched(
                    origin=str(source.url_file),
                    body=b"",
                    error=f"cannot read the URL list: {msg}",
                    store_raw=False,
                )
            )
            text = ""
        for n, line in enumerate(text.splitlines(), 1):
            line = _COMMENT_RE.split(line, maxsplit=1)[0].strip()
            if line:
                raw.append((line, f"{source.url_file}:{n}"))
    urls: list[str] = []
    for value, where in raw:
        if not is_http_url(value.strip()):
            errors.append(
                Fetched(origin=where, body=b"", error=f"not a URL: {value.strip()[:200]!r}", store_raw=False)
            )
            continue
        url = normalize_wechat_url(value)
        if url not in urls:
            urls.append(url)
    return urls, errors


def read_wechat_article(source: WechatArticleSource, ctx: SourceContext) -> Iterator[Fetched]:
    label = f"wechat_article {source.name}"
    check_blocked(ctx, label)
    urls, errors = article_urls(source)
    yield from errors
    cookie = cookie_from_env(ctx, source.cookies_env, label)
    with make_client(ctx, cookie, [source.base_url]) as client:
        fetcher = ArticleFetcher(client, ctx, source.base_url, label)
        todo = [u for u in urls if not fetcher.done(u)]
        log.info("%s: %d URL(s), %d to fetch", label, len(urls), len(todo))
        unreachable = 0
        for n, url in enumerate(todo):
            if unreachable >= MAX_UNREACHABLE:
                raise SourceError(
                    f"{label}: {unreachable} URLs in a row could not be fetched; "
                    f"giving up on the {len(todo) - n} left for this run"
                )
            result = fetcher.fetch(url)
            unreachable = unreachable + 1 if result.response is None and result.item is not None else 0
            if result.item is not None:
                if result.blocked:
                    left = len(todo) - n - 1
                    until = set_blocked(ctx, f"{label}: {WALL} at {url}")
                    result.item.error = (
                        f"{result.item.error}; backing off until {until.isoformat()}"
                        f"{f', {left} URL(s) left for a later run' if left else ''}"
                    )
                yield result.item
            fetcher.commit(url, result)
            if result.blocked:
                return
        clear_blocked(ctx)
