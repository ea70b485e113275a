"""Bytes to text, whatever their origin: an HTTP answer, a saved file or stored raw bytes.

The charset comes from the content type (an HTTP header, or the one stored with
the raw bytes), else from the document's own ``<meta charset>`` / ``<?xml
encoding?>`` declaration, else from a byte-order mark; undeclared bytes are
UTF-8 when they decode as UTF-8, else GB18030 (the superset of GBK and GB2312
that Chinese pages without a declaration use). The parsers call this first, so
a page fetched, read from a file or re-parsed from the database gives the same
document.
"""

from __future__ import annotations

import codecs
import re

_CHARSET_HEADER_RE = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_DECLARED_RE = re.compile(
    rb"(<meta[^>]+charset\s*=\s*[\"']?|<\?xml[^>]+encoding\s*=\s*[\"'])([\w.:-]+)", re.I
)
_UTF8 = {"utf-8", "utf8", "utf_8"}
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030"}
_FALLBACK = "gb18030"


def charset_of(body: bytes, content_type: str | None = None) -> str | None:
    """The charset ``body`` is in, as declared or as found; None when it is UTF-8 already."""
    m = _CHARSET_HEADER_RE.search(content_type or "")
    declared = _DECLARED_RE.search(body[:4096])
    if m:
        charset = m.group(1).lower()
    elif declared:
        charset = declared.group(2).decode("ascii", "replace").lower()
    else:
        charset = None
    if body.startswith(codecs.BOM_UTF8):
        return None
    if charset is not None:
        try:
            codecs.lookup(_SUPERSETS.get(charset, charset))
        except LookupError:
            charset = None  # an unknown name: judge by the bytes
        else:
            return None if charset in _UTF8 else _SUPERSETS.get(charset, charset)
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return _FALLBACK
    return None


def to_utf8(body: bytes, content_type: str | None = None) -> bytes:
    """``body`` as UTF-8 bytes with its charset declaration rewritten to say so.

    UTF-8 input comes back as it is (the same object). Stored raw bytes are
    always the bytes received; this is only what the parsers read.
    """
    charset = charset_of(body, content_type)
    if charset is None:
        return body
    out = body.decode(charset, errors="replace").encode("utf-8")
    return _DECLARED_RE.sub(lambda mm: mm.group(1) + b"utf-8", out[:4096], count=2) + out[4096:]


def to_text(body: bytes, content_type: str | None = None, errors: str = "replace") -> str:
    """``body`` decoded (a UTF-8 byte-order mark dropped); ``errors="strict"`` raises UnicodeDecodeError."""
    charset = charset_of(body, content_type) or "utf-8-sig"
    return body.decode(charset, errors=errors)
