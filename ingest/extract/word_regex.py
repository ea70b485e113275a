"""Literal word lists as ``re`` alternations: ``alt`` (one trie, English words kept whole) and
``RegexWordScanner`` (every occurrence of a list, a few small tries merged), the reference the
faster ``word_scan.WordScanner`` is tested against and falls back to.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

NEVER = r"(?!x)x"
_BUCKET = 48  # most first characters one trie of ``alt`` branches on (see ``alt``)


def is_word_char(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def alt(words: Iterable[str], bound_start: bool = True, bound_end: bool = True) -> str:
    """Regex alternation of literal ``words`` as a trie: longest match first, ASCII words bounded.

    The trie keeps the pattern literal-first, so ``re`` skips positions whose
    character starts no word; a flat alternation would try every word at every
    position. ``bound_start`` / ``bound_end`` keep English words whole.
    """
    return _alt(words, bound_start, bound_end, ())


def alt_not_after(words: Iterable[str], not_after: Sequence[str]) -> str:
    """``(?<!a)(?<!b)…`` + ``alt(words)`` for the strings ``not_after`` of which no word may follow,
    each looked behind for after a word's first character: a lookbehind before the trie would
    make ``re`` try every position."""
    return _alt(words, True, True, not_after)


def _trie(words: Iterable[str]) -> dict[str, Any]:
    """The words as a character trie; a node's "" key holds the word ending there."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = w
    return trie


