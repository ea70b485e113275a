"""Skip whole-text regex scans that cannot match, by literals derived from the regexes themselves.

Many rules are one regex each, scanned over a whole section (cue patterns, event rules,
narrative patterns). Most find nothing in a given document, yet each costs a full scan.
``required_literals`` reads a compiled pattern's parse tree and returns a set of literal
strings one of which every match must contain (the most selective it can prove), or None
when it cannot prove any. ``PatternGate`` finds, in one scan of the text (an Aho-Corasick
automaton), which of those literals occur, and runs only the patterns that may match; a pattern
of bounded width runs only over the part of the text a match can lie in (a match holds a literal
it requires, so it starts at most its width before the end of that literal's first occurrence,
and no later than its last occurrence starts). Nothing is kept by hand: a rule added to the
lexicon is gated by what its own regex requires, or always run.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

import ahocorasick_rs

from ingest.extract.word_regex import alt

# most strings a cross product of alternatives may reach before it is cut short: longer literals
# (不能并行, not 不能) gate more selectively at the same cost of the scan, which branches on first
# characters; more than 128 saves a little more per document but costs more to build (the tries grow)
_LIMIT = 128
_MAX_SET = 512  # most strings a required set may hold (a union of branches may exceed _LIMIT)
_UNBOUNDED = 1 << 20  # a pattern that may match more characters than this has no useful width
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}
_UNSAFE_FLAGS = re.IGNORECASE


def _charset(av: Any) -> set[str] | None:
    """The characters an IN item matches, when it lists them (no negation or category)."""
    out: set[str] = set()
    for op, arg in av:
        if op is C.LITERAL:
            out.add(chr(arg))
        elif op is C.RANGE and arg[1] - arg[0] < _LIMIT:
            out.update(chr(c) for c in range(arg[0], arg[1] + 1))
        else:
            return None
    return out


def _score(lits: set[str]) -> tuple[int, int]:
    return (min(map(len, lits)), -len(lits))


class _Seq:
    """Walks one sequence of parse items: the exact strings it consumes (when finite) and the
    best literal set every match of it must contain."""

    def __init__(self) -> None:
        self.cur: set[str] | None = {""}  # strings the current run of exact items consumes
        self.exact = True  # every item so far was exact
        self.best: set[str] | None = None

    def offer(self, lits: set[str] | None) -> None:
        if lits and "" not in lits and len(lits) <= _MAX_SET:
            if self.best is None or _score(lits) > _score(self.best):
                self.best = lits

    def close(self) -> None:
        self.exact = False
        if self.cur is not None:
            self.offer(self.cur)
        self.cur = {""}

    def extend(self, options: set[str]) -> None:
        assert self.cur is not None
        if len(self.cur) * len(options) > _LIMIT:
            self.close()
            self.offer(options)
            self.cur = set(options)
            return
        self.cur = {a + b for a in self.cur for b in options}


def _analyse(items: Any) -> tuple[set[str] | None, set[str] | None]:
    """(exact strings the sequence consumes or None, a literal set every match contains or None)."""
    seq = _Seq()
    for op, av in items:
        if op is C.LITERAL:
            seq.extend({chr(av)})
        elif op in _ZERO_WIDTH:
            continue  # consumes nothing: the literals around it stay contiguous
        elif op is C.IN:
            chars = _charset(av)
            if chars is None:
                seq.close()
            else:
                seq.extend(chars)
        elif op is C.SUBPATTERN or op is getattr(C, "ATOMIC_GROUP", None):
            if op is C.SUBPATTERN:
                _group, add_flags, _del_flags, sub = av
                if add_flags & _UNSAFE_FLAGS:
                    seq.close()
                    continue
            else:
                sub = av
            _take(seq, *_analyse(sub))
        elif op is C.BRANCH:
            branches = [_analyse(b) for b in av[1]]
            exacts = [e for e, _ in branches if e is not None]
            if len(exacts) == len(branches):
                _take(seq, set().union(*exacts), None)
            else:
                reqs = [e if e is not None else r for e, r in branches]
                known = [r for r in reqs if r is not None]
                _take(seq, None, set().union(*known) if len(known) == len(reqs) else None)
        elif op in _REPEATS:
            lo, hi, sub = av
            body, body_req = _analyse(sub)
            if body is not None and hi <= 1:
                _take(seq, body | ({""} if lo == 0 else set()), None)
            elif body is not None and lo == hi and len(body) ** lo <= _LIMIT:
                options = {""}
                for _ in range(lo):
                    options = {a + b for a in options for b in body}
                _take(seq, options, None)
            else:
                seq.close()
                if lo >= 1:
                    seq.offer(body if body is not None else body_req)
        else:  # any character, a negated one, a back reference, a conditional: no literal
            seq.close()
    exact_out = seq.cur if seq.exact else None
    if seq.cur is not None:
        seq.offer(seq.cur)
    return exact_out, seq.best


def _take(seq: _Seq, exact: set[str] | None, req: set[str] | None) -> None:
    if exact is not None and len(exact) <= _LIMIT:
        seq.extend(exact)
    else:
        seq.close()
        seq.offer(exact if exact is not None else req)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literal strings one of which every match of ``pattern`` contains; None when none is proven
    (case-insensitive patterns, patterns that can match an empty or literal-free string)."""
    if pattern.flags & _UNSAFE_FLAGS:
        return None
    try:
        tree = P.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - a compiled pattern always parses
        return None
    _exact, req = _analyse(tree)
    return frozenset(req) if req else None


