"""HTML → clean text, shared by the WeChat, Weibo and feed parsers.

``node_text`` reads a selectolax (lexbor) DOM subtree: block elements and ``<br>``
become line breaks, inline elements run together, whitespace from the source
indentation collapses, ``<pre>`` keeps its lines, scripts/styles/forms are
dropped.  Images are collected (lazy ``data-src`` first); emoji images such as
Weibo's ``<img alt="[doge]">`` contribute their alt text instead.

How: one C-level ``traverse()`` finds the elements that matter; skipped subtrees
are unlinked and line breaks, cell gaps, emoji alt texts and ``<pre>`` bounds are
inserted as marker text nodes; one C-level ``text()`` call joins all the text;
the tree is then restored.  The text nodes are never visited from Python (the
old node-by-node walk, ``_walk``, still handles the rare inputs where that cannot
give exactly the same text, e.g. broken UTF-8).

Also here: ``js_unescape`` for JavaScript string literals scraped from page
scripts, and ``guard`` which turns any stray exception of a parser into
``ParseError`` so callers only ever see one error type.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from selectolax.lexbor import LexborAttributes, LexborHTMLParser, LexborNode

from schemas.document import ParseError

from .html_tables import restore_tables, swap_tables

logger = logging.getLogger(__name__)

__all__ = ["html_to_text", "node_text", "tidy_text", "js_unescape", "guard", "EMOJI_ALT_RE"]

BLOCK_TAGS = frozenset(
    "address article aside blockquote center dd details dialog div dl dt fieldset figcaption figure "
    "footer h1 h2 h3 h4 h5 h6 header hgroup hr li main nav ol p pre section summary table tbody thead "
    "tfoot tr ul caption mp-common-profile".split()
)
SKIP_TAGS = frozenset(
    "script style noscript template svg head title button select option textarea input iframe "
    "object embed canvas audio video source track map area link meta -comment".split()
)
CELL_TAGS = frozenset({"td", "th"})
_MARKED_TAGS = frozenset(
    t for t in BLOCK_TAGS | CELL_TAGS | SKIP_TAGS | {"br", "img"} if not t.startswith("-")
)
_TAG_NAMES: dict[int, str] = {}  # lexbor's built-in tag ids → names, filled as met (see _elements)
EMOJI_ALT_RE = re.compile(r"^\[[^\[\]\s]{1,12}\]$")
_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x01-\x08\x0b\x0e-\x1f\x7f]")
_SPACES_RE = re.compile("  +")  # literal prefixes: far faster to scan for than a character class
_BLANKS_RE = re.compile("\n\n\n+")
_TAG_RE = re.compile(r"<[a-zA-Z/!]")
_JS_ESCAPE_RE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\}|\r\n|[\s\S])")
_JS_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_BREAK = "\x00"  # a pending line break, resolved in tidy_text
_PRE_OPEN, _PRE_CLOSE = "\ue000", "\ue001"  # private-use marks around <pre> text in _marked_text
_PRE_SPLIT_RE = re.compile("([\ue000\ue001])")
_SEP = "\x01"  # between text nodes in _marked_text; an invisible character

P = ParamSpec("P")
R = TypeVar("R")


def guard(what: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a public parser so that nothing but ParseError escapes it."""

    def wrap(func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def inner(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return func(*args, **kwargs)
            except ParseError:
                raise
            except (
                ValueError,
                TypeError,
                KeyError,
                IndexError,
                AttributeError,
                RecursionError,
                UnicodeError,
                OverflowError,
            ) as exc:
                logger.debug("%s: %s", what, exc, exc_info=True)
                raise ParseError(f"unreadable {what}: {type(exc).__name__}: {exc}") from exc

        return inner

    return wrap


def js_unescape(value: str) -> str:
    """Decode the escapes of a JavaScript string literal's body (\\x0a, \\u4e2d, \\', …)."""
    if "\\" not in value:
        return value

    def sub(m: re.Match[str]) -> str:
        esc = m.group(1)
        if esc[0] in "xu" and len(esc) > 1:
            code = int(esc[1:].strip("{}"), 16)
            return chr(code) if code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else ""
        if esc in ("\n", "\r\n", "\r", "\u2028", "\u2029"):
            return ""  # line continuation
        return _JS_SIMPLE.get(esc, esc)

    return _JS_ESCAPE_RE.sub(sub, value)


def tidy_text(text: str) -> str:
    """Normalise finished text: trim every line, at most one blank line in a row.

    Runs of spaces, tabs, NBSP and ideographic spaces become one space, and
    invisible characters are dropped; done with ``str`` methods and literal-prefix
    regexes over the whole text (fast), not per line.
    """
    text = text.replace(_BREAK, "\n").replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    text = _SPACES_RE.sub(" ", text.replace("\t", " ").replace("\u00a0", " ").replace("\u3000", " "))
    if _INVISIBLE_RE.search(
        text
    ):  # searched for in the collapsed (shorter) text; dropping one can join spaces
        text = _SPACES_RE.sub(" ", _INVISIBLE_RE.sub("", text))
    text = "\n".join([line.strip() for line in text.split("\n")])
    return _BLANKS_RE.sub("\n\n", text).strip()


def _image_url(attrs: LexborAttributes) -> str | None:
    for key in ("data-src", "data-original", "src"):
        value = attrs.get(key)
        if value and not value.startswith("data:"):
            return value.strip()
    return None


def _is_icon(img: LexborNode) -> bool:
    """Weibo's link and topic icons sit in ``<span class="url-icon">``."""
    parent = img.parent
    return parent is not None and parent.is_element_node and "url-icon" in (parent.attrs.get("class") or "")


def _custom_tag_ids_are_pointers() -> bool:
    """What ``_elements`` relies on to cache tag names by id (true of the lexbor selectolax ships)."""
    node = LexborHTMLParser("<x-pingce-probe></x-pingce-probe>").css_first("x-pingce-probe")
    return node is not None and node.tag_id >= 0x10000


_CACHE_TAG_IDS = _custom_tag_ids_are_pointers()


def _walk(root: LexborNode, images: list[str] | None) -> str:
    """Text of ``root``'s subtree, node by node in Python (before ``tidy_text``).

    The reference behaviour of ``node_text``; used for roots that are not plain
    elements and whenever the marked-text path below cannot be exact.
    """
    out: list[str] = []
    # (node, closing): closing entries emit the break after a block ends
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    pre_depth = 0
    while stack:
        node, closing = stack.pop()
        tag = node.tag or ""
        if closing:
            if tag == "pre":
                pre_depth -= 1
            out.append(" " if tag in CELL_TAGS else _BREAK)
            continue
        if tag == "-text":
            value = node.text_content or ""
            out.append(value if pre_depth else _WS_RE.sub(" ", value))
            continue
        if tag in SKIP_TAGS or tag.startswith("-"):
            continue
        if tag == "br":
            out.append("\n")
            continue
        if tag == "img":
            attrs = node.attrs
            alt = (attrs.get("alt") or "").strip()
            if EMOJI_ALT_RE.match(alt):
                out.append(alt)
            elif images is not None and not _is_icon(node):
                url = _image_url(attrs)
                if url and url not in images:
                    images.append(url)
            continue
        block = tag in BLOCK_TAGS
        if block:
            out.append(_BREAK)
        if block or tag in CELL_TAGS:
            stack.append((node, True))
        if tag == "pre":
            pre_depth += 1
        children: list[LexborNode] = []
        child = node.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((c, False) for c in reversed(children))
    return "".join(out)


def _flatten(text: str) -> str:
    """Source line breaks as spaces: with ``tidy_text`` after it, the same as ``_WS_RE.sub(" ", text)``."""
    return text.replace("\n", " ").replace("\r", " ").replace("\x0c", " ").replace("\x0b", " ")


def _elements(root: LexborNode) -> list[tuple[LexborNode, str]]:
    """(node, tag) of the elements below ``root`` that ``_marked_text`` acts on, in document order.

    Classified by ``tag_id`` (an int) rather than ``tag`` (a str decoded on each call), with the
    names of lexbor's built-in tag ids cached; a custom element's id is a pointer (never below
    64 KB on Linux), valid for its own document only, so those are looked up by name.
    """
    found: list[tuple[LexborNode, str]] = []
    walk = root.traverse()
    next(walk)  # root itself
    names = _TAG_NAMES
    for node in walk:
        tag_id = node.tag_id
        tag = names.get(tag_id)
        if tag is None:
            tag = node.tag or ""
            if tag_id < 0x10000 and _CACHE_TAG_IDS:
                names[tag_id] = tag
        if tag in _MARKED_TAGS:
            found.append((node, tag))
    return found


def _marked_text(root: LexborNode, in_pre: bool, images: list[str] | None) -> str | None:
    """What ``_walk`` returns, from one C-level ``text()`` call; None when that cannot be exact.

    Skipped subtrees are unlinked, and line breaks, cell gaps, emoji alt texts and
    ``<pre>`` bounds become marker text nodes; the tree is put back as it was
    before returning. Whitespace collapses over the joined text instead of per
    text node, which ``tidy_text`` cannot tell apart (runs of spaces become one).
    """
    unlinked: list[tuple[LexborNode, LexborNode | None, LexborNode | None]] = []
    marks: list[LexborNode | None] = []
    urls: list[str] = []
    pres = 0
    try:
        nodes = _elements(root)
        skipped = [node for node, tag in nodes if tag in SKIP_TAGS]
        if skipped:
            for node in skipped:
                unlinked.append((node, node.next, node.parent))
                node.remove(recursive=False)  # unlink, keeping the subtree for the restore
            nodes = _elements(root)
        for node, tag in nodes:
            if tag in BLOCK_TAGS:
                before, after = _BREAK, _BREAK
                if tag == "pre":
                    pres += 1
                    before, after = _BREAK + _PRE_OPEN, _PRE_CLOSE + _BREAK
                node.insert_before(before)
                marks.append(node.prev)
                node.insert_after(after)
                marks.append(node.next)
            elif tag in CELL_TAGS:
                node.insert_after(" ")
                marks.append(node.next)
            elif tag == "br":
                node.insert_before(_BREAK)
                marks.append(node.prev)
            elif tag == "img":
                attrs = node.attrs
                alt = (attrs.get("alt") or "").strip()
                if EMOJI_ALT_RE.match(alt):
                    node.insert_before(alt)
                    marks.append(node.prev)
                elif images is not None and not _is_icon(node):
                    url = _image_url(attrs)
                    if url and url not in images and url not in urls:
                        urls.append(url)
        # text() decodes the joined bytes: without a separator a broken UTF-8 sequence could
        # merge across nodes, where per-node decoding gives U+FFFD; the walk handles those
        raw = root.text(separator=_SEP)
        if "\ufffd" in raw:
            return None
        # dropping the separators drops the page's own U+0001s too, early: tidy_text would drop
        # them anyway, except that between a CR and a LF in <pre> one keeps them two line breaks
        raw = root.text() if (pres or in_pre) and "\r" in raw else raw.replace(_SEP, "")
    finally:
        for mark in marks:
            if mark is not None:
                mark.decompose()
        for node, following, parent in reversed(unlinked):
            if following is not None:
                following.insert_before(node, move=True)
            elif parent is not None:
                parent.insert_child(node, move=True)
    if pres or in_pre:
        if raw.count(_PRE_OPEN) != pres or raw.count(_PRE_CLOSE) != pres:
            return None  # the page's own text holds a marker character
        depth = 1 if in_pre else 0
        out: list[str] = []
        for piece in _PRE_SPLIT_RE.split(raw):
            if piece == _PRE_OPEN:
                depth += 1
            elif piece == _PRE_CLOSE:
                depth -= 1
            else:
                out.append(piece if depth else _flatten(piece))
        raw = "".join(out)
    else:
        raw = _flatten(raw)
    if images is not None:
        images.extend(urls)
    return raw


def node_text(root: LexborNode | None, *, images: list[str] | None = None) -> str:
    """Clean text of ``root``'s subtree; image URLs are appended to ``images``.

    The tree is left as it was (it is changed and restored on the way).
    """
    if root is None:
        return ""
    tag = root.tag or ""
    text = None
    tables = (
        swap_tables(root, lambda cell: node_text(cell, images=images), _BREAK)
        if root.is_element_node and tag != "table" and root.css_first("table") is not None
        else []
    )
    try:
        # <html> holds <head>/<body>, whose cached pointers unlinking would disturb
        if root.is_element_node and tag not in SKIP_TAGS and tag not in ("br", "img", "html"):
            text = _marked_text(root, tag == "pre", images)
        if text is None:
            text = _walk(root, images)
    finally:
        restore_tables(tables)
    return tidy_text(text)


def drop_article_links(content: LexborNode) -> None:
    """Drop the paragraphs and list items that hold nothing but a link to another WeChat article
    (往期推荐, related reading): their words are that article's title, not this one's text."""
    for link in content.css('a[href*="mp.weixin.qq.com/s"]'):
        block = link.parent
        while block is not None and block.tag not in ("p", "li"):
            if block is content or block.tag in ("div", "body"):
                block = None
                break
            block = block.parent
        if block is None:
            continue
        own = "".join((link.text() or "").split())
        if own and "".join((block.text() or "").split()) == own:
            block.decompose()


def html_to_text(markup: str | bytes, *, images: list[str] | None = None, wechat: bool = False) -> str:
    """Clean text of an HTML fragment or page (the body only); ``wechat``: a WeChat article's
    body, whose links to other articles standing alone are left out (:func:`drop_article_links`)."""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    if not _TAG_RE.search(markup):
        return tidy_text(_WS_RE.sub(" ", html.unescape(markup)))
    tree = LexborHTMLParser(markup)
    if wechat and tree.body is not None:
        drop_article_links(tree.body)
    return node_text(tree.body, images=images)
