"""What the real sites expect of a request, in one place, as maintained scrapers send it.

Weibo (m.weibo.cn JSON API), as DIYgod/RSSHub ``lib/routes/weibo/utils.ts``
(``apiHeaders``) and ``user.ts`` send it:

* headers ``MWeibo-Pwa: 1``, ``X-Requested-With: XMLHttpRequest``, a mobile
  Safari User-Agent, and a ``Referer`` on m.weibo.cn: the user's page
  ``/u/<uid>`` for timeline calls, the post's page for ``statuses/show`` and
  ``statuses/extend``;
* the profile call ``getIndex?type=uid&value=<uid>`` and every timeline page
  ``getIndex?type=uid&value=<uid>&containerid=107603<uid>`` (plus ``since_id``).

The visitor cookie (no account): one POST to ``/visitor/genvisitor2`` on the
passport host with ``cb=visitor_gray_callback`` (as the maintained clients
found by searching for genvisitor2 do: ``tid`` empty, ``from=weibo``). It
answers ``visitor_gray_callback({"retcode":20000000,"data":{"sub":…,"subp":…}})``
and sets SUB/SUBP for the passport's domain, which is not m.weibo.cn's
(.weibo.com vs .weibo.cn): the caller copies them onto the API hosts.

weibo.com ``ajax/…`` calls also carry ``X-XSRF-TOKEN``, the value of the
``XSRF-TOKEN`` cookie weibo.com sets (dataabc/weibo-crawler ``weibo.py`` keeps
that cookie for the same reason).

WeChat article pages, as wechat-article-exporter ``server/utils/proxy-request.ts``
sends them: ``Referer: https://mp.weixin.qq.com/``, ``Origin:
https://mp.weixin.qq.com`` and a plain browser User-Agent (the client's; a
contact address goes in ``From``, see ``HttpSettings.contact``).
"""

from __future__ import annotations

import json
import re
from http.cookies import SimpleCookie

from ingest.parsers.urls import WECHAT_HOST

__all__ = [
    "MOBILE_USER_AGENT",
    "VISITOR_FORM",
    "VISITOR_PATH",
    "WECHAT_HEADERS",
    "cookie_value",
    "timeline_params",
    "visitor_cookies",
    "weibo_api_headers",
    "weibo_ajax_headers",
]

MOBILE_USER_AGENT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
TIMELINE_PREFIX = "107603"  # containerid of an account's own posts: 107603<uid>
VISITOR_PATH = "/visitor/genvisitor2"
VISITOR_FORM = {"cb": "visitor_gray_callback", "tid": "", "from": "weibo"}
WECHAT_HEADERS = {"Referer": f"https://{WECHAT_HOST}/", "Origin": f"https://{WECHAT_HOST}"}
_CALLBACK_RE = re.compile(r"visitor_gray_callback\s*\(\s*(\{.*\})\s*\)", re.S)


def weibo_api_headers(referer: str) -> dict[str, str]:
    """Headers of an m.weibo.cn API call made from the page ``referer``."""
    return {
        "MWeibo-Pwa": "1",
        "X-Requested-With": "XMLHttpRequest",
        "User-Agent": MOBILE_USER_AGENT,
        "Referer": referer,
        "Accept": "application/json, text/plain, */*",
    }


def weibo_ajax_headers(referer: str, xsrf_token: str | None) -> dict[str, str]:
    """Headers of a weibo.com ``ajax/…`` call (desktop site: the client's own User-Agent)."""
    headers = {"X-Requested-With": "XMLHttpRequest", "Referer": referer, "Accept": "application/json"}
    if xsrf_token:
        headers["X-XSRF-TOKEN"] = xsrf_token
    return headers


def timeline_params(uid: str, containerid: str | None = None, **paging: str) -> dict[str, str]:
    """getIndex query: the profile (no containerid) or a timeline page."""
    params = {"type": "uid", "value": uid}
    if containerid:
        params["containerid"] = containerid
    return {**params, **paging}


def default_containerid(uid: str) -> str:
    return f"{TIMELINE_PREFIX}{uid}"


def visitor_cookies(body: bytes, set_cookie: list[str]) -> dict[str, str]:
    """SUB and SUBP from a genvisitor2 answer: its Set-Cookie headers, else its JSONP body."""
    found: dict[str, str] = {}
    for header in set_cookie:
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(header)
        except Exception:  # noqa: BLE001 - http.cookies raises its own CookieError and others
            continue
        for name in ("SUB", "SUBP"):
            if name in jar and jar[name].value:
                found[name] = jar[name].value
    if len(found) == 2:
        return found
    m = _CALLBACK_RE.search(body.decode("utf-8", "replace"))
    try:
        data = json.loads(m.group(1)) if m else None
    except json.JSONDecodeError:
        data = None
    if not isinstance(data, dict) or str(data.get("retcode")) != "20000000":
        return found
    inner = data.get("data")
    if isinstance(inner, dict):
        for key, name in (("sub", "SUB"), ("subp", "SUBP")):
            if isinstance(inner.get(key), str) and inner[key]:
                found.setdefault(name, inner[key])
    return found


def cookie_value(cookie_header: str | None, name: str) -> str | None:
    """The value of cookie ``name`` in a Cookie header ('a=1; b=2')."""
    for part in (cookie_header or "").split(";"):
        key, sep, value = part.strip().partition("=")
        if sep and key.strip() == name:
            return value.strip() or None
    return None