def max_width(pattern: re.Pattern[str]) -> int | None:
    """The most characters a match of ``pattern`` spans (lookarounds span none); None when unbounded."""
    try:
        hi = int(P.parse(pattern.pattern, pattern.flags).getwidth()[1])
    except Exception:  # pragma: no cover - a compiled pattern always parses
        return None
    return hi if hi < _UNBOUNDED else None


_UNITS = frozenset({C.ANY, C.RANGE, C.IN, C.LITERAL, C.NOT_LITERAL, C.CATEGORY})


def reach(pattern: re.Pattern[str]) -> int | None:
    """How far past where a match attempt starts ``re`` may read the text to decide it (what a match
    consumes, lookaheads, the character a word bound or an end looks at); None when unbounded."""
    try:
        found = _reach(P.parse(pattern.pattern, pattern.flags))
    except Exception:  # pragma: no cover - a compiled pattern always parses
        return None
    return found[1] if found is not None and found[1] < _UNBOUNDED else None


def _reach(items: Any) -> tuple[int, int] | None:
    """(most characters ``items`` consume, most characters past their start read), None: unbounded."""
    hi = far = 0
    for op, av in items:
        if op in _UNITS:
            hi += 1
            far = max(far, hi)
        elif op is C.AT:
            far = max(far, hi + 1)  # a word bound or an end looks at the next character
        elif op is C.ASSERT or op is C.ASSERT_NOT:
            if av[0] == 1:  # a lookahead reads on from here; a lookbehind only what lies before
                sub = _reach(av[1])
                if sub is None:
                    return None
                far = max(far, hi + sub[1])
        elif op is C.SUBPATTERN or op is C.BRANCH or op is getattr(C, "ATOMIC_GROUP", None):
            if op is C.BRANCH:
                subs = [_reach(b) for b in av[1]]
            else:
                subs = [_reach(av[-1] if op is C.SUBPATTERN else av)]
            if any(r is None for r in subs):
                return None
            far = max(far, hi + max(r[1] for r in subs if r is not None))
            hi += max(r[0] for r in subs if r is not None)
        elif op in _REPEATS:
            lo, most, body = av
            sub = _reach(body)
            if sub is None or most >= C.MAXREPEAT:
                return None
            if most:
                far = max(far, hi + (most - 1) * sub[0] + sub[1])
                hi += most * sub[0]
        else:  # a back reference, a conditional: not read here
            return None
    return hi, far