def _alt(words: Iterable[str], bound_start: bool, bound_end: bool, not_after: Sequence[str]) -> str:
    ws = {str(x) for x in words if str(x)}
    trie = _trie(ws)
    if not trie:
        return NEVER
    if not_after and " " in trie:  # a word opening with a space (\s+): looked behind before it
        return "".join(f"(?<!{re.escape(before)})" for before in not_after) + alt(ws, bound_start, bound_end)
    if len(trie) <= _BUCKET:
        return _trie_regex(trie, bound_start, bound_end, first=True, not_after=not_after)
    # Many first characters: ``re`` tries a trie's top-level branches one by one at every
    # position whose character starts a word, so they are split into buckets, each behind a
    # lookahead for its own first characters. Only one bucket can hold a position's character,
    # and whitespace (a space reads as \s+) stays in one bucket, so what matches is unchanged.
    firsts = sorted(trie)
    spaces = [ch for ch in firsts if ch.isspace()]
    rest = [ch for ch in firsts if not ch.isspace()]
    n = -(-len(rest) // _BUCKET)
    buckets = [sorted(rest[i::n] + (spaces if i == 0 else [])) for i in range(n)]
    parts = []
    for bucket in buckets:
        chars = "".join(r"\s" if ch == " " else re.escape(ch) for ch in bucket)
        sub = _trie_regex({ch: trie[ch] for ch in bucket}, bound_start, bound_end, True, not_after)
        parts.append(f"(?=[{chars}]){sub}")
    return "(?:" + "|".join(parts) + ")"


def ranked_alt(lists: Sequence[Iterable[str]]) -> str | None:
    """What ``(?:alt(lists[0]))|(?:alt(lists[1]))|…`` matches at each position (the first list with
    a word there, its longest), as one branch per first character, so ``re`` skips ahead to the
    characters that start a word (an alternation of groups hides them). None when a word opens
    with a space (``\\s+`` gives ``re`` no character to skip on)."""
    tries = [_trie({str(x) for x in words if str(x)}) for words in lists]
    firsts = sorted({ch for trie in tries for ch in trie})
    if not firsts:
        return NEVER
    if any(ch.isspace() for ch in firsts):
        return None
    branches = []
    for ch in firsts:
        head = re.escape(ch) + (r"(?<![a-z0-9]" + re.escape(ch) + ")" if is_word_char(ch) else "")
        rests = [_trie_regex(trie[ch], True, True) for trie in tries if ch in trie]
        branches.append(head + (rests[0] if len(rests) == 1 else "(?:" + "|".join(rests) + ")"))
    return "(?:" + "|".join(branches) + ")"


def _trie_regex(
    node: dict[str, Any],
    bound_start: bool,
    bound_end: bool,
    first: bool = False,
    not_after: Sequence[str] = (),
) -> str:
    branches: list[str] = []
    for ch in sorted(k for k in node if k):
        head = r"\s+" if ch == " " else re.escape(ch)
        if first and bound_start and is_word_char(ch):
            head += r"(?<![a-z0-9]" + re.escape(ch) + ")"
        if first and ch != " ":
            head += "".join(f"(?<!{re.escape(before + ch)})" for before in not_after)
        branches.append(head + _trie_regex(node[ch], bound_start, bound_end))
    if "" in node:
        word: str = node[""]
        branches.append(r"(?![a-z])" if bound_end and is_word_char(word[-1]) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


class RegexWordScanner:
    """Every occurrence of a set of literal words, as ``re.compile(alt(words)).finditer`` finds them.

    One big alternation is slow: ``re`` tries its top-level branches one by one at
    every position whose character starts a word (hundreds of branches for a
    Chinese word list). The words are therefore split by first character into a
    few small tries (English words in one, Chinese ones in groups of at most
    ``group`` first characters), each scanned on its own, and the matches merged
    back: leftmost first, never overlapping, exactly as the single alternation.
    A list with at most ``group`` first characters in all is one trie (one scan).
    ``suffix`` (a lookahead) is appended to every trie.
    """

    def __init__(
        self,
        words: Iterable[str],
        bound_start: bool = True,
        bound_end: bool = True,
        group: int = 48,
        suffix: str = "",
    ) -> None:
        ws = sorted({str(w) for w in words if str(w)})
        firsts = sorted({w[0] for w in ws if not w[0].isascii()})
        n = -(-len(firsts) // group)  # groups of Chinese first characters, interleaved
        chunks = [set(firsts[i::n]) for i in range(n)]
        buckets = [[w for w in ws if w[0].isascii()]] + [[w for w in ws if w[0] in c] for c in chunks]
        if len({w[0] for w in ws}) <= group:  # few first characters, English and Chinese: one scan
            buckets = [ws]
        self.regexes = tuple(re.compile(alt(b, bound_start, bound_end) + suffix) for b in buckets if b) or (
            re.compile(NEVER),
        )

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[re.Match[str]]:
        """Matches in ``text[pos:endpos]``, leftmost first and not overlapping."""
        end = len(text) if endpos is None else endpos
        if len(self.regexes) == 1:
            return list(self.regexes[0].finditer(text, pos, end))
        # every bucket's matches in one sorted list: exact unless a match runs past one taken
        # before it (then the bucket must scan again from there, below)
        per_bucket = [list(r.finditer(text, pos, end)) for r in self.regexes]
        found = [m for ms in per_bucket for m in ms]
        found.sort(key=_match_start)
        out: list[re.Match[str]] = []
        last = pos
        for m in found:
            if m.start() >= last:
                out.append(m)
                last = m.end()
            elif m.end() > last:
                return self._merged(text, pos, end, per_bucket)
        return out

    def _merged(
        self, text: str, pos: int, end: int, per_bucket: list[list[re.Match[str]]]
    ) -> list[re.Match[str]]:
        # each bucket's matches as its own scan from ``pos`` found them (``per_bucket``): only a
        # bucket whose match runs past a taken one scans again
        iters: list[Iterator[re.Match[str]]] = [iter(ms) for ms in per_bucket]
        heap: list[tuple[int, int, re.Match[str]]] = []
        for i, it in enumerate(iters):
            m = next(it, None)
            if m is not None:
                heap.append((m.start(), i, m))
        heapq.heapify(heap)
        out: list[re.Match[str]] = []
        last = pos
        while heap:
            start, i, m = heap[0]
            if start >= last:
                out.append(m)
                last = m.end()
            elif m.end() > last:
                # a bucket's match that runs past one already taken: that bucket scans again from
                # the end of the taken one, as the single alternation would
                iters[i] = self.regexes[i].finditer(text, last, end)
            nxt = next(iters[i], None)
            if nxt is None:
                heapq.heappop(heap)
            else:
                heapq.heapreplace(heap, (nxt.start(), i, nxt))
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost word in ``text[pos:endpos]``, as the single alternation's ``search`` finds it."""
        end = len(text) if endpos is None else endpos
        best: re.Match[str] | None = None
        for r in self.regexes:
            m = r.search(text, pos, end)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best


def _match_start(m: re.Match[str]) -> int:
    return m.start()
