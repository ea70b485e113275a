"""RSS 2.0, Atom and RSS 1.0 (RDF) feeds → one Document per item.

Elements are matched by local name, so namespaced and namespace-less feeds
read alike.  An item's platform is the platform of its link ("weibo" for
weibo.com/m.weibo.cn, "wechat" for mp.weixin.qq.com, else "feed"), its id the
platform id when the link carries one (a Weibo post's numeric mid, a WeChat
article's biz:mid:idx) and otherwise the guid.  The text is the clean text of
the richest of content:encoded / content / description / summary; RSSHub's
"[图片]" markers are dropped from titles.

An item's author is its own author/dc:creator, else the feed's (Atom). A WeChat
relay feed (wechat-feeds and the like) names no author anywhere: its channel
title is "<account> | <relay>", and the account is the author of its WeChat items
(its managingEditor is the relay's operator, not the author).
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from lxml import etree

from schemas.document import CST, Document, ParseError

from .charset import to_utf8
from .html_text import guard, html_to_text
from .urls import is_http_url, normalize_wechat_url, platform_id, platform_of

logger = logging.getLogger(__name__)

__all__ = ["parse_feed", "parse_feed_time"]

_RDF_ABOUT = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about"
_ITEM_NAMES = frozenset({"item", "entry"})
_BODY_NAMES = ("encoded", "content", "description", "summary")
_TITLE_MARKERS_RE = re.compile(r"\s*(?:\[(?:图片|视频|组图|图)\]\s*)+$")
_TITLE_SPLIT_RE = re.compile(r"\s+[|｜]\s+|｜")
_ISO_RE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$"
)


def _local(el: etree._Element) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comments and processing instructions
    return tag.rsplit("}", 1)[-1].lower()


def _children(el: etree._Element, name: str) -> list[etree._Element]:
    return [c for c in el if _local(c) == name]


def _inner(el: etree._Element) -> str:
    """Text of an element, or its serialised children for inline XHTML content."""
    if len(el) and (el.get("type") or "").lower() == "xhtml":
        return "".join(etree.tostring(c, encoding="unicode", with_tail=True) for c in el)
    return "".join(el.itertext())


def _first_text(el: etree._Element, *names: str) -> str:
    for name in names:
        for child in _children(el, name):
            text = " ".join(_inner(child).split())
            if text:
                return text
    return ""


def parse_feed_time(value: str | None) -> datetime | None:
    """RFC 822 (RSS) or ISO 8601 (Atom, dc:date) time; naive times are taken as +08:00."""
    if not value or not value.strip():
        return None
    value = value.strip()
    stamp: datetime | None = None
    m = _ISO_RE.match(value)
    if m:
        y, mo, d, hh, mi, ss, tz = m.groups()
        try:
            stamp = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0))
        except ValueError:
            return None
        if tz and tz != "Z":
            sign = 1 if tz[0] == "+" else -1
            digits = tz[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if offset >= timedelta(hours=24):
                return None
            stamp = stamp.replace(tzinfo=timezone(sign * offset))
        elif tz == "Z":
            stamp = stamp.replace(tzinfo=UTC)
    else:
        try:
            stamp = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if stamp is None:
        return None
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=CST)
    try:
        return stamp.astimezone(CST)
    except (OverflowError, ValueError):
        return None


def _link(item: etree._Element) -> str:
    for link in _children(item, "link"):
        href = link.get("href")
        if href and (link.get("rel") or "alternate") == "alternate":
            return href.strip()
        text = (link.text or "").strip()
        if text:
            return text
    guid = _first_text(item, "guid", "id")
    return guid if is_http_url(guid) else ""


def _author(item: etree._Element, default: str | None) -> str | None:
    for child in item:
        name = _local(child)
        if name == "author":
            names = _children(child, "name")
            value = " ".join(_inner(names[0] if names else child).split())
            if value:
                return value
        elif name == "creator" and (child.text or "").strip():
            return " ".join((child.text or "").split())
    return default


def _platform_and_id(link: str, guid: str) -> tuple[str, str | None, str | None]:
    """(platform, id, url) of an item from its link."""
    platform = platform_of(link) if is_http_url(link) else None
    if platform == "weibo":
        return "weibo", platform_id("weibo", link, guid) or guid or None, link
    if platform == "wechat":
        url = normalize_wechat_url(link)
        return "wechat", platform_id("wechat", url) or guid or None, url
    return "feed", platform_id("feed", link, guid or link or None), link or None


def _relay_account(channel: etree._Element) -> str | None:
    """The account a relay feed carries, from a channel title "<account> | <relay>"."""
    parts = _TITLE_SPLIT_RE.split(_first_text(channel, "title"), maxsplit=1)
    return (parts[0].strip() or None) if len(parts) == 2 else None


def _item_document(
    item: etree._Element, channel_author: str | None, relay_account: str | None = None
) -> Document:
    link = _link(item)
    guid = _first_text(item, "guid", "id") or (item.get(_RDF_ABOUT) or "").strip()
    platform, doc_id, url = _platform_and_id(link, guid)
    bodies = [_inner(c) for name in _BODY_NAMES for c in _children(item, name)]
    markup = max(bodies, key=len, default="")
    images: list[str] = []
    for el in item:
        name, kind = _local(el), (el.get("type") or "").lower()
        href = el.get("url") if name == "enclosure" else el.get("href") if name == "link" else None
        if href and kind.startswith("image/") and (name == "enclosure" or el.get("rel") == "enclosure"):
            images.append(href.strip())
    text = html_to_text(markup, images=images, wechat=platform == "wechat") if markup.strip() else ""
    title_text = _first_text(item, "title")
    if "<" in title_text:
        title_text = " ".join(html_to_text(title_text).split())
    title = _TITLE_MARKERS_RE.sub("", title_text) or None
    published = None
    for name in ("pubdate", "published", "date", "issued", "updated", "modified"):
        published = parse_feed_time(_first_text(item, name))
        if published:
            break
    return Document(
        platform=platform,
        id=doc_id,
        url=url,
        title=title,
        author=_author(item, channel_author or (relay_account if platform == "wechat" else None)),
        published_at=published,
        text=text,
        images=list(dict.fromkeys(images)),
        via="feed",
    )


@guard("feed")
def parse_feed(data: bytes, url: str, content_type: str | None = None) -> list[Document]:
    """Every item of an RSS 2.0, Atom or RDF feed (``content_type``: its HTTP Content-Type, if known)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ParseError(f"expected bytes, got {type(data).__name__}")
    raw = to_utf8(bytes(data), content_type).lstrip(b"\xef\xbb\xbf \t\r\n")
    if not raw:
        raise ParseError("empty feed")
    parser = etree.XMLParser(
        recover=True,
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )
    try:
        root = etree.fromstring(raw, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ParseError(f"feed is not XML: {exc}") from None
    if root is None:
        raise ParseError("feed is not XML")
    kind = _local(root)
    if kind not in ("rss", "feed", "rdf", "channel"):
        raise ParseError(f"not a feed: root element <{kind or root.tag}>")
    channel = next((c for c in root if _local(c) == "channel"), root)
    channel_author = _author(channel, None) if kind == "feed" else None
    items = [el for el in root.iter() if _local(el) in _ITEM_NAMES]
    relay = _relay_account(channel)
    docs = [_item_document(item, channel_author, relay) for item in items]
    logger.debug("feed %s (%s): %d items from %s", url, kind, len(docs), _first_text(channel, "title"))
    return docs