class PatternGate:
    """Which of ``patterns`` may match a text, from one scan for the literals they require."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.required = [required_literals(p) for p in patterns]
        self.widths = [max_width(p) for p in patterns]
        self.reaches = [reach(p) for p in patterns]
        # every literal, all their occurrences (overlapping ones too) in one Aho-Corasick pass
        self.words = sorted({w for req in self.required if req for w in req})
        self.automaton: Any = None
        if self.words:
            self.automaton = ahocorasick_rs.AhoCorasick(
                self.words, implementation=ahocorasick_rs.Implementation.DFA
            )
        # literal -> the patterns requiring it (one of their set), so only the literals found are
        # looked up, not every pattern's set
        self.needing: dict[str, list[int]] = {}
        for n, req in enumerate(self.required):
            for w in req or ():
                self.needing.setdefault(w, []).append(n)
        self.always = [req is None for req in self.required]

    def present(self, text: str) -> set[str]:
        """The required literals ``text`` holds."""
        return set(self.occurrences(text))

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """The required literals ``text`` holds, each with [where its first occurrence ends, where
        its last one starts]."""
        found: dict[str, list[int]] = {}
        if self.automaton is None:
            return found
        words = self.words
        # matches come by their end, so a literal's first is its first end and its last its last start
        for i, start, end in self.automaton.find_matches_as_indexes(text, overlapping=True):
            w = words[i]
            seen = found.get(w)
            if seen is None:
                found[w] = [end, start]
            else:
                seen[1] = start
        return found

    def spans(self, text: str) -> list[tuple[int, int] | None]:
        """Per pattern: None when it cannot match ``text`` (every literal it requires is absent), else
        the (pos, endpos) to scan it over: ``finditer(text, pos, endpos)`` finds exactly what
        ``finditer(text)`` finds. A match holds a literal the pattern requires, so it starts no
        earlier than the first such literal's end less the pattern's width, and no later than the
        last one's start; ``re`` reads at most the pattern's reach past a start, so the text after
        that is not needed; lookbehinds, word bounds and ``^`` still read the text before ``pos``."""
        n_text = len(text)
        out: list[tuple[int, int] | None] = [(0, n_text) if a else None for a in self.always]
        needing, widths, reaches = self.needing, self.widths, self.reaches
        for w, (first_end, last_start) in self.occurrences(text).items():
            for n in needing[w]:
                width, far = widths[n], reaches[n]
                lo = 0 if width is None else max(0, first_end - width)
                hi = n_text if far is None else min(n_text, last_start + far + 2)
                now = out[n]
                if now is None:
                    out[n] = (lo, hi)
                else:
                    out[n] = (min(lo, now[0]), max(hi, now[1]))
        return out

    def starts(self, text: str) -> list[int | None]:
        """Per pattern: None when it cannot match ``text``, else where a match can first start (see
        ``spans``)."""
        return [None if span is None else span[0] for span in self.spans(text)]

    def active(self, text: str) -> list[bool]:
        """Per pattern: may it match ``text``? (False only when a literal it requires is absent.)"""
        out = list(self.always)
        needing = self.needing
        for w in self.present(text):
            for n in needing[w]:
                out[n] = True
        return out


# what ``re`` with IGNORECASE matches to an ASCII letter besides its two cases (i, s, k)
_ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


class GatedSearch:
    """``pattern.search`` over short spans, skipped when the span holds none of the literals the
    pattern requires. A case-insensitive pattern is gated by the literals of its case-sensitive
    reading looked for in the lower-cased span (exact while they are ASCII or caseless: a span
    holding a character ``re`` folds to an ASCII letter otherwise is always searched)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.caseless = bool(pattern.flags & re.IGNORECASE)
        lits = required_literals(re.compile(pattern.pattern) if self.caseless else pattern)
        if lits is not None and self.caseless:
            lits = frozenset(w.lower() for w in lits)
            if any(not ch.isascii() and ch.lower() != ch.upper() for w in lits for ch in w):
                lits = None  # a cased letter beyond ASCII: its folds are not read here
        # the literals as one trie alternation (``re`` skips ahead on their first characters)
        self.gate = re.compile(alt(sorted(lits), bound_start=False, bound_end=False)) if lits else None

    def search(self, text: str, pos: int, endpos: int) -> re.Match[str] | None:
        gate = self.gate
        if gate is not None:
            span = text[pos:endpos]
            if self.caseless:
                if gate.search(span.lower()) is None and not any(ch in span for ch in _ODD_FOLDS):
                    return None
            elif gate.search(span) is None:
                return None
        return self.pattern.search(text, pos, endpos)
