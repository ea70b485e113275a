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
_FOLD[0x2019] = "'"  # ’ and ‘ -> ' (can’t, Runway’s); same length
_FOLD[0x2018] = "'"
_FOLD.update({c: c + 32 for c in range(ord("A"), ord("Z") + 1)})
for _c in range(0xFF21, 0xFF3B):  # full-width A-Z straight to a-z
    _FOLD[_c] = _c - 0xFEE0 + 32
# full-width punctuation the rules treat like ASCII is kept as is where it matters
# for splitting (，。；：（）), so only letters, digits and symbols are folded above
for _keep in "，。；：（）！？":
    _FOLD.pop(ord(_keep), None)
# hyphens, the non-breaking hyphen and the en dash (Gen‑4.5, 5–10 秒) read as "-"; the em dash stays
for _dash in "\u2010\u2011\u2012\u2013":
    _FOLD[ord(_dash)] = "-"


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
def _traditional_chars() -> frozenset[str]:
    return frozenset(chr(c) for c in _t2s_table())


@lru_cache(maxsize=1)
def _traditional_re() -> re.Pattern[str]:
    """A character class of the table's Traditional characters below U+10000 (``re`` checks such a
    class in one table lookup; the few beyond it would make it a list tried one by one)."""
    chars = sorted(c for c in _traditional_chars() if ord(c) <= 0xFFFF)
    return re.compile("[" + "".join(re.escape(c) for c in chars) + "]" if chars else r"(?!x)x")


_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def _has_traditional(text: str) -> bool:
    """Does ``text`` hold a character of the table? One C scan; a text with a character beyond
    U+10000 (rare) is also checked against the whole set. Same answer as
    ``not _traditional_chars().isdisjoint(text)``, about three times faster."""
    if _traditional_re().search(text) is not None:
        return True
    return _ASTRAL_RE.search(text) is not None and not _traditional_chars().isdisjoint(text)


@lru_cache(maxsize=1)
def _t2s_phrases() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """OpenCC's Traditional -> Simplified phrase table, entries that keep their length."""
    import opencc

    path = Path(opencc.__file__).parent / "dictionary" / "TSPhrases.txt"
    table: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:  # pragma: no cover
        return None, table
    for line in lines:
        trad, _, simp = line.partition("\t")
        first = simp.split(" ")[0] if simp else ""
        if len(trad) > 1 and len(first) == len(trad):
            table[trad] = first
    if not table:
        return None, table
    return re.compile("|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))), table


def to_simplified(text: str) -> str:
    """OpenCC t2s (its phrase table, then its character table) keeping every offset.

    OpenCC's own converter is exact but slow in pure Python; this applies the same
    two dictionaries, phrases first, and only entries that map one character to one
    character, so the result has the length of ``text``.
    """
    if not _has_traditional(text):
        return text  # nothing Traditional: the common case, one fast scan
    return _phrases(text, text.translate(_t2s_table()))


def _phrases(text: str, per_char: str) -> str:
    """``per_char`` (``text`` converted character by character) with OpenCC's phrases of ``text`` applied."""
    phrase_re, phrases = _t2s_phrases()
    if phrase_re is None:
        return per_char
    hits = list(phrase_re.finditer(text))
    if not hits:
        return per_char
    parts: list[str] = []
    last = 0
    for m in hits:
        parts += [per_char[last : m.start()], phrases[m.group(0)]]
        last = m.end()
    parts.append(per_char[last:])
    return "".join(parts)


# what the fold changes besides A-Z: full-width forms (not the punctuation kept) and the ideographic space
_WIDE_RE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD) if not 65 <= c <= 90) + "]")
# (a run as a class then its repeat: ``re`` skips ahead only on a pattern that opens with a class)
_UPPER_RE = re.compile("[A-Z][A-Z]*")


@lru_cache(maxsize=1)
def _fold_t2s_table() -> dict[int, int | str]:
    """The fold and OpenCC's character table in one (their keys never meet), for one pass."""
    table: dict[int, int | str] = dict(_FOLD)
    table.update(_t2s_table())
    return table


