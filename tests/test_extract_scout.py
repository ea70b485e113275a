"""Regexes tried only where their leading literals occur (``scout.Scout``), the negators' trie
(``word_regex.ranked_alt``) and split alternatives: the same matches as ``re`` finds, on random
texts built to overlap."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.extract.branches import Alternatives
from ingest.extract.scout import Scout, leading_literals
from ingest.extract.word_regex import alt, ranked_alt

_CHARS = "可灵不能好ab n\n"
_text = st.text(alphabet=_CHARS, max_size=80)
_words = st.lists(st.text(alphabet="可灵不能ab n", min_size=1, max_size=3), min_size=1, max_size=12)
_PATTERNS = [
    r"(?:ab|a b)(?![a-z])|可灵+",
    r"(?<!不)(?:能|可)(?:好|灵)",
    r"(?:(?:ab|ba) n|不能)\b",
    r"\bab(?:\s+b)?|不(?=能)",
    r"(?P<x>可|不)能?(?P<y>好)?",
]


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_leading_literals() -> None:
    assert leading_literals(re.compile(r"(?:make|made) it|at least")) == {"make it", "made it", "at least"}
    assert leading_literals(re.compile(r"\b(?:ab|cd)[0-9]")) == {
        "ab0",
        "ab1",
        "ab2",
        "ab3",
        "ab4",
        "ab5",
        "ab6",
        "ab7",
        "ab8",
        "ab9",
        "cd0",
        "cd1",
        "cd2",
        "cd3",
        "cd4",
        "cd5",
        "cd6",
        "cd7",
        "cd8",
        "cd9",
    }
    assert leading_literals(re.compile(r"a?b")) == {"ab", "b"}
    assert leading_literals(re.compile(r"(?i)ab")) is None
    assert leading_literals(re.compile(r".ab")) is None


@settings(max_examples=300, deadline=None)
@given(_text, st.integers(0, 80), st.integers(0, 80))
def test_scout_matches_finditer(text: str, pos: int, end: int) -> None:
    patterns = [re.compile(p) for p in _PATTERNS]
    scout = Scout(patterns)
    pos, end = min(pos, len(text)), min(max(pos, end), len(text))
    for n, p in enumerate(patterns):
        found = scout.finditer(n, text, pos, end)
        assert _spans(found) == _spans(list(p.finditer(text, pos, end)))
        assert [m.groupdict() for m in found] == [m.groupdict() for m in p.finditer(text, pos, end)]
        first, ref = scout.search(n, text, pos, end), p.search(text, pos, end)
        assert (first.span() if first else None) == (ref.span() if ref else None)


@settings(max_examples=300, deadline=None)
@given(_text)
def test_split_alternatives_match_the_whole_pattern(text: str) -> None:
    patterns = [re.compile(p) for p in _PATTERNS]
    alts = Alternatives(patterns)
    for n, p in enumerate(patterns):
        assert _spans(alts.find(n, text, 0, len(text))) == _spans(list(p.finditer(text)))


@settings(max_examples=300, deadline=None)
@given(_words, _words, _words, _text)
def test_ranked_alt_matches_the_groups(a: list[str], b: list[str], c: list[str], text: str) -> None:
    whole = re.compile(rf"(?:{alt(a)})|(?P<fix>{alt(b)})|(?P<neg>{alt(c)})")
    ranked = ranked_alt([a, b, c])
    scan = re.compile(ranked) if ranked is not None else whole
    assert _spans(list(scan.finditer(text))) == _spans(list(whole.finditer(text)))
