"""weibo_user (a timeline) and weibo_status (single posts) through m.weibo.cn's JSON API.

weibo_user, one run:

1. skip at once while a block backoff runs (``blocked_until``);
2. retry the long texts that failed on earlier runs (``longtext_pending``);
3. containerid: remembered, else from the profile call
   ``api/container/getIndex?type=uid&value=<uid>``, else ``107603<uid>``;
4. timeline pages ``api/container/getIndex?type=uid&value=<uid>&containerid=…`` following
   ``cardlistInfo.since_id`` (or ``page``), at most ``http.max_pages``;
   a post is new when its id is above ``newest_id`` (the largest id seen);
   paging stops after a page holding an already-seen post that is not
   pinned (pinned posts come first, out of order, and never stop paging);
   ``newest_id`` only moves when the paging ended cleanly;
5. truncated posts are expanded (``statuses/extend``, or weibo.com
   ``ajax/statuses/longtext`` with ``longtext_url``); keywords are matched
   against the full text.

Each page is stored raw with its new posts; each long text is stored raw with
the expanded post. Refusals (HTTP 418/432/403, ``ok:-100``, and for the
timeline an ``ok:0`` error other than the empty-timeline 这里还没有内容) are
stored as errors with their bytes and start the backoff; see ``common``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from typing import Any

from ingest.fetch.common import (
    check_blocked,
    clear_blocked,
    cookie_from_env,
    failed_item,
    make_client,
    set_blocked,
)
from ingest.fetch.http import FetchError, Response
from ingest.fetch.http_policy import host_of
from ingest.fetch.shapes import timeline_params
from ingest.fetch.weibo_api import MAX_LONGTEXT_ATTEMPTS, Refused, WeiboApi, load_json, needs_expansion
from ingest.parsers.urls import weibo_mid
from ingest.parsers.weibo import parse_weibo_json, weibo_containerid, weibo_error
from ingest.reader import Fetched, SourceContext, SourceError
from schemas.config import WeiboStatusSource, WeiboUserSource
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)

EMPTY_MARKERS = ("没有内容", "暂无")
DONE_POST_STATUSES = ("ok", "deleted")


def _mid(doc: Document) -> int | None:
    return int(doc.id) if doc.id and doc.id.isdigit() else None


def _item(resp: Response) -> Fetched:
    return Fetched(origin=resp.url, body=resp.body, url=resp.url, content_type=resp.content_type)


def _failed(exc: FetchError, origin: str, label: str) -> Fetched:
    """A FetchError with a body becomes an error item; without one it fails the whole source."""
    if not exc.body:
        raise SourceError(f"{label}: {exc}")
    return failed_item(exc, origin)


def _not_json(resp: Response) -> str:
    kind = (resp.content_type or "no content type").split(";")[0]
    return f"{host_label(resp)} answered with {kind}, not the JSON expected (a login page?)"


def host_label(resp: Response) -> str:
    return host_of(resp.url)


def _load_pending(ctx: SourceContext) -> dict[str, int]:
    try:
        data = json.loads(ctx.get_state("longtext_pending") or "{}")
    except json.JSONDecodeError:
        return {}
    return {str(k): int(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _save_pending(ctx: SourceContext, pending: dict[str, int]) -> None:
    kept = {k: v for k, v in pending.items() if v < MAX_LONGTEXT_ATTEMPTS}
    for k in pending.keys() - kept.keys():
        log.warning("giving up on the long text of weibo post %s after %d attempts", k, pending[k])
    ctx.set_state("longtext_pending", json.dumps(kept, sort_keys=True))


def _next_page(data: dict[str, Any]) -> dict[str, str] | None:
    body = data.get("data")
    info = body.get("cardlistInfo") if isinstance(body, dict) else None
    if not isinstance(info, dict):
        return None
    if info.get("since_id"):
        return {"since_id": str(info["since_id"])}
    if info.get("page"):
        return {"page": str(info["page"])}
    return None


class _Timeline:
    def __init__(self, source: WeiboUserSource, ctx: SourceContext, api: WeiboApi) -> None:
        self.source = source
        self.ctx = ctx
        self.api = api
        self.pending = _load_pending(ctx)
        self.index = f"{api.base_url}/api/container/getIndex"

    def run(self) -> Iterator[Fetched]:
        try:
            yield from self.retry_pending()
            yield from self.pages(self.containerid())
        finally:
            _save_pending(self.ctx, self.pending)

    def retry_pending(self) -> Iterator[Fetched]:
        for post_id in sorted(self.pending):
            doc = self.ctx.stored(f"weibo:{post_id}")
            if doc is None or not needs_expansion(doc):
                self.pending.pop(post_id)
                continue
            _, items, refused = self.api.expand_page([doc], [], self.pending)
            yield from items
            if refused is not None:
                raise refused

    def containerid(self) -> str:
        known = self.ctx.get_state("containerid")
        if known:
            return known
        uid = self.source.uid
        resp = self.api.get(self.index, timeline_params(uid), referer=self.api.user_page(uid))
        try:
            cid = weibo_containerid(resp.body) if resp.ok else None
        except ParseError:  # not JSON: fall back, the timeline call will say what is wrong
            cid = None
        if not cid:
            log.info("%s: no containerid in the profile answer; using 107603%s", self.api.label, uid)
            return f"107603{uid}"
        self.ctx.set_state("containerid", cid)
        return cid

    def pages(self, cid: str) -> Iterator[Fetched]:
        watermark = int(self.ctx.get_state("newest_id") or 0)
        newest = watermark
        uid = self.source.uid
        params = timeline_params(uid, cid)
        for page in range(1, self.ctx.http.max_pages + 1):
            resp = self.api.get(self.index, params, referer=self.api.user_page(uid))
            item = _item(resp)
            data = load_json(resp.body) if resp.ok else None
            if not resp.ok or data is None:
                item.error = f"HTTP {resp.status} from {host_label(resp)}" if not resp.ok else _not_json(resp)
                yield item
                return
            error = weibo_error(resp.body)
            if error and any(m in error for m in EMPTY_MARKERS):
                item.documents = []
                yield item
                break
            if error:
                item.error = self.api.advice(f"{host_label(resp)} answered {error}")
                raise Refused(item.error, item)
            try:
                docs = parse_weibo_json(resp.body, resp.url)
            except ParseError as exc:
                item.error = f"cannot parse timeline page {page}: {exc}"
                yield item
                return
            fresh, stop = self.select(docs, watermark)
            newest = max([newest, *(m for m in map(_mid, fresh) if m is not None)])
            with_page, items, refused = self.api.expand_page(fresh, self.source.keywords, self.pending)
            item.documents = with_page
            yield item
            yield from items
            if refused is not None:
                raise refused
            nxt = _next_page(data)
            if stop or not docs or nxt is None:
                break
            params = timeline_params(uid, cid, **nxt)
        else:
            log.info("%s: stopped after max_pages=%d", self.api.label, self.ctx.http.max_pages)
        if newest > watermark:
            self.ctx.set_state("newest_id", str(newest))

    def select(self, docs: list[Document], watermark: int) -> tuple[list[Document], bool]:
        """New posts of a page, and whether paging should stop after it."""
        fresh: list[Document] = []
        stop = False
        since = self.ctx.since
        for doc in docs:
            mid = _mid(doc)
            if mid is None:
                log.info("%s: post without a numeric id skipped", self.api.label)
                continue
            if watermark and mid <= watermark:
                stop = stop or not doc.pinned
                continue
            if since and not doc.pinned and doc.published_at and doc.published_at < since:
                stop = True
                continue
            fresh.append(doc)
        return fresh, stop


def _api(
    source: WeiboUserSource | WeiboStatusSource, ctx: SourceContext, label: str, longtext_url: str | None
) -> WeiboApi:
    cookie = cookie_from_env(ctx, source.cookies_env, label)
    client = make_client(ctx, cookie, [source.base_url, longtext_url])
    return WeiboApi(
        client,
        label,
        source.base_url,
        longtext_url,
        source.cookies_env,
        cookie is not None,
        visitor_url=source.visitor_url,
    )


def _refused(ctx: SourceContext, exc: Refused) -> Fetched:
    until = set_blocked(ctx, str(exc))
    exc.item.error = f"{exc}; skipping this source until {until.isoformat()}"
    return exc.item


def read_weibo_user(source: WeiboUserSource, ctx: SourceContext) -> Iterator[Fetched]:
    label = f"weibo_user {source.name}"
    check_blocked(ctx, label)
    api = _api(source, ctx, label, source.longtext_url)
    with api.client:
        try:
            yield from _Timeline(source, ctx, api).run()
        except Refused as exc:
            yield _refused(ctx, exc)
            return
        except FetchError as exc:
            yield _failed(exc, source.base_url, label)
            return
    clear_blocked(ctx)


def read_weibo_status(source: WeiboStatusSource, ctx: SourceContext) -> Iterator[Fetched]:
    label = f"weibo_status {source.name}"
    check_blocked(ctx, label)
    api = _api(source, ctx, label, None)
    with api.client:
        try:
            for post in dict.fromkeys(source.posts):
                yield from _one_status(api, ctx, post)
        except Refused as exc:
            yield _refused(ctx, exc)
            return
    clear_blocked(ctx)


def _one_status(api: WeiboApi, ctx: SourceContext, post: str) -> Iterator[Fetched]:
    mid = weibo_mid(post)
    if mid is None:
        yield Fetched(origin=post, body=b"", error="not a Weibo post URL or id", store_raw=False)
        return
    if ctx.get_state(f"post:{mid}") in DONE_POST_STATUSES:
        return
    url = f"{api.base_url}/statuses/show?id={mid}"
    try:
        resp = api.get(url, referer=api.post_page(mid))
    except FetchError as exc:
        yield failed_item(exc, url)
        return
    item = _item(resp)
    if not resp.ok:
        item.error = f"HTTP {resp.status} from {host_label(resp)}"
        yield item
        return
    try:
        docs = parse_weibo_json(resp.body, resp.url)
    except ParseError as exc:
        item.error = f"post {mid}: {exc}" if load_json(resp.body) is not None else _not_json(resp)
        yield item
        return
    docs = [d for d in docs if d.id == mid] or docs
    pending: dict[str, int] = {}
    with_page, items, refused = api.expand_page(docs, [], pending)
    item.documents = with_page
    yield item
    yield from items
    if refused is not None:
        raise refused
    if not pending:
        for doc in docs:
            ctx.set_state(f"post:{mid}", doc.status)
