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

Where a page's script data is read, and how, is ``wechat_script``'s part.
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
from .html_text import drop_article_links, guard, html_to_text, js_unescape, node_text, tidy_text
from .urls import WECHAT_HOST, is_http_url, normalize_wechat_url, platform_id, platform_of, wechat_article_id
from .wechat_script import PageScript, js_field, js_object

logger = logging.getLogger(__name__)

__all__ = ["parse_wechat_article", "wechat_status"]

AD_PLACEHOLDERS = frozenset({"微信广告", "广告"})

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
    yield js_field(ssr, "title")
    yield js_field(cgi, "title")
    yield _meta(tree, "og:title")
    yield _meta(tree, "twitter:title")
    title_node = tree.css_first("title")
    yield title_node.text() if title_node is not None else None


def _authors(
    tree: LexborHTMLParser, vars_: dict[str, str], ssr: dict[str, bytes], cgi: dict[str, bytes]
) -> Iterator[str | None]:
    """Author candidates, best first, computed as in ``_titles``."""
    yield vars_.get("nickname")
    yield js_field(cgi, "nick_name")
    yield js_field(ssr, "nick_name")
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
        share = js_field(cgi, "content_noencode")
        if share:
            return _share_text(share, images)
    if content is not None:
        for node in content.css(_CHROME_SELECTOR):
            node.decompose()
        drop_article_links(content)
        text = node_text(content, images=images)
        if not _hollow(text):
            return text
    if content is None and generic and tree.body is not None:
        return node_text(tree.css_first("article") or tree.body, images=images)
    if not cgi and read_cgi is not None:
        cgi = read_cgi()
    share = js_field(cgi, "content_noencode")
    if share:
        return _share_text(share, images)
    return _template_text(tree, images) or _share_text(js_field(cgi, "desc"), images)


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


def _published(script: PageScript, vars_: dict[str, str], cgi: dict[str, bytes]) -> datetime | None:
    """The article's time to the second: ``var ct`` or cgi ``ori_create_time`` (Unix seconds).

    Else the minute-only cgi ``create_time`` (after looking for ``var ct`` in all of a big page
    read in parts), else ``var createTime``/``publish_time``.
    """
    published = _parse_time(vars_.get("ct")) or _parse_time(js_field(cgi, "ori_create_time"))
    if published is not None:
        return published
    vars_ = script.late_vars(vars_)  # a big page read in parts: look in all of it
    return (
        _parse_time(vars_.get("ct"))
        or _parse_time(js_field(cgi, "create_time"))
        or _parse_time(vars_.get("createTime"))
        or _parse_time(vars_.get("publish_time"))
    )


def _ids(
    url: str, page_link: str, vars_: dict[str, str], cgi: dict[str, bytes], script: PageScript
) -> tuple[str | None, str | None]:
    """(document id, canonical URL) from the page's biz/mid/idx, its own link, or the URL given."""
    biz, mid, idx = vars_.get("biz"), vars_.get("mid"), vars_.get("idx")
    if not (biz and mid and idx) and all(k in cgi for k in ("bizuin", "mid", "idx")):
        biz, mid, idx = js_field(cgi, "bizuin"), js_field(cgi, "mid"), js_field(cgi, "idx")
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
    script = PageScript(data)
    vars_ = script.vars(tree)
    content = tree.css_first("#js_content")
    classic = (
        content is not None
        and vars_.get("item_show_type", "0") not in ("8", "10")
        and all(vars_.get(k) for k in ("msg_title", "nickname", "ct"))
    )
    # the cgiDataNew object can be 100s of KB: read it only for layouts that need it
    cgi, pictures = ({}, []) if classic else js_object(data, script.cgi())
    has_article = bool(
        content is not None or vars_.get("msg_title") or js_field(cgi, "title") or _meta(tree, "og:title")
    )
    looks_wechat = _looks_wechat(data, url)
    status = wechat_status(tree, data, has_article, looks_wechat)
    page_link = vars_.get("msg_link") or js_field(cgi, "link") or _meta(tree, "og:url") or ""
    doc_id, doc_url = _ids(url, page_link, vars_, cgi, script)
    platform = "wechat" if status != "ok" or looks_wechat else "web"
    if status != "ok":
        logger.info("WeChat page %s: %s", url, status)
        return Document(platform=platform, id=doc_id, url=doc_url, status=status, via="page")

    show_type = js_field(cgi, "item_show_type") or vars_.get("item_show_type") or ""
    images: list[str] = []
    text = _body_text(
        tree,
        content,
        cgi,
        show_type,
        images,
        generic=platform == "web",
        read_cgi=(lambda: js_object(data, script.cgi())[0]) if classic else None,
    )
    for pic in pictures if show_type == "8" or content is None else []:
        if pic not in images:
            images.append(pic)
    ssr: dict[str, bytes] = {}
    if not classic:
        ssr, _ = js_object(data, script.ssr())
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
