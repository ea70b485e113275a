"""URL normalisation and platform ids for WeChat articles and Weibo posts.

WeChat article URLs come in two shapes:

* long: ``https://mp.weixin.qq.com/s?__biz=X&mid=Y&idx=Z&sn=W&chksm=…&scene=…``
  → canonical ``https://mp.weixin.qq.com/s?__biz=X&mid=Y&idx=Z&sn=W``;
* short: ``https://mp.weixin.qq.com/s/<token>`` → query and fragment dropped.

Weibo post URLs (``weibo.com/<uid>/<bid>``, ``m.weibo.cn/status/<id>``,
``m.weibo.cn/detail/<id>``) carry either the numeric mid or its base62 "bid";
``weibo_post_id`` always answers with the numeric mid so that a post read from
a feed and the same post read from the API share one key.

``platform_id`` is the one rule for the id a document is known by (its key is
``platform:id``): every parser asks it, so a post clipped into a note, read
from the API or from a feed, and an article page and the feed item linking to
it, are one document.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

__all__ = [
    "is_http_url",
    "platform_id",
    "platform_of",
    "normalize_wechat_url",
    "wechat_article_id",
    "weibo_post_id",
    "weibo_bid_to_mid",
    "weibo_mid",
    "weibo_mid_to_bid",
]

WECHAT_HOST = "mp.weixin.qq.com"
_WECHAT_KEYS = ("__biz", "mid", "idx", "sn")
_B62 = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_B62_INDEX = {c: i for i, c in enumerate(_B62)}
_MID_RE = re.compile(r"^\d{6,20}$")
_BID_RE = re.compile(r"^[0-9a-zA-Z]{8,10}$")
_WEIBO_HOSTS = ("weibo.com", "www.weibo.com", "m.weibo.cn", "weibo.cn", "m.weibo.com")
# paths on weibo.com whose second segment is not a post
_WEIBO_NOT_POSTS = frozenset({"u", "n", "p", "profile", "ajax", "tv", "signup", "login", "search", "hot"})


def is_http_url(value: str | None) -> bool:
    return bool(value) and str(value).lower().startswith(("http://", "https://"))


def _split(url: str) -> tuple[str, str, str]:
    """(host, path, query) of ``url``; a missing scheme is tolerated."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return "", "", ""
    return host, parts.path, parts.query


def platform_of(url: str | None) -> str | None:
    """The platform a URL belongs to: "weibo" (weibo.com, weibo.cn and their subdomains),
    "wechat" (mp.weixin.qq.com), else None."""
    if not url:
        return None
    host = _split(url)[0]
    if host in ("weibo.com", "weibo.cn") or host.endswith((".weibo.com", ".weibo.cn")):
        return "weibo"
    if host == WECHAT_HOST:
        return "wechat"
    return None


def _wechat_query(query: str) -> dict[str, str]:
    params = parse_qs(query.replace("&amp;", "&"), keep_blank_values=False)
    return {k: v[0].strip() for k, v in params.items() if k in _WECHAT_KEYS and v and v[0].strip()}


def normalize_wechat_url(url: str) -> str:
    """Canonical form of a WeChat article URL; other URLs come back stripped."""
    host, path, query = _split(url)
    if host != WECHAT_HOST:
        return url.strip()
    if path.startswith("/s/") and len(path) > 3:
        token = path[3:].split("/")[0]
        return f"https://{WECHAT_HOST}/s/{quote(token, safe='-_~.')}"
    params = _wechat_query(query)
    if path in ("/s", "/mp/appmsg/show", "/mp/rumor") and {"__biz", "mid", "idx"} <= params.keys():
        ordered = [(k, params[k]) for k in _WECHAT_KEYS if k in params]
        return f"https://{WECHAT_HOST}/s?" + "&".join(f"{k}={quote(v, safe='=')}" for k, v in ordered)
    return f"https://{WECHAT_HOST}{path or '/'}" + (f"?{query}" if query else "")


