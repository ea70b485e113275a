"""Every occurrence of a literal word list in one Aho-Corasick pass (``ahocorasick_rs``, a DFA), as
the list's single ``re`` alternation (``word_regex.alt``) finds it.

``re`` scans a trie alternation by trying it at every position whose character starts a word; on
long word lists (hundreds of Chinese first characters) its first-character test and branch tries
were most of the extractor's CPU. The automaton reads the text once and reports every word ending
at each position; what the alternation would match is then picked from those: the leftmost start,
there the longest word whose bounds (and ``suffix``) hold, then on from its end, never overlapping.

A space in a word reads as a run of whitespace (``\\s+``): the text is scanned with each run
turned into one space (once per text, kept for the next scanner of the same text) and the hits
mapped back. Lists the automaton cannot read so (a word with another whitespace character, two
spaces, or a space at an end) stay on ``re`` (``RegexWordScanner``), as does ``search``, used on
short spans only.
"""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import Any

import ahocorasick_rs

from ingest.extract.word_regex import RegexWordScanner, is_word_char

log = logging.getLogger(__name__)

# whitespace that is not one plain space (one class first: ``re`` skips ahead on it)
_ODD_SPACES = re.compile(r"\s(?:(?<=[^\S ])|(?=\s))\s*")
_KEPT = 4  # folded texts kept (the section's texts, scanned by several lists in turn)
_BEFORE = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")  # what a bounded word may not follow
_AFTER = frozenset("abcdefghijklmnopqrstuvwxyz")  # what a bounded word may not run into


class Hit:
    """One word found: the ``re.Match`` methods the rules use (start, end, span, group)."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self._start = start
        self._end = end
        self._text = text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return (self._start, self._end)

    def group(self, n: int = 0) -> str:
        return self._text


def readable(word: str) -> bool:
    """Can the automaton find ``word`` as ``alt`` reads it (single inner spaces, no other whitespace)?"""
    return word == " ".join(word.split()) and not any(ch.isspace() and ch != " " for ch in word)


class _Folded:
    """``text[pos:end]`` with each whitespace run as one space, and how to map offsets back."""

    __slots__ = ("text", "pos", "end", "folded", "marks", "shifts")

    def __init__(self, text: str, pos: int, end: int) -> None:
        self.text = text
        self.pos = pos
        self.end = end
        part = text[pos:end]
        pieces: list[str] = []
        self.marks: list[int] = []  # offsets in ``folded`` from which the text is further on by ...
        self.shifts: list[int] = []  # ... this many characters
        gone = last = 0
        for m in _ODD_SPACES.finditer(part):
            a, b = m.start(), m.end()
            pieces.append(part[last:a])
            pieces.append(" ")
            last = b
            if b - a > 1:
                self.marks.append(a - gone + 1)
                gone += b - a - 1
                self.shifts.append(gone)
        if pieces:
            pieces.append(part[last:])
            part = "".join(pieces)
        self.folded = part


_folds: list[_Folded] = []


def _folded(text: str, pos: int, end: int) -> _Folded:
    for f in _folds:
        if f.text is text and f.pos == pos and f.end == end:
            return f
    f = _Folded(text, pos, end)
    _folds.insert(0, f)
    del _folds[_KEPT:]
    return f


class WordScanner:
    """Every occurrence of ``words`` in a text, leftmost first and not overlapping, exactly as
    ``re.compile(alt(words, bound_start, bound_end) + suffix).finditer`` finds them."""

    def __init__(
        self,
        words: Iterable[str],
        bound_start: bool = True,
        bound_end: bool = True,
        group: int = 48,
        suffix: str = "",
    ) -> None:
        ws = sorted({str(w) for w in words if str(w)})
        self.reference = RegexWordScanner(ws, bound_start, bound_end, group, suffix)
        self.suffix: re.Pattern[str] | None = re.compile(suffix) if suffix else None
        self.spaced = any(" " in w for w in ws)
        self.words = ws
        # per word: check the character before it, the one after it
        self.before = [bound_start and is_word_char(w[0]) for w in ws]
        self.after = [bound_end and is_word_char(w[-1]) for w in ws]
        self.automaton: Any = None
        if ws and all(readable(w) for w in ws):
            self.automaton = ahocorasick_rs.AhoCorasick(ws, implementation=ahocorasick_rs.Implementation.DFA)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> list[Hit]:
        """Words in ``text[pos:endpos]``, leftmost first and not overlapping."""
        end = len(text) if endpos is None else min(endpos, len(text))
        if self.automaton is None:
            return [Hit(m.start(), m.end(), m.group()) for m in self.reference.finditer(text, pos, end)]
        if pos >= end:
            return []
        found = self._spaced(text, pos, end) if self.spaced else self._found(text, pos, end)
        if not found:
            return []
        found.sort()
        out: list[Hit] = []
        last = pos
        for start, neg_end in found:
            if start >= last:
                last = -neg_end
                out.append(Hit(start, last, text[start:last]))
        return out

    def _found(self, text: str, pos: int, end: int) -> list[tuple[int, int]]:
        """(start, -end) of every word in ``text[pos:end]`` whose bounds hold."""
        out: list[tuple[int, int]] = []
        part = text if pos == 0 and end == len(text) else text[pos:end]
        hits: list[tuple[int, int, int]] = self.automaton.find_matches_as_indexes(part, overlapping=True)
        for i, s, e in hits:
            s += pos
            e += pos
            if self._holds(text, i, s, e, end):
                out.append((s, -e))
        return out

    def _holds(self, text: str, i: int, s: int, e: int, end: int) -> bool:
        """Do word ``i``'s bounds and the suffix hold for it at ``text[s:e]`` (``end``: the scan's)?"""
        if self.before[i] and s > 0 and text[s - 1] in _BEFORE:
            return False
        if self.after[i] and e < end and text[e] in _AFTER:
            return False
        suffix = self.suffix
        return suffix is None or suffix.match(text, e, end) is not None

    def _spaced(self, text: str, pos: int, end: int) -> list[tuple[int, int]]:
        """``_found`` for lists with spaced words: the text is read with each whitespace run as one
        space, and the hits' offsets mapped back."""
        fold = _folded(text, pos, end)
        marks, shifts = fold.marks, fold.shifts
        n_marks = len(marks)
        out: list[tuple[int, int]] = []
        hits: list[tuple[int, int, int]] = self.automaton.find_matches_as_indexes(
            fold.folded, overlapping=True
        )
        k = 0  # marks at or before the last hit's end (the automaton reports hits by their end)
        for i, fs, fe in hits:
            s, e = fs + pos, fe + pos
            if n_marks:
                if k and marks[k - 1] > fe - 1:
                    k = bisect_right(marks, fe - 1)
                while k < n_marks and marks[k] <= fe - 1:
                    k += 1
                if k:
                    e += shifts[k - 1]
                    # the start's marks are the end's unless one lies after the start
                    ks = k if marks[k - 1] <= fs else bisect_right(marks, fs, 0, k)
                    if ks:
                        s += shifts[ks - 1]
            if self._holds(text, i, s, e, end):
                out.append((s, -e))
        return out

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The leftmost word in ``text[pos:endpos]`` (``re``: used on short spans, cells and clauses)."""
        return self.reference.search(text, pos, endpos)
