"""WeChat (mp.weixin.qq.com) article pages → Document.

A real page is ~3 MB, nearly all inline script.  The DOM is parsed once with
lexbor (selectolax) for the body (``#js_content``) and the error boxes; the
article's metadata is read by targeted regexes over the raw bytes:

* classic and 2025 layouts: ``var msg_title``, ``var nickname`` (plain or
  ``htmlDecode("…")``), ``var ct`` (unix time), ``var biz/mid/idx/sn``,
  ``var msg_link``;
* text-share (item_show_type 10) and image-share (8) layouts, which have no
  ``var ct``/``msg_title``: ``window.cgiDataNew = {…}`` (``JsDecode('…')``
  values: nick_name, title, create_time, content_noencode, bizuin/mid/idx,
  picture_page_info_list) and ``window.__QMTPL_SSR_DATA__``.

Error pages (deleted, removed, unavailable, expired, verification wall) give a
Document with that status and no text; they never raise.
"""
from __future__ import annotations

import html
import logging
import re
from datetime import datetime, timedelta, timezone

from selectolax.lexbor import LexborHTMLParser, LexborNode

from schemas.document import Document, ParseError, Status

from .html_text import guard, html_to_text, js_unescape, node_text, tidy_text
from .urls import WECHAT_HOST, is_http_url, normalize_wechat_url, wechat_article_id

logger = logging.getLogger(__name__)

__all__ = ["parse_wechat_article", "wechat_status"]

CST = timezone(timedelta(hours=8))
AD_PLACEHOLDERS = frozenset({"微信广告", "广告"})

_LIT = rb'(?:"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\')'
_LIT_RE = re.compile(_LIT)
# no leading \b: a literal "var" prefix keeps the scan over 3 MB at ~2 ms
_VAR_RE = re.compile(
    rb"var[ \t]+(msg_title|nickname|ct|biz|mid|idx|sn|msg_link|publish_time|createTime|item_show_type)"
    rb"[ \t]*=[ \t]*((?:htmlDecode\(\s*)?" + _LIT + rb"(?:\s*\)?\s*\|\|\s*" + _LIT + rb")*)"
)
_TOKEN_RE = re.compile(
    rb"(?P<str>" + _LIT + rb")|(?P<open>[{\[])|(?P<close>[}\]])"
    rb"|(?P<key>[A-Za-z_$][\w$]*)[ \t]*:[ \t]*(?:JsDecode\([ \t]*)?(?P<val>" + _LIT + rb")?"
)
_JS_OBJECTS = {"cgi": re.compile(rb"window\.cgiDataNew\s*=\s*\{"),
               "ssr": re.compile(rb"__QMTPL_SSR_DATA__\s*=\s*\{")}
_OBJECT_LIMIT = 4_000_000
_CGI_KEYS = frozenset({"nick_name", "title", "create_time", "content_noencode", "desc", "link",
                       "bizuin", "mid", "idx", "item_show_type"})
_WALL_MARKERS = (b"wappoc_appmsgcaptcha", b'id="js_verify"', b"id='js_verify'", b"tcaptcha_iframe")
_MESSAGE_SELECTOR = (".weui-msg__title, .weui-msg__desc, .weui-msg__text-area, .mesg-block, "
                     ".global_error_msg, .page_msg, #js_verify")
_CHROME_SELECTOR = ("#js_top_profile, .rich_media_meta_list, #js_pc_qr_code, .qr_code_pc, "
                    "#js_tags, #js_text_title, #js_text_desc, .wx_profile_card_inner")
_STATUS_PHRASES: tuple[tuple[Status, tuple[str, ...]], ...] = (
    ("blocked", ("环境异常", "完成验证", "去验证", "captcha", "访问过于频繁")),
    ("deleted", ("已被发布者删除", "被作者删除", "已删除", "已自主注销")),
    ("removed", ("违规", "涉嫌违反", "违反", "被多人投诉", "被屏蔽", "侵权")),
    ("expired", ("链接已过期", "已过期")),
    ("unavailable", ("暂时无法查看", "无法查看", "已迁移", "参数错误", "不存在")),
)
_DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


def _decode_literal(raw: bytes) -> str:
    return js_unescape(raw[1:-1].decode("utf-8", errors="replace"))


def _script_vars(data: bytes) -> dict[str, str]:
    """First non-empty value of each ``var name = "…" || "…"`` assignment."""
    found: dict[str, str] = {}
    for m in _VAR_RE.finditer(data):
        name = m.group(1).decode()
        if name in found:
            continue
        values = [_decode_literal(lit) for lit in _LIT_RE.findall(m.group(2))]
        value = next((v for v in values if v.strip()), "")
        if value:
            found[name] = html.unescape(value).strip()
    return found


