"""A Weibo API session: refusal detection, the visitor cookie, long-text expansion.

A refusal is HTTP 418 or 432 (anti-crawling), HTTP 403, or the JSON
``{"ok": -100, "url": "https://passport.weibo.com/..."}`` login/captcha wall.
Without configured cookies the session asks once for a visitor cookie (one
POST to ``genvisitor2`` on the passport host, ``visitor_url``; see ``shapes``),
copies its SUB/SUBP onto the API hosts and repeats the refused request; a
refusal that remains raises ``Refused`` carrying the refused answer's bytes,
which the readers store as an error and turn into a block backoff. Visitor
cookies live in the client's memory only.

Every request has the shape ``shapes`` describes: m.weibo.cn calls with the
mobile headers and a Referer, weibo.com ``ajax`` calls with ``X-XSRF-TOKEN``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ingest.fetch.common import matches
from ingest.fetch.http import FetchError, HttpClient, Response
from ingest.fetch.http_policy import host_of
from ingest.fetch.shapes import (
    MOBILE_USER_AGENT,
    VISITOR_FORM,
    VISITOR_PATH,
    cookie_value,
    visitor_cookies,
    weibo_ajax_headers,
    weibo_api_headers,
)
from ingest.parsers.urls import weibo_mid_to_bid
from ingest.parsers.weibo import parse_weibo_long_text
from ingest.reader import Fetched
from schemas.document import Document, ParseError

log = logging.getLogger(__name__)

REFUSING_STATUSES = {
    418: "HTTP 418 (anti-crawling)",
    432: "HTTP 432 (anti-crawling)",
    403: "HTTP 403 (forbidden)",
}
MAX_LONGTEXT_ATTEMPTS = 3


class Refused(Exception):
    """The host refused us; ``item`` holds its answer (stored as an error)."""

    def __init__(self, message: str, item: Fetched) -> None:
        super().__init__(message)
        self.item = item


def load_json(body: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def needs_expansion(doc: Document) -> bool:
    return doc.truncated or doc.text.rstrip().endswith("全文")


@dataclass
class WeiboApi:
    client: HttpClient
    label: str
    base_url: str
    longtext_url: str | None = None
    cookies_env: str | None = None
    has_cookie: bool = False
    visitor_url: str = "https://passport.weibo.com"
    visitor_tried: bool = field(default=False, init=False)
    xsrf_tried: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self.longtext_url = self.longtext_url.rstrip("/") if self.longtext_url else None
        self.visitor_url = self.visitor_url.rstrip("/")

    def user_page(self, uid: str) -> str:
        """The m.weibo.cn page timeline calls are made from: the Referer of ``getIndex``."""
        return f"{self.base_url}/u/{uid}"

    def post_page(self, post_id: str) -> str:
        """The m.weibo.cn page of one post: the Referer of ``statuses/show`` and ``statuses/extend``."""
        return f"{self.base_url}/status/{post_id}"

    def _is_ajax(self, url: str) -> bool:
        """A weibo.com ``ajax/…`` call (the long-text host's API), not an m.weibo.cn one."""
        return bool(self.longtext_url) and urlsplit(url).path.startswith("/ajax/")

    def xsrf_token(self) -> str | None:
        """weibo.com's XSRF-TOKEN cookie (configured, or set by weibo.com), asked for once if unknown."""
        token = cookie_value(self.client.cookie, "XSRF-TOKEN") or self._jar_value("XSRF-TOKEN")
        if token is None and not self.xsrf_tried and self.longtext_url:
            self.xsrf_tried = True
            try:  # weibo.com sets it on any page, as a browser's first visit gets it
                self.client.get(f"{self.longtext_url}/", headers={"Referer": f"{self.longtext_url}/"})
            except FetchError as exc:
                log.info("%s: no XSRF-TOKEN from %s: %s", self.label, self.longtext_url, exc)
            token = self._jar_value("XSRF-TOKEN")
        return token

    def _jar_value(self, name: str) -> str | None:
        for cookie in self.client.jar.jar:
            if cookie.name == name and cookie.value:
                return cookie.value
        return None

    def headers_for(self, url: str, referer: str | None) -> dict[str, str]:
        if self._is_ajax(url):
            return weibo_ajax_headers(f"{self.longtext_url}/", self.xsrf_token())
        return weibo_api_headers(referer or f"{self.base_url}/")

    def refusal(self, resp: Response) -> str | None:
        host = host_of(resp.url)
        if resp.status in REFUSING_STATUSES:
            return f"{host} refused with {REFUSING_STATUSES[resp.status]}"
        data = load_json(resp.body) if resp.ok else None
        if data is not None and str(data.get("ok")) == "-100":
            inner = data.get("data")
            where = data.get("url") or (inner.get("url") if isinstance(inner, dict) else None)
            return f"{host} answered with a login/captcha wall (ok -100{f': {where}' if where else ''})"
        return None

    def advice(self, reason: str) -> str:
        """The one-line message for a refusal, saying what the user can do."""
        if self.has_cookie:
            return (
                f"{self.label}: {reason}; the cookies in ${self.cookies_env} were refused too (expired?); "
                "renew them or wait"
            )
        env = self.cookies_env or "WEIBO_COOKIES"
        how = f"set cookies in ${env}" + (
            "" if self.cookies_env else f" (and cookies_env: {env} in sources.yml)"
        )
        return f"{self.label}: {reason}; {how} or wait"

    def get(self, url: str, params: dict[str, str] | None = None, referer: str | None = None) -> Response:
        """GET an API URL as made from the page ``referer``.

        Raises Refused when the host refuses, FetchError when it cannot be reached.
        """
        resp = self.client.get(url, params=params, headers=self.headers_for(url, referer))
        reason = self.refusal(resp)
        if reason and not self.has_cookie and not self.visitor_tried:
            problem = self.visitor()
            if problem is None:
                resp = self.client.get(url, params=params, headers=self.headers_for(url, referer))
                reason = self.refusal(resp)
                reason = f"{reason} even with a visitor cookie" if reason else None
            else:
                reason = f"{reason}; no visitor cookie either ({problem})"
        if reason:
            message = self.advice(reason)
            raise Refused(
                message,
                Fetched(
                    origin=resp.url,
                    body=resp.body,
                    url=resp.url,
                    content_type=resp.content_type,
                    error=message,
                ),
            )
        return resp

    def visitor(self) -> str | None:
        """Best effort: a visitor cookie over plain HTTP (see ``shapes``); returns why not, or None."""
        self.visitor_tried = True
        where = f"{self.visitor_url}{VISITOR_PATH}"
        try:
            gen = self.client.post(
                where,
                data=dict(VISITOR_FORM),
                headers={"User-Agent": MOBILE_USER_AGENT, "Referer": f"{self.visitor_url}/visitor/visitor"},
            )
        except FetchError as exc:
            return str(exc)
        if not gen.ok:
            return f"{VISITOR_PATH} answered HTTP {gen.status}"
        found = visitor_cookies(gen.body, gen.headers.get_list("set-cookie"))
        if "SUB" not in found:
            return f"{VISITOR_PATH} gave no SUB cookie"
        # the passport sets them for its own domain: the API hosts need them too
        hosts = [urlsplit(url).hostname for url in (self.base_url, self.longtext_url) if url]
        for host in filter(None, hosts):
            for name, value in found.items():
                self.client.jar.set(name, value, domain=host)
                self.client.redact.add(value)
        log.info("%s: using a visitor cookie", self.label)
        return None

    def longtext_request(self, post_id: str) -> str:
        if self.longtext_url:
            return f"{self.longtext_url}/ajax/statuses/longtext?id={weibo_mid_to_bid(post_id) or post_id}"
        return f"{self.base_url}/statuses/extend?id={post_id}"

    def expand(self, doc: Document) -> tuple[Fetched, Document | None]:
        """Fetch the full text of a truncated post: (item to store, expanded doc or None on failure).

        Raises Refused when the host refuses (the caller backs off).
        """
        assert doc.id is not None
        url = self.longtext_request(doc.id)
        try:
            resp = self.get(url, referer=self.post_page(doc.id))
        except FetchError as exc:
            return Fetched(
                origin=url,
                body=exc.body,
                url=url,
                content_type=exc.content_type,
                error=f"long text of post {doc.id}: {exc}",
                store_raw=bool(exc.body),
            ), None
        item = Fetched(origin=resp.url, body=resp.body, url=resp.url, content_type=resp.content_type)
        if not resp.ok:
            item.error = f"long text of post {doc.id}: HTTP {resp.status}"
            return item, None
        try:
            text = parse_weibo_long_text(resp.body, doc.id)
        except ParseError as exc:
            item.error = f"long text of post {doc.id}: {exc}"
            return item, None
        if not text.strip():
            item.error = f"long text of post {doc.id} is empty"
            return item, None
        full = doc.model_copy(update={"text": text, "truncated": False})
        return item, full

    def expand_page(
        self, docs: list[Document], keywords: list[str], pending: dict[str, int]
    ) -> tuple[list[Document], list[Fetched], Refused | None]:
        """Expand the truncated posts of one page.

        Returns the documents to store with the page itself (short posts, and
        truncated ones whose long text failed: kept truncated, ids added to
        ``pending``), the long-text items to store after the page (each holding
        its expanded post), and the refusal that stopped the expansion, if any.
        """
        with_page: list[Document] = []
        items: list[Fetched] = []
        for n, doc in enumerate(docs):
            if not (needs_expansion(doc) and doc.id):
                if matches(doc, keywords):
                    with_page.append(doc)
                continue
            try:
                item, full = self.expand(doc)
            except Refused as exc:
                with_page.extend(d for d in docs[n:] if matches(d, keywords))
                return with_page, items, exc
            items.append(item)
            if full is None:
                pending[doc.id] = pending.get(doc.id, 0) + 1
                if matches(doc, keywords):
                    with_page.append(doc)
            else:
                pending.pop(doc.id, None)
                item.documents = [full] if matches(full, keywords) else []
        return with_page, items, None
