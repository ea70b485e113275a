"""A pattern's top-level alternatives scanned one by one, gated on their own literals, same matches.

``re`` cannot skip ahead on ``a|b|c`` when one alternative opens with a lookbehind, a word bound
or a character class: it then tries every alternative at every position of the text. A cue
pattern of twenty alternatives (English phrases beside Chinese ones) costs several whole-text
scans that way, and the ``PatternGate`` runs it wherever any one alternative's literal occurs.
``Alternatives`` splits such a pattern at its top-level ``|`` into patterns of their own (each
opening with what ``re`` can skip on, each gated by the literals it alone requires) and merges
their matches back exactly as ``finditer`` of the whole pattern finds them: leftmost first, at one
position the first alternative that matches, never overlapping. Only the spans of the matches are
kept, so patterns with named groups or back references stay whole.
"""

from __future__ import annotations

import heapq
import logging
import re
from collections.abc import Sequence
from re import _compiler as K  # type: ignore[attr-defined]
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]

log = logging.getLogger(__name__)

_NO_SPLIT = ("(?P=", "(?(")  # a named back reference, a conditional
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIERS = ("?", "*", "+", "{")


def skips(pattern: re.Pattern[str]) -> bool:
    """Can ``re`` skip ahead on ``pattern`` (a literal prefix or a set of first characters)?"""
    try:
        code = K._code(P.parse(pattern.pattern, pattern.flags), pattern.flags)
    except Exception:  # pragma: no cover - another interpreter's internals: assume it cannot
        return False
    return bool(code[0] == C.INFO and code[2] & (C.SRE_INFO_PREFIX | C.SRE_INFO_CHARSET))


def top_branches(pattern: re.Pattern[str]) -> list[str] | None:
    """The sources of ``pattern``'s top-level alternatives, when it has several and each can stand
    alone (no groups named or referred back to, no empty match, no global inline flags); else None.
    A pattern that is one group of alternatives (not repeated) and what follows it, ``(?:a|b)c``,
    has the alternatives ``(?:a)c`` and ``(?:b)c`` (tried in the same order: the same matches)."""
    source = pattern.pattern
    if pattern.groupindex or source.startswith("(?") and source[2:3].isalpha():
        return None
    if any(s in source for s in _NO_SPLIT) or re.search(r"\\[1-9]", source):
        return None
    if pattern.flags & re.VERBOSE or re.search(r"\(\?[a-zA-Z]*x", source):
        return None  # whitespace and comments (which may hold a bar) are not read here
    parts, close = _split(source)
    if len(parts) < 2 and source.startswith("(?:") and close is not None:
        inner, after = source[3:close], source[close + 1 :]
        if after[:1] not in ("*", "+", "?", "{"):  # not a repeated group
            parts = [f"(?:{b}){after}" for b in _split(inner)[0]]
    if len(parts) < 2:
        return None
    for part in parts:
        try:
            lo = P.parse(part, pattern.flags).getwidth()[0]
        except re.error:
            return None
        if lo < 1:
            return None
    return parts


def first_skips(source: str) -> str | None:
    """``source`` opening with its first character when it opens with zero-width tests (a word bound,
    look-behinds) before a literal: ``\\bone at a time`` reads ``o(?<!\\wo)ne at a time``, and
    ``(?<!需要)更高`` ``更(?<!(?:需要)更)高``, which ``re`` skips ahead on (it tried the tests at every
    position). The tests move after the character, widened by it: the same matches. A group of
    alternatives after the tests, each opening with a literal, takes them into each. None when the
    source does not open so."""
    lead, i = _lead_tests(source)
    if not lead:
        return None
    rest = source[i:]
    one = _tests_after_first(rest, lead)
    if one is not None:
        return one
    parts, close = _split(rest)
    if len(parts) == 1 and rest.startswith("(?:") and close is not None:
        inner, after = rest[3:close], rest[close + 1 :]
        if after[:1] in _QUANTIFIERS:
            return None
        moved = [_tests_after_first(b, lead) for b in _split(inner)[0]]
        if all(m is not None for m in moved):
            return "(?:" + "|".join(m for m in moved if m is not None) + ")" + after
    return None


def _lead_tests(source: str) -> tuple[list[str], int]:
    """The word bounds and look-behinds opening ``source``, and where they end."""
    found: list[str] = []
    i = 0
    while True:
        if source.startswith("\\b", i):
            found.append("\\b")
            i += 2
        elif source.startswith(("(?<!", "(?<="), i):
            depth, j = 0, i
            while j < len(source):  # the look-behind's closing bracket
                ch = source[j]
                if ch == "\\":
                    j += 2
                    continue
                if ch == "[":  # a class: skipped whole (a ] first in it is a member)
                    j += 2 if source.startswith("[^", j) else 1
                    j += 1 if source.startswith("]", j) else 0
                    while j < len(source) and source[j] != "]":
                        j += 2 if source[j] == "\\" else 1
                elif ch == "(":
                    depth += 1
                elif ch == ")":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            else:
                return [], 0
            found.append(source[i : j + 1])
            i = j + 1
        else:
            return found, i