def wechat_article_id(url: str) -> str | None:
    """``<biz>:<mid>:<idx>`` from a long WeChat URL, the token of a short one, else None."""
    host, path, query = _split(url)
    if host != WECHAT_HOST:
        return None
    if path.startswith("/s/") and len(path) > 3:
        return path[3:].split("/")[0] or None
    params = _wechat_query(query)
    if {"__biz", "mid", "idx"} <= params.keys():
        return f"{params['__biz']}:{params['mid']}:{params['idx']}"
    return None


def weibo_bid_to_mid(bid: str) -> str | None:
    """Decode Weibo's base62 post id (``Kjc77D1jz``) into the numeric mid."""
    if not _BID_RE.match(bid):
        return None
    chunks = []
    end = len(bid)
    while end > 0:
        start = max(0, end - 4)
        value = 0
        for ch in bid[start:end]:
            value = value * 62 + _B62_INDEX[ch]
        chunks.append(str(value) if start == 0 else f"{value:07d}")
        end = start
    mid = "".join(reversed(chunks)).lstrip("0")
    return mid or None


def weibo_mid_to_bid(mid: str) -> str | None:
    """Encode a numeric mid as Weibo's base62 post id (the inverse of weibo_bid_to_mid)."""
    if not _MID_RE.match(mid):
        return None
    out = []
    end = len(mid)
    while end > 0:
        start = max(0, end - 7)
        value = int(mid[start:end])
        chunk = ""
        while value:
            value, rem = divmod(value, 62)
            chunk = _B62[rem] + chunk
        out.append(chunk if start == 0 else chunk.rjust(4, "0"))
        end = start
    return "".join(reversed(out)).lstrip("0") or None


def weibo_mid(value: str | None) -> str | None:
    """The numeric mid of a Weibo post given as a mid, a base62 bid or a post URL (else None)."""
    value = (value or "").strip()
    if "/" in value or "." in value:
        return weibo_post_id(value)
    if value.isascii() and value.isdigit():
        return value
    return _as_mid(value) if value else None


def platform_id(platform: str, url: str | None = None, own: str | None = None) -> str | None:
    """The id of a document on its platform, from the URL it is known by and the id it states (``own``).

    * weibo: the numeric mid, whether ``own`` (or the URL) names the post by
      mid, by base62 bid or by URL;
    * wechat: ``own`` (the page's biz:mid:idx), else the article the URL names
      (``biz:mid:idx`` of a long link, the token of a short one); a feed item
      and the page its long link names agree, and a page fetched for a short
      link supersedes the feed item (see ``Fetched.supersedes``);
    * elsewhere: ``own``.
    """
    if platform == "weibo":
        return weibo_mid(own) or (weibo_post_id(url) if url else None)
    if platform == "wechat":
        return own or (wechat_article_id(url) if url else None)
    return own


def _as_mid(value: str) -> str | None:
    if _MID_RE.match(value):
        return value
    if _BID_RE.match(value) and not value.isdigit():
        return weibo_bid_to_mid(value)
    return None


def weibo_post_id(url: str) -> str | None:
    """The numeric mid of a Weibo post URL, None when the URL names no post."""
    host, path, query = _split(url)
    if host not in _WEIBO_HOSTS:
        return None
    parts = [p for p in path.split("/") if p]
    if len(parts) >= 2 and parts[0] in ("status", "detail"):
        return _as_mid(parts[1])
    if host.endswith("weibo.com") and len(parts) == 2 and parts[0] not in _WEIBO_NOT_POSTS:
        mid = _as_mid(parts[1])
        if mid and (parts[0].isdigit() or parts[0].isidentifier()):
            return mid
    params = parse_qs(query)
    for key in ("id", "mid"):
        if params.get(key):
            mid = _as_mid(params[key][0])
            if mid:
                return mid
    return None
