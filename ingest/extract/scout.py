"""Where a regex can match, found for many regexes in one Aho-Corasick pass: the literals every
match of each begins with.

``re`` skips ahead on a pattern's first characters, but on an English word list those are
letters, so it still tries nearly every position of English text (and a word's bound fails
there only after the first letter matched). ``leading_literals`` reads a compiled pattern's
parse tree for the strings one of which every match starts with (``make``, ``making``,
``at least`` for a rule opening with those words); ``Scout`` finds where those strings occur,
for all its patterns in one scan of the text, and tries each pattern only there
(``pattern.match``), exactly as its ``finditer`` would find the matches: leftmost first, on
from each match's end. Patterns without such literals (or with one-character ones, which
would be tried almost everywhere) are scanned by ``re`` as before.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import ahocorasick_rs

from ingest.extract.prefilter import _analyse, _charset

_LIMIT = 256  # most strings the literals of one pattern may reach
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


def _exact(op: Any, av: Any) -> set[str] | None:
    """The strings one parse item consumes, when they are few and known."""
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.IN:
        return _charset(av)
    exact, _req = _analyse([(op, av)])
    return exact if exact is not None and len(exact) <= _LIMIT else None


def _leading(items: Any) -> set[str] | None:
    """Strings one of which every match of the parse items starts with (None: not known)."""
    cur: set[str] = {""}
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue  # a lookaround or a bound consumes nothing
        if op is C.SUBPATTERN and av[1] & re.IGNORECASE:
            break
        options = _exact(op, av)
        if options is None:
            lead: set[str] | None = None
            if op is C.SUBPATTERN:
                lead = _leading(av[-1])
            elif op is getattr(C, "ATOMIC_GROUP", None):
                lead = _leading(av)
            elif op is C.BRANCH:
                leads = [_leading(b) for b in av[1]]
                lead = None if any(x is None for x in leads) else set().union(*(x for x in leads if x))
            elif op in _REPEATS and av[0] >= 1:
                lead = _leading(av[2])
            if lead is not None and "" not in lead and len(cur) * len(lead) <= _LIMIT:
                cur = {a + b for a in cur for b in lead}
            break
        if not options or len(cur) * len(options) > _LIMIT:
            break
        cur = {a + b for a in cur for b in options}
    return None if "" in cur else cur


def leading_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` starts with; None when not proven (a
    case-insensitive pattern, one that may match an empty string or start with any character)."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a compiled pattern always parses
        return None
    if tree.getwidth()[0] < 1:
        return None
    found = _leading(tree)
    return frozenset(found) if found else None


class Scout:
    """``patterns[n].finditer(text, pos, endpos)`` for each of many patterns, tried only where one
    of its leading literals occurs (one Aho-Corasick pass per text for all of them)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = list(patterns)
        leads = [leading_literals(p) for p in patterns]
        # one-character literals would make nearly every position a candidate: ``re`` does better
        self.scouted = [lead is not None and min(map(len, lead)) >= 2 for lead in leads]
        words = sorted({w for lead, ok in zip(leads, self.scouted, strict=True) if ok and lead for w in lead})
        self.words = words
        index = {w: i for i, w in enumerate(words)}
        self.needing: list[list[int]] = [[] for _ in words]  # literal -> the patterns it opens
        for n, (lead, ok) in enumerate(zip(leads, self.scouted, strict=True)):
            for w in sorted(lead or ()) if ok else ():
                self.needing[index[w]].append(n)
        self.automaton: Any = None
        if words:
            self.automaton = ahocorasick_rs.AhoCorasick(
                words, implementation=ahocorasick_rs.Implementation.DFA
            )
        self._text: str | None = None  # the text the candidates below are of
        self._starts: dict[int, list[int]] = {}  # pattern -> where its literals start, ascending

    def _candidates(self, text: str) -> dict[int, list[int]]:
        if self._text is not text:
            starts: dict[int, set[int]] = {}
            if self.automaton is not None:
                needing = self.needing
                for i, s, _e in self.automaton.find_matches_as_indexes(text, overlapping=True):
                    for n in needing[i]:
                        starts.setdefault(n, set()).add(s)
            self._starts = {n: sorted(ss) for n, ss in starts.items()}
            self._text = text
        return self._starts

    def finditer(self, n: int, text: str, pos: int, endpos: int) -> list[re.Match[str]]:
        """The matches of pattern ``n`` in ``text[pos:endpos]``, as its ``finditer`` finds them."""
        pattern = self.patterns[n]
        if not self.scouted[n]:
            return list(pattern.finditer(text, pos, endpos))
        starts = self._candidates(text).get(n, [])
        out: list[re.Match[str]] = []
        last = pos
        for i in range(bisect_left(starts, pos), len(starts)):
            s = starts[i]
            if s >= endpos:
                break
            if s < last:
                continue
            m = pattern.match(text, s, endpos)
            if m is not None:
                out.append(m)
                last = m.end()
        return out

    def search(self, n: int, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        """The first match of pattern ``n`` in ``text[pos:endpos]``, as its ``search`` finds it."""
        pattern = self.patterns[n]
        if not self.scouted[n]:
            return pattern.search(text, pos, endpos)
        starts = self._candidates(text).get(n, [])
        for i in range(bisect_left(starts, pos), len(starts)):
            if starts[i] >= endpos:
                break
            m = pattern.match(text, starts[i], endpos)
            if m is not None:
                return m
        return None