def _tests_after_first(branch: str, lead: list[str]) -> str | None:
    """``branch`` with the tests ``lead`` said after its first character, when that is a literal."""
    ch = branch[:1]
    if not ch or ch in _SPECIAL or ch.isspace() or branch[1:2] in _QUANTIFIERS:
        return None
    moved: list[str] = []
    for test in lead:
        if test != "\\b":  # (?<!X) before ch is (?<!(?:X)ch) after it; likewise (?<=X)
            moved.append(f"{test[:4]}(?:{test[4:-1]}){ch})")
        elif ch.isascii() and ch.isalnum():  # a bound before a word character: no word character before it
            moved.append(f"(?<!\\w{ch})")
        else:
            return None
    return ch + "".join(moved) + branch[1:]


def _split(source: str) -> tuple[list[str], int | None]:
    """``source`` cut at its top-level bars, and where the group opening it closes (None if it
    opens with no group)."""
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    close: int | None = None
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if source.startswith("[^]", i) or source.startswith("[]", i):
                i += 2 if source[i + 1] == "]" else 3  # a leading ] is a member, not the end
                continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0 and close is None and source.startswith("("):
                close = i
        elif ch == "|" and depth == 0:
            parts.append(source[start:i])
            start = i + 1
        i += 1
    parts.append(source[start:])
    return parts, close


class Alternatives:
    """Patterns, each either whole or split into its alternatives: the flat list ``parts`` is what a
    ``PatternGate`` gates; ``matches`` merges a pattern's parts back."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.parts: list[re.Pattern[str]] = []
        self.scans: list[re.Pattern[str]] = []  # per part: what scans for it (see first_skips)
        self.owner: list[int] = []  # per part: the pattern it belongs to
        self.split: list[list[int]] = []  # per pattern split: its parts
        self.patterns = list(patterns)
        for n, p in enumerate(patterns):
            # a pattern ``re`` skips ahead on already scans fast: its alternatives would scan the
            # text once each
            branches = None if skips(p) else top_branches(p)
            first = len(self.parts)
            if branches is None:
                self.parts.append(p)
            else:
                self.parts += [re.compile(b, p.flags) for b in branches]
            self.owner += [n] * (len(self.parts) - first)
            self.split.append(list(range(first, len(self.parts))) if branches else [])
        for p in self.parts:
            moved = None if skips(p) else first_skips(p.pattern)
            scan = re.compile(moved, p.flags) if moved is not None else p
            self.scans.append(scan if skips(scan) else p)
        log.debug("%d patterns, %d parts", len(patterns), len(self.parts))

    def matches(self, text: str, spans: Sequence[tuple[int, int] | None]) -> dict[int, list[tuple[int, int]]]:
        """Per pattern that matches ``text`` (in pattern order), the (start, end) of its matches as its
        ``finditer`` finds them; ``spans``: per part, where it can match (``PatternGate.spans``), None
        where it cannot."""
        live: dict[int, list[int]] = {}
        owner = self.owner
        for i in range(len(owner)):
            if spans[i] is not None:
                live.setdefault(owner[i], []).append(i)
        out: dict[int, list[tuple[int, int]]] = {}
        for n, idx in live.items():
            if len(idx) == 1:  # one part may match: its matches are the pattern's
                span = spans[idx[0]]
                assert span is not None
                found = [m.span() for m in self.scans[idx[0]].finditer(text, span[0], span[1])]
            else:
                found = self._merge(idx, text, spans)
            if found:
                out[n] = found
        return out

    def find(self, n: int, text: str, pos: int, endpos: int) -> list[re.Match[str]]:
        """``patterns[n].finditer(text, pos, endpos)``: a split pattern's matches found by its parts,
        each matched again whole (for its groups)."""
        whole = self.patterns[n]
        idx = self.split[n]
        if not idx:
            return list(whole.finditer(text, pos, endpos))
        spans = [(pos, endpos)] * len(self.parts)
        out = []
        for start, _ in self._merge(idx, text, spans):
            m = whole.match(text, start, endpos)
            if m is not None:
                out.append(m)
        return out

    def _merge(
        self, idx: list[int], text: str, spans: Sequence[tuple[int, int] | None]
    ) -> list[tuple[int, int]]:
        """The matches of the parts ``idx`` of one pattern merged as the whole pattern finds them."""
        found: list[tuple[int, int, int]] = []
        for i in idx:
            span = spans[i]
            assert span is not None
            found += [(m.start(), i, m.end()) for m in self.scans[i].finditer(text, span[0], span[1])]
        found.sort()
        out: list[tuple[int, int]] = []
        last = -1
        for start, _, end in found:
            if start >= last:
                out.append((start, end))
                last = end
            elif end > last:
                return self._merged(idx, text, spans)
        return out

    def _merged(
        self, idx: list[int], text: str, spans: Sequence[tuple[int, int] | None]
    ) -> list[tuple[int, int]]:
        """The exact merge when a part's match runs past one taken before it: that part searches
        again from the end of the taken one, as the whole pattern would."""
        heap: list[tuple[int, int, int]] = []
        for i in idx:
            span = spans[i]
            assert span is not None
            m = self.scans[i].search(text, span[0], span[1])
            if m is not None:
                heap.append((m.start(), i, m.end()))
        heapq.heapify(heap)
        out: list[tuple[int, int]] = []
        last = 0
        while heap:
            start, i, end = heap[0]
            if start >= last:
                out.append((start, end))
                last = nxt = end
            else:
                nxt = last if end > last else end
            span = spans[i]
            assert span is not None
            m = self.scans[i].search(text, max(nxt, span[0]), span[1])
            if m is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (m.start(), i, m.end()))
        return out