def _lower(m: re.Match[str]) -> str:
    return m.group(0).lower()


# a run of characters the fold changes (every key of _FOLD)
_FOLDED_CLASS = "[" + "".join(re.escape(chr(c)) for c in sorted(_FOLD)) + "]"
_FOLDED_RE = re.compile(_FOLDED_CLASS + _FOLDED_CLASS + "*")


def _fold(m: re.Match[str]) -> str:
    return m.group(0).translate(_FOLD)


def normalise(text: str) -> str:
    """Lower-cased, half-width, Simplified copy of ``text`` with identical length.

    ``str.translate`` looks every character up in a dict, so it only runs when a
    character needs more than lower-casing: plain ASCII is lower-cased whole,
    Simplified text has its A-Z runs lower-cased, and Traditional text goes
    through the fold and OpenCC's table in one pass, then OpenCC's phrases.
    """
    if text.isascii():
        out = text.lower()
    elif _has_traditional(text):
        out = _phrases(text, text.translate(_fold_t2s_table()))
    elif _WIDE_RE.search(text):
        # only the runs of characters the fold changes are looked up (``translate`` looks up every
        # character): the same text, as every character outside the runs maps to itself
        out = _FOLDED_RE.sub(_fold, text)
    else:
        out = _UPPER_RE.sub(_lower, text)
    if len(out) != len(text):  # pragma: no cover - guarded above, kept as a hard invariant
        raise AssertionError("normalisation must keep offsets")
    return out


# a Markdown blockquote's markers at a line's start (> , > > ): the quoted lines are read as lines
# (a page's tables and headings inside a quote), "> 5 秒" followed by no space is no marker
_QUOTE_MARKS = re.compile(r"^[ \t]{0,3}>(?:[ \t]*>)*(?=[ \t]|$)", re.M)


def unquote_lines(norm: str) -> str:
    """``norm`` with blockquote markers blanked to spaces (same length)."""
    if ">" not in norm:
        return norm
    return mask(norm, [m.span() for m in _QUOTE_MARKS.finditer(norm)])


# a markdown table a page flattened into one line: "对比 | 模型 | 价格 | |---|---| | Veo 3 | $6 |"
_INLINE_SEPARATOR = re.compile(r"(?<=[^\\]\|)[ \t]+(\|(?:[ \t]*:?-{2,}:?[ \t]*\|)+)")


def _pipe(text: str, start: int, end: int) -> int:
    """Where the next unescaped ``|`` in ``text[start:end]`` is, or -1 (``\\|`` is a pipe in a cell)."""
    while (i := text.find("|", start, end)) >= 0 and i > 0 and text[i - 1] == "\\":
        start = i + 1
    return i


def _header_start(text: str, line_start: int, sep: int, cols: int) -> int:
    """The opening pipe of the header ending right before ``sep`` (the header's closing pipe is at
    ``sep - 1`` or before), found by walking back ``cols + 1`` unescaped pipes; -1 if the line has fewer."""
    seen, i = 0, sep
    while seen <= cols:
        i = text.rfind("|", line_start, i)
        if i < 0:
            return -1
        if i == 0 or text[i - 1] != "\\":
            seen += 1
    return i


def _in_table(text: str, line_start: int, line_end: int) -> bool:
    """Is the line at ``line_start`` a row of a table laid out on lines (a neighbouring line is one)?"""
    before = text.rfind("\n", 0, max(0, line_start - 1)) + 1
    prev = text[before : max(before, line_start - 1)].strip() if line_start else ""
    nxt_end = text.find("\n", line_end + 1)
    nxt = text[line_end + 1 : len(text) if nxt_end < 0 else nxt_end].strip() if line_end < len(text) else ""
    return prev.startswith("|") or nxt.startswith("|")


