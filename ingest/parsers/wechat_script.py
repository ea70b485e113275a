"""Where a WeChat page's script data is read, and how (used by ``wechat``).

The article's metadata lives in inline script, read by targeted regexes over the
raw bytes: ``var name = "…" || "…"`` assignments (``script_vars``), and the string
fields of the ``window.cgiDataNew`` and ``window.__QMTPL_SSR_DATA__`` object
literals (``js_object``: ``JsDecode('…')`` values, the picture URLs of
``picture_page_info_list``).

Where (``PageScript``): a page up to 512 KB is scanned whole. A bigger page (the
2025 layout: ~3 MB, nearly all library script) that has a ``window.cgiDataNew``
object is only read where WeChat puts the article's data, so that the megabytes of
library code are never scanned:

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

from selectolax.lexbor import LexborHTMLParser

from .html_text import js_unescape

logger = logging.getLogger(__name__)

__all__ = ["PageScript", "js_field", "js_object", "script_vars"]

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


def _decode_literal(raw: bytes) -> str:
    return js_unescape(raw[1:-1].decode("utf-8", errors="replace"))


def script_vars(
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


class PageScript:
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
            return script_vars(data, [(0, len(data))])
        first = tree.body.css_first("script") if tree.body is not None else None
        script = first.text().encode() if first is not None else b""
        found = script_vars(script, [(0, len(script))]) if b"\xef\xbf\xbd" not in script else {}
        if not all(found.get(k) for k in ("biz", "sn", "mid", "idx")):
            body = self.body()
            found = script_vars(data, [(body, body + _ID_WINDOW)]) if body >= 0 else {}
        cgi_at = self.cgi()
        anchor = data.rfind(b"var msg_title", max(0, cgi_at - _WINDOW), cgi_at)
        if anchor >= 0:
            start = data.rfind(b"<script", max(0, anchor - _WINDOW), anchor)
            end = data.find(b"</script", anchor, cgi_at)
            script_vars(data, [(start if start >= 0 else anchor, end if end >= 0 else cgi_at)], found)
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
            self._all = script_vars(self.data, [(0, len(self.data))])
        return self._all


def js_object(data: bytes, start: int) -> tuple[dict[str, bytes], list[str]]:
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
                pictures.append(js_field({"u": m.group("val")}, "u"))
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


def js_field(fields: dict[str, bytes], key: str) -> str:
    """Decoded value of one field read by _js_object ("" when absent)."""
    raw = fields.get(key)
    return html.unescape(_decode_literal(raw)).strip() if raw else ""
