"""A matching copy of a text with the same length, so offsets carry over.

Rules match on ``normalise(text)``: Traditional Chinese converted to Simplified
(OpenCC t2s), full-width ASCII folded to half-width and ASCII lower-cased. Every
step maps one character to one character, so an offset found in the copy is an
offset in the original and quotes stay verbatim (Traditional stays Traditional).
"""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

# full-width ASCII (！ to ～) -> half-width, ideographic space -> space, A-Z -> a-z
_FOLD: dict[int, int | str] = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_FOLD[0x3000] = " "
_FOLD.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
for _c in range(0xFF21, 0xFF3B):  # full-width A-Z straight to a-z
    _FOLD[_c] = _c - 0xFEE0 + 32
# full-width punctuation the rules treat like ASCII is kept as is where it matters
# for splitting (，。；：（）), so only letters, digits and symbols are folded above
for _keep in "，。；：（）！？":
    _FOLD.pop(ord(_keep), None)


@lru_cache(maxsize=1)
def _t2s_table() -> dict[int, str]:
    """Character table of OpenCC's Traditional -> Simplified dictionary (1:1 entries only)."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSCharacters.txt"
    table: dict[int, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover - the package always ships it
        log.warning("OpenCC dictionary %s missing; Traditional text matched as is", path)
        return table
    for line in lines:
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) == 1 and len(first) == 1 and trad != first:
            table[ord(trad)] = first
    return table


@lru_cache(maxsize=1)
def _converter() -> object:
    from opencc import OpenCC

    return OpenCC("t2s")


def to_simplified(text: str) -> str:
    """OpenCC t2s when it keeps the length; else the per-character table."""
    per_char = text.translate(_t2s_table())
    if per_char == text:
        return text  # nothing Traditional: skip the slow phrase converter
    converted: str = _converter().convert(text)  # type: ignore[attr-defined]
    if len(converted) == len(text):
        return converted
    log.debug("t2s changed the length (%d -> %d); using per-character conversion", len(text), len(converted))
    return per_char


def normalise(text: str) -> str:
    """Lower-cased, half-width, Simplified copy of ``text`` with identical length."""
    out = to_simplified(text.translate(_FOLD))
    if len(out) != len(text):  # pragma: no cover - guarded above, kept as a hard invariant
        raise AssertionError("normalisation must keep offsets")
    return out


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with the given spans blanked to spaces (same length)."""
    parts: list[str] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            start = last
        if end <= start:
            continue
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


# spans that hold no claims: URLs, Markdown images and links' targets, #hashtags#
_NOISE_RE = re.compile(
    r"https?://\S+|www\.\S+|!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|#[^#\n]{1,40}#|【(?:图|视频|gif)[^】]{0,6}】"
    r"|\*\*[^*\n]{1,30}\*\*\s*[:：]|^#{1,6}\s[^\n]*",
    re.M,
)


def noise_spans(norm: str) -> list[tuple[int, int]]:
    """Where URLs, image links, hashtags and figure markers sit in a normalised text."""
    return [m.span() for m in _NOISE_RE.finditer(norm)]
