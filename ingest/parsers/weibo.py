"""Weibo API JSON → Documents.

Shapes understood (all m.weibo.cn unless noted):

* ``api/container/getIndex`` timeline: ``data.cards[]``, one Document per
  card with ``card_type`` 9 (also inside ``card_group``); ``ok:0`` with
  ``这里还没有内容`` is an empty timeline;
* the profile response (``data.userInfo`` + ``tabsInfo``): no posts, but
  ``weibo_containerid`` names the timeline to fetch next;
* ``statuses/extend`` and weibo.com ``ajax/statuses/longtext`` (HTML, plain
  text or ``isMarkdown:true`` Markdown): one Document holding the full text;
* a bare status (``statuses/show``, weibo.com ``ajax/statuses/show``) and
  weibo.com ``ajax/statuses/mymblog`` (``data.list``);
* the m.weibo.cn detail page (``m.weibo.cn/detail/<mid>`` HTML): the post is
  the ``status`` of ``var $render_data = [{…}][0]`` (``parse_weibo_page``);
* anti-crawling answers: ``ok:-100`` with a login/captcha URL raises
  ParseError; ``weibo_error`` names the reason for any error answer.

Dates (``created_at``, a post's mid) are read by ``weibo_time``.

``truncated`` means the text is a preview with a 全文/展开 link: ``isLongText``
alone is also set on complete texts (``statuses/show``, detail pages).
"""

from __future__ import annotations

import html
import json
import logging
import re
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from schemas.document import Document, ParseError, Status

from .html_text import guard, html_to_text, tidy_text
from .urls import platform_id, weibo_bid_to_mid, weibo_post_id
from .weibo_time import parse_weibo_time

logger = logging.getLogger(__name__)

__all__ = [
    "parse_weibo_json",
    "parse_weibo_long_text",
    "weibo_containerid",
    "weibo_error",
    "mblog_document",
    "parse_weibo_page",
]

# the 全文 link of an m.weibo.cn preview, or weibo.com's 展开 marker
_FULLTEXT_RE = re.compile(
    r"(?:\.\.\.|…)?\s*(?:<a [^>]*href=[\"'][^\"']*/status(?:es)?/[^\"']*[\"'][^>]*>\s*全文\s*</a>"
    r"|<span class=[\"']expand[\"']>\s*展开\s*</span>)\s*$"
)
_RENDER_DATA_RE = re.compile(rb"var\s+\$render_data\s*=\s*")
_MID_IN_NAME_RE = re.compile(r"(?<!\d)(\d{16})(?!\d)")
_MD_IMAGE_RE = re.compile(r"!\[([^\]]*)\]\(\s*(\S+?)(?:\s+\"[^\"]*\")?\s*\)")
_MD_LINK_RE = re.compile(r"\[([^\]]+)\]\(\s*\S+?(?:\s+\"[^\"]*\")?\s*\)")
_MD_HEADING_RE = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*$", re.M)
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_FENCE_RE = re.compile(r"^[ \t]*(```|~~~).*$", re.M)
_MD_QUOTE_RE = re.compile(r"^[ \t]{0,3}>[ \t]?", re.M)
_MD_RULE_RE = re.compile(r"^[ \t]{0,3}([-*_])([ \t]*\1){2,}[ \t]*$", re.M)
_TAG_RE = re.compile(r"<[a-zA-Z/!]")