def unfold_tables(norm: str) -> str:
    """``norm`` with a markdown table run into one line put back on lines of its own (same
    length): the blank before its header, between its rows and after its last row becomes a
    line break. Rows are cut by the separator's count of cells (an empty cell stays a cell); a
    row glued to the next (``||``) or short of cells ends the table, and a table with no full
    row after its separator, or with an escaped pipe in a cell, is left as it is."""
    if "|-" not in norm and "| -" not in norm and "|:" not in norm:
        return norm
    breaks: list[int] = []
    for m in _INLINE_SEPARATOR.finditer(norm):
        line_start = norm.rfind("\n", 0, m.start()) + 1
        line_end = norm.find("\n", m.end())
        line_end = len(norm) if line_end < 0 else line_end
        cols = m.group(1).count("|") - 1
        if cols < 2 or (breaks and breaks[-1] >= m.start()):
            continue
        head = _header_start(norm, line_start, m.start(), cols)
        if head < 0 or _in_table(norm, line_start, line_end):
            continue
        rows: list[int] = []
        pos = m.end()
        while pos < line_end and norm[pos] in " \t" and norm.startswith("|", pos + 1):
            row_end, seen = pos + 1, 0
            while seen <= cols and (row_end := _pipe(norm, row_end, line_end)) >= 0:
                seen += 1
                row_end += 1
            if seen <= cols:
                break
            rows.append(pos)
            pos = row_end
        if not rows or "\\|" in norm[head:pos]:
            continue  # an escaped pipe: the reader's cells would not line up with the columns
        if head > line_start and norm[head - 1] in " \t":
            breaks.append(head - 1)
        breaks += [m.start(), *rows]
        if pos < line_end and norm[pos] in " \t":
            breaks.append(pos)
    if not breaks:
        return norm
    chars = list(norm)
    for b in breaks:
        chars[b] = "\n"
    return "".join(chars)


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


#: the longest line that can be a heading: longer, it is a page run into one line (# marks included)
LONGEST_HEADING = 400

# a bold label naming a specification (**时长**：, **Aspect ratios**:) is read as an unmarked one
_SPEC_LABEL_WORDS = "时长|分辨率|清晰度|帧率|比例|画幅|duration|length|resolution|frame rate|fps|aspect ratio"

# spans that hold no claims: URLs, Markdown images and links' targets, #hashtags#, footnote marks [1],
# titles of books and courses 《…》; a heading's line start is looked behind for after its first #, so
# that every branch opens with a character and ``re`` skips ahead to the next of them (a "heading"
# line over LONGEST_HEADING characters is a page run into one line, no heading)
_NOISE_RE = re.compile(
    r"https?://\S+|www\.\S+|!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|#[^#\n]{1,40}#|【(?:图|视频|gif)[^】]{0,6}】"
    rf"|\*\*(?![^*\n]{{0,30}}?(?:\d\s*(?:s|sec|秒|p|k)(?![a-z])|{_SPEC_LABEL_WORDS}))[^*\n]{{1,30}}\*\*\s*[:：]|#(?<![^\n]#)#{{0,5}}\s[^\n]{{0,{LONGEST_HEADING}}}(?![^\n])"
    r"|\[\d{1,2}\]|《[^》\n]{1,40}》"
    # the bold marks of a label naming a specification (the label itself stays, as an unmarked one)
    r"|\*\*(?=[^*\n]{1,30}?\*\*[ \t]*[:：])|(?<=[^*\s])\*\*(?=[ \t]*[:：])"
    # bold marks opening an amount (约**0.08美元**, 最高 **720P**): the amount reads as if unmarked
    # (not a bold numbered heading, **1. 地区限制**)
    r"|\*\*(?=[ \t]?[0-9$¥￥~≈])(?![ \t]?\d{1,2}[.、)）](?!\d))",
)


def noise_spans(norm: str) -> list[tuple[int, int]]:
    """Where URLs, image links, hashtags and figure markers sit in a normalised text."""
    return [m.span() for m in _NOISE_RE.finditer(norm)]
