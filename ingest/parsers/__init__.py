"""Pure parsers: bytes in, Documents out. No network, no database.

``parse_bytes`` sniffs what a file holds (a clip note, a WeChat page, a Weibo
API response, a feed or plain text) and hands it to the matching parser.
"""

from __future__ import annotations

import re

from schemas.document import Document, ParseError

from .clip import parse_clip_note, parse_plain_text

__all__ = ["parse_bytes", "sniff", "ParseError"]

_FEED_RE = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.I)
_RENDER_DATA_WINDOW = 256 * 1024
_HTML_RE = re.compile(rb"<(!doctype html|html|head|body|meta)[\s>]", re.I)


def sniff(data: bytes, name: str = "") -> str:
    """Name the format of ``data``: clip, wechat, weibo (API JSON or an m.weibo.cn detail page),
    feed, html or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = name.lower()
    if head.startswith((b"{", b"[")) or lower.endswith(".json"):
        return "weibo"
    if data.find(b"$render_data", 0, _RENDER_DATA_WINDOW) >= 0:  # an m.weibo.cn detail page
        return "weibo"
    if head.startswith(b"<?xml") or _FEED_RE.search(head[:1024]):
        if _FEED_RE.search(data[:8192]):
            return "feed"
    if _HTML_RE.search(head) or lower.endswith((".html", ".htm")):
        return "wechat"
    if head.startswith(b"---") or head.startswith(b"# ") or lower.endswith((".md", ".markdown")):
        return "clip"
    if b"\n## " in data[:65536]:
        return "clip"
    return "text"


#: Inputs larger than this are not parsed (their bytes are still stored, with an error):
#: parsing and extraction hold several copies of a document in memory.
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
#: HTML nested deeper than this is not parsed: the HTML parser's cost grows with the square
#: of the depth (100k nested elements took 43 s), and no real page comes near it.
MAX_NESTING = 1000

_TAG_RE = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9]*)")
# elements that never nest or whose end tag is optional (an open <p> or <li> closes itself)
_FLAT = frozenset(
    b"area base br col embed hr img input link meta source track wbr p li dt dd option optgroup "
    b"tr td th thead tbody tfoot colgroup rb rt rp html head body".split()
)


def nesting_depth(data: bytes, stop: int = MAX_NESTING) -> int:
    """How deep the tags of ``data`` nest (an estimate from tag names alone; stops past ``stop``)."""
    depth = deepest = 0
    for m in _TAG_RE.finditer(data):
        if m.group(2).lower() in _FLAT:
            continue
        if m.group(1):
            depth = max(0, depth - 1)
        else:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop:
                    break
    return deepest


def check_limits(data: bytes) -> None:
    """Raise ParseError for an input too large or too deeply nested to parse safely."""
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ParseError(
            f"{len(data) / 1048576:.1f} MiB is over the {MAX_DOCUMENT_BYTES // 1048576} MiB document limit;"
            " not parsed (the bytes are kept)"
        )
    if b"<" in data:
        depth = nesting_depth(data)
        if depth > MAX_NESTING:
            raise ParseError(f"HTML nested more than {MAX_NESTING} elements deep; not parsed")


def parse_bytes(
    data: bytes, name: str, url: str | None = None, content_type: str | None = None
) -> list[Document]:
    """Parse one input's bytes into the documents it holds.

    ``name`` is the path or URL it came from (used in errors and as the
    document's origin); ``content_type`` the Content-Type it came with (from
    HTTP, or stored with the raw bytes), which with the document's own
    declaration decides how its bytes are decoded. Raises ParseError with a
    one-line reason.
    """
    check_limits(data)
    kind = sniff(data, name)
    if kind == "weibo":
        from .weibo import parse_weibo_json, parse_weibo_page

        if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
            return parse_weibo_page(data, url or name)
        return parse_weibo_json(data, url or name)
    if kind == "feed":
        from .feed import parse_feed

        return parse_feed(data, url or name, content_type)
    if kind == "wechat":
        from .wechat import parse_wechat_article

        return [parse_wechat_article(data, url or name, content_type)]
    if kind == "clip":
        return [parse_clip_note(data, name)]
    return [parse_plain_text(data, name)]
