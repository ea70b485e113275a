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

Where the script data is read (``_Script``): a page up to 512 KB is scanned
whole. A bigger page (the 2025 layout: ~3 MB, nearly all library script) that
has a ``window.cgiDataNew`` object is only read where WeChat puts the article's
data, so that the megabytes of library code are never scanned:

* ``var biz/sn/mid/idx``: the first ``<script>`` of ``<body>`` (from the DOM)
  when it declares all four, or else the first 64 KB after ``<body``;
* ``var item_show_type/nickname/ct/msg_title/msg_link``: the inline script
  declaring ``var msg_title`` within 256 KB before ``window.cgiDataNew``;
* ``__QMTPL_SSR_DATA__``: the first 256 KB after ``<body``.

``window.cgiDataNew`` and ``__QMTPL_SSR_DATA__`` are searched for from the end
(the last assignment is the one the page's scripts see). A big page with no
biz/mid/idx in those places nor in cgiDataNew, or with neither ``ct`` nor a cgi
``create_time``, is scanned whole for them after all (as small pages are).
"""

from __future__ import annotations

import html
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from schemas.document import CST, Document, ParseError, Status

from .charset import to_utf8
from .html_text import guard, html_to_text, js_unescape, node_text, tidy_text
from .urls import WECHAT_HOST, is_http_url, normalize_wechat_url, platform_id, platform_of, wechat_article_id

logger = logging.getLogger(__name__)

__all__ = ["parse_wechat_article", "wechat_status"]

AD_PLACEHOLDERS = frozenset({"微信广告", "广告"})

_LIT = rb'(?:"[^"\\\n]*(?:\\.[^"\\\n]*)*"|\'[^\'\\\n]*(?:\\.[^\'\\\n]*)*\')'
_LIT_RE = re.compile(_LIT)
# no leading \b: a literal "var" prefix keeps the scan over 3 MB at ~2 ms
_VAR_RE = re.compile(
    rb"var[ \t]+(msg_title|nickname|ct|biz|mid|idx|sn|msg_link|publish_time|createTime|item_show_type)"
    rb"[ \t]*=[ \t]*((?:htmlDecode\(\s*)?" + _LIT + rb"(?:\s*\)?\s*\|\|\s*" + _LIT + rb")*)"
)
# Every match consumes the run of bytes that cannot start a token, then one token; an identifier
# that is not a key and a quote that opens no literal are consumed too (unnamed), so the scan never
# retries byte by byte: ~20x faster than letting finditer search for the next token.
_TOKEN_RE = re.compile(
    rb"[^\"'{}\[\]A-Za-z_$]*+(?:(?P<str>" + _LIT + rb")|(?P<open>[{\[])|(?P<close>[}\]])"
    rb"|(?P<key>[A-Za-z_$][\w$]*)[ \t]*:[ \t]*(?:JsDecode\([ \t]*)?(?P<val>" + _LIT + rb")?"
    rb"|[A-Za-z_$][\w$]*+|[\"'])"
)
# (marker searched for with bytes.rfind, the assignment it must start)
_CGI = (b"window.cgiDataNew", re.compile(rb"window\.cgiDataNew\s*=\s*\{"))
_SSR = (b"__QMTPL_SSR_DATA__", re.compile(rb"__QMTPL_SSR_DATA__\s*=\s*\{"))
_WHOLE_PAGE = 512 * 1024  # pages up to this size are scanned whole
_WINDOW = 256 * 1024  # bigger pages: the start of <body> (SSR data), and before window.cgiDataNew
_ID_WINDOW = 64 * 1024  # … and the start of <body> for var biz/sn/mid/idx
_OBJECT_LIMIT = 4_000_000
_CGI_KEYS = frozenset(
    {
        "nick_name",
        "title",
        "create_time",
        "content_noencode",
        "desc",
        "link",
        "bizuin",
        "mid",
        "idx",
        "item_show_type",
        "ori_create_time",
    }
)
# content_noencode may be empty at the top and filled in a nested object (2020 text shares'
# text_page_info): the first non-empty one at these depths is the body
_SHARE_KEY = b"content_noencode"
_SHARE_DEPTHS = (1, 2)
_EMPTY_LITERALS = (b"''", b'""')
_BLOCK_MARKUP_RE = re.compile(r"<(?:p|div|section|br|blockquote|h[1-6]|li|ul|ol|table|pre)\b", re.I)
_FULL_TEXT_CARD = "阅读全文"
_CARD_MAX = 80  # a #js_content this short that offers 阅读全文 is a reprint's card, not the article
_WALL_MARKERS = (b"wappoc_appmsgcaptcha", b'id="js_verify"', b"id='js_verify'", b"tcaptcha_iframe")
_MESSAGE_SELECTOR = (
    ".weui-msg__title, .weui-msg__desc, .weui-msg__text-area, .mesg-block, "
    ".global_error_msg, .page_msg, #js_verify"
)
_CHROME_SELECTOR = (
    "#js_top_profile, .rich_media_meta_list, #js_pc_qr_code, .qr_code_pc, "
    "#js_tags, #js_text_title, #js_text_desc, .wx_profile_card_inner"
)
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


def _script_vars(
    data: bytes, regions: list[tuple[int, int]], found: dict[str, str] | None = None
) -> dict[str, str]:
    """First non-empty value of each ``var name = "…" || "…"`` assignment in ``regions`` (in page order)."""
    found = {} if found is None else found
    for lo, hi in regions:
        for m in _VAR_RE.finditer(data, lo, hi):
            name = m.group(1).decode()
            if name in found:
                continue
            values = [_decode_literal(lit) for lit in _LIT_RE.findall(m.group(2))]
            value = next((v for v in values if v.strip()), "")
            if value:
                found[name] = html.unescape(value).strip()
    return found


def _object_at(
    data: bytes, which: tuple[bytes, re.Pattern[bytes]], lo: int = 0, hi: int | None = None
) -> int:
    """Offset of the ``{`` of the last ``marker = {`` assignment within ``data[lo:hi]``; -1 if none."""
    marker, assignment = which
    end = len(data) if hi is None else hi
    while (at := data.rfind(marker, lo, end)) >= 0:
        m = assignment.match(data, at)
        if m is not None:
            return m.end() - 1
        end = at + len(marker) - 1
    return -1


class _Script:
    """Where a page's script data is read from (see the module docstring); lookups are lazy."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        # small pages are scanned whole, so cgiDataNew is only looked for if it is needed
        self.cgi_at: int | None = _object_at(data, _CGI) if len(data) > _WHOLE_PAGE else None
        self.whole = self.cgi_at is None or self.cgi_at < 0
        self._body: int | None = None
        self._all: dict[str, str] | None = None

    def cgi(self) -> int:
        """Where the ``window.cgiDataNew`` object opens (-1: nowhere)."""
        if self.cgi_at is None:
            self.cgi_at = _object_at(self.data, _CGI)
        return self.cgi_at

    def body(self) -> int:
        """Where ``<body`` is in the bytes (-1: nowhere)."""
        if self._body is None:
            self._body = self.data.find(b"<body")
        return self._body

    def vars(self, tree: LexborHTMLParser) -> dict[str, str]:
        """The page's ``var`` assignments (a big page's from the places listed in the module docstring).

        The id block is read from the DOM when the first script of <body> is it: finding ``<body``
        in the bytes means scanning the ~300 KB of inline CSS before it.
        """
        data = self.data
        if self.whole:
            return _script_vars(data, [(0, len(data))])
        first = tree.body.css_first("script") if tree.body is not None else None
        script = first.text().encode() if first is not None else b""
        found = _script_vars(script, [(0, len(script))]) if b"\xef\xbf\xbd" not in script else {}
        if not all(found.get(k) for k in ("biz", "sn", "mid", "idx")):
            body = self.body()
            found = _script_vars(data, [(body, body + _ID_WINDOW)]) if body >= 0 else {}
        cgi_at = self.cgi()
        anchor = data.rfind(b"var msg_title", max(0, cgi_at - _WINDOW), cgi_at)
        if anchor >= 0:
            start = data.rfind(b"<script", max(0, anchor - _WINDOW), anchor)
            end = data.find(b"</script", anchor, cgi_at)
            _script_vars(data, [(start if start >= 0 else anchor, end if end >= 0 else cgi_at)], found)
        return found

    def ssr(self) -> int:
        """Where the ``__QMTPL_SSR_DATA__`` object opens (-1: nowhere)."""
        if self.whole:
            return _object_at(self.data, _SSR)
        body = self.body()
        return _object_at(self.data, _SSR, body, body + _WINDOW) if body >= 0 else -1

    def late_vars(self, vars_: dict[str, str]) -> dict[str, str]:
        """``vars_``, or for a big page read in parts all of its ``var`` assignments."""
        if self.whole:
            return vars_
        if self._all is None:
            self._all = _script_vars(self.data, [(0, len(self.data))])
        return self._all


def _js_object(data: bytes, start: int) -> tuple[dict[str, bytes], list[str]]:
    """Raw string literals of the top-level fields of the object literal opening at ``data[start]``
    (nothing when ``start`` is -1), and its picture URLs."""
    if start < 0:
        return {}, []
    fields: dict[str, bytes] = {}
    pictures: list[str] = []
    path: list[str | None] = []
    pending: str | None = None
    for m in _TOKEN_RE.finditer(data, start, start + _OBJECT_LIMIT):
        kind = m.lastgroup
        if kind == "val":  # key: literal
            pending = None
            depth = len(path)
            if m.group("key") == _SHARE_KEY and depth in _SHARE_DEPTHS:
                if fields.get("content_noencode", b"''") in _EMPTY_LITERALS:
                    fields["content_noencode"] = m.group("val")
            elif depth == 1:
                key = m.group("key").decode()
                if key in _CGI_KEYS and key not in fields:
                    fields[key] = m.group("val")
            elif depth == 3 and path[1] == "picture_page_info_list" and m.group("key") == b"cdn_url":
                pictures.append(_field({"u": m.group("val")}, "u"))
        elif kind == "key":  # key: anything else
            pending = m.group("key").decode()
        elif kind == "open":
            path.append(pending)
            pending = None
        elif kind == "close":
            pending = None
            if path:
                path.pop()
            if not path:
                break
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


def _clean_name(candidates: Iterable[str | None]) -> str | None:
    """The first usable candidate (candidates may be a generator: the rest are never computed)."""
    for value in candidates:
        value = " ".join((value or "").split())
        if value and value not in AD_PLACEHOLDERS:
            return value
    return None


def _titles(
    tree: LexborHTMLParser, vars_: dict[str, str], ssr: dict[str, bytes], cgi: dict[str, bytes]
) -> Iterator[str | None]:
    """Title candidates, best first (each DOM lookup runs only when the ones before it are unusable)."""
    yield vars_.get("msg_title")
    yield _first_text(tree, "#activity-name")
    yield _field(ssr, "title")
    yield _field(cgi, "title")
    yield _meta(tree, "og:title")
    yield _meta(tree, "twitter:title")
    title_node = tree.css_first("title")
    yield title_node.text() if title_node is not None else None


def _authors(
    tree: LexborHTMLParser, vars_: dict[str, str], ssr: dict[str, bytes], cgi: dict[str, bytes]
) -> Iterator[str | None]:
    """Author candidates, best first, computed as in ``_titles``."""
    yield vars_.get("nickname")
    yield _field(cgi, "nick_name")
    yield _field(ssr, "nick_name")
    yield _first_text(tree, "#js_name")
    yield _first_text(tree, ".wx_follow_nickname")
    yield _first_text(tree, "#post-user")


def _hollow(text: str) -> bool:
    """A #js_content with no article in it: empty, or only a reprint's 阅读全文 card."""
    text = text.strip()
    return not text or (len(text) <= _CARD_MAX and _FULL_TEXT_CARD in text)


def _share_text(share: str, images: list[str]) -> str:
    """Text of a content_noencode value: HTML, or plain text with inline links and \\n breaks."""
    if "<" not in share:
        return tidy_text(share)
    if not _BLOCK_MARKUP_RE.search(share):  # the breaks are the text's own: keep them
        share = share.replace("\r\n", "\n").replace("\n", "<br>")
    return html_to_text(share, images=images)


def _template_text(tree: LexborHTMLParser, images: list[str]) -> str:
    """The article kept in ``<script id="content_tpl" type="text/html">`` (reprint pages)."""
    node = tree.css_first("script#content_tpl")
    markup = node.text() if node is not None else ""
    return html_to_text(markup, images=images) if markup.strip() else ""


def _body_text(
    tree: LexborHTMLParser,
    content: LexborNode | None,
    cgi: dict[str, bytes],
    show_type: str,
    images: list[str],
    generic: bool,
    read_cgi: Callable[[], dict[str, bytes]] | None = None,
) -> str:
    """The article body: js_content, or the share text of text/image-share and reprint layouts.

    ``read_cgi`` reads cgiDataNew when ``cgi`` was not read (a classic page): only needed when
    the page is a reprint whose #js_content is hollow.
    """
    if "content_noencode" in cgi and (show_type in ("8", "10") or content is None):
        share = _field(cgi, "content_noencode")
        if share:
            return _share_text(share, images)
    if content is not None:
        for node in content.css(_CHROME_SELECTOR):
            node.decompose()
        text = node_text(content, images=images)
        if not _hollow(text):
            return text
    if content is None and generic and tree.body is not None:
        return node_text(tree.css_first("article") or tree.body, images=images)
    if not cgi and read_cgi is not None:
        cgi = read_cgi()
    share = _field(cgi, "content_noencode")
    if share:
        return _share_text(share, images)
    return _template_text(tree, images) or _share_text(_field(cgi, "desc"), images)


_WECHAT_MARKERS = (
    b"mp.weixin.qq.com",
    b"res.wx.qq.com",
    b"mmbiz",
    b"js_content",
    b"rich_media",
    b"cgiDataNew",
    b"var msg_title",
    b"weui-msg",
)


def _looks_wechat(data: bytes, url: str) -> bool:
    """A WeChat page, as opposed to any other HTML handed to this parser."""
    return platform_of(url) == "wechat" or any(m in data for m in _WECHAT_MARKERS)


def _published(script: _Script, vars_: dict[str, str], cgi: dict[str, bytes]) -> datetime | None:
    """The article's time to the second: ``var ct`` or cgi ``ori_create_time`` (Unix seconds).

    Else the minute-only cgi ``create_time`` (after looking for ``var ct`` in all of a big page
    read in parts), else ``var createTime``/``publish_time``.
    """
    published = _parse_time(vars_.get("ct")) or _parse_time(_field(cgi, "ori_create_time"))
    if published is not None:
        return published
    vars_ = script.late_vars(vars_)  # a big page read in parts: look in all of it
    return (
        _parse_time(vars_.get("ct"))
        or _parse_time(_field(cgi, "create_time"))
        or _parse_time(vars_.get("createTime"))
        or _parse_time(vars_.get("publish_time"))
    )


def _ids(
    url: str, page_link: str, vars_: dict[str, str], cgi: dict[str, bytes], script: _Script
) -> tuple[str | None, str | None]:
    """(document id, canonical URL) from the page's biz/mid/idx, its own link, or the URL given."""
    biz, mid, idx = vars_.get("biz"), vars_.get("mid"), vars_.get("idx")
    if not (biz and mid and idx) and all(k in cgi for k in ("bizuin", "mid", "idx")):
        biz, mid, idx = _field(cgi, "bizuin"), _field(cgi, "mid"), _field(cgi, "idx")
    if not (biz and mid and idx) and not script.whole:  # a big page read in parts: look at all of it
        vars_ = script.late_vars(vars_)
        biz, mid, idx = vars_.get("biz"), vars_.get("mid"), vars_.get("idx")
    if platform_of(url) == "wechat":
        doc_url: str | None = normalize_wechat_url(url)
    elif is_http_url(page_link):
        doc_url = normalize_wechat_url(page_link)
    elif is_http_url(url):
        doc_url = url.strip()
    elif biz and mid and idx and vars_.get("sn"):
        doc_url = normalize_wechat_url(
            f"https://{WECHAT_HOST}/s?__biz={biz}&mid={mid}&idx={idx}&sn={vars_['sn']}"
        )
    else:
        doc_url = None
    own = f"{biz}:{mid}:{idx}" if biz and mid and idx else wechat_article_id(page_link)
    return platform_id("wechat", doc_url or url, own), doc_url


@guard("WeChat page")
def parse_wechat_article(html: bytes, url: str, content_type: str | None = None) -> Document:
    """Parse one WeChat article page (any state) into a Document.

    ``content_type`` is the page's HTTP Content-Type, if known: with its
    ``<meta charset>`` it says how the bytes are encoded (see ``charset``).
    """
    if isinstance(html, str):
        html = html.encode("utf-8")
    if not isinstance(html, bytes | bytearray | memoryview):
        raise ParseError(f"expected bytes, got {type(html).__name__}")
    data = to_utf8(bytes(html), content_type)  # no copy when given UTF-8 bytes
    if not data or data.isspace():  # as ``not data.strip()``, without copying 3 MB
        raise ParseError("empty page")
    url = url if isinstance(url, str) else ""
    tree = LexborHTMLParser(data)
    script = _Script(data)
    vars_ = script.vars(tree)
    content = tree.css_first("#js_content")
    classic = (
        content is not None
        and vars_.get("item_show_type", "0") not in ("8", "10")
        and all(vars_.get(k) for k in ("msg_title", "nickname", "ct"))
    )
    # the cgiDataNew object can be 100s of KB: read it only for layouts that need it
    cgi, pictures = ({}, []) if classic else _js_object(data, script.cgi())
    has_article = bool(
        content is not None or vars_.get("msg_title") or _field(cgi, "title") or _meta(tree, "og:title")
    )
    looks_wechat = _looks_wechat(data, url)
    status = wechat_status(tree, data, has_article, looks_wechat)
    page_link = vars_.get("msg_link") or _field(cgi, "link") or _meta(tree, "og:url") or ""
    doc_id, doc_url = _ids(url, page_link, vars_, cgi, script)
    platform = "wechat" if status != "ok" or looks_wechat else "web"
    if status != "ok":
        logger.info("WeChat page %s: %s", url, status)
        return Document(platform=platform, id=doc_id, url=doc_url, status=status, via="page")

    show_type = _field(cgi, "item_show_type") or vars_.get("item_show_type") or ""
    images: list[str] = []
    text = _body_text(
        tree,
        content,
        cgi,
        show_type,
        images,
        generic=platform == "web",
        read_cgi=(lambda: _js_object(data, script.cgi())[0]) if classic else None,
    )
    for pic in pictures if show_type == "8" or content is None else []:
        if pic not in images:
            images.append(pic)
    ssr: dict[str, bytes] = {}
    if not classic:
        ssr, _ = _js_object(data, script.ssr())
    title = _clean_name(_titles(tree, vars_, ssr, cgi))
    author = _clean_name(_authors(tree, vars_, ssr, cgi))
    published = _published(script, vars_, cgi)
    return Document(
        platform=platform,
        id=doc_id,
        url=doc_url,
        title=title,
        author=author,
        published_at=published,
        status="ok",
        text=text,
        images=images,
        via="page",
    )