def _js_object(data: bytes, which: str) -> tuple[dict[str, bytes], list[str]]:
    """Raw string literals of a page-script object literal's top-level fields, and its picture URLs."""
    start = _JS_OBJECTS[which].search(data)
    if start is None:
        return {}, []
    fields: dict[str, bytes] = {}
    pictures: list[str] = []
    path: list[str | None] = []
    pending: str | None = None
    for m in _TOKEN_RE.finditer(data, start.end() - 1, start.end() - 1 + _OBJECT_LIMIT):
        kind = m.lastgroup
        if kind == "open":
            path.append(pending)
            pending = None
        elif kind == "close":
            pending = None
            if path:
                path.pop()
            if not path:
                break
        elif m.group("key") is not None:
            key = m.group("key").decode()
            val = m.group("val")
            pending = key if val is None else None
            if val is None:
                continue
            if len(path) == 1 and key in _CGI_KEYS and key not in fields:
                fields[key] = val
            elif key == "cdn_url" and len(path) == 3 and path[1] == "picture_page_info_list":
                pictures.append(_field({"u": val}, "u"))
    return fields, [p for p in pictures if p]


def _field(fields: dict[str, bytes], key: str) -> str:
    """Decoded value of one field read by _js_object ("" when absent)."""
    raw = fields.get(key)
    return html.unescape(_decode_literal(raw)).strip() if raw else ""


def _parse_time(value: str | None) -> datetime | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit() and 9 <= len(value) <= 11:
        return datetime.fromtimestamp(int(value), CST)
    m = _DATE_RE.match(value)
    if not m:
        return None
    y, mo, d, h, mi, s = (int(g) if g else 0 for g in m.groups())
    try:
        return datetime(y, mo, d, h, mi, s, tzinfo=CST)
    except ValueError:
        return None


def _first_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    if node is None:
        return None
    return " ".join(node.text(deep=True).split()) or None


def _meta(tree: LexborHTMLParser, prop: str) -> str | None:
    node = tree.css_first(f'meta[property="{prop}"], meta[name="{prop}"]')
    value = (node.attributes.get("content") or "").strip() if node is not None else ""
    return html.unescape(js_unescape(value)) or None


def wechat_status(tree: LexborHTMLParser, data: bytes, has_article: bool, wechat: bool = True) -> Status:
    """Status of a page from its message boxes, never from article text.

    Without an article, the title and a short body count as the message too
    (the 934-byte "unavailable" page has no message box); a long page that is
    not WeChat's is an ordinary web page whatever words it uses.
    """
    if not has_article and any(marker in data for marker in _WALL_MARKERS):
        return "blocked"
    boxes = [n.text(deep=True) for n in tree.css(_MESSAGE_SELECTOR)]
    if not has_article:
        title = tree.css_first("title")
        body = node_text(tree.body)[:2000] if tree.body is not None and len(data) < 200_000 else ""
        if wechat or len(body) < 300:
            boxes += [title.text() if title is not None else "", body]
    message = " ".join(" ".join(boxes).split())
    for status, phrases in _STATUS_PHRASES:
        if any(p in message for p in phrases):
            return status
    return "ok"


def _clean_name(*candidates: str | None) -> str | None:
    for value in candidates:
        value = " ".join((value or "").split())
        if value and value not in AD_PLACEHOLDERS:
            return value
    return None


def _body_text(tree: LexborHTMLParser, content: LexborNode | None, cgi: dict[str, bytes],
               show_type: str, images: list[str], generic: bool) -> str:
    """The article body: js_content, or the share text of text/image-share layouts."""
    if "content_noencode" in cgi and (show_type in ("8", "10") or content is None):
        share = _field(cgi, "content_noencode")
        if share:
            return html_to_text(share, images=images) if "<" in share else tidy_text(share)
    if content is not None:
        for node in content.css(_CHROME_SELECTOR):
            node.decompose()
        text = node_text(content, images=images)
        if text:
            return text
    if content is None and generic and tree.body is not None:
        return node_text(tree.css_first("article") or tree.body, images=images)
    share = _field(cgi, "content_noencode") or _field(cgi, "desc")
    return html_to_text(share, images=images) if "<" in share else tidy_text(share)


_WECHAT_MARKERS = (b"mp.weixin.qq.com", b"res.wx.qq.com", b"mmbiz", b"js_content", b"rich_media",
                   b"cgiDataNew", b"var msg_title", b"weui-msg")