def _load(data: bytes) -> Any:
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ParseError(f"expected bytes, got {type(data).__name__}")
    try:
        return json.loads(bytes(data).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ParseError(f"not valid JSON: {exc}") from None


def _ok(obj: dict[str, Any]) -> int | None:
    ok = obj.get("ok")
    if isinstance(ok, bool | int):
        return int(ok)
    if isinstance(ok, str) and ok.strip().lstrip("-").isdigit():
        return int(ok)
    return None


def _error_reason(obj: Any) -> str | None:
    if not isinstance(obj, dict):
        return None
    ok = _ok(obj)
    msg = " ".join(str(obj.get("msg") or obj.get("message") or obj.get("errmsg") or "").split())
    if ok == -100:
        body = obj.get("data")
        where = obj.get("url") or (body.get("url") if isinstance(body, dict) else None)
        where = " ".join(str(where or "").split())
        return f"weibo asks for login or captcha (ok -100){': ' + where if where else ''}"
    if ok == 0 and msg:
        return f"weibo error (ok 0): {msg}"
    if ok == 0 and obj.get("errno"):
        return f"weibo error (ok 0): errno {obj.get('errno')}"
    return None


@guard("Weibo JSON")
def weibo_error(data: bytes) -> str | None:
    """One-line reason when ``data`` is an anti-crawling, captcha or error answer; else None."""
    try:
        obj = _load(data)
    except ParseError:
        return None
    return _error_reason(obj)


@guard("Weibo profile JSON")
def weibo_containerid(data: bytes) -> str | None:
    """The containerid of the weibo (timeline) tab in a getIndex profile response."""
    obj = _load(data)
    body = obj.get("data") if isinstance(obj, dict) else None
    if not isinstance(body, dict):
        return None
    tabs_info = body.get("tabsInfo")
    tabs = tabs_info.get("tabs") if isinstance(tabs_info, dict) else None
    if isinstance(tabs, dict):  # some responses key the tabs by index
        tabs = list(tabs.values())
    for tab in tabs if isinstance(tabs, list) else []:
        if isinstance(tab, dict) and "weibo" in (tab.get("tabKey"), tab.get("tab_type")):
            cid = tab.get("containerid")
            return str(cid) if cid else None
    user = body.get("userInfo")
    uid = str(user.get("id", "")) if isinstance(user, dict) else ""
    if tabs_info is None and uid.isascii() and uid.isdigit():
        return f"107603{uid}"  # the timeline container of every account
    return None


def _markdown_text(md: str) -> tuple[str, list[str]]:
    images = [m.group(2) for m in _MD_IMAGE_RE.finditer(md)]
    md = _MD_IMAGE_RE.sub("", md)
    md = _MD_LINK_RE.sub(lambda m: m.group(1), md)
    md = _MD_FENCE_RE.sub("", _MD_RULE_RE.sub("", md))
    md = _MD_HEADING_RE.sub(lambda m: m.group(1), md)
    md = _MD_EMPHASIS_RE.sub(lambda m: m.group(2), _MD_QUOTE_RE.sub("", md))
    return tidy_text(md), images


def _weibo_html(markup: str, images: list[str] | None = None) -> str:
    if not _TAG_RE.search(markup):
        return tidy_text(html.unescape(markup))  # weibo.com long text: plain text, real newlines
    return html_to_text(markup, images=images)


def _long_text(body: dict[str, Any], images: list[str] | None = None) -> str:
    content = body.get("longTextContent")
    if not isinstance(content, str):
        raise ParseError("long-text response without longTextContent")
    if body.get("isMarkdown") is True:
        text, found = _markdown_text(content)
        if images is not None:
            images.extend(found)
        return text
    return _weibo_html(content, images)


@guard("Weibo long-text JSON")
def parse_weibo_long_text(data: bytes, status_id: str | None = None) -> str:
    """Clean full text of a statuses/extend or ajax/statuses/longtext response."""
    obj = _load(data)
    reason = _error_reason(obj)
    if reason:
        raise ParseError(f"{reason}{f' (status {status_id})' if status_id else ''}")
    body = obj.get("data") if isinstance(obj, dict) else None
    if not isinstance(body, dict):
        raise ParseError("long-text response without data")
    return _long_text(body)


def _text_field(mblog: dict[str, Any], *keys: str) -> str:
    for key in keys:
        value = mblog.get(key)
        if value is not None and not isinstance(value, dict | list):
            return str(value)
    return ""


def _images(mblog: dict[str, Any]) -> list[str]:
    urls: list[str] = []
    pics = mblog.get("pics")
    for pic in pics if isinstance(pics, list) else []:
        if isinstance(pic, dict):
            large = pic.get("large")
            url = large.get("url") if isinstance(large, dict) else None
            url = url or pic.get("url")
            if isinstance(url, str) and url:
                urls.append(url)
    infos = mblog.get("pic_infos")
    if not urls and isinstance(infos, dict):
        for info in infos.values():
            large = info.get("large") if isinstance(info, dict) else None
            if isinstance(large, dict) and isinstance(large.get("url"), str):
                urls.append(large["url"])
    ids = mblog.get("pic_ids")
    if not urls and isinstance(ids, list):
        urls = [f"https://wx1.sinaimg.cn/large/{pid}.jpg" for pid in ids if isinstance(pid, str) and pid]
    return list(dict.fromkeys(urls))


def _status_url(post_id: str | None) -> str | None:
    return f"https://m.weibo.cn/status/{post_id}" if post_id else None


def _pinned_card(obj: dict[str, Any]) -> bool:
    """A timeline card flagged as pinned the way RSSHub's weibo/user.ts reads it."""
    return str(obj.get("profile_type_id") or "").startswith("proweibotop")


def mblog_document(mblog: dict[str, Any], now: datetime | None = None, pinned: bool = False) -> Document:
    """One post (an ``mblog`` object) as a Document; the text is the post's own text.

    ``pinned``: the card holding it says so (``profile_type_id`` ``proweibotop…``).
    """
    own = _text_field(mblog, "id", "idstr", "mid") or mblog.get("mblogid")
    post_id = platform_id("weibo", own=own if isinstance(own, str) else None)
    user: dict[str, Any] = mblog["user"] if isinstance(mblog.get("user"), dict) else {}
    markup = _text_field(mblog, "text")
    truncated = bool(_FULLTEXT_RE.search(markup))
    if truncated:
        markup = _FULLTEXT_RE.sub("", markup)
    title: dict[str, Any] = mblog["title"] if isinstance(mblog.get("title"), dict) else {}
    is_top = mblog.get("isTop")
    pinned = pinned or bool(
        is_top is True
        or str(is_top) == "1"
        or str(mblog.get("mblogtype")) == "2"
        or _pinned_card(mblog)
        or "置顶" in str(title.get("text") or "")
    )
    retweet = mblog.get("retweeted_status")
    repost_of = None
    if isinstance(retweet, dict):
        repost_of = platform_id("weibo", own=_text_field(retweet, "id", "idstr", "mid") or None)
    status: Status = "deleted" if str(mblog.get("deleted")) == "1" else "ok"
    return Document(
        platform="weibo",
        id=post_id,
        url=_status_url(post_id),
        author=str(user.get("screen_name")) if user.get("screen_name") else None,
        published_at=parse_weibo_time(mblog.get("created_at"), now, mid=_text_field(mblog, "mid", "id")),
        status=status,
        truncated=truncated,
        pinned=pinned,
        repost_of=repost_of,
        text=_weibo_html(markup),
        images=_images(mblog),
        via="api",
    )


def _cards(cards: list[Any]) -> list[tuple[dict[str, Any], bool]]:
    """(mblog, pinned by its card) of every post card, card groups included."""
    out: list[tuple[dict[str, Any], bool]] = []
    for card in cards:
        if not isinstance(card, dict):
            continue
        if str(card.get("card_type")) == "9" and isinstance(card.get("mblog"), dict):
            out.append((card["mblog"], _pinned_card(card)))
        elif isinstance(card.get("card_group"), list):
            out.extend(_cards(card["card_group"]))
    return out


def _post_id_from(url: str) -> str | None:
    """The post a long-text request was about: ?id=, a post URL, or a 16-digit mid in a file name."""
    try:
        query = parse_qs(urlsplit(url).query)
    except ValueError:
        query = {}
    for key in ("id", "mid"):
        for value in query.get(key, []):
            if value.isascii() and value.isdigit():
                return value
            mid = weibo_bid_to_mid(value)
            if mid:
                return mid
    found = weibo_post_id(url)
    if found:
        return found
    m = _MID_IN_NAME_RE.search(url.replace("\\", "/").rsplit("/", 1)[-1])
    return m.group(1) if m else None


@guard("Weibo detail page")
def parse_weibo_page(data: bytes, url: str) -> list[Document]:
    """The post of an m.weibo.cn detail page: ``var $render_data = [{"status": {…}}][0] || {};``."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    raw = bytes(data)
    m = _RENDER_DATA_RE.search(raw)
    if m is None:
        raise ParseError("Weibo detail page without var $render_data")
    text = raw[m.end() :].decode("utf-8", errors="replace")
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except json.JSONDecodeError as exc:
        raise ParseError(f"Weibo detail page: $render_data is not JSON: {exc}") from None
    render = value[0] if isinstance(value, list) and value else value
    status = render.get("status") if isinstance(render, dict) else None
    if not isinstance(status, dict) or not ("id" in status or "mid" in status):
        raise ParseError("Weibo detail page: $render_data holds no status")
    doc = mblog_document(status)
    return [doc.model_copy(update={"via": "page"})]


@guard("Weibo JSON")
def parse_weibo_json(data: bytes, url: str) -> list[Document]:
    """Every post in one Weibo API response (see the module docstring for the shapes)."""
    obj = _load(data)
    url = url if isinstance(url, str) else ""
    if not isinstance(obj, dict):
        raise ParseError(f"Weibo JSON is a {type(obj).__name__}, not an object")
    ok = _ok(obj)
    body = obj.get("data")
    if ok == -100:
        raise ParseError(_error_reason(obj) or "weibo asks for login (ok -100)")
    if ok == 0:
        reason = _error_reason(obj) or "weibo error (ok 0)"
        cards = body.get("cards") if isinstance(body, dict) else None
        if "没有内容" in reason or "暂无" in reason or (isinstance(cards, list) and not cards):
            logger.info("empty Weibo timeline %s: %s", url, reason)
            return []
        post_id = _post_id_from(url)
        if post_id and any(w in reason for w in ("删除", "不存在")):
            return [
                Document(platform="weibo", id=post_id, url=_status_url(post_id), status="deleted", via="api")
            ]
        raise ParseError(reason)
    if isinstance(body, dict) and isinstance(body.get("cards"), list):
        return [mblog_document(m, pinned=pinned) for m, pinned in _cards(body["cards"])]
    if isinstance(body, dict) and "longTextContent" in body:
        post_id = _post_id_from(url)
        images: list[str] = []
        text = _long_text(body, images)
        return [
            Document(
                platform="weibo", id=post_id, url=_status_url(post_id), text=text, images=images, via="api"
            )
        ]
    if isinstance(body, dict) and ("userInfo" in body or "tabsInfo" in body):
        return []  # a profile: no posts (see weibo_containerid)
    if isinstance(body, dict) and isinstance(body.get("list"), list):
        return [mblog_document(m) for m in body["list"] if isinstance(m, dict)]
    for candidate in (body, obj):
        if isinstance(candidate, dict) and "text" in candidate and ("id" in candidate or "mid" in candidate):
            return [mblog_document(candidate)]
    raise ParseError("unrecognised Weibo JSON: no cards, long text, profile or status")
