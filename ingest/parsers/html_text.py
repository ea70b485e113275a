"""HTML → clean text, shared by the WeChat, Weibo and feed parsers.

``node_text`` walks a selectolax (lexbor) DOM once: block elements and ``<br>``
become line breaks, inline elements run together, whitespace from the source
indentation collapses, ``<pre>`` keeps its lines, scripts/styles/forms are
dropped.  Images are collected (lazy ``data-src`` first); emoji images such as
Weibo's ``<img alt="[doge]">`` contribute their alt text instead.

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

from selectolax.lexbor import LexborHTMLParser, LexborNode

from schemas.document import ParseError

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
EMOJI_ALT_RE = re.compile(r"^\[[^\[\]\s]{1,12}\]$")
_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_LINE_WS_RE = re.compile(r"[ \t\f\v\u00a0\u3000]+")
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\x01-\x08\x0b\x0e-\x1f\x7f]")
_BLANKS_RE = re.compile(r"\n{3,}")
_TAG_RE = re.compile(r"<[a-zA-Z/!]")
_JS_ESCAPE_RE = re.compile(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]{1,6}\}|\r\n|[\s\S])")
_JS_SIMPLE = {"n": "\n", "r": "\r", "t": "\t", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_BREAK = "\x00"  # a pending line break, resolved in tidy_text

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
            except (ValueError, TypeError, KeyError, IndexError, AttributeError,
                    RecursionError, UnicodeError, OverflowError) as exc:
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
    """Normalise finished text: trim every line, at most one blank line in a row."""
    text = text.replace(_BREAK, "\n").replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n")
    lines = [_LINE_WS_RE.sub(" ", line).strip() for line in _INVISIBLE_RE.sub("", text).split("\n")]
    return _BLANKS_RE.sub("\n\n", "\n".join(lines)).strip()


def _image_url(node: LexborNode) -> str | None:
    attrs = node.attributes
    for key in ("data-src", "data-original", "src"):
        value = attrs.get(key)
        if value and not value.startswith("data:"):
            return value.strip()
    return None


def _is_icon(img: LexborNode) -> bool:
    """Weibo's link and topic icons sit in ``<span class="url-icon">``."""
    parent = img.parent
    return parent is not None and "url-icon" in (parent.attributes.get("class") or "")


def node_text(root: LexborNode | None, *, images: list[str] | None = None) -> str:
    """Clean text of ``root``'s subtree; image URLs are appended to ``images``."""
    if root is None:
        return ""
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
            alt = (node.attributes.get("alt") or "").strip()
            if EMOJI_ALT_RE.match(alt):
                out.append(alt)
            elif images is not None and not _is_icon(node):
                url = _image_url(node)
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
    return tidy_text("".join(out))


def html_to_text(markup: str | bytes, *, images: list[str] | None = None) -> str:
    """Clean text of an HTML fragment or page (the body only)."""
    if isinstance(markup, bytes):
        markup = markup.decode("utf-8", errors="replace")
    if not _TAG_RE.search(markup):
        return tidy_text(_WS_RE.sub(" ", html.unescape(markup)))
    tree = LexborHTMLParser(markup)
    return node_text(tree.body, images=images)