def _looks_wechat(data: bytes, url: str) -> bool:
    """A WeChat page, as opposed to any other HTML handed to this parser."""
    return WECHAT_HOST in url or any(m in data for m in _WECHAT_MARKERS)


def _ids(url: str, page_link: str, vars_: dict[str, str], cgi: dict[str, bytes]) -> tuple[str | None, str | None]:
    """(document id, canonical URL) from the page's biz/mid/idx, its own link, or the URL given."""
    biz, mid, idx = vars_.get("biz"), vars_.get("mid"), vars_.get("idx")
    if not (biz and mid and idx) and all(k in cgi for k in ("bizuin", "mid", "idx")):
        biz, mid, idx = _field(cgi, "bizuin"), _field(cgi, "mid"), _field(cgi, "idx")
    if WECHAT_HOST in url:
        doc_url: str | None = normalize_wechat_url(url)
    elif is_http_url(page_link):
        doc_url = normalize_wechat_url(page_link)
    elif is_http_url(url):
        doc_url = url.strip()
    elif biz and mid and idx and vars_.get("sn"):
        doc_url = normalize_wechat_url(f"https://{WECHAT_HOST}/s?__biz={biz}&mid={mid}&idx={idx}&sn={vars_['sn']}")
    else:
        doc_url = None
    if biz and mid and idx:
        return f"{biz}:{mid}:{idx}", doc_url
    return wechat_article_id(page_link) or wechat_article_id(url), doc_url


@guard("WeChat page")
def parse_wechat_article(html: bytes, url: str) -> Document:
    """Parse one saved WeChat article page (any state) into a Document."""
    if isinstance(html, str):
        html = html.encode("utf-8")
    if not isinstance(html, bytes | bytearray | memoryview):
        raise ParseError(f"expected bytes, got {type(html).__name__}")
    data = bytes(html)
    if not data.strip():
        raise ParseError("empty page")
    url = url if isinstance(url, str) else ""
    tree = LexborHTMLParser(data)
    vars_ = _script_vars(data)
    content = tree.css_first("#js_content")
    classic = (content is not None and vars_.get("item_show_type", "0") not in ("8", "10")
               and all(vars_.get(k) for k in ("msg_title", "nickname", "ct")))
    # the cgiDataNew object costs ~10 ms on a big page: read it only for layouts that need it
    cgi, pictures = ({}, []) if classic else _js_object(data, "cgi")
    og_title = _meta(tree, "og:title")
    has_article = bool(content is not None or vars_.get("msg_title") or _field(cgi, "title") or og_title)
    looks_wechat = _looks_wechat(data, url)
    status = wechat_status(tree, data, has_article, looks_wechat)
    page_link = vars_.get("msg_link") or _field(cgi, "link") or _meta(tree, "og:url") or ""
    doc_id, doc_url = _ids(url, page_link, vars_, cgi)
    platform = "wechat" if status != "ok" or looks_wechat else "web"
    if status != "ok":
        logger.info("WeChat page %s: %s", url, status)
        return Document(platform=platform, id=doc_id, url=doc_url, status=status, via="page")

    show_type = _field(cgi, "item_show_type") or vars_.get("item_show_type") or ""
    images: list[str] = []
    text = _body_text(tree, content, cgi, show_type, images, generic=platform == "web")
    for pic in pictures if show_type == "8" or content is None else []:
        if pic not in images:
            images.append(pic)
    ssr: dict[str, bytes] = {}
    if not classic:
        ssr, _ = _js_object(data, "ssr")
    title_node = tree.css_first("title")
    title = _clean_name(vars_.get("msg_title"), _first_text(tree, "#activity-name"), _field(ssr, "title"),
                        _field(cgi, "title"), og_title, _meta(tree, "twitter:title"),
                        title_node.text() if title_node is not None else None)
    author = _clean_name(vars_.get("nickname"), _field(cgi, "nick_name"), _field(ssr, "nick_name"),
                         _first_text(tree, "#js_name"), _first_text(tree, ".wx_follow_nickname"),
                         _first_text(tree, "#post-user"))
    published = (_parse_time(vars_.get("ct")) or _parse_time(_field(cgi, "create_time"))
                 or _parse_time(vars_.get("createTime")) or _parse_time(vars_.get("publish_time")))
    return Document(platform=platform, id=doc_id, url=doc_url, title=title, author=author,
                    published_at=published, status="ok", text=text, images=images, via="page")
